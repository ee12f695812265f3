"""The 通报 files of the internal build: one as of the board's day, one as of each round's."""

from __future__ import annotations

import datetime
import hashlib
from importlib import metadata
from typing import List

from ..contents import GeneratedFile, Output
from ..figures.board import Board, compute_board
from ..session import disk_cache, value_key
from . import template_bytes, written
from .gather import gather

DISK = "reports"
"""disk_cache's kind: a 500-unit campaign's nine 通报 took 20 s at every `mkdocs build`."""
KEEP = 60
"""通报 kept on disk: a few boards' rounds, and the edits of a serve session."""


def file_name(as_of: datetime.date) -> str:
    return f"通报-{as_of.isoformat()}.docx"


def dest_uri(as_of: datetime.date) -> str:
    return f"downloads/{file_name(as_of)}"


def as_of(board: Board, day: datetime.date) -> Board:
    """The same campaign's board as of another day (a round's 通报)."""
    if day == board.as_of:
        return board
    return compute_board(board.campaign, day, board.public, board.site_url, like=board)


def days(board: Board) -> List[datetime.date]:
    """The as-of days a 通报 is offered for: the board's, then each round's; none in public."""
    if board.public:
        return []
    return list(dict.fromkeys([board.as_of, *(view.round.date for view in board.rounds)]))


def made(board: Board, day: datetime.date, code: bytes, keys: value_key.Keys) -> bytes:
    """The 通报 as of `day`: the one a build before wrote from the same content (its words and
    figures, gathered from the board as of the day) and template with this very code (`code`),
    kept on disk. Only writing the .docx is saved: an edit changes few 通报's words, and the
    nine of a 500-unit campaign took seconds of each build."""
    report = gather(as_of(board, day))
    template = template_bytes(board)
    inputs = {
        "report": report,
        "template": hashlib.sha256(template).hexdigest() if template else "",
    }
    return _on_disk(inputs, code, lambda: written(report, template), keys)


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
    disk_cache.prune(DISK, KEEP)
    return content


def make(board: Board) -> Output:
    """This module's files."""
    chosen = days(board)
    code = disk_cache.code_digest() if chosen else b""
    keys = value_key.Keys()
    made_files = (
        GeneratedFile(dest_uri(day), content=made(board, day, code, keys)) for day in chosen
    )
    return Output(files=tuple(made_files))
