"""Where each figure of the indicators, ranking and ledger pages came from: the place (file:line,
workbook:sheet!cell) of every value that went into it (internal build only: no path in public)."""

from __future__ import annotations

from typing import Dict, Optional, Tuple

from ..model import RectificationItem, source_key
from .board import Board, IndicatorRow, IndicatorView, RankRow, RoundView


def latest_source(view: IndicatorView, row: IndicatorRow) -> str:
    if row.latest_period is None:
        return ""
    return view.indicator.sources.get(source_key("value", row.unit.id, row.latest_period), "")


def target_source(view: IndicatorView, row: IndicatorRow) -> str:
    return view.indicator.sources.get(source_key("target", row.unit.id), "")


def row_sources(view: IndicatorView, row: IndicatorRow) -> Dict[str, str]:
    """The latest value's and the target's places; completion is made of both."""
    latest, target = latest_source(view, row), target_source(view, row)
    both = "；".join(where for where in (latest, target) if where)
    return {"latest": latest, "target": target, "completion": both}


def indicator_sources(board: Board, view: IndicatorView) -> Optional[Dict[str, Dict[str, str]]]:
    """Unit id → its row's sources; None in the public build."""
    if board.public:
        return None
    return {row.unit.id: row_sources(view, row) for row in view.rows}


def score_sources(view: RoundView, row: RankRow) -> Dict[str, str]:
    """Criterion id → where the unit's score was written; "total" → all of them."""
    found = {
        criterion: view.round.sources.get(source_key("score", row.unit.id, criterion), "")
        for criterion in row.scores
    }
    found["total"] = "；".join(dict.fromkeys(where for where in found.values() if where))
    return found


def round_sources(board: Board, view: RoundView) -> Optional[Dict[str, Dict[str, str]]]:
    """Unit id → its scores' sources; None in the public build."""
    if board.public:
        return None
    return {row.unit.id: score_sources(view, row) for row in view.rows if row.rank is not None}


def item_source(item: RectificationItem) -> str:
    """A ledger item's place: file:line, or workbook:sheet!cell of its row."""
    cell = item.origin.cell_of("")
    return f"{item.origin.path}:{cell}" if cell else f"{item.origin.path}:{item.origin.line}"


def board_completion_sources(view: IndicatorView) -> Tuple[Tuple[str, str, str], ...]:
    """(unit name, latest's place, target's place) of each unit the board-wide completion sums."""
    return tuple(
        (row.unit.name, latest_source(view, row), target_source(view, row))
        for row in view.rows
        if row.latest is not None and row.target is not None
    )
