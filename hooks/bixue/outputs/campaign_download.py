"""The internal board's download of its plan as data/campaign.xlsx (none in the public build)."""

from __future__ import annotations

import datetime
import hashlib
from pathlib import Path
from typing import List, Optional

from ..contents import GeneratedFile
from ..figures.board import Board
from ..load.plan_parts import PlanParts, load_plan_parts
from ..session import build_session, disk_cache
from .campaign_workbook import campaign_xlsx

XLSX = "downloads/campaign.xlsx"


PLAN_STEMS = ("campaign", "units", "indicators", "evaluations", "projects")
"""The files the plan is read from (data/<stem>.yml, .yaml, .xlsx …): the download's key."""
DISK = "plans"


def files(board: Board) -> List[GeneratedFile]:
    """The workbook, or nothing: in the public build, or for a plan that did not read again."""
    if board.public:
        return []
    stamp = datetime.datetime.combine(board.as_of, datetime.time())
    data = Path(board.campaign.data_dir)
    made = lambda: on_disk(data, stamp, lambda: workbook(board, stamp))  # noqa: E731
    session = build_session.current()
    content = made() if session is None or not session.serving else _kept(session, board, made)
    return [GeneratedFile(XLSX, content=content)] if content is not None else []


def _kept(session, board: Board, made) -> Optional[bytes]:
    """Under `serve`, the last build's workbook for the same campaign: a bad edit is built from
    the last good board, and its download stays that board's (the files no longer read). A new
    campaign whose plan files are the same bytes (a ledger edit) takes the one kept on disk."""
    campaign = board.campaign
    kept = session.plans.get(
        f"{campaign.data_dir}\0{id(campaign)}",
        lambda: (campaign, made()),
        lambda value: value[0] is campaign,  # never another campaign's, even at the same id
    )
    return kept[1]


def workbook(board: Board, stamp: datetime.datetime) -> Optional[bytes]:
    parts = plan_parts(board)
    return None if parts is None else campaign_xlsx(parts, stamp)


def on_disk(data: Path, stamp: datetime.datetime, make) -> Optional[bytes]:
    """The workbook a build before wrote from the same plan files with this very code: the
    campaign kept whole (load.kept_campaign) leaves the plan to read again, 5 s at 500 units."""
    digest = hashlib.sha256(disk_cache.code_digest() + stamp.isoformat().encode())
    try:
        for path in sorted(data.iterdir()):
            if path.stem in PLAN_STEMS and path.is_file():
                digest.update(f"\0{path.name}\0".encode() + path.read_bytes())
    except OSError:
        return make()
    entry_key = disk_cache.key(DISK, digest.hexdigest().encode())
    kept = disk_cache.load(DISK, entry_key)
    if kept is not None and kept.get("key") == entry_key and isinstance(kept.get("xlsx"), bytes):
        return kept["xlsx"]
    content = make()
    if content is not None:
        disk_cache.store(DISK, entry_key, {"key": entry_key}, {"xlsx": content})
        disk_cache.prune(DISK, 6)
    return content


def plan_parts(board: Board) -> Optional[PlanParts]:
    """The plan as written, read for this board's campaign (under `serve` with the session's
    parsed files)."""
    return load_plan_parts(Path(board.campaign.data_dir), build_session.current())
