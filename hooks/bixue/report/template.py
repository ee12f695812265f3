"""The 通报 in an office's own template (data/templates/通报.docx): its 红头 and 文号 kept, the
placeholders filled, the body written where {{正文}} stands."""

from __future__ import annotations

import io
from typing import Iterator, Mapping

from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from .content import Report, long_date
from .docx_layout import saved, write_blocks

BODY = "{{正文}}"


def placeholders(report: Report) -> Mapping[str, str]:
    """What each placeholder becomes (FORMAT.md lists them)."""
    return {
        "{{标题}}": report.title,
        "{{文号}}": report.number,
        "{{日期}}": long_date(report.as_of),
        "{{发文机关}}": report.organization,
        "{{主送}}": report.addressee,
    }


def in_template(report: Report, template: bytes) -> bytes:
    document = Document(io.BytesIO(template))
    values = placeholders(report)
    for paragraph in every_paragraph(document):
        fill(paragraph, values)
    body = document.element.body
    anchor = next(
        Paragraph(p, document._body)
        for p in body.iter(qn("w:p"))
        if BODY in Paragraph(p, None).text
    )
    before = set(body)  # held, so lxml gives the same proxy objects back below
    write_blocks(document, report.blocks)
    for element in [child for child in body if child not in before]:
        anchor._p.addprevious(element)
    anchor._p.getparent().remove(anchor._p)
    return saved(document, report)


def every_paragraph(document) -> Iterator:
    """Paragraphs of the body, its tables' cells, and every header and footer."""
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs
    for section in document.sections:
        for part in (
            section.header,
            section.first_page_header,
            section.even_page_header,
            section.footer,
            section.first_page_footer,
            section.even_page_footer,
        ):
            if not part.is_linked_to_previous:
                yield from part.paragraphs


def fill(paragraph, values: Mapping[str, str]) -> None:
    """Placeholders replaced; Word may split one across runs, so the paragraph's text is put in
    its first run (keeping that run's look) when a placeholder spans several."""
    text = paragraph.text
    if not any(key in text for key in values):
        return
    for run in paragraph.runs:
        if any(key in run.text for key in values):
            run.text = replaced(run.text, values)
    if any(key in paragraph.text for key in values):
        runs = paragraph.runs
        runs[0].text = replaced(text, values)
        for run in runs[1:]:
            run.text = ""


def replaced(text: str, values: Mapping[str, str]) -> str:
    for key, value in values.items():
        text = text.replace(key, value)
    return text
