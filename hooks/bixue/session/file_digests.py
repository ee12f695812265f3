"""Digests of files' bytes kept on disk with each file's mark, so that a build reads again only
the files written since the last: at 500 units every build read and hashed the 3,500 photos of
data/ twice (the kept campaign's key, the photos kept for the site), half a gigabyte.

A mark is the file's inode, modification and change times and size. The change time is set by
the system whenever the file is written, even when a tool puts the old modification time back
(cp -p, tar -x, exiftool -P), so bytes with an unchanged mark are the bytes that were read. A
file changed within the last seconds is read every time ("racy" marks, as git's index has
them: a write in the same clock tick as the read would keep the mark). The record is read as
untrusted: anything not of the shape written counts as no record."""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from typing import Dict, List, Optional

from . import disk_cache

KIND = "file-digests"
RACY_SECONDS = 3
_HEX = re.compile(r"[0-9a-f]{64}")


class FileDigests:
    """sha256 of files by path, for one build session: the marks of the last build are read from
    disk when first needed and written back after the build (store), only the files asked for."""

    def __init__(self) -> None:
        self.known: Optional[Dict[str, List]] = None
        self.used: Dict[str, List] = {}
        self.read = 0
        """Files read in this session (not known by their mark)."""
        self.new = False
        """Whether a mark was learnt since the record was read or written."""

    def digest(self, path: str) -> str:
        """The hex sha256 of the file's bytes; OSError as open() raises it."""
        if self.known is None:
            self.known = _load()
        mark = _mark(os.stat(path))
        found = self.known.get(path)
        if found is not None and found[:4] == mark:
            self.used[path] = found
            return found[4]
        with open(path, "rb") as opened:
            digest = hashlib.file_digest(opened, "sha256").hexdigest()
            after = _mark(os.fstat(opened.fileno()))
        self.read += 1
        if after == mark and time.time() - mark[2] / 1e9 > RACY_SECONDS:
            self.known[path] = self.used[path] = [*mark, digest]
            self.new = True
        return digest

    def store(self) -> None:
        """This session's marks for the next build, when any is new or one is no longer used."""
        if self.known is None or (not self.new and len(self.used) == len(self.known)):
            return
        content = json.dumps(self.used, ensure_ascii=False, separators=(",", ":"))
        disk_cache.store(
            KIND, _record_key(), {}, {"marks": content.encode("utf-8", "surrogatepass")}
        )
        self.known, self.new = dict(self.used), False


def _mark(info: os.stat_result) -> List[int]:
    return [info.st_ino, info.st_mtime_ns, info.st_ctime_ns, info.st_size]


def _record_key() -> str:
    return disk_cache.key(KIND, b"sha256")


def _load() -> Dict[str, List]:
    record = disk_cache.load(KIND, _record_key())
    try:
        kept = json.loads(record["marks"].decode("utf-8", "surrogatepass")) if record else {}
    except (KeyError, AttributeError, ValueError):
        return {}
    if not isinstance(kept, dict) or not all(_sound(entry) for entry in kept.values()):
        return {}
    return kept


def _sound(entry) -> bool:
    return (
        type(entry) is list
        and len(entry) == 5
        and all(type(number) is int for number in entry[:4])
        and type(entry[4]) is str
        and _HEX.fullmatch(entry[4]) is not None
    )
