"""Search entries and workbooks kept on disk from one `mkdocs build` to the next: a later build
publishes exactly what a build without them publishes, after an edit too, and an entry that is
damaged or planted is never published."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, built, hook_plugin


@pytest.fixture
def setup(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    return data, tmp_path / "cache"


def index(site):
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def build(tmp_path, data, cache, name):
    """Built into the same site folder each time (what is kept is kept by folder), then copied
    aside under `name`."""
    site = built(tmp_path / "site", data, BIXUE_CACHE=str(cache))
    return Path(shutil.copytree(site, tmp_path / name))


def same_pages(site, other):
    pages = sorted(path.relative_to(site) for path in site.rglob("*.html"))
    assert pages == sorted(path.relative_to(other) for path in other.rglob("*.html"))
    return all((site / page).read_bytes() == (other / page).read_bytes() for page in pages)


def stored(cache, kind, suffix):
    return next((cache / kind).glob(f"*.{suffix}"))


def test_a_second_build_takes_search_entries_from_disk_and_publishes_the_same(tmp_path, setup):
    data, cache = setup
    first = build(tmp_path, data, cache, "first")
    assert list((cache / "search-entries").glob("*.entries"))
    notice = sorted((data / "notices").glob("*.md"))[0]
    notice.write_text(notice.read_text(encoding="utf-8") + "\n补充说明：巡查改为每周一次。\n")
    again = build(tmp_path, data, cache, "again")
    clean = build(tmp_path, data, tmp_path / "empty-cache", "clean")
    assert index(again) == index(clean)
    assert same_pages(again, clean)
    assert index(again) != index(first)
    assert any("巡查改为每周一次" in entry["text"] for entry in index(again)["docs"])


def test_planted_search_entries_are_never_published(tmp_path, setup):
    data, cache = setup
    first = build(tmp_path, data, cache, "first")
    entries = stored(cache, "search-entries", "entries")
    kept = json.loads(entries.read_bytes())
    for page in kept.values():
        for entry in page:
            entry["text"] = {"planted": True}  # not the plugin's shape
    entries.write_text(json.dumps(kept), encoding="utf-8")
    assert index(build(tmp_path, data, cache, "again")) == index(first)


def test_damaged_workbook_and_report_entries_are_written_again(tmp_path, setup):
    data, cache = setup
    first = build(tmp_path, data, cache, "first")
    parts = [*(cache / "workbooks").glob("*.xlsx"), *(cache / "reports").glob("*.docx")]
    assert {part.suffix for part in parts} == {".xlsx", ".docx"}
    for part in parts:
        part.write_bytes(part.read_bytes()[:200])
    again = build(tmp_path, data, cache, "again")
    downloads = [path for path in (first / "downloads").rglob("*") if path.is_file()]
    assert {path.suffix for path in downloads} >= {".xlsx", ".docx"}
    for download in downloads:
        assert (again / download.relative_to(first)).read_bytes() == download.read_bytes()


def test_a_changed_ledger_changes_its_kept_workbooks_and_reports(tmp_path, setup):
    data, cache = setup
    build(tmp_path, data, cache, "first")
    ledger = data / "rectifications" / "2014-inspections.yml"
    text = ledger.read_text(encoding="utf-8")
    ledger.write_text(text.replace("status: todo", "status: doing", 1), encoding="utf-8")
    again = build(tmp_path, data, cache, "again")
    clean = build(tmp_path, data, tmp_path / "empty-cache", "clean")
    assert same_pages(again, clean)
    for download in (clean / "downloads").rglob("*.*"):
        assert (again / download.relative_to(clean)).read_bytes() == download.read_bytes()


def test_a_second_build_takes_theme_outputs_from_disk_and_damaged_ones_are_rendered(
    tmp_path, setup
):
    data, cache = setup
    first = build(tmp_path, data, cache, "first")
    outputs = stored(cache, "theme-outputs", "outputs")
    assert outputs.stat().st_size > 10_000
    assert same_pages(build(tmp_path, data, cache, "again"), first)
    outputs.write_bytes(outputs.read_bytes()[:-50] + b"\0" * 50)  # digest no longer matches
    assert same_pages(build(tmp_path, data, cache, "damaged"), first)


def counts_of_build(site, monkeypatch, data, cache):
    """A `mkdocs build` in this process, as a new process makes it: pages and search entries
    (made, reused)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    monkeypatch.setenv("BOARD_DATA", str(data))
    monkeypatch.setenv("BIXUE_CACHE", str(cache))
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site))
    hook_plugin().new_session(serving=False)  # as a new process: nothing an earlier test kept
    mkdocs_build(config)
    hooks = [plugin.PLUGIN for plugin in config.plugins.values() if hasattr(plugin, "PLUGIN")]
    session = hooks[0].session
    return (session.pages.made, session.pages.reused), (session.search.made, session.search.reused)


def test_a_warm_build_renders_and_indexes_no_unchanged_page(tmp_path, setup, monkeypatch):
    data, cache = setup
    (pages, _), (entries, _) = counts_of_build(tmp_path / "site", monkeypatch, data, cache)
    assert pages > 40 and entries > 40
    warm = counts_of_build(tmp_path / "site", monkeypatch, data, cache)
    assert warm == ((0, pages), (0, entries))


SITE_KEY = (
    "import sys; sys.path.insert(0, 'hooks')\n"
    "from mkdocs.config import load_config\n"
    "from mkdocs.structure.files import get_files\n"
    "from bixue.adapter import serve\n"
    "config = load_config('mkdocs.yml')\n"
    "print(list(config.theme.static_templates), serve._site_key(config, get_files(config)))\n"
)


def test_the_site_key_is_the_same_in_every_process(tmp_path):
    """The theme's static_templates is a set: its order changes with each process's string
    hashes, and a key made of it reused the last build's pages half the time."""
    import os
    import subprocess
    import sys

    found = {}
    for seed in range(12):
        env = {**os.environ, "PYTHONHASHSEED": str(seed), "NO_MKDOCS_2_WARNING": "1"}
        result = subprocess.run(
            [sys.executable, "-c", SITE_KEY], cwd=ROOT, env=env, capture_output=True, text=True
        )
        order, key = result.stdout.rsplit(" ", 1)
        found[order] = key.strip()
    assert len(found) == 2  # both orders of the set were seen
    assert len(set(found.values())) == 1
