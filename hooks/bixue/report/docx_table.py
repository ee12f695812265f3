"""A table of the 通报 as WordprocessingML written out and parsed once: python-docx builds a cell
at a time, and a 500-unit ranking took seconds."""

from __future__ import annotations

from typing import Sequence
from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from .content import Table

BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)


def table_element(table: Table, text_width: int, header_style: str, cell_styles: Sequence[str]):
    """The <w:tbl> of `table`: bordered, centred, fixed column widths (EMU in, twips out), the
    header row repeated on every page it runs onto."""
    whole = sum(table.widths)
    widths = [int(text_width * width / whole) // 635 for width in table.widths]  # EMU → twips
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    head = row(table.headers, widths, [header_style] * len(widths), header=True)
    body = "".join(row(cells, widths, cell_styles, header=False) for cells in table.rows)
    xml = (
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        f'<w:jc w:val="center"/><w:tblBorders>{BORDERS}</w:tblBorders>'
        f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{head}{body}</w:tbl>'
    )
    return parse_xml(xml)


def row(texts: Sequence[str], widths: Sequence[int], styles: Sequence[str], header: bool) -> str:
    properties = '<w:trPr><w:tblHeader w:val="true"/></w:trPr>' if header else ""
    cells = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
        f'<w:p><w:pPr><w:pStyle w:val="{escape(style)}"/></w:pPr>'
        f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p></w:tc>'
        for text, width, style in zip(texts, widths, styles, strict=True)
    )
    return f"<w:tr>{properties}{cells}</w:tr>"
