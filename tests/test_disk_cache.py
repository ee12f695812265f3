"""Photos and QR codes kept between builds: the same files as making them again, never a
damaged or planted entry, and a build that works without the cache."""

from __future__ import annotations

import hashlib
import json
import os

import pytest
from bixue.outputs import images, qr
from bixue.session import disk_cache
from test_images import save_photo


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("BIXUE_CACHE", str(folder))
    yield folder / "images"


def fresh(data_dir, name):
    """The image as a build measures it (outside a build session nothing is kept in memory)."""
    return images.web_image(data_dir, name)


def test_a_second_build_reads_the_processed_image_from_the_cache(tmp_path, cache, monkeypatch):
    save_photo(tmp_path / "wide.jpg", (2400, 1600), noise=True)
    first = fresh(tmp_path, "wide.jpg")
    assert sorted(path.suffix for path in cache.iterdir()) == [".clean", ".json", ".web"]

    def processed(*args):
        raise AssertionError("processed again although cached")

    monkeypatch.setattr(images, "_processed", processed)
    assert fresh(tmp_path, "wide.jpg") == first


def test_a_changed_image_is_processed_again(tmp_path, cache):
    save_photo(tmp_path / "a.jpg", (800, 600))
    fresh(tmp_path, "a.jpg")
    save_photo(tmp_path / "a.jpg", (400, 300))
    assert fresh(tmp_path, "a.jpg").width == 400


def test_a_damaged_entry_is_made_again(tmp_path, cache):
    save_photo(tmp_path / "wide.jpg", (2400, 1600), noise=True)
    first = fresh(tmp_path, "wide.jpg")
    web = next(cache.glob("*.web"))
    web.write_bytes(web.read_bytes()[:100])
    assert fresh(tmp_path, "wide.jpg") == first
    assert web.read_bytes() == first.files[-1].content


def test_an_unwritable_cache_leaves_the_build_as_it_was(tmp_path, monkeypatch):
    save_photo(tmp_path / "a.jpg", (800, 600))
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x")
    monkeypatch.setenv("BIXUE_CACHE", str(blocked))
    assert fresh(tmp_path, "a.jpg").width == 800


def test_a_shared_temporary_folder_is_used_only_when_it_is_ours_alone(tmp_path, monkeypatch):
    monkeypatch.delenv("BIXUE_CACHE")
    monkeypatch.setattr(disk_cache.tempfile, "gettempdir", lambda: str(tmp_path))
    assert disk_cache.folder("qr") == tmp_path / f"bixue-cache-{os.getuid()}" / "qr"
    (tmp_path / f"bixue-cache-{os.getuid()}").chmod(0o777)
    assert disk_cache.folder("qr") is None


def test_a_record_naming_a_part_outside_its_folder_is_no_entry(tmp_path, cache):
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"secret")
    digest = hashlib.sha256(b"secret").hexdigest()
    disk_cache.store("images", "k", {"width": 1}, {"clean": b"x"})
    assert disk_cache.load("images", "k") == {"width": 1, "clean": b"x"}
    record = {"fields": {"width": 1}, "parts": {"/../../../outside.txt": digest}}
    (cache / "k.json").write_text(json.dumps(record))
    (cache / "k.").mkdir()  # for the path to resolve
    assert (cache / "k./../../../outside.txt").read_bytes() == b"secret"
    assert disk_cache.load("images", "k") is None


def test_a_qr_code_is_made_once_for_its_address_and_title(cache, monkeypatch):
    made = qr.qr_svg("http://board.example/exemplars/a/", "甲（二维码）")

    def again(*args):
        raise AssertionError("made again although cached")

    monkeypatch.setattr(qr, "_made", again)
    assert qr.qr_svg("http://board.example/exemplars/a/", "甲（二维码）") == made
    monkeypatch.undo()
    monkeypatch.setenv("BIXUE_CACHE", str(cache.parent))
    other = qr.qr_svg("http://board.example/exemplars/b/", "甲（二维码）")
    assert other != made and other.startswith("<svg")


@pytest.mark.parametrize(
    "planted",
    [
        {"suffix": "/../../evil.html"},
        {"suffix": ["x"]},
        {"width": "800"},
        {"height": -1},
        {"width": True},
    ],
)
def test_a_planted_field_in_an_entry_is_no_entry(tmp_path, cache, planted):
    # The suffix becomes part of a published file's name: a field the module did not write
    # must never reach the site.
    save_photo(tmp_path / "a.jpg", (800, 600))
    first = fresh(tmp_path, "a.jpg")
    record_path = next(cache.glob("*.json"))
    record = json.loads(record_path.read_text("utf-8"))
    record["fields"].update(planted)
    record_path.write_text(json.dumps(record), "utf-8")
    assert fresh(tmp_path, "a.jpg") == first
