"""往期公示 of each campaign of a several-campaign site. Each board is built into a folder of its
own beside the site (`.site.campaigns/<id>`), whose `.<id>.archive` store stays from one build
to the next; before a build, that folder and its releases are given the archive links the
published site's `<id>/` and its kept releases hold, so the board's build keeps, names and
prunes its entries exactly as a board built alone into the site would."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ..publish import archive, releases, swap


def home_dir(site: Path) -> Path:
    """Where the boards are built, beside the site; it keeps only their archive stores."""
    return site.with_name(f".{site.name}.campaigns")


def seed(site: Path, home: Path, campaign_id: str) -> Path:
    """The board's build folder as the published site's `<id>/` stands, as far as its archive
    goes: its links, and the links of each kept release, under the same release names."""
    board = home / campaign_id
    clear(home, campaign_id)
    copy_links(site / campaign_id / archive.ARCHIVE, board / archive.ARCHIVE)
    stamp = releases.published(site)
    if stamp:
        releases.releases_dir(board).mkdir(parents=True, exist_ok=True)
        releases.record(board, stamp)
    for old in releases.releases(site):
        kept = releases.releases_dir(board) / old.name / archive.ARCHIVE
        copy_links(old / campaign_id / archive.ARCHIVE, kept)
    return board


def copy_links(source: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for entry in sorted(source.iterdir()) if source.is_dir() else ():
        if entry.is_symlink():  # an entry in the store (one copied by hand is not the store's)
            (target / entry.name).symlink_to(os.readlink(entry), target_is_directory=True)


def clear(home: Path, campaign_id: str) -> None:
    """Everything of the board's last build but its archive store."""
    board = home / campaign_id
    for folder in (board, releases.releases_dir(board), Path(swap.staging_dir(str(board)))):
        shutil.rmtree(folder, ignore_errors=True)


def settle(site: Path, home: Path, campaign_id: str) -> None:
    """After the site was published (or not): the store keeps the entries the site and its
    releases link to, no more (a board built but not published added one)."""
    board = seed(site, home, campaign_id)
    archive.prune_store(board, [board, *releases.releases(board)])
    clear(home, campaign_id)
