"""The 通报 as a Word document in GB/T 9704's layout: A4, its margins, fonts and page numbers."""

from __future__ import annotations

import datetime
import io
from types import MappingProxyType
from typing import Iterable, Optional

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ..outputs.xlsx_write import with_fixed_dates
from .content import Block, Heading, Report, Table, long_date
from .docx_styles import (
    ADDRESSEE,
    BODY,
    CELL,
    CELL_CENTER,
    HEADER,
    HEADING_1,
    HEADING_2,
    SIGNATURE,
    TITLE,
    ensure_styles,
    set_fonts,
)
from .docx_table import table_element

CORE_PROPERTY_CHARS = 255
"""What Word (and python-docx) take in a document property; the page keeps the whole title."""
PAGE_NUMBER_FONT = "宋体"
PAGE_NUMBER_SIZE = Pt(14)
"""四号."""
MARGINS = MappingProxyType({"top": Mm(37), "bottom": Mm(35), "left": Mm(28), "right": Mm(26)})
TEXT_WIDTH = Mm(210 - 28 - 26)


def built_in(report: Report) -> bytes:
    """The whole document in the built-in layout."""
    document = Document()
    set_page(document)
    styles = ensure_styles(document)
    paragraph(document, report.title, styles[TITLE])
    paragraph(document, "", styles[BODY])
    paragraph(document, report.addressee, styles[ADDRESSEE])
    write_blocks(document, report.blocks)
    write_signature(document, report)
    return saved(document, report)


def set_page(document) -> None:
    """A4 and GB/T 9704's margins; page numbers outside on odd and even pages."""
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    section.header_distance, section.footer_distance = Mm(15), Mm(25)
    document.settings.odd_and_even_pages_header_footer = True
    page_number(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
    page_number(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)


def page_number(paragraph, align) -> None:
    """— 1 —: a PAGE field between two dashes, one character in from the outer edge."""
    paragraph.alignment = align
    indent = paragraph.paragraph_format
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        indent.right_indent = PAGE_NUMBER_SIZE
    else:
        indent.left_indent = PAGE_NUMBER_SIZE
    add_run(paragraph, "— ", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
    field = add_run(paragraph, "", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)._r
    field.append(field_char("begin"))
    field.append(element("w:instrText", " PAGE "))
    field.append(field_char("separate"))
    field.append(element("w:t", "1"))
    field.append(field_char("end"))
    add_run(paragraph, " —", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)


def field_char(kind: str):
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    return char


def element(tag: str, text: str):
    made = OxmlElement(tag)
    made.set(qn("xml:space"), "preserve")
    made.text = text
    return made


def write_blocks(document, blocks: Iterable[Block]) -> None:
    """Headings, paragraphs and tables at the end of the document, in the 通报's styles."""
    styles = ensure_styles(document)
    for block in blocks:
        if isinstance(block, Table):
            write_table(document, block, styles)
        elif isinstance(block, Heading):
            paragraph(document, block.text, styles[HEADING_1 if block.level == 1 else HEADING_2])
        else:
            added = paragraph(document, block.text, styles[BODY])
            if block.placeholder:
                added.runs[0].font.highlight_color = WD_COLOR_INDEX.YELLOW


def write_table(document, table: Table, styles) -> None:
    cell_styles = [
        styles[CELL].style_id,
        *([styles[CELL_CENTER].style_id] * (len(table.widths) - 1)),
    ]
    element = table_element(table, TEXT_WIDTH, styles[HEADER].style_id, cell_styles)
    body = document.element.body
    end = body.find(qn("w:sectPr"))
    if end is None:
        body.append(element)
    else:
        end.addprevious(element)
    paragraph(document, "", styles[CELL])


def paragraph(document, text: str, style):
    """A paragraph of `style` at the end: its id set directly (python-docx looks a style given
    by name or object up among all styles, each time)."""
    added = document.add_paragraph(text)
    added._p.style = style.style_id
    return added


def write_signature(document, report: Report) -> None:
    """发文机关 and 成文日期 on the right, four characters in (GB/T 9704 7.3.5.2)."""
    styles = ensure_styles(document)
    paragraph(document, "", styles[BODY])
    for text in (report.organization, long_date(report.as_of)):
        paragraph(document, text, styles[SIGNATURE])


def add_run(paragraph, text: str, east_asian: str, size):
    run = paragraph.add_run(text)
    run.font.size = size
    set_fonts(run._r.get_or_add_rPr(), east_asian)
    return run


def saved(document, report: Report, stamp: Optional[datetime.datetime] = None) -> bytes:
    """The document's bytes, the same every time for the same report: core properties and zip
    entries carry the as-of day, never the clock."""
    stamp = stamp or datetime.datetime.combine(report.as_of, datetime.time())
    properties = document.core_properties
    properties.title = report.title[:CORE_PROPERTY_CHARS]
    properties.author = properties.last_modified_by = "Bixue"
    properties.created = properties.modified = properties.last_printed = stamp
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return with_fixed_dates(buffer.getvalue(), stamp)
