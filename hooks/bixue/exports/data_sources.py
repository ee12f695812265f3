"""What data.json says beside the figures: each notice's 公示期, the date behind each figure
(the last period due, 逾期未报, the ledger's newest date) and, internally, where each came from."""

from __future__ import annotations

from typing import Optional

from ..figures import provenance
from ..figures.board import Board
from ..figures.publicity import publicity_view
from ..figures.source_dates import ledger_sources, ledger_updated, reports_due


def with_sources(board: Board, data: dict) -> dict:
    """`data` (board_data's dict) with the keys of this module added in place."""
    for entry, notice in zip(data["notices"], board.notices(), strict=True):
        entry.update(publicity_data(board, notice))
    due = reports_due(board)
    for entry in data["indicators"]:
        reports = due[entry["id"]]
        entry["period_due"] = reports.due
        for row in entry["units"]:
            row["overdue_report"] = row["unit"] in reports.overdue
    data["ledger"]["updated"] = iso(ledger_updated(board))
    if not board.public:
        with_provenance(board, data)
    return data


def with_provenance(board: Board, data: dict) -> None:
    """Internal build: where each value went into a figure was written (`source` keys)."""
    for entry, view in zip(data["indicators"], board.indicators, strict=True):
        sources = provenance.indicator_sources(board, view)
        for row in entry["units"]:
            row["source"] = sources[row["unit"]]
    for entry, view in zip(data["rounds"], board.rounds, strict=True):
        sources = provenance.round_sources(board, view)
        for row in entry["ranking"]:
            if row["unit"] in sources:
                row["source"] = sources[row["unit"]]
    data["ledger"]["sources"] = [
        {"path": source.path, "items": source.items, "updated": iso(source.updated)}
        for source in ledger_sources(board)
    ]


def iso(day) -> Optional[str]:
    return day.isoformat() if day else None


def publicity_data(board: Board, notice) -> dict:
    """The 公示期, with its state as of the board's day; nothing for a notice without one."""
    view = publicity_view(notice, board.as_of)
    if view is None:
        return {}
    publicity = view.publicity
    return {
        "publicity": {
            "start": publicity.start.isoformat(),
            "end": publicity.end.isoformat(),
            "contact": publicity.office,
            "state": view.state,
            "status": view.status,
        }
    }
