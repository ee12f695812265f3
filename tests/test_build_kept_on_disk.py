"""Search entries and workbooks kept on disk from one `mkdocs build` to the next: a later build
publishes exactly what a build without them publishes, after an edit too, and an entry that is
damaged or planted is never published."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import ROOT, built


@pytest.fixture
def setup(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    return data, tmp_path / "cache"


def index(site):
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def build(tmp_path, data, cache, name):
    return built(tmp_path / name, data, BIXUE_CACHE=str(cache))


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


def test_a_damaged_workbook_entry_is_written_again(tmp_path, setup):
    data, cache = setup
    first = build(tmp_path, data, cache, "first")
    for part in (cache / "workbooks").glob("*.xlsx"):
        part.write_bytes(part.read_bytes()[:200])
    again = build(tmp_path, data, cache, "again")
    for workbook in (first / "downloads").rglob("*.xlsx"):
        assert (again / workbook.relative_to(first)).read_bytes() == workbook.read_bytes()


def test_a_changed_ledger_changes_its_kept_workbook(tmp_path, setup):
    data, cache = setup
    build(tmp_path, data, cache, "first")
    ledger = data / "rectifications" / "2014-inspections.yml"
    text = ledger.read_text(encoding="utf-8")
    ledger.write_text(text.replace("status: todo", "status: doing", 1), encoding="utf-8")
    again = build(tmp_path, data, cache, "again")
    clean = build(tmp_path, data, tmp_path / "empty-cache", "clean")
    for workbook in (clean / "downloads").rglob("*.xlsx"):
        assert (again / workbook.relative_to(clean)).read_bytes() == workbook.read_bytes()
