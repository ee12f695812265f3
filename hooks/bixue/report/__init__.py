"""The 通报 (.docx): the board's figures for one as-of day, in GB/T 9704's layout or the office's
own template; one for the board's day and one per round, internal build only."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import List, Optional

from ..contents import GeneratedFile, Output
from ..figures.board import Board, compute_board
from .docx_layout import built_in
from .gather import gather
from .template import in_template

TEMPLATE = Path("templates") / "通报.docx"
"""Inside data/: the office's template, checked when the data are loaded."""


def file_name(as_of: datetime.date) -> str:
    return f"通报-{as_of.isoformat()}.docx"


def dest_uri(as_of: datetime.date) -> str:
    return f"downloads/{file_name(as_of)}"


def document(board: Board) -> bytes:
    """The 通报 of the board, in the office's template when data/templates/通报.docx exists."""
    report = gather(board)
    template = template_bytes(board)
    return in_template(report, template) if template is not None else built_in(report)


def template_bytes(board: Board) -> Optional[bytes]:
    file = Path(board.campaign.data_dir) / TEMPLATE
    return file.read_bytes() if file.is_file() else None


def as_of(board: Board, day: datetime.date) -> Board:
    """The same campaign's board as of another day (a round's 通报)."""
    if day == board.as_of:
        return board
    return compute_board(board.campaign, day, board.public, board.site_url)


def days(board: Board) -> List[datetime.date]:
    """The as-of days a 通报 is offered for: the board's, then each round's; none in public."""
    if board.public:
        return []
    rounds = [view.round.date for view in board.rounds]
    return list(dict.fromkeys([board.as_of, *rounds]))


def make(board: Board) -> Output:
    files = tuple(
        GeneratedFile(dest_uri(day), content=document(as_of(board, day))) for day in days(board)
    )
    return Output(files=files)
