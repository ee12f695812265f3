"""本期动态 on the board's pages: each list of the window with its dates (marker `changes`)."""

from __future__ import annotations

from ..figures.board import Board
from ..figures.changes import compute_changes, first_overdue_day
from ..render import render_block

HEADING = "本期动态"


def render_changes(board: Board, here: str) -> str:
    """Every non-empty list of the window; a plain sentence when nothing changed in it."""
    changes = compute_changes(board)
    return render_block(
        "home_changes.html",
        changes=changes,
        unit=board.unit,
        here=here,
        found_day=lambda item: item.found,
        completed_day=lambda item: item.completed,
        overdue_day=first_overdue_day,
    )


BLOCKS = {"changes": render_changes}
