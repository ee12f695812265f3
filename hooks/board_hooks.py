"""MkDocs hooks: glue between MkDocs and Bixue's modules in hooks/bixue/."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "bixue"))

import assemble  # noqa: E402
import swap  # noqa: E402
from errors import DataErrors  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import get_plugin_logger  # noqa: E402

log = get_plugin_logger("bixue")
state: dict = {}
"""This build's board and command; MkDocs loads the hook module once per process."""


def on_startup(command, dirty):
    state["command"] = command


def on_config(config):
    try:
        state["board"] = assemble.load_board(config, os.environ)
    except (DataErrors, ValueError) as error:
        raise PluginError(str(error)) from None
    assemble.configure(config, state["board"], log)
    if state.get("command") == "build":
        state["site_dir"] = config.site_dir
        config.site_dir = swap.staging_dir(config.site_dir)
    return config


def on_files(files, config):
    return assemble.add_generated(files, config, state["board"])


def on_page_markdown(markdown, page, config, files):
    return assemble.fill_markers(markdown, page, state["board"], log)


def on_post_build(config):
    assemble.write_stamp(config.site_dir)
    state["built"] = True


def on_build_error(error):
    # Also called when --strict aborts after on_post_build: the new site is not published.
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
