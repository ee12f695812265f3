"""Publishing by swap: build beside the site folder, then move the new site into place."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def staging_dir(site_dir: str) -> str:
    """Where a build writes until it has succeeded, beside the published site."""
    site = Path(site_dir)
    return str(site.with_name(f".{site.name}.building"))


def discard(staging: str) -> None:
    shutil.rmtree(staging, ignore_errors=True)


def swap_in(staging: str, site_dir: str) -> None:
    """Replace site_dir by the finished staging folder; readers never see a half-built site."""
    site = Path(site_dir)
    old = site.with_name(f".{site.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        os.replace(site, old)
    os.replace(staging, site)
    shutil.rmtree(old, ignore_errors=True)
