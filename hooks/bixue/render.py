"""Shared rendering: the escaping Jinja environment, Markdown from data, links between pages."""

from __future__ import annotations

import json
import os
import posixpath
import re
from html import escape as html_escape
from pathlib import Path
from types import MappingProxyType
from typing import Callable, Iterable, List, Optional, Tuple, TypeVar
from urllib.parse import quote

import jinja2
import markdown as markdown_lib
import nh3
from markupsafe import Markup

from . import figures
from .figures import glossary
from .model import STATUS_NAMES
from .session import build_session, value_key

TEMPLATES = Path(__file__).parent / "templates"

STATUS_SYMBOLS = MappingProxyType(
    {"todo": "○", "doing": "◐", "done": "●", "verified": "✔", "ongoing": "∞"}
)
"""A symbol beside every status colour, so colour is never the only cue."""

# Exactly what Python-Markdown (with tables) lets a backslash escape: before any other character,
# such as `~`, the backslash would show.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")
_BLANK_LINES = re.compile(r"\n\s*\n")
_SAFE_TAGS = frozenset(nh3.ALLOWED_TAGS - {"img", "area", "map"})
_INNER = r"[^\s\x00-\x1f\x7f\\`*_{}\[\]()!|<>&~]"
_FIRST = r"[^\s\x00-\x1f\x7f\\`*_{}\[\]()!|<>&~#+\-=.:/\"'0-9]"
_PLAIN = re.compile(rf"{_FIRST}{_INNER}*(?: {_INNER}+)*")
"""One line with no character Markdown or HTML gives a meaning, starting with none that could
open a list, a heading or a quote: most ledger texts are such sentences, and their HTML is just
a paragraph (tests/test_render_fast.py holds it equal)."""
_PLOTLY_TAGS = tuple(
    (tag, tag.replace("<", "&lt;").replace(">", "&gt;")) for tag in ("<br>", "<extra>", "</extra>")
)


