"""评比排名 (ranking.md): the latest round first, then earlier rounds, and the levels."""

from __future__ import annotations

from types import MappingProxyType
from typing import Iterable, List, Tuple

from .. import render
from ..charts import embed as chart_html
from ..charts import scores as charts_scores
from ..contents import GeneratedFile, GeneratedPage, Output
from ..figures import provenance
from ..figures.board import Board, RoundView
from . import paged, workbooks
from .report_links import render_link

HERE = "ranking.md"
EARLIER_ROWS = 10
"""Rows an earlier round shows in the page, the rest paged: eight rounds of 50 rows were a third
of the page at 500 units, and an earlier round is looked up, not read through."""


def render_round(board: Board, view: RoundView, here: str, caption: bool = False) -> str:
    """One round's table; the first round has no rank change column (no round before it)."""
    return render.render_block(
        "ranking_round.html",
        view=view,
        criteria=board.campaign.evaluations.criteria,
        first=view is board.rounds[0],
        here=here,
        caption=caption,
        block="ranking-latest" if view is board.latest_round else "ranking-round",
        sources=provenance.round_sources(board, view),
    )


def render_latest(board: Board, here: str) -> str:
    if board.latest_round is None:
        return ""
    return render_round(board, board.latest_round, here, caption=True)


def render_levels(board: Board, here: str) -> str:
    evaluations = board.campaign.evaluations
    if evaluations is None or not evaluations.levels:
        return ""
    levels = sorted(evaluations.levels, key=lambda level: -level.min)
    return render.render_block("ranking_levels.html", levels=levels)


def sections(board: Board, here: str, files: paged.Files) -> List[Tuple[str, str]]:
    if board.latest_round is None:
        return [("", render.render_block("ranking_empty.html"))]
    latest = board.latest_round

    def table(view: RoundView, size: int) -> str:
        uri = f"ranking/{view.round.id}.json"
        link = render_link(board, here, view.round.date, f"{view.round.name}通报")
        return (
            paged.table(render_round(board, view, here), uri, here, files, "个单位", size)
            + "\n"
            + link
        )

    found = [(f"最新：{latest.round.name}", table(latest, paged.PAGE_SIZE))]
    found.append(("", chart_html.render(charts_scores.ranking_totals(board), "ranking-totals")))
    found += [(view.round.name, table(view, EARLIER_ROWS)) for view in board.rounds[-2::-1]]
    found.append(("排名变化", chart_html.render(charts_scores.ranking_bump(board), "ranking-bump")))
    found.append(("等级标准", render_levels(board, here)))
    found.append(("说明", render.render_block("ranking_notes.html")))
    found.insert(0, ("", workbooks.render_links(board, here, "ranking")))
    return found


def _page(board: Board) -> Tuple[str, List[GeneratedFile]]:
    return paged.page(board, HERE, "评比排名", sections)


def pages(board: Board) -> Iterable[GeneratedPage]:
    yield GeneratedPage(HERE, _page(board)[0])


def files(board: Board) -> List[GeneratedFile]:
    return _page(board)[1]


BLOCKS = MappingProxyType({"ranking-latest": render_latest, "levels": render_levels})


def make(board: Board) -> Output:
    """This module's pages, files and blocks."""
    return Output(tuple(pages(board)), tuple(files(board)), BLOCKS)
