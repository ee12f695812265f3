"""The board in MkDocs: its config, its generated pages and files, the markers in pages."""

from __future__ import annotations

import os
from pathlib import Path
from types import MappingProxyType
from typing import Optional
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from .. import build, generate, raw_blocks, render
from ..errors import DataErrors
from ..figures.board import Board
from ..session import value_key
from ..session.build_session import BuildSession
from . import nav

KEPT = "数据有错，继续显示上一次正确的公示栏；改正后将自动重建。"
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "0.0.0.0"})
LOCAL_SITE = (
    "二维码和订阅链接指向本机（{url}），别的电脑和手机打不开；"
    "发布前请把 BOARD_SITE_URL 设为公示栏的网址"
)
"""Said once a build (not under serve, whose site is this machine's anyway): an info line, so
`--strict` builds with the default address still pass; scripts/build_site.py shows it."""


def load_board(session: BuildSession, config, log, previous: Optional[Board] = None) -> Board:
    """The checked board for this config; bad data stops MkDocs with the Chinese errors only.

    Under `serve`, `previous` is the last good board: a bad edit is reported and that board is
    built again, so the clerk keeps seeing a whole site until the next good edit."""
    session.idle.collect_less(rebuild=previous is not None)
    try:
        board = build.load_board(
            project_dir(config), os.environ, config.site_url or "", session, previous
        )
    except (DataErrors, ValueError) as error:
        if previous is None:
            raise PluginError(str(error)) from None
        log.error(f"{error}\n{KEPT}")
        board = previous
    session.idle.loaded(session.serving)
    config.site_name = build.site_name(board)
    config.extra["bixue"] = build.site_info(board)
    if not config.site_url:
        log.warning("site_url 未设置：二维码和订阅源中的绝对链接将被省略")
    elif not session.serving and urlsplit(config.site_url).hostname in LOCAL_HOSTS:
        log.info(LOCAL_SITE.format(url=config.site_url))
    if board.projects is not None and config.nav:
        config.nav = with_entry(config.nav, PROJECTS_ENTRY, after="rectification.md")
    if board.campaign.activities and config.nav:
        config.nav = with_entry(config.nav, ACTIVITIES_ENTRY, after="exemplars/index.md")
    if board.campaign.achievements and config.nav:
        after = "activities/index.md" if board.campaign.activities else "exemplars/index.md"
        config.nav = with_entry(config.nav, ACHIEVEMENTS_ENTRY, after=after)
    if config.nav:
        config.nav = nav.without_absent(config.nav, board)
    return board


PROJECTS_ENTRY = MappingProxyType({"重点项目": "projects/index.md"})
"""In the navigation only when projects.yml exists: a campaign without it has no such page."""
ACTIVITIES_ENTRY = MappingProxyType({"学习交流": "activities/index.md"})
ACHIEVEMENTS_ENTRY = MappingProxyType({"荣誉成果": "achievements/index.md"})
"""In the navigation only when the campaign has records of the kind, as projects."""


def with_entry(nav: list, entry: dict, after: str) -> list:
    """`nav` with `entry` after the entry for the page `after` (at the end if it has none),
    unless mkdocs.yml lists the page already."""
    pages = [next(iter(item.values()), None) if isinstance(item, dict) else item for item in nav]
    if next(iter(entry.values())) in pages:
        return nav
    at = pages.index(after) + 1 if after in pages else len(nav)
    return [*nav[:at], dict(entry), *nav[at:]]


def project_dir(config) -> Path:
    return Path(config.config_file_path).parent


def watch_data(server, config) -> None:
    """`serve` rebuilds on any change in the folder the board is read from, wherever it is."""
    server.watch(str(build.data_dir(project_dir(config), os.environ)))


def add_generated(session: BuildSession, files, config, board: Board):
    """Add generated pages (a hand-written page of the same path wins) and generated files,
    but those made beside the pages (generate.BESIDE), which add_later_files adds.
    Each page's HTML blocks are set aside from its Markdown (raw_blocks) for this build."""
    this = session.build
    this.stash_key = _stash_key(session)
    this.generation = generate.Generation(board)
    add_pages(session, files, config, this.generation.pages)
    _add_files(files, config, this.generation.files())
    return files


def add_later_files(session: BuildSession, files, config) -> None:
    """The generated files made beside the pages, once MkDocs has read every page and before
    it writes any file: the second process making them went on meanwhile (a 500-unit
    campaign's nine 通报 and data.json). No page's Markdown links to them (their links are in
    blocks), so MkDocs' link checks never missed them."""
    generation, session.build.generation = session.build.generation, None
    if generation is None:
        return
    later, replaced = generation.later()
    for uri in replaced:
        files.remove(files.get_file_from_path(uri))
    _add_files(files, config, later)


def abandon_later_files(session: BuildSession) -> None:
    """The build stopped before the files made beside the pages were added."""
    generation, session.build.generation = session.build.generation, None
    if generation is not None:
        generation.abandon()


def _add_files(files, config, generated) -> None:
    for item in generated:
        if item.source:
            files.append(File.generated(config, item.dest_uri, abs_src_path=item.source))
        else:
            files.append(File.generated(config, item.dest_uri, content=item.content))


def add_pages(session: BuildSession, files, config, pages) -> None:
    """Generated pages into MkDocs' files, their blocks set aside; a hand-written page wins."""
    this = session.build
    for page in pages:
        if files.get_file_from_path(page.src_uri) is None:
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            markdown, blocks, hidden = _stash(session, page.markdown)
            this.stashed[page.src_uri], this.hidden[page.src_uri] = blocks, hidden
            files.append(
                File.generated(config, page.src_uri, content=markdown, inclusion=inclusion)
            )


def _stash_key(session: BuildSession) -> str:
    """Under `serve`, the key in the placeholders is kept for the session: like a build's, it
    is in no page and no output, and a page's own text cannot name it. Any other build has its
    own."""
    if session.keeping and session.stash_key:
        return session.stash_key
    session.stash_key = raw_blocks.nonce()
    return session.stash_key


def _stash(session: BuildSession, markdown: str):
    """Under `serve`: a page's Markdown set aside as in the last build is taken from it
    (`BuildSession.stashes`, by a digest of the Markdown)."""
    key = session.build.stash_key
    if not session.keeping:
        return raw_blocks.stash(markdown, key)
    digest = value_key.digest_text(markdown)
    return session.stashes.get(digest, lambda: raw_blocks.stash(markdown, key))


def restore_blocks(session: BuildSession, html: str, page) -> str:
    """The page's HTML blocks back in its converted content, but for what search skips."""
    blocks = session.build.stashed.pop(page.file.src_uri, {})
    return raw_blocks.restore(html, blocks, session.build.stash_key)


def restore_hidden(session: BuildSession, page) -> None:
    """What search skips back in the page, once the search plugin has read it."""
    hidden = session.build.hidden.pop(page.file.src_uri, {})
    page.content = raw_blocks.restore_hidden(page.content, hidden, session.build.stash_key)


def cache_theme_templates(env) -> None:
    """The theme's templates compiled once, not on every build (see render.BYTECODE)."""
    if env.bytecode_cache is None:
        env.bytecode_cache = render.BYTECODE


def fill_markers(markdown: str, page, board: Board, log) -> str:
    return build.fill_markers(markdown, page.file.src_uri, page.url, board, log.warning)
