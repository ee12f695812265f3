"""A generated page's HTML blocks set aside while Markdown converts the rest, then put back.

The board renders its tables, charts and lists as HTML (render.render_block) and places them in
the page's Markdown as raw blocks. Python-Markdown passes raw HTML through unchanged, but only
after parsing every tag of it (md_in_html): at 100 units that was most of the Markdown time, for
no change. Set aside, each block is one HTML comment to Markdown and the page comes out the same.
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


def nonce() -> str:
    """Different every build: a page's own text can never name a block."""
    return secrets.token_hex(8)


def stash(markdown: str, key: str) -> Tuple[str, Dict[str, str]]:
    """`markdown` with each whole raw HTML block (a chunk between blank lines that starts with a
    block-level tag and ends with a tag) as a placeholder comment, and the blocks by placeholder."""
    blocks: Dict[str, str] = {}
    chunks = _CHUNKS.split(markdown)
    for index, chunk in enumerate(chunks):
        text = chunk.strip("\n")
        if _BLOCK_START.match(text) and text.endswith(">") and "\n\n" not in text:
            placeholder = f"<!--bx:{key}:{len(blocks)}-->"
            blocks[placeholder] = text
            chunks[index] = placeholder
    return "\n\n".join(chunks), blocks


def restore(html: str, blocks: Dict[str, str], key: str) -> str:
    """The converted page with its blocks back in place."""
    if not blocks:
        return html
    return re.sub(rf"<!--bx:{key}:\d+-->", lambda found: blocks[found.group(0)], html)
