"""QR codes as inline SVG, made at build time."""

from __future__ import annotations

import io

import segno


def qr_svg(url: str, title: str = "") -> str:
    """An SVG QR code for url (no XML declaration, scalable), to inline in a page."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer,
        kind="svg",
        xmldecl=False,
        svgns=True,
        scale=4,
        border=2,
        title=title or None,
        svgclass="bx-qr",
        lineclass=None,
        omitsize=True,
    )
    return buffer.getvalue().decode("utf-8")
