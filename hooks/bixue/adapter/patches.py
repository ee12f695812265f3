"""Every place the adapter reaches past MkDocs' and material's public API, named once.

Each function below is the only code that touches the internal it names; tests/test_patches.py
checks each against the pinned MkDocs (1.6.1) and mkdocs-material (9.8.2) and fails when an
upgrade changes what it relies on. It also checks what serve relies on without patching: MkDocs
renders a page's template with `template.render(context)` (serve's kept theme outputs wrap the
environment it gets from on_env), writes nothing for an empty page output (a page moved back),
and copies nothing onto itself (a file moved back)."""

from __future__ import annotations

import logging
from typing import Callable, Optional

SKIPPED_LOGGER = "mkdocs.commands.build"
SKIPPED_START = "Page skipped: '"
"""MkDocs logs `Page skipped: '<src_uri>'. Generated empty output.` for a page whose output is
empty (mkdocs/commands/build.py, _build_page): the adapter's kept pages are written as empty."""


def replace_render(page, render_page: Callable[[object, object], None]) -> Callable:
    """Page.render(config, files), which MkDocs calls once a page in _populate_page, replaced
    on this page by `render_page`; returns MkDocs' own, bound to the page."""
    convert = page.render
    page.render = render_page
    return convert


def converted(page) -> tuple:
    """What Page.render sets on a page: content, toc, the title the Markdown gave
    (`_title_from_render`, private), the anchors present and the links to anchors (None when
    no link was checked)."""
    links = vars(page).get("links_to_anchors")
    anchors = frozenset(page.present_anchor_ids or ())
    return page.content, page.toc, page._title_from_render, anchors, links


def set_converted(page, content, toc, title, anchors, links: Optional[dict]) -> None:
    """Set on a page what Page.render would have (see `converted`)."""
    page.content, page.toc, page._title_from_render = content, toc, title
    page.present_anchor_ids = set(anchors)
    if links is not None:
        page.links_to_anchors = links


def search_index(config):
    """Material's search index (`search_index`, a SearchIndex with the list `entries` and
    `add_entry_from_context(page)`), or None: MkDocs' own keeps its entries private."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(plugin, "search_index", None)
    if not (
        hasattr(index, "add_entry_from_context") and isinstance(vars(index).get("entries"), list)
    ):
        return None
    return index


def replace_add_entry(index, add_entry: Callable[[object], None]) -> Callable:
    """SearchIndex.add_entry_from_context(page), called by the search plugin's on_page_context,
    replaced on this index; returns the index's own. Entries are dicts in `index.entries`."""
    own = index.add_entry_from_context
    index.add_entry_from_context = add_entry
    return own


def skipped_page(record: logging.LogRecord) -> Optional[str]:
    """The page a "Page skipped" line of MkDocs names, or None for any other line."""
    message = record.getMessage()
    if not message.startswith(SKIPPED_START):
        return None
    return message[len(SKIPPED_START) :].split("'")[0]


def filter_skipped_pages(log_filter: logging.Filter) -> None:
    """`log_filter` on MkDocs' build logger, once, for its "Page skipped" lines."""
    logger = logging.getLogger(SKIPPED_LOGGER)
    if log_filter not in logger.filters:
        logger.addFilter(log_filter)


def unfilter_skipped_pages(log_filter: logging.Filter) -> None:
    logging.getLogger(SKIPPED_LOGGER).removeFilter(log_filter)
