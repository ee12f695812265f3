"""The generated site: every page, marker block and file, gathered from the page modules."""

from __future__ import annotations

from typing import Callable, Dict, Iterable, List

import board_json
import feeds
import page_campaign
import page_charts_assets
import page_exemplars
import page_home
import page_indicators
import page_ledger
import page_notices
import page_pairs
import page_ranking
import page_screen
import page_units
from board import Board
from contents import GeneratedFile, GeneratedPage

MODULES: List = [
    page_home,
    page_campaign,
    page_units,
    page_indicators,
    page_ranking,
    page_pairs,
    page_ledger,
    page_exemplars,
    page_notices,
    page_screen,
    feeds,
    board_json,
    page_charts_assets,
]
"""Page and file modules, in nav order. Each may define `pages(board)`, `files(board)`
and `BLOCKS = {marker name: render(board, here) -> HTML}`."""


def all_pages(board: Board) -> List[GeneratedPage]:
    return [page for module in MODULES for page in getattr(module, "pages", _none)(board)]


def all_files(board: Board) -> List[GeneratedFile]:
    """Each destination once: several pages may publish the same image (images.web_image)."""
    files: Dict[str, GeneratedFile] = {}
    for module in MODULES:
        for generated in getattr(module, "files", _none)(board):
            files.setdefault(generated.dest_uri, generated)
    return list(files.values())


def all_blocks() -> Dict[str, Callable[[Board, str], str]]:
    blocks: Dict[str, Callable[[Board, str], str]] = {}
    for module in MODULES:
        blocks.update(getattr(module, "BLOCKS", {}))
    return blocks


def _none(*_args) -> Iterable:
    return ()
