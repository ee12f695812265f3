"""Build results kept between builds, keyed by a digest of their inputs: images that passed the
load checks (load.images: every photo was decoded at every build), photos cleaned and shrunk (a
third of a second a build on the demo) and QR codes (2 ms each, 1,500 at 500 units), made again
for inputs that rarely change.

The cache lives in the user's private temporary folder (as Jinja's compiled templates do), or in
BIXUE_CACHE. It is only a shortcut: an entry that is missing, unreadable or does not match its
digests is made again, and a folder that cannot be written leaves every build as it was."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Dict, Optional

VERSION = "1"
"""Part of every key, with the kind: change it when what is kept changes, and old entries are
never read again."""


def key(kind: str, source: bytes) -> str:
    return hashlib.sha256(f"{kind}-{VERSION}".encode() + b"\0" + source).hexdigest()


def code_digest() -> bytes:
    """A digest of the package's own files and of the Python running it: part of the key of a
    result the board's code computes (a 通报), so that a new version never reads an old one's."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".html", ".json") and path.is_file():
            digest.update(f"{path.relative_to(package)}\0".encode() + path.read_bytes())
    return digest.hexdigest().encode()


def folder(kind: str) -> Optional[Path]:
    """The cache folder for `kind`, made if need be; None when it is not ours alone or cannot
    be made."""
    chosen = os.environ.get("BIXUE_CACHE")
    base = Path(chosen) if chosen else Path(tempfile.gettempdir()) / f"bixue-cache-{os.getuid()}"
    path = base / kind
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not chosen:
            _check_private(base)
        return path
    except OSError:
        return None


def _check_private(base: Path) -> None:
    """In a shared temporary folder, use only a real folder of our own that others cannot write:
    another user could otherwise plant images or codes for our site."""
    info = os.lstat(base)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o022:
        raise OSError(f"{base}: not a private folder")


def load(kind: str, entry_key: str) -> Optional[dict]:
    """The stored entry: its fields, and each of its parts by name (bytes). Anything the folder
    holds is read as untrusted: a file that is not a regular one, a record too big or nested too
    deep, a part named like a path, all count as no entry."""
    path = folder(kind)
    if path is None:
        return None
    try:
        record = json.loads(_read(path / f"{entry_key}.json", MAX_RECORD).decode("utf-8"))
        parts = {
            _part_name(name): _part(path / f"{entry_key}.{name}", digest)
            for name, digest in record["parts"].items()
        }
        return {**record["fields"], **parts}
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None


MAX_RECORD = 64 * 1024
"""A record holds a few fields and digests; anything bigger was not written by store."""


def _read(path: Path, limit: Optional[int] = None) -> bytes:
    """The bytes of a regular file; opened without waiting, so a pipe put there cannot hang."""
    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(handle, "rb") as opened:
        info = os.fstat(opened.fileno())
        if not stat.S_ISREG(info.st_mode) or (limit is not None and info.st_size > limit):
            raise ValueError(f"{path}: not an entry of the cache")
        return opened.read()


def _part_name(name: str) -> str:
    if not name.isidentifier():
        raise ValueError(f"{name!r}: not a part's name")
    return name


def _part(path: Path, digest: str) -> bytes:
    content = _read(path)
    if hashlib.sha256(content).hexdigest() != digest:
        raise ValueError(f"{path}: digest does not match")
    return content


def store(kind: str, entry_key: str, fields: dict, parts: Dict[str, bytes]) -> None:
    """Keep an entry; its record is written last, so a half-written entry is never read."""
    path = folder(kind)
    if path is None:
        return
    digests = {name: hashlib.sha256(content).hexdigest() for name, content in parts.items()}
    try:
        for name, content in parts.items():
            _write(path / f"{entry_key}.{name}", content)
        record = {"fields": fields, "parts": digests}
        _write(path / f"{entry_key}.json", json.dumps(record).encode("utf-8"))
    except OSError:
        pass


def touch(kind: str, entry_key: str) -> None:
    """The entry counts as the newest (prune), as if stored again unchanged."""
    path = folder(kind)
    if path is not None:
        try:
            os.utime(path / f"{entry_key}.json")
        except OSError:
            pass


def _write(target: Path, content: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".part-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def prune(kind: str, keep: int) -> None:
    """Only the `keep` newest entries of `kind`: entries kept by whole data folders or sites
    (builds into ever new folders, tests, trials) would fill the cache."""
    path = folder(kind)
    if path is None:
        return
    try:
        records = sorted(path.glob("*.json"), key=lambda record: record.stat().st_mtime)
        for record in records[:-keep]:
            for part in path.glob(f"{record.stem}.*"):
                part.unlink(missing_ok=True)
    except OSError:
        pass  # another build pruned it first
