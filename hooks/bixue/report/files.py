"""The 通报 files of the internal build: one as of the board's day, one as of each round's."""

from __future__ import annotations

import datetime
import hashlib
from typing import List

from ..contents import GeneratedFile, Output
from ..figures.board import Board, compute_board
from ..render import kept
from . import document, template_bytes


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


def made(board: Board, day: datetime.date) -> bytes:
    """The 通报 as of `day`; under `serve`, the last build's when the campaign, the day and the
    template are the same (a 500-unit campaign's nine took seconds)."""
    template = template_bytes(board)
    inputs = {
        "campaign": board.campaign,
        "day": day,
        "site_url": board.site_url,
        "template": hashlib.sha256(template).hexdigest() if template else "",
    }
    return kept("通报.docx", inputs, lambda: document(as_of(board, day)))


def make(board: Board) -> Output:
    """This module's files."""
    made_files = (GeneratedFile(dest_uri(day), content=made(board, day)) for day in days(board))
    return Output(files=tuple(made_files))
