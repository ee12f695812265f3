"""QR codes as inline SVG, made at build time."""

from __future__ import annotations

import io
import json

from ..session import build_session, disk_cache

MASK = 0
"""One fixed mask pattern: choosing the best of eight (segno's default) is 80 % of the time of a
code, and 1,500 codes at 500 units took 11 s. Every mask is valid QR; readers decode them all
(tests/test_sharing.py decodes every case's code; 2,400 addresses decoded under each mask)."""


def qr_svg(url: str, title: str = "") -> str:
    """An SVG QR code for url (no XML declaration, scalable), to inline in a page; kept by the
    build session, and between builds in disk_cache."""
    session = build_session.current()
    if session is None:
        return _qr_svg(url, title)
    return session.qr.get(json.dumps([url, title]), lambda: _qr_svg(url, title))


def _qr_svg(url: str, title: str) -> str:
    entry_key = disk_cache.key("qr", json.dumps([url, title, MASK]).encode("utf-8"))
    kept = disk_cache.load("qr", entry_key)
    if kept is not None and "svg" in kept:
        return kept["svg"].decode("utf-8")
    svg = _made(url, title)
    disk_cache.store("qr", entry_key, {}, {"svg": svg.encode("utf-8")})
    return svg


def _made(url: str, title: str) -> str:
    import segno  # only when a code is not kept in disk_cache: importing it takes 11 ms a build

    buffer = io.BytesIO()
    segno.make(url, error="m", mask=MASK).save(
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
