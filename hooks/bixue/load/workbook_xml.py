"""A workbook's XML parts refused before any parser sees them: a DOCTYPE (the only place an
entity, external or expanding, can be declared) is never parsed, so no entity is ever resolved."""

from __future__ import annotations

import codecs
import re
import zipfile
import zlib
from pathlib import Path
from typing import Optional, Tuple
from xml.etree.ElementTree import ParseError

PROLOG_BYTES = 64 * 1024
"""Excel and WPS write a one-line declaration before the root element; far more is refused."""
PROLOG = re.compile(r"\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*)*", re.DOTALL)
BROKEN = (zipfile.BadZipFile, zlib.error, EOFError, ParseError, KeyError, ValueError, OSError)
"""What reading a damaged workbook raises: a cut or corrupt zip entry, XML cut off mid-tag."""
FIX = "用 Excel 或 WPS 打开后另存为 .xlsx；打不开的话，这个文件已损坏，请找原始文件"


def prolog_problem(head: bytes) -> Optional[str]:
    """Why the start of an XML part is refused, or None: a DOCTYPE, or a prolog too long."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = head.decode("utf-16", errors="replace")
    else:
        text = head.decode("utf-8", errors="replace")
    rest = text.lstrip("\ufeff")[PROLOG.match(text.lstrip("\ufeff")).end() :]
    if rest.startswith("<!"):
        return "里有 DOCTYPE 声明（Excel 和 WPS 从不写它，可能是恶意构造的文件）"
    if not rest and len(head) >= PROLOG_BYTES:
        return "的开头异常地长，不像 Excel 或 WPS 保存的文件"
    return None


def xml_problem(file: Path) -> Optional[Tuple[str, str]]:
    """(message, hint) when a part of the workbook is refused or unreadable, else None."""
    try:
        with zipfile.ZipFile(file) as archive:
            for info in archive.infolist():
                if not info.filename.endswith((".xml", ".rels")):
                    continue
                with archive.open(info) as part:
                    problem = prolog_problem(part.read(PROLOG_BYTES))
                if problem:
                    return f"工作簿的 {info.filename} {problem}，不读取", FIX
    except BROKEN:
        return broken()
    return None


def broken() -> Tuple[str, str]:
    return "工作簿已损坏（压缩数据或 XML 不完整），无法读取", FIX
