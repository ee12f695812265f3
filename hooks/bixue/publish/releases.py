"""Releases: the site path is a real folder, swapped whole for each new build; earlier ones kept.

site/                        the published site (a plain folder: find, cp -r and rsync see it)
.site.releases/<stamp>/      earlier sites kept for a rollback, named by their UTC publish time
.site.releases/published     the stamp of the site now in site/ (one line)

Publishing and rolling back each swap two folders in one step (Linux renameat2 with
RENAME_EXCHANGE), so a reader opening any file under site/ finds it whole, in one release, at
any moment. Where the system cannot exchange, site/ is away for the one rename between two.
A site path left a symlink by an earlier Bixue (site -> .site.releases/<stamp>) becomes a
folder at the next publish, its releases kept. No module of MkDocs is imported here:
scripts/rollback.py runs without it.
"""

from __future__ import annotations

import ctypes
import datetime
import os
import shutil
from pathlib import Path
from typing import List, Optional

KEEP = 5
"""Releases kept, the published one among them: enough to roll back a bad week."""
MIGRATED = "00000000T000000000000-migrated"
"""The name of a plain site folder found before any release: older than every stamp."""
RENAME_EXCHANGE = 2
AT_FDCWD = -100


def releases_dir(site: Path) -> Path:
    return site.with_name(f".{site.name}.releases")


def releases(site: Path) -> List[Path]:
    """The kept earlier sites, oldest first (the names are UTC time stamps)."""
    folder = releases_dir(site)
    return sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []


def published(site: Path) -> Optional[str]:
    """The stamp of the site in `site`; None when no release has been published there."""
    if site.is_symlink():  # an earlier Bixue's site: a symlink to its release folder
        return Path(os.readlink(site)).name
    record = releases_dir(site) / "published"
    if site.is_dir() and record.is_file():
        return record.read_text("utf-8").strip() or None
    return None


def names(site: Path) -> List[str]:
    """Every release's stamp, the published one among them, oldest first."""
    kept = [p.name for p in releases(site)]
    current = published(site)
    return sorted({*kept, current} if current else kept)


def new_stamp(site: Path) -> str:
    """A stamp from the time, later than every release's."""
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%S%f")
    existing = names(site)
    return stamp if not existing or stamp > existing[-1] else existing[-1] + "-1"


def publish(built: Path, site: Path, keep: int = KEEP) -> str:
    """Swap a finished site (a folder beside `site`) in; the one it replaces is kept."""
    releases_dir(site).mkdir(parents=True, exist_ok=True)
    recover(site)
    stamp = new_stamp(site)
    retired = published(site) or MIGRATED
    written = prepared(site, stamp)  # before the swap: a full disk stops the publish here
    put_in(built, site, releases_dir(site) / retired)
    os.replace(written, releases_dir(site) / "published")
    prune(site, keep)
    return stamp


def rollback(site: Path) -> str:
    """Put the release before the published one back, atomically; return its stamp."""
    recover(site)
    current = published(site)
    if current is None:
        raise LookupError(f"{site} 还没有发布过版本（{releases_dir(site).name}/ 里没有记录）")
    older = [p for p in releases(site) if p.name < current]
    if not older:
        raise LookupError(f"没有比 {current} 更早的版本可以回退")
    target = older[-1]
    put_in(target, site, releases_dir(site) / current)
    record(site, target.name)
    return target.name


def put_in(folder: Path, site: Path, keep_as: Path) -> None:
    """Make `folder` the site; whatever `site` held is moved to `keep_as`."""
    if not site.exists() and not site.is_symlink():
        os.replace(folder, site)
    elif exchange(folder, site):
        # `folder` now names what the site held: a folder, or an earlier Bixue's symlink.
        retire(folder, keep_as)
    else:
        # A file system without exchange: the site is away for one rename only.
        away = site.with_name(f".{site.name}.away-{os.getpid()}")
        os.replace(site, away)
        os.replace(folder, site)
        retire(away, keep_as)


def retire(old: Path, keep_as: Path) -> None:
    """Keep a site that was published as `keep_as`; an earlier Bixue's symlink goes."""
    if old.is_symlink():
        old.unlink()
        return
    while keep_as.exists():  # the record was lost: never put a site over a kept one
        keep_as = keep_as.with_name(keep_as.name + "-1")
    os.replace(old, keep_as)


def recover(site: Path) -> None:
    """Finish a swap without exchange that was killed between its renames: a site left away is
    put back when the site is missing, or else kept as the release it was."""
    for away in sorted(site.parent.glob(f".{site.name}.away-*")):
        if not site.exists() and not site.is_symlink():
            os.replace(away, site)
        else:
            retire(away, releases_dir(site) / (published(site) or MIGRATED))


def record(site: Path, stamp: str) -> None:
    """Write down the published stamp, whole or not at all."""
    os.replace(prepared(site, stamp), releases_dir(site) / "published")


def prepared(site: Path, stamp: str) -> Path:
    """The record of `stamp`, written aside, to be renamed over the published one."""
    partial = releases_dir(site) / f"published.{os.getpid()}"
    partial.write_text(stamp + "\n", "utf-8")
    return partial


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically (Linux renameat2); False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    result = renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE)
    return result == 0


def prune(site: Path, keep: int = KEEP) -> None:
    """Delete the oldest kept sites until `keep` releases are left, the published one counted."""
    kept = releases(site)
    for old in kept[: max(len(kept) - (keep - 1), 0)]:
        shutil.rmtree(old, ignore_errors=True)
