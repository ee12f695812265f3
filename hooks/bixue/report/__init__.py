"""The 通报 (.docx): the board's figures for one as-of day, in GB/T 9704's layout or the office's
own template (data/templates/通报.docx)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..figures.board import Board
from .content import Report
from .docx_layout import built_in
from .gather import gather
from .template import in_template

TEMPLATE = Path("templates") / "通报.docx"
"""Inside data/: the office's template, checked when the data are loaded."""


def document(board: Board) -> bytes:
    """The 通报 of the board, in the office's template when data/templates/通报.docx exists."""
    return written(gather(board), template_bytes(board))


def written(report: Report, template: Optional[bytes]) -> bytes:
    """The .docx of the gathered content, in `template` when there is one."""
    return in_template(report, template) if template is not None else built_in(report)


def template_bytes(board: Board) -> Optional[bytes]:
    file = Path(board.campaign.data_dir) / TEMPLATE
    return file.read_bytes() if file.is_file() else None
