"""What Markdown written in data may not hold: raw HTML, script links, attribute lists."""

from __future__ import annotations

import html
import re
from typing import Dict, List, Tuple

# A code span ends at its paragraph: backticks two paragraphs apart hide nothing.
CODE_SPAN = re.compile(r"(`+)(?:(?!\n[ \t]*\n).)+?\1", re.S)
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
    """Every problem as (line offset within `text`, message, hint), one per line and kind."""
    plain = blank_code(text)
    url_text = IGNORED_IN_URL.sub("", html.unescape(plain))
    found: Dict[Tuple[int, str], Tuple[int, str, str]] = {}
    for pattern, searched, message, hint in (
        (HTML_TAG, plain, "不能写 HTML 标签 {}", "只用 Markdown 写，换段请空一行"),
        (ATTR_LIST, plain, "不能用 {} 这种属性写法", "删掉花括号里的内容"),
        (SCRIPT_LINK, url_text, "链接不能用 {} 地址", "只用 http(s) 链接"),
    ):
        for match in pattern.finditer(searched):
            line = searched.count("\n", 0, match.start())
            # `<script>` and `</script>` are one mistake: report the first of a kind on a line.
            found.setdefault((line, pattern.pattern), (line, message.format(shown(match)), hint))
    return sorted(found.values(), key=lambda problem: problem[0])


def shown(match: re.Match) -> str:
    """The offending text as the clerk wrote it, or the scheme of a link."""
    if match.re is SCRIPT_LINK:
        return match.group(1).lower() + ":"
    return shorten(match.group())
