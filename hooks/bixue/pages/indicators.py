"""指标进度 (indicators.md): an overview, one row per indicator, and a page per indicator
(pages/indicator_page.py) with every unit's figures, tables and charts."""

from __future__ import annotations

from types import MappingProxyType
from typing import Iterable, List

from markdown.extensions.toc import unique
from pymdownx.slugs import slugify

from .. import render
from ..contents import GeneratedFile, GeneratedPage, Output
from ..figures.board import Board
from ..figures.indicators import summarize
from . import indicator_page, workbooks

HERE = "indicators.md"
TITLE = "指标进度"


def _slug(text: str) -> str:
    """mkdocs.yml's toc slugify: the anchors the indicators' headings had on the one-page layout."""
    return slugify(case="lower")(text, "-")


def old_anchors(board: Board) -> List[str]:
    """The id each indicator's heading had when all of them stood on this page (the toc's
    slugs, made unique in page order after the title's), so that bookmarked and shared links to
    indicators/#营业收入万元 still find the indicator, now a row linking on to its page."""
    used = {_slug(TITLE)}
    found = []
    for view in board.indicators:
        found.append(unique(_slug(indicator_page.heading(view.indicator)), used))
    return found


def render_overview(board: Board, here: str) -> str:
    periods = board.campaign.indicators.periods
    links = indicator_page.urls(board)
    summaries = [summarize(view, periods) for view in board.indicators]
    rows = [
        (summary, anchor, links[summary.view.indicator.id])
        for summary, anchor in zip(summaries, old_anchors(board), strict=True)
    ]
    return render.render_block(
        "indicators_overview.html",
        summaries=summaries,
        rows=rows,
        progress=board.time_progress,
        here=here,
        terms=board.campaign.plan.terms,
    )


def render_indicators(board: Board, here: str) -> str:
    """Every indicator's latest standing, each with its own heading: for hand-written pages."""
    return "\n".join(
        indicator_page.render_latest(board, view, here, caption=True) for view in board.indicators
    )


def overview_markdown(board: Board) -> str:
    here = render.page_url(HERE)
    if not board.indicators:
        return render.page_markdown(TITLE, [("", render.render_block("indicators_empty.html"))])
    workbook = workbooks.render_links(board, here, "indicators")
    return render.page_markdown(TITLE, [("", workbook), ("", render_overview(board, here))])


def pages(board: Board) -> Iterable[GeneratedPage]:
    yield GeneratedPage(HERE, overview_markdown(board))
    for view in board.indicators:
        markdown, _ = indicator_page.page(board, view)
        yield GeneratedPage(indicator_page.src_uri(board, view), markdown, False)


def files(board: Board) -> List[GeneratedFile]:
    return [file for view in board.indicators for file in indicator_page.page(board, view)[1]]


BLOCKS = MappingProxyType({"indicators": render_indicators})


def make(board: Board) -> Output:
    """This module's pages, files and blocks."""
    return Output(tuple(pages(board)), tuple(files(board)), BLOCKS)
