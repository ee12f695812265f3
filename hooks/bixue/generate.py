"""The generated site: every page, marker block and file, gathered from the page modules."""

from __future__ import annotations

from typing import Callable, Dict, Iterable, List

from .contents import GeneratedFile, GeneratedPage
from .exports import data_json as board_json
from .exports import feeds
from .figures.board import Board
from .outputs import plotly_asset as page_charts_assets
from .outputs import score_sheets, templates_xlsx, xlsx_stream
from .pages import campaign as page_campaign
from .pages import changes as page_changes
from .pages import exemplars as page_exemplars
from .pages import home as page_home
from .pages import indicators as page_indicators
from .pages import ledger as page_ledger
from .pages import notices as page_notices
from .pages import pairs as page_pairs
from .pages import projects as page_projects
from .pages import ranking as page_ranking
from .pages import screen as page_screen
from .pages import screens_index as page_screens
from .pages import units as page_units

MODULES: List = [
    page_home,
    page_campaign,
    page_units,
    page_indicators,
    page_ranking,
    page_pairs,
    page_ledger,
    page_projects,
    page_exemplars,
    page_notices,
    page_screen,
    page_screens,
    page_changes,
    feeds,
    board_json,
    score_sheets,
    templates_xlsx,
    page_charts_assets,
]
"""Page and file modules, in nav order. Each may define `pages(board)`, `files(board)`
and `BLOCKS = {marker name: render(board, here) -> HTML}`."""


def all_pages(board: Board) -> List[GeneratedPage]:
    """Every page; a build starts here (pages make workbooks too: their links' files)."""
    xlsx_stream.start_build()
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


def missing_assets() -> List[str]:
    """What the build needs beside the data and is not installed (scripts/setup.sh installs it)."""
    reason = page_charts_assets.missing()
    return [reason] if reason else []


def _none(*_args) -> Iterable:
    return ()
