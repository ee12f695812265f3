"""The one module besides hooks/board_hooks.py that knows MkDocs: config, files and pages."""

from __future__ import annotations

import copy
import hashlib
import logging
import os
import re
from pathlib import Path
from typing import Optional

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from . import build, generate, kept_renders, raw_blocks, render
from .errors import DataErrors
from .figures.board import Board

KEPT = "数据有错，继续显示上一次正确的公示栏；改正后将自动重建。"


def quiet_jieba() -> None:
    """jieba (the search plugin's Chinese word cutter) logs its dictionary loading on every build;
    its warnings still show."""
    try:
        import jieba
    except ImportError:
        return
    jieba.setLogLevel(logging.WARNING)


def load_board(config, log, previous: Optional[Board] = None) -> Board:
    """The checked board for this config; bad data stops MkDocs with the Chinese errors only.

    Under `serve`, `previous` is the last good board: a bad edit is reported and that board is
    built again, so the clerk keeps seeing a whole site until the next good edit."""
    quiet_jieba()
    try:
        board = build.load_board(project_dir(config), os.environ, config.site_url or "")
    except (DataErrors, ValueError) as error:
        if previous is None:
            raise PluginError(str(error)) from None
        log.error(f"{error}\n{KEPT}")
        board = previous
    config.site_name = build.site_name(board)
    config.extra["bixue"] = build.site_info(board)
    if not config.site_url:
        log.warning("site_url 未设置：二维码和订阅源中的绝对链接将被省略")
    if board.projects is not None and config.nav:
        config.nav = with_entry(config.nav, PROJECTS_ENTRY, after="rectification.md")
    return board


PROJECTS_ENTRY = {"重点项目": "projects/index.md"}
"""In the navigation only when projects.yml exists: a campaign without it has no such page."""


def with_entry(nav: list, entry: dict, after: str) -> list:
    """`nav` with `entry` after the entry for the page `after` (at the end if it has none),
    unless mkdocs.yml lists the page already."""
    pages = [next(iter(item.values()), None) if isinstance(item, dict) else item for item in nav]
    if next(iter(entry.values())) in pages:
        return nav
    at = pages.index(after) + 1 if after in pages else len(nav)
    return [*nav[:at], entry, *nav[at:]]


def project_dir(config) -> Path:
    return Path(config.config_file_path).parent


def watch_data(server, config) -> None:
    """`serve` rebuilds on any change in the folder the board is read from, wherever it is."""
    server.watch(str(build.data_dir(project_dir(config), os.environ)))


STASHED: dict = {"key": "", "pages": {}, "hidden": {}}
"""This build's HTML blocks set aside from the generated pages' Markdown (raw_blocks), by page."""


def add_generated(files, config, board: Board):
    """Add generated pages (a hand-written page of the same path wins) and generated files."""
    key = STASHED["key"] = raw_blocks.nonce()
    STASHED["pages"], STASHED["hidden"] = {}, {}
    for page in generate.all_pages(board):
        if files.get_file_from_path(page.src_uri) is None:
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            markdown, blocks, hidden = raw_blocks.stash(page.markdown, key)
            STASHED["pages"][page.src_uri], STASHED["hidden"][page.src_uri] = blocks, hidden
            files.append(
                File.generated(config, page.src_uri, content=markdown, inclusion=inclusion)
            )
    for item in generate.all_files(board):
        if item.source:
            files.append(File.generated(config, item.dest_uri, abs_src_path=item.source))
        else:
            files.append(File.generated(config, item.dest_uri, content=item.content))
    return files


def restore_blocks(html: str, page) -> str:
    """The page's HTML blocks back in its converted content, but for what search skips."""
    blocks = STASHED["pages"].pop(page.file.src_uri, {})
    return raw_blocks.restore(html, blocks, STASHED["key"])


def restore_hidden(page) -> None:
    """What search skips back in the page, once the search plugin has read it."""
    hidden = STASHED["hidden"].pop(page.file.src_uri, {})
    page.content = raw_blocks.restore_hidden(page.content, hidden, STASHED["key"])


SEARCH_ENTRIES: dict = {}
"""Under `serve`: the search entries made from each page in the last build, by a digest of all
they are made from. An edit to one data file leaves most pages as they were, and cutting their
text into words (jieba) was a quarter of a rebuild at 500 units."""


