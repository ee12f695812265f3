"""Files' digests kept with their marks between builds (session.file_digests): a file is read
again whenever it may have been written, and a record that is damaged or planted is not read."""

from __future__ import annotations

import hashlib
import json
import os

import pytest
from bixue.session import disk_cache, file_digests
from bixue.session.file_digests import FileDigests


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("BIXUE_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def settled(monkeypatch):
    """Files count as settled however recently written (no racy marks), for the test's speed."""
    monkeypatch.setattr(file_digests, "RACY_SECONDS", -1)


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_file_is_read_once_while_its_mark_is_the_same(tmp_path, cache, settled):
    photo = tmp_path / "a.jpg"
    photo.write_bytes(b"before" * 1000)
    digests = FileDigests()
    assert digests.digest(str(photo)) == sha(photo)
    assert digests.digest(str(photo)) == sha(photo) and digests.read == 1
    digests.store()
    later = FileDigests()  # the next build: the marks from disk
    assert later.digest(str(photo)) == sha(photo) and later.read == 0


def test_bytes_written_again_with_the_old_time_and_size_are_read_again(tmp_path, cache, settled):
    photo = tmp_path / "a.jpg"
    photo.write_bytes(b"before" * 1000)
    first = FileDigests()
    first.digest(str(photo))
    first.store()
    info = photo.stat()
    photo.write_bytes(b"after!" * 1000)  # the same size
    os.utime(photo, ns=(info.st_atime_ns, info.st_mtime_ns))  # the old time put back (cp -p)
    later = FileDigests()
    assert later.digest(str(photo)) == sha(photo) and later.read == 1


def test_a_file_written_a_moment_ago_is_not_remembered(tmp_path, cache):
    photo = tmp_path / "a.jpg"
    photo.write_bytes(b"fresh")
    digests = FileDigests()
    assert digests.digest(str(photo)) == sha(photo)
    digests.store()
    assert FileDigests().known is None
    again = FileDigests()
    again.digest(str(photo))
    assert again.read == 1


def test_only_the_files_asked_for_are_kept(tmp_path, cache, settled):
    one, two = tmp_path / "one", tmp_path / "two"
    one.write_bytes(b"1")
    two.write_bytes(b"2")
    first = FileDigests()
    first.digest(str(one))
    first.digest(str(two))
    first.store()
    second = FileDigests()
    second.digest(str(one))
    second.store()
    third = FileDigests()
    third.digest(str(one))
    third.digest(str(two))
    assert third.read == 1


@pytest.mark.parametrize(
    "planted",
    [
        b"not json",
        json.dumps({"p": [1, 2, 3, 4, "not a digest"]}).encode(),
        json.dumps({"p": [1, 2, 3, "4", "0" * 64]}).encode(),
        json.dumps(["p"]).encode(),
    ],
    ids=["not-json", "not-a-digest", "not-a-mark", "not-a-map"],
)
def test_a_damaged_or_planted_record_is_not_read(tmp_path, cache, settled, planted):
    photo = tmp_path / "a.jpg"
    photo.write_bytes(b"x")
    record_key = file_digests._record_key()
    disk_cache.store(file_digests.KIND, record_key, {}, {"marks": planted})
    digests = FileDigests()
    assert digests.digest(str(photo)) == sha(photo) and digests.read == 1
    assert digests.known == {str(photo): [*file_digests._mark(photo.stat()), sha(photo)]}
