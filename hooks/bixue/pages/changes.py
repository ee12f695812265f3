"""本期动态 on the board's pages: each list of the window with its dates (marker `changes`)."""

from __future__ import annotations

from types import MappingProxyType
from typing import Dict

from ..contents import Output
from ..figures.board import Board
from ..figures.changes import Changes, compute_changes, first_overdue_day, for_units
from ..model import Unit
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
    mine = board.once(
        "changes by unit",
        lambda: for_units(compute_changes(board), [unit.id for unit in board.campaign.units]),
    )
    return render_window(board, mine[unit_id], here)


def render_window(board: Board, changes: Changes, here: str) -> str:
    return render_block(
        "home_changes.html",
        changes=changes,
        units=_units_named(board, changes),
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


def _units_named(board: Board, changes: Changes) -> Dict[str, Unit]:
    """The units the lists name, by id: a block is kept by what it is given (value_key), and a
    whole board (`board.unit`) cannot be digested."""
    lists = (changes.found, changes.completed, changes.overdue)
    named = {item.unit for items in lists for item in items}
    named |= {entry.item.unit for entry in changes.updates}
    named |= {record.host for record in changes.activities}
    return {unit.id: unit for unit in reversed(board.campaign.units) if unit.id in named}
