"""Releases: every published site is a folder of its own, and the site path a symlink to one.

site/                     -> .site.releases/20141020T101500123456  (a relative symlink)
.site.releases/<stamp>/   the last KEEP releases, newest last by name

Publishing and rolling back each switch the symlink with one rename (os.replace of a new
symlink over the old one), so a reader opening any file finds it whole, in one release, at any
moment. No module of MkDocs is imported here: scripts/rollback.py runs without it.
"""

from __future__ import annotations

import ctypes
import datetime
import os
import shutil
from pathlib import Path
from typing import List, Optional

KEEP = 5
"""Releases kept, the published one always among them: enough to roll back a bad week."""
RENAME_EXCHANGE = 2
AT_FDCWD = -100


def releases_dir(site: Path) -> Path:
    return site.with_name(f".{site.name}.releases")


def releases(site: Path) -> List[Path]:
    """Every release folder, oldest first (the names are UTC time stamps)."""
    folder = releases_dir(site)
    return sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []


def current(site: Path) -> Optional[Path]:
    """The release the site path points to; None when it is not (yet) a release symlink."""
    if not site.is_symlink():
        return None
    return (site.parent / os.readlink(site)).resolve()


def new_release(site: Path) -> Path:
    """A fresh, empty release path named by the time, later than every existing one."""
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%S%f")
    existing = [p.name for p in releases(site)]
    name = stamp if not existing or stamp > existing[-1] else existing[-1] + "-1"
    return releases_dir(site) / name


def publish(built: Path, site: Path, keep: int = KEEP) -> Path:
    """Move a finished site (a folder beside `site`) in as the newest release and switch to it."""
    release = new_release(site)
    release.parent.mkdir(parents=True, exist_ok=True)
    os.replace(built, release)
    switch(site, release)
    prune(site, keep)
    return release


def switch(site: Path, release: Path) -> None:
    """Point `site` at `release` in one atomic rename; a real folder there becomes a release."""
    link = site.with_name(f".{site.name}.link-{os.getpid()}")
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(os.path.relpath(release, site.parent))
    if site.is_dir() and not site.is_symlink():
        migrate(site, link)
    else:
        os.replace(link, site)


def migrate(site: Path, link: Path) -> None:
    """The first publish over a plain site folder: swap the folder and the new symlink in one
    step (renameat2 RENAME_EXCHANGE), then keep the old folder as the oldest release."""
    old = releases_dir(site) / "00000000T000000000000-migrated"
    if not exchange(link, site):
        # A file system without exchange: the old folder is away for one rename only.
        os.replace(site, old)
        os.replace(link, site)
        return
    os.replace(link, old)  # `link` now names the old folder


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically (Linux renameat2); False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    result = renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE)
    return result == 0


def prune(site: Path, keep: int = KEEP) -> None:
    """Delete all but the newest `keep` releases; the published one is never deleted."""
    published = current(site)
    for old in releases(site)[:-keep]:
        if old.resolve() != published:
            shutil.rmtree(old, ignore_errors=True)


def rollback(site: Path) -> Path:
    """Put the release before the published one back, atomically; return it."""
    published = current(site)
    if published is None:
        raise LookupError(f"{site} 不是发布目录（应为指向 {releases_dir(site).name}/ 的链接）")
    older = [p for p in releases(site) if p.name < published.name]
    if not older:
        raise LookupError(f"没有比 {published.name} 更早的版本可以回退")
    switch(site, older[-1])
    return older[-1]
