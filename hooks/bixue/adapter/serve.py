"""Under `mkdocs serve`: what the last build made from the same inputs, taken from it, so that an
edit to one data file costs what it changed. Blocks (render.kept), pages' stashed Markdown
(mkdocs_adapter), Markdown conversions, search entries and theme outputs; kept in memory for
the session, and only the last build's. The other half of the adapter: it knows MkDocs' pages,
files, search plugin and theme context; what it keeps is the build session's, and what it patches of
MkDocs is named in patches."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
from pathlib import Path
from typing import List, Optional, Tuple

from .. import render
from ..session import kept_renders, value_key
from ..session.build_session import BuildSession
from . import patches


def reuse_search_entries(session: BuildSession, config) -> None:
    """The search plugin indexes only pages that changed since the last build. Their entries are
    kept by a digest of all they are made from (`BuildSession.search`; between `mkdocs build`
    runs on disk, search_disk): an edit to one data file leaves most pages as they were, and
    indexing their text again was a quarter of a rebuild at 500 units."""
    index = patches.search_index(config)
    if index is None:
        return
    session.search.start_build()

    def add_entry_from_context(page) -> None:
        made = []

        def make() -> list:
            before = len(index.entries)
            index_page(page)
            made.append(True)
            return _copied(index.entries[before:])

        entries = session.search.get(search_key(session, page), make)
        if not made:
            index.entries.extend(_copied(entries))

    index_page = patches.replace_add_entry(index, add_entry_from_context)


def _copied(entries: list) -> list:
    """Copies of search entries (a dict of texts, maybe a list of tags): the plugin's own and the
    kept ones are never the same objects."""
    return [
        {**entry, "tags": list(entry["tags"])} if "tags" in entry else dict(entry)
        for entry in entries
    ]


def search_key(session: BuildSession, page) -> str:
    """A digest of what the search plugin reads of a page: its address, title, meta, sections
    (table of contents) and content, but for this build's key in the comments standing for the
    parts search skips (raw_blocks): a new key every build, and no word of any entry."""
    digest = hashlib.sha256()
    for part in (page.url, str(page.title), repr(sorted(page.meta.items())), _toc(page.toc)):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    content = page.content or ""
    digest.update(content.replace(session.build.stash_key, "").encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _toc(items) -> str:
    return repr([(item.title, item.url, _toc(item.children)) for item in items or ()])


def reuse_unchanged_pages(session: BuildSession, env, config, files):
    """The environment MkDocs renders pages with, reusing the last build's output for a page
    whose every input is unchanged: the site (config, theme files, list of pages), the nav and
    the page itself. Anything in the context this does not know how to compare is rendered.
    In every build: between `mkdocs build` runs they are kept on disk (kept_on_disk). The
    outputs are kept compressed by the session
    (`BuildSession.pages`): after an edit to one data file most pages are as they were, and the
    theme's template was a third of a rebuild."""
    this = session.build
    site = this.site_key[1] if this.site_key and this.site_key[0] is files else None
    this.site_key = None  # every page is converted: this build's files may go with its pages
    session.pages.start_build()
    site = site or _site_key(config, files)
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
        digest.update(_page_key(session, page).encode("utf-8", "surrogatepass"))
        this.page_keys[page.file.dest_uri] = key = digest.hexdigest()
        return key

    def deferrable(context: dict, key: str) -> bool:
        """Under serve, the page's output is left packed when the last build wrote one from the
        same inputs where it goes and no plugin but ours post-processes pages: it is moved back
        (serve_site.keep_unchanged_page)."""
        if this.site_dir is None or render_key(session, context["page"], config) != key:
            return False
        last = session.written.previous.get(context["page"].file.dest_uri)
        return last is not None and last[0] == key

    this.page_keys.clear()
    return kept_renders.Environment(env, session.pages, key_of, deferrable)


def render_key(session: BuildSession, page, config):
    """The page's render key (equal keys, equal output) when its output is the theme's and
    nothing after changes it (no plugin but ours post-processes pages), else None."""
    if len(config.plugins.events.get("post_page", ())) > 1:
        return None
    return session.build.page_keys.get(page.file.dest_uri)


def _plain(value) -> bool:
    if isinstance(value, (list, tuple)):
        return all(_plain(item) for item in value)
    return value is None or isinstance(value, (str, int, float, bool))


