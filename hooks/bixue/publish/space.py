"""A full disk said in Chinese: the folder that could not be written and about how much a build
needs, instead of an English OSError traceback."""

from __future__ import annotations

import errno
from pathlib import Path

FULL = (errno.ENOSPC, errno.EDQUOT)
"""No space left, or the user's quota used up: either way the clerk must free space."""
MB = 1024 * 1024


def full_disk(error: BaseException) -> bool:
    return isinstance(error, OSError) and error.errno in FULL


def size(folder: Path) -> int:
    """Bytes of the files under `folder` (0 when it is missing)."""
    total = 0
    for path in folder.rglob("*") if folder.is_dir() else ():
        try:
            total += path.lstat().st_size if path.is_file() else 0
        except OSError:  # removed meanwhile
            continue
    return total


def message(site: Path, staging: Path) -> str:
    """A new site takes about as much as the published one, or as what was written before the
    disk filled up, whichever is more."""
    needed = max(size(site), size(staging), 1)
    return (
        f"磁盘空间不足：无法写入 {site}（约需 {max(round(needed / MB), 1)} MB）；已发布的站点未改动"
    )
