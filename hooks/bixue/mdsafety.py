"""What Markdown written in data may not hold: raw HTML, script links, attribute lists."""

from __future__ import annotations

import html
import re
from typing import List, Tuple

CODE_SPAN = re.compile(r"(`+).+?\1", re.S)
# A tag needs a letter right after `<`, so `温度<5度` and `a < b` are plain text.
HTML_TAG = re.compile(
    r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"
    r"|<[A-Za-z][A-Za-z0-9-]*\s+[^<>\s=]+\s*="
    r"|<![A-Za-z\[-]|<\?"
)
# Browsers ignore whitespace and entities inside a scheme, so they are removed before looking.
SCRIPT_LINK = re.compile(r"(?:\]\(|\]:|<)\n?<?\n?(javascript|vbscript|data):", re.I)
IGNORED_IN_URL = re.compile(r"[\x00-\x09\x0b-\x20\x7f]+")
ATTR_LIST = re.compile(r"\{:[^}\n]*\}|\{[^{}\n]*=[^{}\n]*\}|\{[ \t]*[#.][A-Za-z][^{}\n]*\}")


def blank_code(text: str) -> str:
    """Code spans render escaped, so they are blanked out (keeping line breaks)."""
    return CODE_SPAN.sub(lambda match: re.sub(r"[^\n]", " ", match.group()), text)


def shorten(snippet: str, limit: int = 40) -> str:
    snippet = " ".join(snippet.split())
    return snippet if len(snippet) <= limit else snippet[: limit - 1] + "…"


def unsafe_markdown(text: str) -> List[Tuple[int, str, str]]:
    """Every problem as (line offset within `text`, message, hint), in order of position."""
    plain = blank_code(text)
    found = [
        (match.start(), f"不能写 HTML 标签 {shorten(match.group())}", "只用 Markdown 写")
        for match in HTML_TAG.finditer(plain)
    ]
    found += [
        (match.start(), f"不能用 {shorten(match.group())} 这种属性写法", "删掉花括号里的内容")
        for match in ATTR_LIST.finditer(plain)
    ]
    url_text = IGNORED_IN_URL.sub("", html.unescape(plain))
    found_links = [
        (match.start(), f"链接不能指向 {match.group(1).lower()}: 地址", "只用 http(s) 链接")
        for match in SCRIPT_LINK.finditer(url_text)
    ]
    lines = [(plain[:offset].count("\n"), message, hint) for offset, message, hint in found]
    lines += [
        (url_text[:offset].count("\n"), message, hint) for offset, message, hint in found_links
    ]
    return sorted(lines, key=lambda problem: problem[0])
