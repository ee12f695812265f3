"""The 通报 files of the internal build: one as of the board's day, one as of each round's."""

from __future__ import annotations

import datetime
import hashlib
from importlib import metadata
from typing import Dict, List

from ..contents import GeneratedFile, Output
from ..figures.board import Board, compute_board
from ..render import kept
from ..session import disk_cache, value_key
from . import document, template_bytes
from .beside import Beside

DISK = "reports"
"""disk_cache's kind: a 500-unit campaign's nine 通报 took 20 s at every `mkdocs build`."""


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


def made(board: Board, day: datetime.date, code: bytes, keys: value_key.Keys) -> bytes:
    """The 通报 as of `day`; under `serve`, the last build's when the campaign, the day and the
    template are the same (a 500-unit campaign's nine took seconds); else the one a build
    before wrote from them with this very code (`code`), kept on disk."""
    inputs = _inputs(board, day)
    write = lambda: document(as_of(board, day))  # noqa: E731
    return kept("通报.docx", inputs, lambda: _on_disk(inputs, code, write, keys))


def _inputs(board: Board, day: datetime.date) -> dict:
    template = template_bytes(board)
    return {
        "campaign": board.campaign,
        "day": day,
        "site_url": board.site_url,
        "template": hashlib.sha256(template).hexdigest() if template else "",
    }


def _on_disk(inputs: dict, code: bytes, write, keys: value_key.Keys) -> bytes:
    try:
        digest = keys.digest("通报.docx", inputs)
    except value_key.Unkeyable:
        return write()
    writer = f"{digest}\0{metadata.version('python-docx')}\0".encode()
    entry_key = disk_cache.key(DISK, writer + code)
    kept_entry = disk_cache.load(DISK, entry_key)
    if kept_entry is not None and kept_entry.get("key") == entry_key:
        if isinstance(kept_entry.get("docx"), bytes):
            return kept_entry["docx"]
    content = write()
    disk_cache.store(DISK, entry_key, {"key": entry_key}, {"docx": content})
    return content


def begin(board: Board) -> None:
    """The 通报 started in a second process while the pages are made (generate)."""
    if days(board):
        _beside(board)


def _beside(board: Board) -> Beside[Dict[datetime.date, bytes]]:
    return board.once("通报 beside", lambda: Beside(lambda: _all_made(board)))


def _all_made(board: Board) -> Dict[datetime.date, bytes]:
    chosen = days(board)
    code = disk_cache.code_digest() if chosen else b""
    keys = value_key.Keys()
    return {day: made(board, day, code, keys) for day in chosen}


def make(board: Board) -> Output:
    """This module's files: those the second process made (begin), kept for the next build as
    if made here."""
    chosen = days(board)
    if not chosen:
        return Output()
    beside = _beside(board).result()
    made_files = (
        GeneratedFile(
            dest_uri(day), content=kept("通报.docx", _inputs(board, day), lambda d=day: beside[d])
        )
        for day in chosen
    )
    return Output(files=tuple(made_files))
