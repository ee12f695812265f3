"""data/templates/通报.docx, an office's own layout for the 通报: checked to open and to say where
the body goes, before the build starts."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Optional, Tuple

from .datafiles import present
from .reading import Reading
from .workbook_xml import BROKEN, PROLOG_BYTES, prolog_problem

TEMPLATE = "templates/通报.docx"
BODY = "{{正文}}"
FIX = "用 Word 或 WPS 打开后另存为 .docx（Word 文档）"
_TAG = re.compile(rb"<[^>]+>")


def check_report_template(reading: Reading) -> None:
    """An error naming the template when it cannot be used; nothing when there is none."""
    file = reading.data_dir / TEMPLATE
    if not present(file):
        return
    raw = reading.data_bytes(file)
    problem = template_problem(raw) if raw is not None else None
    if problem:
        reading.file_error(file, *problem)


def template_problem(raw: bytes) -> Optional[Tuple[str, str]]:
    """(message, hint) when the bytes are not a Word document holding {{正文}}, else None."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            for info in archive.infolist():
                if info.filename.endswith((".xml", ".rels")):
                    with archive.open(info) as part:
                        problem = prolog_problem(part.read(PROLOG_BYTES))
                    if problem:
                        return f"通报模板的 {info.filename} {problem}，不读取", FIX
            body = archive.read("word/document.xml")
    except BROKEN:
        return "通报模板不是 Word 文档（.docx），或已损坏", FIX
    if BODY.encode() not in _TAG.sub(b"", body):
        return (
            f"通报模板里没有 {BODY}：不知道正文放在哪里",
            f"在模板里正文的位置单独一行写上 {BODY}",
        )
    return None
