"""The 通报 files of the internal build: one as of the board's day, one as of each round's."""

from __future__ import annotations

import datetime
from typing import List

from ..contents import GeneratedFile, Output
from ..figures.board import Board, compute_board
from . import document


def file_name(as_of: datetime.date) -> str:
    return f"通报-{as_of.isoformat()}.docx"


def dest_uri(as_of: datetime.date) -> str:
    return f"downloads/{file_name(as_of)}"


def as_of(board: Board, day: datetime.date) -> Board:
    """The same campaign's board as of another day (a round's 通报)."""
    if day == board.as_of:
        return board
    return compute_board(board.campaign, day, board.public, board.site_url)


def days(board: Board) -> List[datetime.date]:
    """The as-of days a 通报 is offered for: the board's, then each round's; none in public."""
    if board.public:
        return []
    return list(dict.fromkeys([board.as_of, *(view.round.date for view in board.rounds)]))


def make(board: Board) -> Output:
    """This module's files."""
    made = (
        GeneratedFile(dest_uri(day), content=document(as_of(board, day))) for day in days(board)
    )
    return Output(files=tuple(made))
