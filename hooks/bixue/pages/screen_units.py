"""A unit's own slides (screen/units/<unit_id>/): its standing, pair, ledger and indicators."""

from __future__ import annotations

from types import MappingProxyType
from typing import List, Tuple

from ..figures.board import Board, IndicatorRow, IndicatorView
from ..figures.source_dates import reports_due
from ..model import Unit
from .common import has_ledger, partner_groups, row_for, unit_rounds, units_of
from .screen_parts import Rotation, SlideView, capped, chunks, pair_side, slide
from .screen_slides import DUE_SOON_ROWS, OVERDUE_ROWS

INDICATORS_PER_PAGE = 6
TOP_PLACES = 3


def unit_standing(board: Board, rotation: Rotation, seconds: int) -> List[SlideView]:
    """Rank, total, rank change and level in the latest round, and the unit's ledger figures."""
    unit = rotation.unit
    # A unit not compared has no standing to show, only its ledger.
    latest = board.latest_round if unit is not None and unit.compare else None
    if unit is None or (latest is None and not has_ledger(board)):
        return []
    return slide(
        "screen_unit.html",
        "unit",
        seconds,
        unit=unit,
        latest=latest,
        row=row_for(latest, unit.id),
        ranked=len(latest.ranked()) if latest else 0,
        history=unit_rounds(board, unit.id) if latest else (),
        has_ledger=has_ledger(board),
        stats=board.ledger_by_unit[unit.id],
        first_round=len(board.rounds) == 1,
    )


def unit_pair(board: Board, rotation: Rotation, seconds: int) -> List[SlideView]:
    """Each of the unit's pairs side by side, a page per pair: scores, rank, ledger."""
    unit = rotation.unit
    if unit is None:
        return []
    columns = [
        (pair_side(board, unit.id), *(pair_side(board, other.id) for other in others))
        for others in partner_groups(board, unit.id)
    ]
    if not columns:
        return []
    criteria = board.campaign.evaluations.criteria if board.campaign.evaluations else ()
    return slide(
        "screen_unit_pair.html",
        "unit-pair",
        seconds,
        unit=unit,
        latest=board.latest_round,
        criteria=criteria,
        pages=chunks(columns, 1),
        has_ledger=has_ledger(board),
        first_round=len(board.rounds) == 1,
    )


def unit_ledger(board: Board, rotation: Rotation, seconds: int) -> List[SlideView]:
    """The unit's overdue and due-soon items beside its completion and closure rates."""
    unit = rotation.unit
    if unit is None or not has_ledger(board):
        return []
    mine, soon = (lists.get(unit.id, []) for lists in open_lists(board))
    overdue, overdue_more = capped(mine, OVERDUE_ROWS)
    due_soon, due_soon_more = capped(soon, DUE_SOON_ROWS)
    return slide(
        "screen_rectification.html",
        "unit-ledger",
        seconds,
        scope=unit.name,
        stats=board.ledger_by_unit[unit.id],
        warn_days=board.campaign.plan.warn_days,
        units=units_of(board, [row.item for page in (*overdue, *due_soon) for row in page]),
        overdue=overdue,
        overdue_more=overdue_more,
        due_soon=due_soon,
        due_soon_more=due_soon_more,
        figure="",
    )


def open_lists(board: Board):
    """The listed overdue and due-soon rows by unit, worked out once for every unit's slide."""
    return board.once(
        "open lists", lambda: (by_unit(board.overdue_rows()), by_unit(board.due_soon_rows()))
    )


def by_unit(rows) -> dict:
    groups: dict = {}
    for row in rows:
        groups.setdefault(row.item.unit, []).append(row)
    return groups


def unit_indicators(board: Board, rotation: Rotation, seconds: int) -> List[SlideView]:
    """The unit's completion of every indicator that concerns it, against time progress."""
    rows = indicator_rows(board, rotation.unit) if rotation.unit else []
    if not rows:
        return []
    return slide(
        "screen_unit_indicators.html",
        "unit-indicators",
        seconds,
        unit=rotation.unit,
        progress=board.time_progress,
        due=reports_due(board),
        pages=chunks(rows, INDICATORS_PER_PAGE),
    )


def indicator_rows(board: Board, unit: Unit) -> List[Tuple[IndicatorView, IndicatorRow]]:
    found = ((view, view.row(unit.id)) for view in board.indicators)
    return [(view, row) for view, row in found if row is not None]


def top_three(board: Board, rotation: Rotation, seconds: int) -> List[SlideView]:
    """The campaign's top three of the latest round (more when tied), this unit marked."""
    latest = board.latest_round
    rows = latest.top(TOP_PLACES) if latest else ()
    if not rows:
        return []
    here = rotation.unit.id if rotation.unit else ""
    return slide(
        "screen_top_three.html", "top-three", seconds, latest=latest, rows=rows, here_unit=here
    )


SLIDES = MappingProxyType(
    {
        "unit": unit_standing,
        "unit-pair": unit_pair,
        "unit-ledger": unit_ledger,
        "unit-indicators": unit_indicators,
        "top-three": top_three,
    }
)
"""A unit's slides by name: in any other rotation they show nothing (top-three fits any)."""
