"""The internal board's download of its plan as data/campaign.xlsx (none in the public build)."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import List, Optional

from ..contents import GeneratedFile
from ..figures.board import Board
from ..load.plan_parts import PlanParts, load_plan_parts
from ..session import build_session
from .campaign_workbook import campaign_xlsx

XLSX = "downloads/campaign.xlsx"


def files(board: Board) -> List[GeneratedFile]:
    """The workbook, or nothing: in the public build, or for a plan that did not read again."""
    if board.public:
        return []
    parts = plan_parts(board)
    if parts is None:
        return []
    stamp = datetime.datetime.combine(board.as_of, datetime.time())
    return [GeneratedFile(XLSX, content=campaign_xlsx(parts, stamp))]


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
