"""Long tables and lists that grow with the units: the first rows in the page, every row as HTML
in a JSON file beside it, which docs/assets/paged.js pages through 50 at a time."""

from __future__ import annotations

import json
import re
from typing import Callable, Dict, List, Optional, Tuple

from .. import render
from ..contents import GeneratedFile

PAGE_SIZE = 50
_ROW_START = re.compile(r"\n\s*(?=<tr[\s>])")
_TAGS = re.compile(r"<[^>]+>")

Files = Dict[str, GeneratedFile]
"""The JSON files of one page's paged tables, by path: the page module's files() hands them on."""


def table(
    html: str, json_uri: str, here: str, files: Files, noun: str = "行", size: int = PAGE_SIZE
) -> str:
    """`html` (a block with one table) cut to its first `size` body rows; the rest paged."""
    inputs = {"html": html, "json_uri": json_uri, "here": here, "noun": noun, "size": size}
    cut, made = render.kept("paged.table", inputs, lambda: _table(**inputs))
    files.update(made)
    return cut


def _table(html: str, json_uri: str, here: str, noun: str, size: int) -> Tuple[str, Files]:
    """The cut table and its JSON file (none when all rows fit)."""
    files: Files = {}
    found = body(html)
    rows = (
        [row for row in _ROW_START.split(html[found[0] : found[1]]) if row.strip()] if found else []
    )
    if len(rows) <= size:
        return html, files
    first = "\n".join(rows[:size])
    cut = html[: found[0]] + first + html[found[1] :]
    return wrap(cut, rows, json_uri, here, files, noun, size), files


def body(html: str) -> Optional[Tuple[int, int]]:
    """Where the rows of the first table body are: from after `<tbody>` and the white space
    that follows it to before the white space that ends it. A regular expression took 24 ms
    on a 500-unit table."""
    start = html.find("<tbody>")
    end = html.find("</tbody>", start) if start >= 0 else -1
    if end < 0:
        return None
    start += len("<tbody>")
    while start < end and html[start].isspace():
        start += 1
    while end > start and html[end - 1].isspace():
        end -= 1
    return start, end


def items(
    blocks: List[str],
    json_uri: str,
    here: str,
    files: Files,
    noun: str,
    size: int,
    container: str = 'div class="bx-paged-items"',
) -> str:
    """A list of HTML blocks (one pair each, one case's <li>, …): the first `size` shown in
    `container` (a tag and its attributes), the rest paged."""
    tag = container.split()[0]
    body = "\n".join(blocks[:size])
    body = f"<{container} data-bx-paged-body>\n{body}\n</{tag}>"
    if len(blocks) <= size:
        return body
    return wrap(body, blocks, json_uri, here, files, noun, size)


def wrap(
    html: str, rows: List[str], json_uri: str, here: str, files: Files, noun: str, size=PAGE_SIZE
) -> str:
    files[json_uri] = _json(json_uri, rows)
    note = render.render_block("paged_note.html", shown=size, total=len(rows), noun=noun)
    url = render.relative_url(here, json_uri)
    return (
        f'<div class="bx-paged" data-bx-paged="{url}" data-total="{len(rows)}" '
        f'data-page-size="{size}" data-noun="{noun}">{note}\n{html}\n</div>'
    )


def _json(json_uri: str, rows: List[str]) -> GeneratedFile:
    """Rows as HTML and their words (for the filter box), compact."""
    words = [" ".join(_TAGS.sub(" ", row).split()) for row in rows]
    data = {"rows": rows, "text": words}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return GeneratedFile(json_uri, content=text)


def rendered_once(board, key: str, render_page: Callable) -> Tuple[str, List[GeneratedFile]]:
    """`render_page(files)` once for this board: the JSON files of a page's paged tables come
    out of the same rendering as the page."""

    def render() -> Tuple[str, List[GeneratedFile]]:
        files: Files = {}
        markdown = render_page(files)
        return markdown, list(files.values())

    return board.once(f"paged:{key}", render)


def page(board, src_uri: str, title: str, sections: Callable) -> Tuple[str, List[GeneratedFile]]:
    """A page of `sections(board, here, files)` under `title` and its paged tables' files, made
    once for the page module's pages() and files()."""
    here = render.page_url(src_uri)
    return rendered_once(
        board, src_uri, lambda files: render.page_markdown(title, sections(board, here, files))
    )