def _site_key(config, files) -> str:
    """Config values, the theme's files (name, times, size) and the site's pages."""
    digest = hashlib.sha256(Path(config.config_file_path).read_bytes())
    for key, value in sorted(config.items()):
        value = _ADDRESS.sub("", repr(value))  # plugins, functions: their options are in the file
        value = _SET.sub(_sorted_set, value)  # the theme's static_templates: a set
        digest.update(f"{key}={value}\0".encode("utf-8", "surrogatepass"))
    for folder in config.theme.dirs:
        for path, mark in theme_marks(folder):
            digest.update(f"{path}:{mark}\0".encode("utf-8", "surrogatepass"))
    for file in files.documentation_pages():
        digest.update(f"{file.src_uri}\0".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def theme_marks(folder: str) -> List[Tuple[str, Optional[tuple]]]:
    """Each file of a theme folder with its mark (render.file_mark). A folder of an installed
    package (under site-packages) is marked by the install records of that folder's packages
    instead: pip writes a package's RECORD at every install, upgrade or reinstall, and
    Material's 14,000 icons made the walk 60 ms of every build. A theme edited in place goes in
    custom_dir (overrides/), which is walked file by file."""
    installed = _install_records(folder)
    if installed:
        return [(record, render.file_mark(record)) for record in installed]
    return render.folder_marks(folder)


def _install_records(folder: str) -> List[str]:
    """The RECORD files of the packages folder (site-packages) `folder` is in; none when it is
    in none, or that folder has no RECORD (a package installed by other means)."""
    parts = Path(os.path.realpath(folder)).parts
    for at in range(len(parts) - 1, 0, -1):
        if parts[at] in ("site-packages", "dist-packages"):
            packages = Path(*parts[: at + 1])
            return sorted(str(p) for p in packages.glob("*.dist-info/RECORD"))
    return []


_ADDRESS = re.compile(r" at 0x[0-9a-f]+")
_SET = re.compile(r"\{((?:'[^'{}:]*'(?:, )?)+)\}")
"""A set of names as repr shows it: in the order of this process's string hashes, a new one
each run (PYTHONHASHSEED), so a key made of it matched the last build's half the time."""


def _sorted_set(found: re.Match) -> str:
    return "{" + ", ".join(sorted(found.group(1).split(", "))) + "}"


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


def _page_key(session: BuildSession, page) -> str:
    """What the theme reads of a page: what search reads, and its file, addresses and
    neighbours; the nav and the page's place in it are in the nav key."""
    around = [
        (other.url, str(other.title)) if other else None
        for other in (page.previous_page, page.next_page)
    ]
    parts = (
        search_key(session, page),
        page.file.src_uri,
        page.canonical_url,
        page.edit_url,
        around,
    )
    return repr(parts)


def reuse_unchanged_conversion(session: BuildSession, page) -> None:
    """Under `serve`: the page's Markdown is converted again only when it, its file or the site
    (config, theme files, list of pages) changed since the last build, or a file its links
    looked up is not found where it was (`BuildSession.conversions`). What the conversion
    logged is logged again."""
    if not session.keeping:
        return
    this, conversions = session.build, session.conversions

    def render_page(config, files) -> None:
        if not this.site_key or this.site_key[0] is not files:
            conversions.start_build()
            this.site_key = (files, _site_key(config, files))
        file = page.file
        parts = (
            this.site_key[1],
            file.src_uri,
            page.url,
            repr(file.inclusion),
            page.markdown or "",
        )
        key = value_key.digest_text("\0".join(parts))
        reused = conversions.reused
        made = conversions.get(
            key,
            lambda: _converted(convert, page, config, files),
            lambda made: all(_found(files, uri) == found for uri, found in made[-1].items()),
        )
        if conversions.reused == reused:
            return  # converted just now: the page is set and its warnings were logged
        content, toc, title, anchors, links, records, _lookups = made
        if links is not None:
            links = {files.get_file_from_path(uri): dict(found) for uri, found in links}
        patches.set_converted(page, content, toc, title, anchors, links)
        for record in records:
            logging.getLogger(record.name).handle(record)

    convert = patches.replace_render(page, render_page)


def _converted(convert, page, config, files) -> tuple:
    records: list = []
    handler = _Collect(records, threading.get_ident())
    loggers = (logging.getLogger(), logging.getLogger("mkdocs"))  # serve's CLI: no propagation
    looked_up = _LookedUp(files)
    for logger in loggers:
        logger.addHandler(handler)
    try:
        convert(config, looked_up)
    finally:
        for logger in loggers:
            logger.removeHandler(handler)
    content, toc, title, anchors, links = patches.converted(page)
    if links is not None:
        links = tuple((file.src_uri, dict(found)) for file, found in links.items())
    return (content, toc, title, anchors, links, tuple(records), looked_up.found)


def _found(files, uri: str):
    """What a link to `uri` finds: a file's address, or nothing."""
    file = files.get_file_from_path(uri)
    return None if file is None else (file.src_uri, file.url)


class _LookedUp:
    """The site's files, noting which ones a page's conversion looked up and what it found."""

    def __init__(self, files) -> None:
        self.files, self.found = files, {}

    def get_file_from_path(self, uri: str):
        self.found[uri] = _found(self.files, uri)
        return self.files.get_file_from_path(uri)

    def __getattr__(self, name):
        return getattr(self.files, name)

    def __iter__(self):
        return iter(self.files)


class _Collect(logging.Handler):
    """Records logged in this thread (serve's server logs in others)."""

    def __init__(self, records: list, thread: int) -> None:
        super().__init__(logging.INFO)
        self.records, self.thread = records, thread

    def emit(self, record) -> None:
        if record.thread == self.thread and not any(seen is record for seen in self.records):
            self.records.append(record)
