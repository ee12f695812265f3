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
    session = build_session.current()
    if session is not None and session.serving:
        content = workbook(board, stamp)
    else:
        content = on_disk(Path(board.campaign.data_dir), stamp, lambda: workbook(board, stamp))
    return [GeneratedFile(XLSX, content=content)] if content is not None else []


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
    """The plan as written, read for this board's campaign: under `serve`, a bad edit is built
    from the last good board, and its download stays that board's (the files no longer read)."""
    session = build_session.current()
    data = Path(board.campaign.data_dir)
    if session is None:
        return load_plan_parts(data)
    campaign = board.campaign
    kept = session.plans.get(
        f"{data}\0{id(campaign)}",
        lambda: (campaign, load_plan_parts(data, session)),
        lambda value: value[0] is campaign,  # never another campaign's, even at the same id
    )
    return kept[1]
