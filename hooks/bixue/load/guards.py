"""What no data may hold or exceed: invisible control and bidi characters, and the size limits."""

from __future__ import annotations

import math
import re
from types import MappingProxyType
from typing import Any, Iterator, List, Optional, Tuple

from ..errors import DataError

MAX_FILE_BYTES = 2 * 1024 * 1024
"""A YAML or Markdown file: 2 MB is a thousand pages of text, far more than any campaign writes."""
MAX_TEXT_CHARS = 1_000
"""A plain text field (a title, a name, an id)."""
MAX_MARKDOWN_CHARS = 20_000
"""A Markdown field (a problem, measures, a progress note, a summary)."""
MAX_BODY_CHARS = 100_000
"""The story of an exemplar, the body of a notice."""
MAX_BRACKETS = 50
"""`[` in one paragraph: Python-Markdown reads on to the paragraph end for each one's `]`, so
many of them in a long paragraph stall the build (50 × 100,000 characters: 3 s)."""
MAX_DEPTH = 20
"""Levels of nesting in a YAML file; the deepest the format needs is 5."""
MAX_MAGNITUDE = 10**15
"""Numbers must be smaller than this in size: any figure of a campaign is, and sums stay exact."""

FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]"
)
"""C0 and C1 controls but tab and line breaks, DEL, bidi marks and overrides, non-characters."""
BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
CONTROL_NAMES = MappingProxyType(
    {"\x00": "NUL", "\x1b": "ESC", "\x7f": "DEL", "\x0c": "换页符", "\x08": "退格符"}
)


def character_problem(char: str) -> Tuple[str, str]:
    """(message, hint) for one forbidden character."""
    code = f"U+{ord(char):04X}"
    if BIDI.match(char):
        message = f"有看不见的文字方向控制字符 {code}，它会让文字倒着或乱序显示"
    else:
        name = CONTROL_NAMES.get(char)
        message = f"有看不见的控制字符 {code}" + (f"（{name}）" if name else "")
    return message, "删掉它：它多半是从 Word、网页或微信里复制时带进来的"


def forbidden_characters(lines: List[str], path: str, first_line: int) -> List[DataError]:
    """One error per line holding a forbidden character (the first one on it)."""
    errors = []
    for number, line in enumerate(lines, first_line):
        match = FORBIDDEN.search(line)
        if match:
            errors.append(DataError(path, number, "", *character_problem(match.group())))
    return errors


def without_forbidden(text: str) -> str:
    """`text` as a reader sees it: the invisible characters gone (NEL kept as a line break)."""
    return FORBIDDEN.sub(lambda match: "\n" if match.group() == "\x85" else "", text)


def escaped_in(root: Any, path: str) -> List[DataError]:
    """Forbidden characters written as escapes in quotes (`"\\e"`, `"\\u202e"`) in any key or
    value of a YAML file's nodes (`yamlfile.Node`: a value and its line)."""
    errors, pending = [], [("", root.value, root.line)] if root is not None else []
    while pending:
        field, value, line = pending.pop()
        if isinstance(value, str) and escaped_characters(value):
            errors.append(DataError(path, line, field, *escaped_characters(value)))
        if isinstance(value, dict):
            pending += [(key, child.value, child.line) for key, child in value.items()]
            pending += [("", key, child.line) for key, child in value.items()]
        elif isinstance(value, list):
            pending += [(field, child.value, child.line) for child in value]
    return errors


def escaped_characters(value: str) -> Optional[Tuple[str, str]]:
    """The problem of a value holding a forbidden character (written as an escape such as `\\e`)."""
    match = FORBIDDEN.search(value)
    if match is None:
        return None
    message, _ = character_problem(match.group())
    return message, "引号里的 \\ 转义写出了这个字符，删掉它"


def too_long(value: str, limit: int) -> Optional[str]:
    """The message for a text over its limit, or None."""
    if len(value) <= limit:
        return None
    return f"文字超过 {limit:,} 字上限（实际 {len(value):,} 字）"


def file_too_big(size: int) -> str:
    return f"文件超过 {MAX_FILE_BYTES // (1024 * 1024)} MB 上限（实际 {size / 1024 / 1024:.1f} MB）"


def number_problem(value: float) -> Optional[str]:
    """Infinity (`1e400`), NaN and numbers too big to be a campaign's figure."""
    if isinstance(value, float) and math.isnan(value):
        return "不是一个数"
    if not (isinstance(value, int) or math.isfinite(value)) or abs(value) >= MAX_MAGNITUDE:
        return "数字超出范围：绝对值必须小于 10 的 15 次方（1000 万亿）"
    return None


def crowded_paragraphs(text: str) -> Iterator[Tuple[int, int]]:
    """(line offset, count) of each paragraph with more than MAX_BRACKETS `[`."""
    line = 0
    for paragraph in re.split(r"(\n[ \t]*\n)", text):
        count = paragraph.count("[")
        if count > MAX_BRACKETS and paragraph.strip():
            yield line, count
        line += paragraph.count("\n")
