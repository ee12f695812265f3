"""A campaign as loaded, kept on disk (disk_cache) for the next `mkdocs build` of the very same
files: reading and checking 20,000 ledger items, 1,200 cases and 3,500 photos took more than half
of a warm build at 500 units, for data that had not changed.

The key is every file and folder under data/ (its place, kind, and bytes or link) with the
folders the records name their places by and the package's own code: any change reads all again.
A load with errors keeps nothing. The cache is read as untrusted: only records of this package
and dates or numbers are made from it, and anything else counts as no entry."""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import stat
from pathlib import Path
from types import MappingProxyType
from typing import Callable, Optional

from .. import model
from ..session import disk_cache
from ..session.file_digests import FileDigests

KIND = "campaigns"
RECORDS = 4
"""Entries kept, the newest: one is a data folder's; tests build many."""
PLAIN = frozenset(
    {
        ("datetime", "date"),
        ("datetime", "datetime"),
        ("fractions", "Fraction"),
        ("decimal", "Decimal"),
        ("pathlib", "PosixPath"),
        ("pathlib", "PurePosixPath"),
        ("pathlib", "WindowsPath"),
        ("pathlib", "PureWindowsPath"),
        (__name__, "_proxy"),
    }
)
"""What besides the package's own records a kept campaign may be made of (paths: a returned
workbook's file)."""


def _proxy(entries: dict) -> MappingProxyType:
    return MappingProxyType(entries)


class _Pickler(pickle.Pickler):
    def reducer_override(self, found):
        if type(found) is MappingProxyType:
            return (_proxy, (dict(found),))
        return NotImplemented


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if (module, name) in PLAIN:
            return super().find_class(module, name)
        if "." not in name and module.startswith("bixue."):
            found = super().find_class(module, name)
            if isinstance(found, type) and found.__module__ == module:
                return found
        raise pickle.UnpicklingError(f"{module}.{name}: not part of a campaign")


def load_kept(
    data_dir: Path,
    project_dir: Path,
    load: Callable[[], model.Campaign],
    digests: Optional[FileDigests] = None,
):
    """`load()`, or what it gave for the same files in an earlier build. `digests` gives each
    file's digest, read again only when the file was written since (a build session's)."""
    key = _key(Path(data_dir), Path(project_dir), digests or FileDigests())
    if key is None:
        return load()
    entry = disk_cache.load(KIND, key)
    if entry is not None and entry.get("key") == key and isinstance(entry.get("campaign"), bytes):
        try:
            campaign = _Unpickler(io.BytesIO(entry["campaign"])).load()
        except Exception:  # noqa: BLE001 - a damaged or planted entry is no entry
            campaign = None
        if isinstance(campaign, model.Campaign):
            return campaign
    campaign = load()
    buffer = io.BytesIO()
    try:
        _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(campaign)
    except (pickle.PicklingError, TypeError, AttributeError):
        return campaign
    disk_cache.store(KIND, key, {"key": key}, {"campaign": buffer.getvalue()})
    disk_cache.prune(KIND, RECORDS)
    return campaign


def _key(data_dir: Path, project_dir: Path, digests: FileDigests) -> Optional[str]:
    """A digest of everything under data/ and of the code; None when data/ cannot be walked."""
    digest = hashlib.blake2b(digest_size=32)
    digest.update(disk_cache.code_digest())
    digest.update(f"\0{data_dir.resolve()}\0{project_dir.resolve()}\0".encode())
    try:
        for folder, folders, files in os.walk(data_dir, followlinks=False):
            folders.sort()
            for name in sorted(files) + folders:
                path = os.path.join(folder, name)
                info = os.lstat(path)
                place = os.path.relpath(path, data_dir)
                digest.update(f"{place}\0{info.st_mode}\0".encode())
                if stat.S_ISLNK(info.st_mode):
                    digest.update(os.readlink(path).encode())
                elif stat.S_ISREG(info.st_mode):
                    digest.update(digests.digest(path).encode())
    except (OSError, UnicodeError):
        return None
    return digest.hexdigest()
