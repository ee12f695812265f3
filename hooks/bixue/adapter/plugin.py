"""The board's MkDocs plugin: every event the hook module hands on, and the build session."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from .. import build, render
from ..figures.board import Board
from ..publish import lock, space, swap
from ..session import kept_blocks
from ..session.build_session import ACTIVE, BuildSession
from . import archive, kept_on_disk, serve, serve_site, verify
from . import board as adapter


class BixuePlugin:
    """MkDocs loads the hook module once per process, and with it one BixuePlugin: it owns the
    build session (everything kept from one build to the next), decides once, at start-up,
    whether the builds are `mkdocs serve`'s, and holds this build's board."""

    def __init__(self) -> None:
        self.log = get_plugin_logger("bixue")
        self.session = BuildSession()
        self.command: Optional[str] = None
        self.board: Optional[Board] = None
        self.site_dir: Optional[str] = None
        """Where `mkdocs build` publishes once the whole build has passed (it builds aside)."""
        self.built = False
        self._active = None  # the token that makes the session the build's (ACTIVE)
        self._lock: Optional[int] = None  # held from on_config to the publish: one build a site
        self.archive: Optional[archive.Plan] = None
        """往期公示: what `mkdocs build` adds to the site's archive (None under serve)."""

    def new_session(self, serving: bool = False, dirty: bool = False) -> BuildSession:
        """A session that keeps nothing from earlier builds: as when serve starts."""
        self.session, self.board = BuildSession(serving, dirty), None
        return self.session

    def on_startup(self, command: str, dirty: bool) -> None:
        self.command = command
        serving = command == "serve"
        if (self.session.serving, self.session.dirty) != (serving, dirty):
            self.new_session(serving, dirty)

    def on_config(self, config):
        previous = self.board if self.session.serving else None
        self.board = adapter.load_board(self.session, config, self.log, previous)
        if self.command == "build":
            try:  # two builds into one site would mix their pages
                self._lock = lock.take(Path(config.site_dir))
            except lock.Busy as busy:
                raise PluginError(str(busy)) from None
            self.site_dir = config.site_dir
            if archive.wanted():
                self.archive = archive.plan(self.board, config.site_dir)
                config.nav = archive.in_nav(config.nav)
            config.site_dir = swap.staging_dir(config.site_dir)
        return config

    def on_pre_build(self, config) -> None:  # before MkDocs empties the site folder
        self._activate()
        render.start_build(self.session, blocks_on_disk=not self.session.serving)
        if not self.session.serving:
            kept_blocks.load(self.session, self.site_dir or config.site_dir)
        serve_site.set_last_aside(self.session, config.site_dir)

    def on_serve(self, server, config, builder):
        adapter.watch_data(server, config)
        return server

    def on_files(self, files, config):
        first = not self.session.search.current  # nothing yet from a build of this session
        serve.reuse_search_entries(self.session, config)
        if first:
            kept_on_disk.load_search(self.session, config)
        files = adapter.add_generated(self.session, files, config, self.board)
        if self.archive is not None:
            self.archive = archive.page(self.board, self.archive)
            adapter.add_pages(self.session, files, config, [self.archive.made.page])
        return files

    def on_env(self, env, config, files):
        adapter.add_later_files(self.session, files, config)
        adapter.cache_theme_templates(env)
        serve_site.keep_unchanged_files(self.session, files, config)
        first = not self.session.pages.current  # nothing yet from a build of this session
        env = serve.reuse_unchanged_pages(self.session, env, config, files)
        if first:
            kept_on_disk.load_pages(self.session, config)
        return env

    def on_page_markdown(self, markdown, page, config, files):
        serve.reuse_unchanged_conversion(self.session, page)
        return adapter.fill_markers(markdown, page, self.board, self.log)

    def on_page_content(self, html, page, config, files):
        return adapter.restore_blocks(self.session, html, page)

    @event_priority(-100)  # after the search plugin has indexed the page
    def on_page_context(self, context, page, config, nav):
        adapter.restore_hidden(self.session, page)
        return context

    @event_priority(-100)  # after every plugin's: an unchanged page is not written again
    def on_post_page(self, output, page, config):
        key = serve.render_key(self.session, page, config)
        return serve_site.keep_unchanged_page(self.session, output, page, key)

    def on_post_build(self, config) -> None:
        serve_site.end_build(self.session, built=True)
        build.compact_search_index(config.site_dir)
        if not self.session.serving:
            kept_on_disk.store(self.session, config)
            kept_blocks.store(self.session, self.site_dir or config.site_dir)
        self.session.file_digests.store()
        stamps = self.session.stamps if self.session.serving else None
        build.write_stamp(config.site_dir, stamps)
        if self.session.serving:
            self.session.idle.collect_when_idle()
        self.built = True
        self._deactivate()
        verify.check_rebuild(config, self.log, self.session.serving and not self.session.dirty)

    def on_build_error(self, error) -> None:
        # Also called when --strict aborts after on_post_build: the new site is not published.
        serve_site.end_build(self.session, built=False)
        adapter.abandon_later_files(self.session)
        self.built = False
        self.session.idle.build_over()
        self._deactivate()
        if self.site_dir is not None and space.full_disk(error):
            raise PluginError(self._full_disk()) from None

    def on_shutdown(self) -> None:
        """Publish the new site only once the whole build, strict checks included, has passed."""
        if self.site_dir is None:
            return
        site_dir, self.site_dir = self.site_dir, None
        built, self.built = self.built, False
        chosen, self.archive = self.archive, None
        try:
            if built:
                archive.put_in(chosen, swap.staging_dir(site_dir))
                swap.swap_in(swap.staging_dir(site_dir), site_dir)
            else:
                swap.discard(swap.staging_dir(site_dir))
        except OSError as error:
            if not space.full_disk(error):
                raise
            swap.discard(swap.staging_dir(site_dir))
            raise PluginError(self._full_disk(site_dir)) from None
        finally:
            archive.tidy(chosen)
            held, self._lock = self._lock, None
            if held is not None:
                lock.let_go(Path(site_dir), held)

    def _full_disk(self, site_dir: Optional[str] = None) -> str:
        site = Path(site_dir or self.site_dir)
        return space.message(site, Path(swap.staging_dir(str(site))))

    def _activate(self) -> None:
        self._deactivate()
        self._active = ACTIVE.set(self.session)

    def _deactivate(self) -> None:
        if self._active is not None:
            ACTIVE.reset(self._active)
            self._active = None
