"""MkDocs hooks: every event handed to the board's plugin (bixue/adapter/plugin.py)."""

from __future__ import annotations

from bixue.session import collector

collector.set_thresholds()  # before the imports below, which make objects that are all kept
from bixue.adapter.plugin import BixuePlugin  # noqa: E402

PLUGIN = BixuePlugin()
"""MkDocs loads this module once per process: one plugin, and its build session, for all builds."""

on_startup = PLUGIN.on_startup
on_config = PLUGIN.on_config
on_pre_build = PLUGIN.on_pre_build
on_serve = PLUGIN.on_serve
on_files = PLUGIN.on_files
on_env = PLUGIN.on_env
on_page_markdown = PLUGIN.on_page_markdown
on_page_content = PLUGIN.on_page_content
on_page_context = PLUGIN.on_page_context
on_post_page = PLUGIN.on_post_page
on_post_build = PLUGIN.on_post_build
on_build_error = PLUGIN.on_build_error
on_shutdown = PLUGIN.on_shutdown
