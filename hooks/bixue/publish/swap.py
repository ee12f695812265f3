"""Publishing a build: write it beside the site, then switch the site to it in one step."""

from __future__ import annotations

import shutil
from pathlib import Path

from . import releases


def staging_dir(site_dir: str) -> str:
    """Where a build writes until it has succeeded, beside the published site."""
    site = Path(site_dir)
    return str(site.with_name(f".{site.name}.building"))


def discard(staging: str) -> None:
    shutil.rmtree(staging, ignore_errors=True)


def swap_in(staging: str, site_dir: str) -> None:
    """Swap the finished staging folder in for the site (publish.releases): readers see the old
    site or the new one, whole, at every moment; the last releases stay for a rollback."""
    releases.publish(Path(staging), Path(site_dir))
