"""A generated page's HTML blocks set aside while Markdown converts the rest, then put back.

The board renders its tables, charts and lists as HTML (render.render_block) and places them in
the page's Markdown as raw blocks. Python-Markdown passes raw HTML through unchanged, but only
after parsing every tag of it (md_in_html): at 100 units that was most of the Markdown time, for
no change. Set aside, each block is one HTML comment to Markdown and the page comes out the same.

The parts search must skip (`data-search-exclude`: tables, charts) come back only once the search
plugin has read the page: it parses all it is given, skipped or not.
"""

from __future__ import annotations

import re
import secrets
from typing import Dict, Tuple

_BLOCK_START = re.compile(
    r"<(?:div|section|figure|table|nav|aside|ul|ol|dl|p|details|form|header|footer|article"
    r"|blockquote|h[1-6]|script|style|noscript)[\s>]"
)
_CHUNKS = re.compile(r"\n{2,}")
_EXCLUDED = re.compile(r"<[a-zA-Z][a-zA-Z0-9-]*\s[^>]*?\bdata-search-exclude\b[^>]*>")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(/?)>")
_VOID = frozenset(
    {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)

Blocks = Dict[str, str]


def nonce() -> str:
    """Different every build: a page's own text can never name a block."""
    return secrets.token_hex(8)


def stash(markdown: str, key: str) -> Tuple[str, Blocks, Blocks]:
    """`markdown` with each whole raw HTML block (a chunk between blank lines that starts with a
    block-level tag and ends with a tag) as a placeholder comment; the blocks by placeholder, with
    their parts search skips as placeholders too; and those parts by placeholder."""
    blocks: Blocks = {}
    hidden: Blocks = {}
    chunks = _CHUNKS.split(markdown)
    for index, chunk in enumerate(chunks):
        text = chunk.strip("\n")
        if _BLOCK_START.match(text) and text.endswith(">") and "\n\n" not in text:
            placeholder = f"<!--bx:{key}:{len(blocks)}-->"
            blocks[placeholder] = _set_aside_excluded(text, key, hidden)
            chunks[index] = placeholder
    return "\n\n".join(chunks), blocks, hidden


def restore(html: str, blocks: Blocks, key: str) -> str:
    """The converted page with its blocks back in place."""
    if not blocks:
        return html
    return re.sub(rf"<!--bx:{key}:\d+-->", lambda found: blocks[found.group(0)], html)


def restore_hidden(html: str, hidden: Blocks, key: str) -> str:
    """The page, read by search, with the parts search skips back in place."""
    if not hidden:
        return html
    return re.sub(rf"<!--bx:{key}:x\d+-->", lambda found: hidden[found.group(0)], html)


def _set_aside_excluded(html: str, key: str, hidden: Blocks) -> str:
    """`html` with each element marked data-search-exclude (and its content) as a placeholder."""
    parts, at = [], 0
    for found in _EXCLUDED.finditer(html):
        if found.start() < at:
            continue  # inside an element already set aside
        end = _element_end(html, found.start())
        if end is None:
            continue
        placeholder = f"<!--bx:{key}:x{len(hidden)}-->"
        hidden[placeholder] = html[found.start() : end]
        parts += [html[at : found.start()], placeholder]
        at = end
    return "".join(parts) + html[at:] if parts else html


def _element_end(html: str, start: int):
    """Where the element whose start tag is at `start` ends; None if it does not close."""
    opening = _TAG.match(html, start)
    if opening and not (opening.group(3) or opening.group(2).lower() in _VOID):
        # Most such elements hold text only (a table cell's status or date): their end tag is
        # the next tag. 60,000 of them at 500 units.
        closing, next_tag = f"</{opening.group(2)}>", html.find("<", opening.end())
        if next_tag >= 0 and html.startswith(closing, next_tag):
            return next_tag + len(closing)
    return counted_end(html, start)


def counted_end(html: str, start: int):
    """_element_end by counting start and end tags from `start`."""
    depth = 0
    for tag in _TAG.finditer(html, start):
        closing, name, self_closing = tag.groups()
        if self_closing or name.lower() in _VOID:
            if depth == 0:
                return tag.end()
            continue
        depth += -1 if closing else 1
        if depth == 0:
            return tag.end()
    return None
