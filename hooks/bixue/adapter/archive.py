"""往期公示 for `mkdocs build`: the archive page, made from the published site's archive and this
build's board, and the archive put into the new site just before it is published."""

from __future__ import annotations

import dataclasses
import datetime
import os
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Optional, Tuple

from ..boards import archive_page
from ..figures.board import Board
from ..publish import archive, releases
from .board import with_entry

SWITCH = "BIXUE_ARCHIVE"
"""`BIXUE_ARCHIVE=0 mkdocs build` publishes without 往期公示: no entry kept, no archive page."""
ENTRY = MappingProxyType({archive_page.TITLE: archive_page.PAGE})
"""In the navigation of a published build, after 通知公告: serve publishes nothing to keep."""


@dataclass(frozen=True)
class Plan:
    """What this build adds to the archive, decided while it holds the site's lock."""

    site: Path
    carried: Tuple[archive.Entry, ...]
    """The published site's entries the new site keeps, oldest first."""
    name: str
    published: str
    as_of: str
    profile: str
    made: Optional[archive_page.Made] = None
    """The archive page, and what the new entry keeps of it: once the page is made (page)."""


def wanted(environ=os.environ) -> bool:
    return environ.get(SWITCH, "1") != "0"


def publication_time(environ=os.environ) -> str:
    """Now, or SOURCE_DATE_EPOCH's time for a reproducible build."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    when = datetime.datetime.fromtimestamp(int(epoch)) if epoch else datetime.datetime.now()
    return when.astimezone().isoformat(timespec="seconds")


def plan(board: Board, site_dir: str) -> Plan:
    site = Path(site_dir)
    profile = "public" if board.public else "internal"
    earlier = archive.entries(site, profile)
    name = archive.new_name(archive.names_taken(site), board.as_of.isoformat())
    carried = tuple(archive.kept(earlier, board.campaign.plan.archive_keep))
    return Plan(site, carried, name, publication_time(), board.as_of.isoformat(), profile)


def in_nav(nav):
    return with_entry(nav, ENTRY, after="notices/index.md") if nav else nav


def page(board: Board, chosen: Plan) -> Plan:
    """The plan with its archive page made (`made.page`)."""
    earlier = [archive_page.Publication(e.name, e.published, e.data, e.row) for e in chosen.carried]
    made = archive_page.for_build(board, earlier, chosen.name, chosen.published)
    return dataclasses.replace(chosen, made=made)


def put_in(chosen: Optional[Plan], staging: str) -> None:
    """The kept entries linked from the finished site, and the site itself added as one."""
    if chosen is None:  # BIXUE_ARCHIVE=0
        return
    built = Path(staging)
    archive.link_kept(chosen.site, built, [entry.name for entry in chosen.carried])
    if chosen.made is None:
        raise ValueError("the archive page was not made")  # put_in comes after on_files
    record = {"published": chosen.published, "profile": chosen.profile, "row": chosen.made.record}
    archive.add(
        chosen.site,
        built,
        chosen.name,
        record,
        chosen.made.view,
        lambda up: archive_page.banner(chosen.as_of, chosen.published, up),
    )


def tidy(chosen: Optional[Plan]) -> None:
    """After a publish (or a build not published): entries no kept site links to go."""
    if chosen is not None:
        archive.prune_store(chosen.site, [chosen.site, *releases.releases(chosen.site)])
