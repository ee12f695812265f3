"""What Markdown written in data may not hold: raw HTML, script links, attribute lists."""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from typing import Dict, Iterator, List, Optional, Tuple

from .guards import MAX_BRACKETS, crowded_paragraphs

# Every check here takes time linear in the text: a pattern's scan from one start stops at the
# next `<`, brace or line break, so starts never rescan each other's text (tests/test_stalling.py
# feeds each the worst inputs known).
BACKTICKS = re.compile(r"`+")
# A code span ends at its paragraph: backticks two paragraphs apart hide nothing.
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# A tag needs a letter right after `<`, so `温度<5度` and `a < b` are plain text. Browsers
# (and Markdown's raw HTML) also end a tag's name at `/`: `<img/src=x/onerror=…>`.
HTML_TAG = re.compile(
    r"</?[A-Za-z][A-Za-z0-9-]*(?:[\s/][^<>]*)?>"
    r"|<[A-Za-z][A-Za-z0-9-]*[\s/]+[^<>\s=/]+\s*="
    r"|<![A-Za-z\[-]|<\?"
)
# Browsers ignore whitespace and entities inside a scheme, so they are removed before looking.
SCRIPT_LINK = re.compile(r"(?:\]\(|\]:|<)\n?<?\n?(javascript|vbscript|data):", re.I)
STARTS = re.compile(r"[<{\[\]&]")
"""What every problem needs in the text as written: a tag, an attribute list and a crowded
paragraph need `<`, `{` or `[`; a script link needs `](`, `]:` or `<`, which an entity (`&lt;`)
may also spell."""
IGNORED_IN_URL = re.compile(r"[\x00-\x09\x0b-\x20\x7f]+")
# Attribute lists `{: .x}`, `{#top}`, `{ onclick=… }` are found brace by brace (attr_lists): a
# regex for them tries every `{` up to the line's end, quadratic on a line of `{:{:{:…`.
BRACES = re.compile(r"[{}\n]")
ATTR_START = re.compile(r":|(?<![ \t])[ \t]*+[#.][A-Za-z]")


def blank_code(text: str) -> str:
    """Code spans render escaped, so they are blanked out (keeping line breaks)."""
    pieces, done = [], 0
    for start, end in code_spans(text):
        pieces += [text[done:start], re.sub(r"[^\n]", " ", text[start:end])]
        done = end
    return "".join(pieces) + text[done:]


def code_spans(text: str) -> Iterator[Tuple[int, int]]:
    """(start, end) of each code span, found as Python-Markdown 3 finds them (BacktickInline-
    Processor), within a paragraph: an opening run of backticks is closed by the next run of the
    same length, else by the first of the longest shorter runs after it. Each run is looked at
    once and later runs through indexes: linear, where a regex was quadratic."""
    runs = Runs(text)
    index = resume = 0
    while index < len(runs.spans):
        start, end = runs.spans[index]
        if index and runs.paragraph[index] != runs.paragraph[index - 1]:
            resume = 0  # each paragraph is read on its own
        if end <= resume:
            index += 1
            continue
        start = max(start, resume)
        start += escaped(text, start)
        closer = runs.closer(index, end - start)
        if closer is None:
            # Python-Markdown skips as many characters again after a run it cannot close.
            resume, index = end + (end - start), index + 1
            continue
        yield start, runs.spans[closer][1]
        resume, index = runs.spans[closer][1], closer + 1


def escaped(text: str, start: int) -> int:
    """1 when the backtick at `start` follows an odd number of backslashes, else 0."""
    count = 0
    while count < start and text[start - count - 1] == "\\":
        count += 1
    return count % 2


