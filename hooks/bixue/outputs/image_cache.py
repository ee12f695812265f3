"""Processed images kept between builds, keyed by the image's bytes: cleaning and shrinking the
demo's photos took a third of a second on every build, for photos that rarely change.

The cache lives in the user's private temporary folder (as Jinja's compiled templates do), or in
BIXUE_CACHE. It is only a shortcut: an entry that is missing, unreadable or does not match its
digests is made again, and a folder that cannot be written leaves every build as it was."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Optional

VERSION = "images-1"
"""Part of every key: change it when the processing changes, and old entries are never read."""


def key(source: bytes) -> str:
    return hashlib.sha256(VERSION.encode() + b"\0" + source).hexdigest()


def folder() -> Optional[Path]:
    """The cache folder, made if need be; None when it is not ours alone or cannot be made."""
    chosen = os.environ.get("BIXUE_CACHE")
    base = Path(chosen) if chosen else Path(tempfile.gettempdir()) / f"bixue-cache-{os.getuid()}"
    path = base / "images"
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not chosen:
            _check_private(base)
        return path
    except OSError:
        return None


def _check_private(base: Path) -> None:
    """In a shared temporary folder, use only a real folder of our own that others cannot write:
    another user could otherwise plant images for our site."""
    info = os.lstat(base)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o022:
        raise OSError(f"{base}: not a private folder")


def load(entry_key: str) -> Optional[dict]:
    """The stored entry: its fields and its `clean` and `web` bytes (web may be None)."""
    path = folder()
    if path is None:
        return None
    try:
        fields = json.loads((path / f"{entry_key}.json").read_text(encoding="utf-8"))
        entry = {**fields, "clean": _part(path, entry_key, "clean", fields)}
        entry["web"] = _part(path, entry_key, "web", fields) if fields["web_digest"] else None
        return entry
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _part(path: Path, entry_key: str, name: str, fields: dict) -> bytes:
    content = (path / f"{entry_key}.{name}").read_bytes()
    if hashlib.sha256(content).hexdigest() != fields[f"{name}_digest"]:
        raise ValueError(f"{entry_key}.{name}: digest does not match")
    return content


def store(entry_key: str, fields: dict, clean: bytes, web: Optional[bytes]) -> None:
    """Keep an entry; its fields are written last, so a half-written entry is never read."""
    path = folder()
    if path is None:
        return
    record = dict(fields, clean_digest=hashlib.sha256(clean).hexdigest())
    record["web_digest"] = hashlib.sha256(web).hexdigest() if web is not None else ""
    try:
        _write(path / f"{entry_key}.clean", clean)
        if web is not None:
            _write(path / f"{entry_key}.web", web)
        _write(path / f"{entry_key}.json", json.dumps(record).encode("utf-8"))
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