def page_url(src_uri: str) -> str:
    """The URL (relative to the site root) of a page source: units/x.md -> units/x/."""
    stem = src_uri[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")].rstrip("/")
    return f"{stem}/" if stem else ""


def relative_url(here: str, target: str) -> str:
    """A link from the page at URL `here` to `target` (both relative to the site root, paths
    of files as they are named), percent-encoded: `#`, `%`, `?` and spaces in a file name from
    data/ stay part of the name."""
    if _PLAIN_PATH.fullmatch(here) and _PLAIN_PATH.fullmatch(target):
        link = _plain_relpath(here, target)
    else:
        base = posixpath.join("/", here)
        if not base.endswith("/"):
            base = posixpath.dirname(base) + "/"
        link = posixpath.relpath(posixpath.join("/", target), base)
    is_folder = not target or target.endswith("/")
    return quote(link + "/" if is_folder and not link.endswith("/") else link)


_PLAIN_PATH = re.compile(r"(?:[^/.][^/]*/)*(?:[^/.][^/]*)?")
"""A path of named folders and a file name, none empty or starting with a dot: what every page
and file of the site is. Anything else (`..`, `//`, a leading `/`) takes posixpath's way."""


def _plain_relpath(here: str, target: str) -> str:
    """posixpath.relpath for two _PLAIN_PATH paths, without normalising them (57,000 links at 500
    units, each normalised twice, took a second)."""
    base = here.split("/")[:-1]
    path = [part for part in target.split("/") if part]
    common = 0
    while common < min(len(base), len(path)) and base[common] == path[common]:
        common += 1
    parts = [".."] * (len(base) - common) + path[common:]
    return "/".join(parts) or "."


def absolute_url(site_url: str, path: str) -> str:
    """The address of `path` under site_url, percent-encoded; "" when it is not known."""
    return site_url.rstrip("/") + "/" + quote(path) if site_url else ""


def render_markdown(text: str) -> Markup:
    """Markdown from the data, as HTML with anything unsafe stripped (defence in depth).
    Kept by the build session: a ledger item's text shows on the ledger, its unit's page and
    the screen."""
    if text and _PLAIN.fullmatch(text):
        return Markup(f"<p>{text}</p>")
    session = build_session.current()
    if session is None:
        return markdown_html(text)
    return session.markdown.get(text, lambda: markdown_html(text, session))


def markdown_html(text: str, session: Optional[build_session.BuildSession] = None) -> Markup:
    """What Python-Markdown and the sanitiser make of `text`."""
    if session is None:
        converter = _converter()
    else:
        converter = session.converter = session.converter or _converter()
    html = converter.reset().convert(text or "")
    return Markup(nh3.clean(html, tags=_SAFE_TAGS, url_schemes={"http", "https", "mailto"}))


def _converter() -> markdown_lib.Markdown:
    """A converter, reset for each text: making one costs more than converting a short text."""
    return markdown_lib.Markdown(extensions=["tables", "sane_lists"])


def md_text(text: str) -> str:
    """Plain text safe inside a Markdown heading: escaped, never markup. Quotes stay as they are
    (text, not an attribute): as entities the table of contents would show them as `&#34;`."""
    return _MD_SPECIAL.sub(r"\\\1", html_escape(str(text), quote=False))


def chart_attribute(figure_dict: dict) -> str:
    """A figure as JSON for an HTML attribute (escaped in the template), its texts escaped for
    Plotly, which reads <a href>, <span style> and entities in any text it draws."""
    figure = plotly_text(figure_dict)
    return json.dumps(figure, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def plotly_text(value):
    """Every string of a figure as literal text for Plotly, but the line breaks and hover boxes
    the chart modules write themselves."""
    if isinstance(value, str):
        text = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        for tag, escaped in _PLOTLY_TAGS:
            text = text.replace(escaped, tag)
        return text
    if isinstance(value, dict):
        return {key: plotly_text(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plotly_text(item) for item in value]
    return value


BYTECODE = jinja2.FileSystemBytecodeCache()
"""Compiled templates kept between builds in the user's private temporary folder (Jinja's own
default, keyed by each template's source): compiling the ~70 templates took a second a build."""


def file_mark(path) -> Optional[tuple]:
    """A file's times and size: its change time (ctime) is new whenever it is written again,
    even when a tool puts its old modification time back (cp -p, tar -x)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size)


class _Loader(jinja2.FileSystemLoader):
    """Jinja's loader, but a kept template is read again when its `file_mark` changed (Jinja
    compares the modification time only)."""

    def get_source(self, environment, template):
        source, filename, _uptodate = super().get_source(environment, template)
        mark = file_mark(filename)
        return source, filename, lambda: file_mark(filename) == mark


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=_Loader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=BYTECODE,
    )
    env.filters.update(
        pct=figures.format_percent,
        num=figures.format_number,
        day=figures.format_date,
        long_day=lambda day: figures.format_date(day, long=True),
        markdown=render_markdown,
    )
    env.globals.update(
        url=relative_url,
        status_names=STATUS_NAMES,
        status_symbols=STATUS_SYMBOLS,
        glossary=glossary.TERMS,
        term_anchor=glossary.anchor,
    )
    return env


ENVIRONMENT = _environment()
T = TypeVar("T")


def start_build(session: build_session.BuildSession, blocks_on_disk: bool = False) -> None:
    """Called before each build. Under `serve`, a block rendered from the same values as in the
    last build is taken from it; the digest covers the templates folder (each file's name, times
    and size). Otherwise every block is rendered, and kept only for `blocks_on_disk` (the
    adapter keeps them on disk, under a digest of the package's code)."""
    session.start_build(_folder_key(TEMPLATES) if session.serving else "", blocks_on_disk)


def keeping() -> bool:
    """Whether this build keeps what it makes for the next (under `serve`)."""
    session = build_session.current()
    return session is not None and session.keeping


def kept(name: str, inputs: dict, make: Callable[[], T]) -> T:
    """`make()`; while blocks are kept (under `serve`), what it made in the last build from
    equal `inputs` (digested whole, as a block's context) if it made anything there."""
    session = build_session.current()
    if session is None or session.build.keys is None:
        return make()
    try:
        key = session.build.keys.digest(f"{session.build.templates}\0{name}", inputs)
    except value_key.Unkeyable:
        return make()
    return session.blocks.get(key, make)


def render_block(template: str, **context) -> str:
    """A template's HTML as one raw block: blank lines would end it inside Markdown."""
    return kept(template, context, lambda: _render_block(template, context))


def render_block_anew(template: str, **context) -> str:
    """render_block, never kept: for a block no later build shows again (the 往期公示 list
    names this publication's time), which would only take a kept one's place."""
    return _render_block(template, context)


def _render_block(template: str, context: dict) -> str:
    html = ENVIRONMENT.get_template(template).render(**context)
    return _BLANK_LINES.sub("\n", html).strip()


def _folder_key(folder: Path) -> str:
    """A digest of each file's name, times and size (`file_mark`)."""
    parts = [f"{os.path.relpath(path, folder)}:{mark}" for path, mark in folder_marks(folder)]
    return value_key.digest_text("\0".join(parts))


def folder_marks(folder) -> List[Tuple[str, Optional[tuple]]]:
    """Each file under `folder` (its path) with its `file_mark`, in a fixed order."""
    return [
        (os.path.join(path, name), file_mark(os.path.join(path, name)))
        for path, _folders, names in sorted(os.walk(folder))
        for name in sorted(names)
    ]


def page_markdown(title: str, sections: Iterable[Tuple[str, str]], meta: str = "") -> str:
    """A generated page: a title, then (heading, HTML block) sections. A section with no HTML
    is left out with its heading; a section with an empty heading has none. The theme gets the
    title as front matter, inert (`figures.theme_text`); the page's heading is the real text."""
    front = f"title: {json.dumps(figures.theme_text(title), ensure_ascii=False)}\n{meta}"
    parts = [f"---\n{front}---\n", f"# {md_text(title)}\n"]
    for heading, html in sections:
        if html:
            parts += [f"## {md_text(heading)}\n" if heading else "", f"{html}\n"]
    return "\n".join(part for part in parts if part)
