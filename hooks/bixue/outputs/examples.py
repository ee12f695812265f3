"""Examples the templates' 说明 sheets give, taken from the campaign itself: its own ids, its own
year (a 2012 campaign is not shown ZG-2014-001 and 2014 dates)."""

from __future__ import annotations

import datetime
import operator
from typing import Dict

from ..figures.board import Board


def example_date(board: Board) -> datetime.date:
    """A day of the campaign: its as-of date, which lies inside its period."""
    return board.as_of


def date_forms(day: datetime.date) -> str:
    """The forms a date may be typed in, written out for one day."""
    y, m, d = day.year, day.month, day.day
    return f"{day.isoformat()}、{y}/{m}/{d}、{y}.{m}.{d} 或 {y}年{m}月{d}日"


def item_id(board: Board) -> str:
    """The campaign's first ledger id; a made-up one in its own year when it has none yet.
    Found once a board: each unit's template names it (500 searches of 20,000 items were
    eight seconds of every rebuild under serve)."""
    return board.once("examples.item_id", lambda: first_item_id(board))


def first_item_id(board: Board) -> str:
    if not board.ledger:
        return f"ZG-{board.campaign.plan.start.year}-001"
    return min(board.ledger, key=operator.attrgetter("id_order")).item.id


def project_id(board: Board) -> str:
    projects = board.campaign.projects
    return projects.projects[0].id if projects and projects.projects else "project-1"


def ledger_examples(board: Board) -> Dict[str, str]:
    """What LEDGER_COLUMNS' notes name: `{id}`, `{dates}`, `{day}`."""
    day = example_date(board)
    return {"id": item_id(board), "dates": date_forms(day), "day": day.isoformat()}


def project_examples(board: Board) -> Dict[str, str]:
    """What the projects template's notes name: `{id}`, `{dates}`."""
    return {"id": project_id(board), "dates": date_forms(example_date(board))}