def reuse_search_entries(config) -> None:
    """Let the search plugin index only pages that changed since the last `serve` build."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(plugin, "search_index", None)
    if index is None or not hasattr(index, "add_entry_from_context"):
        return
    index_page = index.add_entry_from_context
    previous = dict(SEARCH_ENTRIES)
    SEARCH_ENTRIES.clear()

    def add_entry_from_context(page):
        key = search_key(page)
        entries = previous.get(key)
        if entries is None:
            before = len(index.entries)
            index_page(page)
            entries = copy.deepcopy(index.entries[before:])
        else:
            index.entries.extend(copy.deepcopy(entries))
        SEARCH_ENTRIES[key] = entries

    index.add_entry_from_context = add_entry_from_context


def search_key(page) -> str:
    """A digest of what the search plugin reads of a page: its address, title, meta, sections
    (table of contents) and content, but for this build's key in the comments standing for the
    parts search skips (raw_blocks): a new key every build, and no word of any entry."""
    digest = hashlib.sha256()
    for part in (page.url, str(page.title), repr(sorted(page.meta.items())), _toc(page.toc)):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    content = page.content or ""
    digest.update(content.replace(STASHED["key"], "").encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _toc(items) -> str:
    return repr([(item.title, item.url, _toc(item.children)) for item in items or ()])


def cache_theme_templates(env) -> None:
    """The theme's templates compiled once, not on every build (see render.BYTECODE)."""
    if env.bytecode_cache is None:
        env.bytecode_cache = render.BYTECODE


KEPT_PAGES = kept_renders.Kept()
"""Under `serve`: each page's rendered theme template from the last build. After an edit to one
data file most pages are as they were, and the theme's template was a third of a rebuild."""


def reuse_unchanged_pages(env, config, files):
    """The environment MkDocs renders pages with, reusing the last build's output for a page
    whose every input is unchanged: the site (config, theme files, list of pages), the nav and
    the page itself. Anything in the context this does not know how to compare is rendered."""
    KEPT_PAGES.start_build()
    site = _site_key(config, files)
    navs: list = []  # (nav, its key): one nav a build

    def key_of(name: str, context: dict):
        page, nav = context.get("page"), context.get("nav")
        if page is None or nav is None:
            return None
        if not navs or navs[0][0] is not nav:
            navs[:] = [(nav, _nav_key(nav.items))]
        digest = hashlib.sha256(f"{name}\0{site}\0{navs[0][1]}".encode("utf-8", "surrogatepass"))
        for key in sorted(set(context) - {"page", "nav", "config", "pages", "build_date_utc"}):
            if not _plain(context[key]):
                return None
            digest.update(f"\0{key}={context[key]!r}".encode("utf-8", "surrogatepass"))
        digest.update(_page_key(page).encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    return kept_renders.Environment(env, KEPT_PAGES, key_of)


def _plain(value) -> bool:
    if isinstance(value, (list, tuple)):
        return all(_plain(item) for item in value)
    return value is None or isinstance(value, (str, int, float, bool))


def _site_key(config, files) -> str:
    """Config values, the theme's files (name, time, size) and the site's pages."""
    digest = hashlib.sha256(Path(config.config_file_path).read_bytes())
    for key, value in sorted(config.items()):
        value = _ADDRESS.sub("", repr(value))  # plugins, functions: their options are in the file
        digest.update(f"{key}={value}\0".encode("utf-8", "surrogatepass"))
    for folder in config.theme.dirs:
        for path, _folders, names in sorted(os.walk(folder)):
            for name in sorted(names):
                stat = os.stat(os.path.join(path, name))
                digest.update(f"{path}/{name}:{stat.st_mtime_ns}:{stat.st_size}\0".encode())
    for file in files.documentation_pages():
        digest.update(f"{file.src_uri}\0".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


_ADDRESS = re.compile(r" at 0x[0-9a-f]+")


def _nav_key(items) -> str:
    return repr(
        [
            (
                type(item).__name__,
                str(item.title),
                getattr(item, "url", None),
                _nav_key(getattr(item, "children", None) or ()),
            )
            for item in items
        ]
    )


def _page_key(page) -> str:
    """What the theme reads of a page: what search reads, and its file, addresses and
    neighbours; the nav and the page's place in it are in the nav key."""
    around = [
        (other.url, str(other.title)) if other else None
        for other in (page.previous_page, page.next_page)
    ]
    parts = (search_key(page), page.file.src_uri, page.canonical_url, page.edit_url, around)
    return repr(parts)


def fill_markers(markdown: str, page, board: Board, log) -> str:
    return build.fill_markers(markdown, page.file.src_uri, page.url, board, log.warning)
