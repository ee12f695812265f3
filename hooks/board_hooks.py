"""MkDocs hooks: glue between MkDocs and the bixue package beside this file."""

from __future__ import annotations

from bixue.session import collector

collector.set_thresholds()  # before the imports below, which make objects that are all kept
from bixue import build  # noqa: E402
from bixue.adapter import board as mkdocs_adapter  # noqa: E402
from bixue.adapter import serve as mkdocs_serve  # noqa: E402
from bixue.adapter import serve_site as mkdocs_serve_site  # noqa: E402
from bixue.adapter import verify  # noqa: E402
from bixue.publish import swap  # noqa: E402
from mkdocs.plugins import event_priority, get_plugin_logger  # noqa: E402

log = get_plugin_logger("bixue")
state: dict = {"serve": False}
"""This build's board and command; MkDocs loads the hook module once per process."""


def on_startup(command, dirty):
    state.update(command=command, dirty=dirty, serve=command == "serve")


def on_config(config):
    previous = state.get("board") if state["serve"] else None
    state["board"] = mkdocs_adapter.load_board(config, log, previous)
    if state.get("command") == "build":
        state["site_dir"] = config.site_dir
        config.site_dir = swap.staging_dir(config.site_dir)
    return config


def on_pre_build(config):  # before MkDocs empties the site folder
    mkdocs_serve_site.set_last_aside(config.site_dir, state["serve"] and not state.get("dirty"))


def on_serve(server, config, builder):
    mkdocs_adapter.watch_data(server, config)
    return server


def on_files(files, config):
    mkdocs_serve.start_build(config, state["serve"])
    return mkdocs_adapter.add_generated(files, config, state["board"])


def on_env(env, config, files):
    mkdocs_adapter.cache_theme_templates(env)
    mkdocs_serve_site.keep_unchanged_files(files, config)
    return mkdocs_serve.reuse_unchanged_pages(env, config, files)


def on_page_markdown(markdown, page, config, files):
    mkdocs_serve.reuse_unchanged_conversion(page)
    return mkdocs_adapter.fill_markers(markdown, page, state["board"], log)


def on_page_content(html, page, config, files):
    return mkdocs_adapter.restore_blocks(html, page)


@event_priority(-100)  # after the search plugin has indexed the page
def on_page_context(context, page, config, nav):
    mkdocs_adapter.restore_hidden(page)
    return context


@event_priority(-100)  # after every plugin's: an unchanged page is not written again
def on_post_page(output, page, config):
    key = mkdocs_serve.render_key(page, config)
    return mkdocs_serve_site.keep_unchanged_page(output, page, config, key)


def on_post_build(config):
    mkdocs_serve_site.end_build(built=True)
    build.compact_search_index(config.site_dir)
    build.write_stamp(config.site_dir, keep=state["serve"])
    if state["serve"]:
        collector.collect_when_idle()
    state["built"] = True
    verify.check_rebuild(config, log, state["serve"] and not state.get("dirty"))


def on_build_error(error):
    # Also called when --strict aborts after on_post_build: the new site is not published.
    mkdocs_serve_site.end_build(built=False)
    state["built"] = False


def on_shutdown():
    """Publish the new site only once the whole build, strict checks included, has passed."""
    if "site_dir" not in state:
        return
    site_dir = state.pop("site_dir")
    if state.pop("built", False):
        swap.swap_in(swap.staging_dir(site_dir), site_dir)
    else:
        swap.discard(swap.staging_dir(site_dir))
