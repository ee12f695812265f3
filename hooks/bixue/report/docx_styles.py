"""The 通报's paragraph styles (GB/T 9704's fonts, sizes and spacing), added to the document once
and given to each paragraph: an office's template may restyle them by defining the same names."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Dict, Optional

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

LATIN_FONT = "Times New Roman"


@dataclass(frozen=True)
class Look:
    font: str
    size: float
    """Points: 22 二号, 16 三号, 12 小四."""
    align: int = WD_ALIGN_PARAGRAPH.JUSTIFY
    indent: bool = True
    """First line two characters in."""
    line: float = 28
    keep_with_next: bool = False
    right_indent: Optional[float] = None


TITLE, BODY, HEADING_1, HEADING_2 = "通报标题", "通报正文", "通报一级标题", "通报二级标题"
ADDRESSEE, SIGNATURE, CELL, CELL_CENTER, HEADER = (
    *("通报主送", "通报落款", "通报表格", "通报表格居中", "通报表头"),
)
CENTER, RIGHT, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.LEFT
LOOKS = MappingProxyType(
    {
        TITLE: Look("方正小标宋简体", 22, CENTER, False, 36),
        BODY: Look("仿宋_GB2312", 16),
        ADDRESSEE: Look("仿宋_GB2312", 16, LEFT, False),
        HEADING_1: Look("黑体", 16, keep_with_next=True),
        HEADING_2: Look("楷体_GB2312", 16, keep_with_next=True),
        SIGNATURE: Look("仿宋_GB2312", 16, RIGHT, False, right_indent=64),
        CELL: Look("仿宋_GB2312", 12, LEFT, False, 20),
        CELL_CENTER: Look("仿宋_GB2312", 12, CENTER, False, 20),
        HEADER: Look("黑体", 12, CENTER, False, 20),
    }
)


def ensure_styles(document) -> Dict[str, object]:
    """Each style by name: the document's own where it has one, else ours, added."""
    styles = document.styles
    found = {}
    for name, look in LOOKS.items():
        found[name] = styles[name] if name in styles else added(styles, name, look)
    return found


def added(styles, name: str, look: Look):
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.font.size = Pt(look.size)
    set_fonts(style.element.get_or_add_rPr(), look.font)
    fmt = style.paragraph_format
    fmt.alignment = look.align
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(look.line)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.first_line_indent = Pt(look.size * 2) if look.indent else None
    fmt.keep_with_next = look.keep_with_next or None
    if look.right_indent:
        fmt.right_indent = Pt(look.right_indent)
    return style


def set_fonts(properties, east_asian: str) -> None:
    """Chinese text in `east_asian`, Latin letters and digits in Times New Roman."""
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), east_asian)
