"""Links to the 通报 (.docx) of the internal build: the board's on the home page, each round's on
the ranking page."""

from __future__ import annotations

import datetime

from .. import render
from ..figures.board import Board
from ..report import files as report


def render_link(board: Board, here: str, day: datetime.date, label: str = "通报") -> str:
    """The link to the 通报 as of `day`, or "" where none is offered (public build)."""
    if day not in report.days(board):
        return ""
    return render.render_block(
        "report_link.html",
        here=here,
        day=day,
        label=label,
        uri=report.dest_uri(day),
        name=report.file_name(day),
    )


def render_board_link(board: Board, here: str) -> str:
    return render_link(board, here, board.as_of, "本期通报")
