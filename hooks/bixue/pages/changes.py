"""本期动态 on the board's pages: each list of the window with its dates (marker `changes`)."""

from __future__ import annotations

from types import MappingProxyType

from ..contents import Output
from ..figures.board import Board
from ..figures.changes import Changes, compute_changes, first_overdue_day, for_unit
from ..render import render_block

HEADING = "本期动态"
SHOWN = 50
"""Entries a list shows on the page: a week of a 500-unit campaign is thousands of items (1.2 MB
of home page); the rest are a link away, on the ledger and ranking pages and in data.json."""


def render_changes(board: Board, here: str) -> str:
    """Every non-empty list of the window; a plain sentence when nothing changed in it."""
    return render_window(board, compute_changes(board), here)


def render_unit_changes(board: Board, unit_id: str, here: str) -> str:
    """A unit page's own 本期动态: what changed for this unit in the window."""
    return render_window(board, for_unit(compute_changes(board), unit_id), here)


def render_window(board: Board, changes: Changes, here: str) -> str:
    return render_block(
        "home_changes.html",
        changes=changes,
        unit=board.unit,
        here=here,
        shown=SHOWN,
        found_day=lambda item: item.found,
        completed_day=lambda item: item.completed,
        overdue_day=first_overdue_day,
    )


BLOCKS = MappingProxyType({"changes": render_changes})


def make(board: Board) -> Output:
    """This module's pages, files and blocks."""
    return Output((), (), BLOCKS)