class Runs:
    """The runs of backticks of a text, indexed by length and by longest run to paragraph end."""

    def __init__(self, text: str) -> None:
        self.spans = [(match.start(), match.end()) for match in BACKTICKS.finditer(text)]
        breaks = [match.start() for match in PARAGRAPH_BREAK.finditer(text)]
        self.paragraph = [bisect_right(breaks, start) for start, _ in self.spans]
        self.by_length: Dict[Tuple[int, int], List[int]] = {}
        for index, (start, end) in enumerate(self.spans):
            self.by_length.setdefault((self.paragraph[index], end - start), []).append(index)
        # longest[i]: (length, index) of the first longest run from run i to its paragraph's end.
        self.longest: List[Tuple[int, int]] = [(0, 0)] * (len(self.spans) + 1)
        for index in range(len(self.spans) - 1, -1, -1):
            start, end = self.spans[index]
            after = self.longest[index + 1]
            if index + 1 == len(self.spans) or self.paragraph[index + 1] != self.paragraph[index]:
                after = (0, 0)
            self.longest[index] = (end - start, index) if end - start >= after[0] else after

    def closer(self, index: int, length: int) -> Optional[int]:
        """The run that closes an opener of `length` backticks at run `index`, or None."""
        if length <= 0:
            return None
        same = self.by_length.get((self.paragraph[index], length), [])
        position = bisect_right(same, index)
        if position < len(same):
            return same[position]
        following = index + 1
        if following < len(self.spans) and self.paragraph[following] == self.paragraph[index]:
            longest, where = self.longest[following]
            return where if 0 < longest < length else None
        return None


def shorten(snippet: str, limit: int = 40) -> str:
    snippet = " ".join(snippet.split())
    return snippet if len(snippet) <= limit else snippet[: limit - 1] + "…"


def unsafe_markdown(text: str) -> List[Tuple[int, str, str]]:
    """Every problem as (line offset within `text`, message, hint), one per line and kind."""
    if not STARTS.search(text):
        return []  # most texts: no tag, brace, bracket or entity to look at (52,000 at 500 units)
    plain = blank_code(text)
    url_text = IGNORED_IN_URL.sub("", html.unescape(plain))
    found: Dict[Tuple[int, str], Tuple[int, str, str]] = {}
    for finder, searched, message, hint in (
        (html_tags, plain, "不能写 HTML 标签 {}", "只用 Markdown 写，换段请空一行"),
        (attr_lists, plain, "不能用 {} 这种属性写法", "删掉花括号里的内容"),
        (script_links, url_text, "链接不能用 {} 地址", "只用 http(s) 链接"),
    ):
        lines = LineCounter(searched)
        for start, snippet in finder(searched):
            line = lines.line_at(start)
            # `<script>` and `</script>` are one mistake: report the first of a kind on a line.
            found.setdefault((line, finder.__name__), (line, message.format(snippet), hint))
    for line, count in crowded_paragraphs(plain):
        message = f"一段里的方括号 [ 太多（{count} 个，上限 {MAX_BRACKETS} 个）"
        found[(line, "[")] = (line, message, "方括号用来写链接；分成几段，或改用【】")
    return sorted(found.values(), key=lambda problem: problem[0])


def html_tags(text: str) -> Iterator[Tuple[int, str]]:
    """(start, the tag as the clerk wrote it) of each raw HTML tag."""
    return ((match.start(), shorten(match.group())) for match in HTML_TAG.finditer(text))


def script_links(text: str) -> Iterator[Tuple[int, str]]:
    """(start, scheme) of each link to a script or data URL."""
    return ((match.start(), match.group(1).lower() + ":") for match in SCRIPT_LINK.finditer(text))


def attr_lists(text: str) -> Iterator[Tuple[int, str]]:
    """(start, text) of each `{…}` on one line that attr_list would read as attributes: starting
    `{:`, `{#x`, `{.x`, or holding `=`. Each brace is looked at once."""
    opened: List[int] = []  # each `{` since the last `}` or line break
    for match in BRACES.finditer(text):
        if match.group() == "{":
            opened.append(match.start())
            continue
        end = match.end()
        if match.group() == "}" and opened and is_attr_list(text, opened, end):
            yield opened[0], shorten(text[opened[0] : end])
        opened = []


def is_attr_list(text: str, opened: List[int], end: int) -> bool:
    if "=" in text[opened[0] : end]:
        return True
    return any(ATTR_START.match(text, start + 1, end) for start in opened)


class LineCounter:
    """Line numbers of increasing positions, counting each line break once."""

    def __init__(self, text: str) -> None:
        self.text, self.position, self.line = text, 0, 0

    def line_at(self, position: int) -> int:
        self.line += self.text.count("\n", self.position, position)
        self.position = position
        return self.line
