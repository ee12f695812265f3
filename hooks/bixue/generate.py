"""The generated site: every page, marker block and file, gathered from the page modules."""

from __future__ import annotations

from types import MappingProxyType
from typing import Callable, Dict, List, Mapping, Tuple

from .contents import NO_BLOCKS, GeneratedFile, GeneratedPage, Output
from .exports import data_json as board_json
from .exports import feeds
from .figures.board import Board
from .outputs import downloads as ledger_downloads
from .outputs import plotly_asset as page_charts_assets
from .outputs import score_sheets, templates_xlsx
from .pages import achievements as page_achievements
from .pages import activities as page_activities
from .pages import campaign as page_campaign
from .pages import changes as page_changes
from .pages import exemplars as page_exemplars
from .pages import glossary as page_glossary
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
from .report import files as report_files
from .report.beside import Beside

MODULES = (
    page_home,
    page_campaign,
    page_units,
    page_indicators,
    page_ranking,
    page_pairs,
    page_ledger,
    ledger_downloads,
    page_projects,
    page_exemplars,
    page_activities,
    page_achievements,
    page_notices,
    page_screen,
    page_screens,
    page_changes,
    page_glossary,
    feeds,
    board_json,
    score_sheets,
    templates_xlsx,
    report_files,
    page_charts_assets,
)
"""Page and file modules, in nav order. Each gives `make(board) -> contents.Output`: its pages,
its files and its blocks (`BLOCKS`, marker name -> render(board, here) -> HTML)."""


BESIDE = (board_json, score_sheets, templates_xlsx, report_files)
"""Modules whose output is files alone, made in a second process while the others make the
pages (report.beside): data.json, the workbook templates and the nine 通报 of a 500-unit
campaign are seconds. (Not the ledger's downloads: under serve, the rows they keep for the next
build make them in a second. Nor the feeds: their words are rendered through the session's
kept conversions.)"""


def generate(board: Board) -> Output:
    """Every page, file and block of the page modules. A file is published once: several pages
    may publish the same image (images.web_image), the first module's wins."""
    made = Generation(board)
    made.later()
    return Output(made.pages, made.published(), all_blocks())


class Generation:
    """The page modules' output, made as soon as it is started; the files of the modules made
    beside them (BESIDE) come later, once asked for: MkDocs needs them only when it writes
    files, after reading every page, and the second process goes on until then."""

    def __init__(self, board: Board) -> None:
        self._beside = Beside(lambda: [_files_of(module, board) for module in BESIDE])
        self._made = {module: module.make(board) for module in MODULES if module not in BESIDE}
        self.pages = tuple(page for output in self._made.values() for page in output.pages)
        self._published = self._first_of_each_path()

    def files(self) -> Tuple[GeneratedFile, ...]:
        """The files of the modules made here, each published once (the first module's)."""
        return tuple(self._published.values())

    def later(self) -> Tuple[Tuple[GeneratedFile, ...], Tuple[str, ...]]:
        """(the files made beside, waited for; the paths of files given by `files()` that one of
        them replaces): every path is published once, by the first module in MODULES order."""
        for module, files_made in zip(BESIDE, self._beside.result(), strict=True):
            self._made[module] = Output(files=files_made)
        given = self._published
        added = tuple(item for item in self.published() if given.get(item.dest_uri) is not item)
        return added, tuple(item.dest_uri for item in added if item.dest_uri in given)

    def published(self) -> Tuple[GeneratedFile, ...]:
        """Every file, in MODULES order, each path once (once `later()` ran)."""
        return tuple(self._first_of_each_path().values())

    def _first_of_each_path(self) -> Dict[str, GeneratedFile]:
        """The files of the modules made so far, in MODULES order: each path the first's."""
        found: Dict[str, GeneratedFile] = {}
        for module in MODULES:
            for generated in self._made[module].files if module in self._made else ():
                found.setdefault(generated.dest_uri, generated)
        return found

    def abandon(self) -> None:
        """The build stopped: the second process is not waited for."""
        self._beside.abandon()


def _files_of(module, board: Board) -> Tuple[GeneratedFile, ...]:
    output = module.make(board)
    assert not output.pages, f"{module.__name__} is made beside the pages: files only"
    return output.files


def all_pages(board: Board) -> List[GeneratedPage]:
    return list(generate(board).pages)


def all_files(board: Board) -> List[GeneratedFile]:
    return list(generate(board).files)


def all_blocks() -> Mapping[str, Callable[[Board, str], str]]:
    """Every module's blocks: they need no board to be named."""
    found = {}
    for module in MODULES:
        found.update(getattr(module, "BLOCKS", NO_BLOCKS))
    return MappingProxyType(found)


def missing_assets() -> List[str]:
    """What the build needs beside the data and is not installed (scripts/setup.sh installs it)."""
    reason = page_charts_assets.missing()
    return [reason] if reason else []
