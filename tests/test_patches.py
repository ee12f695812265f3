"""What the adapter relies on past MkDocs' and material's public API (bixue/adapter/patches.py)
is still there in the pinned versions: an upgrade that changes it fails here, not in a build."""

from __future__ import annotations

import inspect
import logging
from importlib.metadata import version

from bixue.adapter import patches
from material.plugins.search.plugin import SearchIndex as MaterialIndex
from material.plugins.search.plugin import SearchPlugin as MaterialSearch
from mkdocs.commands import build as mkdocs_build
from mkdocs.contrib.search import SearchPlugin as MkDocsSearch
from mkdocs.contrib.search.search_index import SearchIndex as MkDocsIndex
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page


def test_the_pinned_versions_are_the_ones_installed():
    # patches.py was checked against these: a new version needs this file checked again
    assert (version("mkdocs"), version("mkdocs-material")) == ("1.6.1", "9.8.2")


def test_mkdocs_converts_a_page_once_through_page_render_config_files():
    assert list(inspect.signature(Page.render).parameters) == ["self", "config", "files"]
    assert "page.render(config, files)" in inspect.getsource(mkdocs_build._populate_page)


def test_page_render_sets_what_converted_reads_and_set_converted_writes():
    source = inspect.getsource(Page.render)
    for name in ("content", "toc", "_title_from_render", "present_anchor_ids", "links_to_anchors"):
        assert f"self.{name} = " in source, name
    assert "self._title_from_render" in inspect.getsource(Page.__dict__["title"].func)
    assert "links_to_anchors" in inspect.getsource(Page.validate_anchor_links)


def test_material_search_indexes_a_page_through_add_entry_from_context_into_its_entries():
    called = inspect.getsource(MaterialSearch.on_page_context)
    assert "self.search_index.add_entry_from_context(page)" in called
    add = MaterialIndex.add_entry_from_context
    assert list(inspect.signature(add).parameters) == ["self", "page"]
    assert "self.entries = []" in inspect.getsource(MaterialIndex.__init__)
    assert "self.entries.append(entry)" in inspect.getsource(MaterialIndex.create_entry_for_section)


def test_mkdocs_own_search_keeps_its_entries_private_and_is_left_alone():
    assert "self._entries" in inspect.getsource(MkDocsIndex.__init__)
    plugin = MkDocsSearch()
    plugin.search_index = MkDocsIndex()
    config = type("Config", (), {"plugins": {"search": plugin}})()
    assert patches.search_index(config) is None


def test_mkdocs_logs_an_empty_page_as_skipped_in_the_line_patches_reads():
    source = inspect.getsource(mkdocs_build._build_page)
    assert """log.info(f"Page skipped: '{page.file.src_uri}'. Generated empty output.")""" in source
    assert mkdocs_build.log.name == patches.SKIPPED_LOGGER
    line = logging.LogRecord(
        patches.SKIPPED_LOGGER,
        logging.INFO,
        "",
        0,
        "Page skipped: '%s'. Generated empty output.",
        ("notices/a b's.md",),
        None,
    )
    assert patches.skipped_page(line) == "notices/a b"  # a name with a quote ends early
    plain = "Page skipped: 'notices/a.md'. Generated empty output."
    line = logging.LogRecord(patches.SKIPPED_LOGGER, logging.INFO, "", 0, plain, None, None)
    assert patches.skipped_page(line) == "notices/a.md"
    other = logging.LogRecord(patches.SKIPPED_LOGGER, logging.INFO, "", 0, "Building", None, None)
    assert patches.skipped_page(other) is None


def test_mkdocs_does_what_serve_relies_on_without_a_patch():
    # serve's kept theme outputs: the environment from on_env renders each page's template so
    assert "output = template.render(context)" in inspect.getsource(mkdocs_build._build_template)
    # a page moved back: its output is "" and MkDocs writes nothing
    assert "if output.strip():" in inspect.getsource(mkdocs_build._build_page)
    # a file moved back: its source is where it is copied to, and MkDocs leaves it
    copy = inspect.getsource(File.copy_file)
    assert "except shutil.SameFileError:" in copy and "utils.copy_file(self.abs_src_path" in copy
