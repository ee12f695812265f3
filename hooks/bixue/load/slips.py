"""The typing slips a clerk makes (full-width marks, Excel's thousands separator, a name for an id),
named in words that say what to change."""

from __future__ import annotations

import re
from typing import List, Mapping, Tuple

FULL_WIDTH_DIGITS = re.compile("[\uff10-\uff19]")
THOUSANDS = re.compile(r"[-+]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
FULL_WIDTH_KEY = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*：")
"""`owner：叶小芬`: a key followed by a full-width colon."""
COLON_IN_TEXT = "mapping values are not allowed here"
"""PyYAML's problem when `: ` stands inside unquoted text."""


def half_width(text: str) -> str:
    """Full-width digits, letters and marks as their ASCII forms (１２３０ -> 1230)."""
    return "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c for c in text)


def text_slip(text: str) -> str:
    """A hint naming the slip in a value that was meant to be a number, date, id or key; ""."""
    if FULL_WIDTH_KEY.match(text):
        key = FULL_WIDTH_KEY.match(text).group(1)
        return f"“{key}：”用了全角冒号，键后面要用半角冒号加空格"
    if FULL_WIDTH_DIGITS.search(text):
        return f"用了全角数字，改成半角：{half_width(text)}"
    if THOUSANDS.fullmatch(text.strip()):
        return f"数字里不要写千分位逗号，写成 {text.strip().replace(',', '')}"
    if "，" in text:
        return "用了全角逗号“，”：列表里的各项用半角逗号 , 分开"
    if "：" in text:
        return "用了全角冒号“：”：键和值之间用半角冒号加空格 : 分开"
    return ""


def split_thousands(entries: Mapping) -> List[Tuple[str, str, int, str, str]]:
    """`{2014-Q1: 1,230}` in a flow map reads as `2014-Q1: 1` and a key `230` without a value:
    (key of the number, the key that is its rest, line, message, hint) for each such split."""
    found = []
    keys = list(entries)
    for before, key in zip(keys, keys[1:], strict=False):
        node, previous = entries[key], entries[before]
        number = isinstance(previous.value, int) and not isinstance(previous.value, bool)
        if re.fullmatch(r"[0-9]{3}", key) and node.value is None and number:
            written = f"{previous.text},{key}"
            message = f"'{written}' 里的千分位逗号把数字拆成了两项"
            found.append(
                (
                    before,
                    key,
                    node.line,
                    message,
                    f"数字里不要写逗号，写成 {written.replace(',', '')}",
                )
            )
    return found


def syntax_slip(line_text: str, problem: str) -> str:
    """What the clerk did on a line PyYAML could not read, when it is one of the known slips."""
    written = line_text.strip()
    if FULL_WIDTH_KEY.match(line_text):
        fixed = with_colon(line_text)
        return f"'{written}' 用了全角冒号“：”，键后面要用半角冒号加空格：{fixed.strip()}"
    if COLON_IN_TEXT in problem:
        return f"'{written}' 的文字里有“冒号加空格”，被当成了又一个键"
    return ""


def with_colon(line_text: str) -> str:
    """`owner：王建新` as it was meant: `owner: 王建新`; a line without the slip as it is."""
    return FULL_WIDTH_KEY.sub(lambda m: m.group(0)[:-1].rstrip() + ": ", line_text, 1)
