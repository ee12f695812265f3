"""A campaign as loaded, kept on disk for the next build of the very same files (kept_campaign):
the same records as a fresh load, read again after any change under data/, nothing kept from a
load with errors, and a planted entry never run nor used."""

from __future__ import annotations

import os
import pickle
import shutil

import pytest
from bixue.errors import DataErrors
from bixue.load import kept_campaign, load_campaign
from bixue.session import disk_cache
from conftest import ROOT


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.setenv("BIXUE_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    return folder


def counted(data):
    """load_kept of `data` and how many times it read the files."""
    reads = []

    def read():
        reads.append(1)
        return load_campaign(data, data.parent)

    return kept_campaign.load_kept(data, data.parent, read), len(reads)


def test_a_second_load_of_the_same_files_is_the_first_without_reading_them(data):
    first, reads = counted(data)
    again, reads_again = counted(data)
    assert (reads, reads_again) == (1, 0)
    assert again == first == load_campaign(data, data.parent)
    assert again.made_ids == first.made_ids and again.completions == first.completions


@pytest.mark.parametrize(
    "change",
    [
        lambda data: (data / "units.yml").write_text(
            (data / "units.yml").read_text(encoding="utf-8").replace("濮阳南停车区", "濮阳南站"),
            encoding="utf-8",
        ),
        lambda data: (data / "notices" / "extra.md").write_bytes(
            next((data / "notices").glob("*.md")).read_bytes()
        ),
        lambda data: os.rename(data / "exemplars", data / "exemplars-old"),
    ],
    ids=["an edit", "a new file", "a renamed folder"],
)
def test_any_change_under_data_reads_the_files_again(data, change):
    counted(data)
    change(data)
    try:
        fresh = load_campaign(data, data.parent)
    except DataErrors:
        fresh = None
    try:
        again, reads = counted(data)
    except DataErrors:
        again, reads = None, 1
    assert reads == 1 and again == fresh


def test_a_load_with_errors_keeps_nothing(data, tmp_path):
    (data / "units.yml").write_text("- id: Bad Id\n  name: 坏\n", encoding="utf-8")
    with pytest.raises(DataErrors):
        counted(data)
    assert not list((tmp_path / "cache" / "campaigns").glob("*.campaign"))


class Planted:
    def __reduce__(self):
        return (os.system, ("touch planted-by-cache",))


def test_a_planted_entry_is_never_run_nor_used(data, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    first, _reads = counted(data)
    (record,) = (tmp_path / "cache" / "campaigns").glob("*.json")
    key = record.stem
    disk_cache.store("campaigns", key, {"key": key}, {"campaign": pickle.dumps(Planted())})
    again, reads = counted(data)
    assert reads == 1 and again == first
    assert not (tmp_path / "planted-by-cache").exists()
