"""The 通报 as a Word document in GB/T 9704's layout: A4, its margins, fonts and page numbers."""

from __future__ import annotations

import datetime
import io
from types import MappingProxyType
from typing import Iterable, Optional

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ..outputs.xlsx_write import with_fixed_dates
from .content import Block, Heading, Report, Table, long_date

TITLE_FONT, BODY_FONT = "方正小标宋简体", "仿宋_GB2312"
HEADING_FONTS = MappingProxyType({1: "黑体", 2: "楷体_GB2312"})
PAGE_NUMBER_FONT = "宋体"
LATIN_FONT = "Times New Roman"
TITLE_SIZE, BODY_SIZE, TABLE_SIZE, PAGE_NUMBER_SIZE = Pt(22), Pt(16), Pt(12), Pt(14)
"""二号, 三号, 小四 (tables), 四号 (page numbers)."""
LINE = Pt(28)
INDENT = Pt(32)
"""Two characters of 三号."""
MARGINS = MappingProxyType({"top": Mm(37), "bottom": Mm(35), "left": Mm(28), "right": Mm(26)})
TEXT_WIDTH = Mm(210 - 28 - 26)


def built_in(report: Report) -> bytes:
    """The whole document in the built-in layout."""
    document = Document()
    set_page(document)
    set_defaults(document)
    title = document.add_paragraph()
    styled(title, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, line=Pt(36))
    add_run(title, report.title, TITLE_FONT, TITLE_SIZE)
    document.add_paragraph()
    addressee = document.add_paragraph()
    styled(addressee, indent=False)
    add_run(addressee, report.addressee, BODY_FONT, BODY_SIZE)
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


def set_defaults(document) -> None:
    normal = document.styles["Normal"]
    normal.font.size = BODY_SIZE
    set_fonts(normal.element.get_or_add_rPr(), BODY_FONT)
    normal.paragraph_format.space_after = Pt(0)


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
    """Headings, paragraphs and tables at the end of the document, each formatted directly (an
    office template's styles are not ours)."""
    for block in blocks:
        if isinstance(block, Table):
            write_table(document, block)
            continue
        paragraph = document.add_paragraph()
        styled(paragraph)
        if isinstance(block, Heading):
            paragraph.paragraph_format.keep_with_next = True
            add_run(paragraph, block.text, HEADING_FONTS[block.level], BODY_SIZE)
        else:
            run = add_run(paragraph, block.text, BODY_FONT, BODY_SIZE)
            if block.placeholder:
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def write_table(document, table: Table) -> None:
    grid = document.add_table(rows=1 + len(table.rows), cols=len(table.headers))
    grid.style = document.styles["Table Grid"] if "Table Grid" in document.styles else None
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    whole = sum(table.widths)
    for column, width in zip(grid.columns, table.widths, strict=True):
        column.width = int(TEXT_WIDTH * width / whole)
    for row_index, cells in enumerate((table.headers, *table.rows)):
        for column, text in enumerate(cells):
            cell = grid.cell(row_index, column)
            cell.width = int(TEXT_WIDTH * table.widths[column] / whole)
            paragraph = cell.paragraphs[0]
            styled(
                paragraph,
                indent=False,
                line=Pt(20),
                align=WD_ALIGN_PARAGRAPH.CENTER if row_index == 0 or column else None,
            )
            font = HEADING_FONTS[1] if row_index == 0 else BODY_FONT
            add_run(paragraph, text, font, TABLE_SIZE)
    repeat_header(grid.rows[0])
    after = document.add_paragraph()
    styled(after, line=Pt(14))


def repeat_header(row) -> None:
    """The header row again on every page a long table runs onto."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def write_signature(document, report: Report) -> None:
    """发文机关 and 成文日期 on the right, four characters in (GB/T 9704 7.3.5.2)."""
    document.add_paragraph()
    for text in (report.organization, long_date(report.as_of)):
        paragraph = document.add_paragraph()
        styled(paragraph, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
        paragraph.paragraph_format.right_indent = Pt(64)
        add_run(paragraph, text, BODY_FONT, BODY_SIZE)


def styled(paragraph, align=None, indent: bool = True, line=LINE) -> None:
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = line
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.first_line_indent = INDENT if indent else None
    if align is not None:
        paragraph.alignment = align
    else:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY


def add_run(paragraph, text: str, east_asian: str, size):
    run = paragraph.add_run(text)
    run.font.size = size
    set_fonts(run._r.get_or_add_rPr(), east_asian)
    return run


def set_fonts(properties, east_asian: str) -> None:
    """Chinese text in `east_asian`, Latin letters and digits in Times New Roman."""
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), east_asian)


def saved(document, report: Report, stamp: Optional[datetime.datetime] = None) -> bytes:
    """The document's bytes, the same every time for the same report: core properties and zip
    entries carry the as-of day, never the clock."""
    stamp = stamp or datetime.datetime.combine(report.as_of, datetime.time())
    properties = document.core_properties
    properties.title = report.title
    properties.author = properties.last_modified_by = "Bixue"
    properties.created = properties.modified = properties.last_printed = stamp
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return with_fixed_dates(buffer.getvalue(), stamp)
