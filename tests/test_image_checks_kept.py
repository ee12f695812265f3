"""Images that passed the load checks are not decoded again for the same bytes: a changed or
broken file is always checked, and no cache entry, damaged or planted, lets a bad image pass."""

from __future__ import annotations

import json
import os

import pytest
from bixue.errors import DataErrors
from bixue.load import images, load_campaign
from bixue.session import disk_cache
from gen_campaign import Size, generate
from PIL import Image
from test_images import save_photo

BROKEN = "图片不完整或已损坏（可能只拷贝了一部分）"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("BIXUE_CACHE", str(folder))
    return folder / images.PASSED


@pytest.fixture
def decoded(monkeypatch):
    """Every image Pillow opened since the test began (the check decodes what it opens)."""
    opened = []
    real_open = Image.open

    def counting_open(file, *args, **kwargs):
        opened.append(file)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(Image, "open", counting_open)
    return opened


def check(path):
    return images.image_problem(path)


def test_a_second_build_does_not_decode_the_photos_again(tmp_path, cache, decoded):
    generate(tmp_path / "data", Size(3, 8, 1, 1, 1, 1, False, photos=5))
    first = load_campaign(tmp_path / "data")
    assert len(decoded) == 5
    assert load_campaign(tmp_path / "data") == first
    assert len(decoded) == 5


def test_a_changed_photo_is_decoded_and_a_broken_one_refused_though_its_last_bytes_passed(
    tmp_path, cache, decoded
):
    photo = save_photo(tmp_path / "a.jpg", (800, 600))
    assert check(photo) is None and check(photo) is None and len(decoded) == 1
    save_photo(photo, (400, 300))
    assert check(photo) is None and len(decoded) == 2
    photo.write_bytes(photo.read_bytes()[:-400])
    assert check(photo)[0] == BROKEN
    assert check(photo)[0] == BROKEN  # a failure is not kept: decoded each time
    assert len(decoded) == 4


def test_a_broken_photo_in_the_data_stops_the_build_after_its_good_version_passed(tmp_path, cache):
    generate(tmp_path / "data", Size(3, 8, 1, 1, 1, 1, False, photos=2))
    load_campaign(tmp_path / "data")
    photo = tmp_path / "data" / "rectifications" / "photos" / "ZG-2014-00001-after.jpg"
    photo.write_bytes(photo.read_bytes()[: photo.stat().st_size // 2])
    with pytest.raises(DataErrors) as caught:
        load_campaign(tmp_path / "data")
    [error] = caught.value.errors
    assert error.path.startswith("data/rectifications/") and error.line > 0
    assert error.field == "photos.after"
    assert error.message == f"'photos/{photo.name}'：{BROKEN}"


def entry(cache):
    [record] = cache.glob("*.json")
    return record


def test_a_damaged_entry_counts_as_absent_and_is_made_again(tmp_path, cache, decoded):
    photo = save_photo(tmp_path / "a.jpg", (800, 600))
    check(photo)
    record = entry(cache)
    whole = record.read_bytes()
    record.write_bytes(whole[: len(whole) // 2])
    assert check(photo) is None and len(decoded) == 2
    assert record.read_bytes() == whole
    assert check(photo) is None and len(decoded) == 2


def test_an_entry_of_other_bytes_does_not_let_a_broken_photo_pass(tmp_path, cache, decoded):
    good = save_photo(tmp_path / "good.jpg", (800, 600))
    check(good)
    passed = entry(cache)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(good.read_bytes()[:-400])
    assert check(broken)[0] == BROKEN
    assert list(cache.glob("*.json")) == [passed]  # a failure is never stored
    (cache / f"{key_of(broken.read_bytes())}.json").write_bytes(passed.read_bytes())
    assert check(broken)[0] == BROKEN
    assert len(decoded) == 3


def key_of(content: bytes) -> str:
    return disk_cache.key(images.PASSED, f"{images.RULES}\0JPEG\0".encode() + content)


@pytest.mark.parametrize(
    "planted",
    [
        b"[" * 30_000 + b"]" * 30_000,  # nested deeper than Python's recursion
        json.dumps({"fields": {"passed": True}, "parts": {}}).encode(),
        json.dumps({"fields": {"passed": "x", "ok": 1}, "parts": {}}).encode(),
        json.dumps({"fields": [], "parts": []}).encode(),
        b"\xff\xfe not utf-8",
        b" " * (disk_cache.MAX_RECORD + 1),
    ],
)
def test_a_planted_entry_neither_crashes_nor_lets_a_broken_photo_pass(tmp_path, cache, planted):
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(save_photo(tmp_path / "a.jpg", (800, 600)).read_bytes()[:-400])
    cache.mkdir(parents=True)
    (cache / f"{key_of(broken.read_bytes())}.json").write_bytes(planted)
    assert check(broken)[0] == BROKEN


def test_a_pipe_in_place_of_an_entry_does_not_hang_the_build(tmp_path, cache, decoded):
    photo = save_photo(tmp_path / "a.jpg", (800, 600))
    cache.mkdir(parents=True)
    os.mkfifo(cache / f"{key_of(photo.read_bytes())}.json")
    assert check(photo) is None and len(decoded) == 1


def test_new_rules_check_every_photo_again(tmp_path, cache, decoded, monkeypatch):
    photo = save_photo(tmp_path / "a.jpg", (800, 600))
    check(photo)
    monkeypatch.setattr(images, "RULES", images.RULES + "-next")
    assert check(photo) is None and len(decoded) == 2


def test_without_a_usable_cache_every_photo_is_checked(tmp_path, monkeypatch, decoded):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x")
    monkeypatch.setenv("BIXUE_CACHE", str(blocked))
    photo = save_photo(tmp_path / "a.jpg", (800, 600))
    assert check(photo) is None and check(photo) is None and len(decoded) == 2
    photo.write_bytes(photo.read_bytes()[:-400])
    assert check(photo)[0] == BROKEN
