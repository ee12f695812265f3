"""总览 (index.md): the campaign at a glance, headline figures, top three, news."""

from __future__ import annotations

from types import MappingProxyType
from typing import Iterable

from .. import charts, figures, render
from ..charts import embed as chart_html
from ..contents import GeneratedPage, Output
from ..figures.board import Board
from ..figures.publicity import open_notices
from ..figures.source_dates import ledger_updated_text
from . import indicator_page
from .changes import HEADING as CHANGES_HEADING
from .changes import render_changes
from .common import has_ledger, units_of
from .notices import publicity_views
from .other_years import campaign_links
from .projects import render_home as render_projects
from .report_links import render_board_link
from .units import grouped_units

HERE = "index.md"
NOTICES_SHOWN = 5
"""Unpinned notices on the home page; pinned ones are always shown."""
EXEMPLARS_SHOWN = 4


def render_overview(board: Board, here: str) -> str:
    return render.render_block("home_overview.html", board=board)


def render_headline(board: Board, here: str) -> str:
    """Tiles: time progress, ledger rates and counts, board-wide completion of up indicators."""
    return render.render_block(
        "home_headline.html",
        board=board,
        here=here,
        ledger=has_ledger(board),
        stats=board.ledger_stats,
        warn_days=board.campaign.plan.warn_days,
        updated=ledger_updated_text(board),
        indicators=headline_indicators(board),
    )


def headline_indicators(board: Board):
    """(view, behind time progress, units that missed their target, page) of each indicator
    with a board-wide completion: a tile is coloured by its state, as the chart beside it."""
    pages = indicator_page.urls(board)
    return [
        (
            view,
            behind(view, board),
            sum(1 for row in view.rows if row.missed),
            pages[view.indicator.id],
        )
        for view in board.indicators
        if view.completion is not None
    ]


def behind(view, board: Board) -> bool:
    return figures.is_behind(view.indicator, view.completion, board.time_progress)


def render_unit_chips(board: Board, here: str) -> str:
    """Every unit one tap away, by group: the way in for a reader looking for their own."""
    return render.render_block("home_units.html", groups=grouped_units(board), here=here)


def render_top_three(board: Board, here: str) -> str:
    rows = board.latest_round.top() if board.latest_round else ()
    if not rows:
        return ""
    return render.render_block("home_top.html", round=board.latest_round, rows=rows, here=here)


def render_charts(board: Board, here: str) -> str:
    """Completion against time progress and the ledger by status, beside the headline tiles."""
    progress = chart_html.render(charts.home_progress(board), "home-progress")
    status = chart_html.render(charts.home_ledger_status(board), "home-ledger-status")
    return "\n".join(html for html in (progress, status) if html)


def render_top_bottom(board: Board, here: str) -> str:
    return chart_html.render(charts.home_top_bottom(board), "home-top-bottom")


def latest_notices(board: Board):
    """Every pinned notice, every notice 正在公示, then the newest others."""
    notices = board.notices()
    first = [notice for notice in notices if notice.pinned or notice in open_notices(board)]
    return first + [notice for notice in notices if notice not in first][:NOTICES_SHOWN]


def render_notices(board: Board, here: str) -> str:
    notices = latest_notices(board)
    if not notices:
        return ""
    views = publicity_views(board, notices)
    return render.render_block("home_notices.html", notices=notices, here=here, views=views)


def render_exemplars(board: Board, here: str) -> str:
    cases = board.exemplars()[:EXEMPLARS_SHOWN]
    if not cases:
        return ""
    return render.render_block(
        "home_exemplars.html", units=units_of(board, cases), cases=cases, here=here
    )


def pages(board: Board) -> Iterable[GeneratedPage]:
    here = render.page_url(HERE)
    sections = [
        ("", render_overview(board, here)),
        ("", campaign_links(here)),
        ("", render_board_link(board, here)),
        ("各单位", render_unit_chips(board, here)),
        ("核心指标", render_headline(board, here)),
        ("", render_charts(board, here)),
        ("最新排名前三", render_top_three(board, here)),
        ("", render_top_bottom(board, here)),
        (CHANGES_HEADING, render_changes(board, here)),
        ("重点项目", render_projects(board, here)),
        ("通知公告", render_notices(board, here)),
        ("先进典型", render_exemplars(board, here)),
    ]
    title = board.campaign.plan.title
    yield GeneratedPage(HERE, render.page_markdown(title, sections))


BLOCKS = MappingProxyType(
    {
        "overview": render_overview,
        "report-link": render_board_link,
        "headline": render_headline,
        "top-three": render_top_three,
        "home-charts": render_charts,
        "top-bottom-chart": render_top_bottom,
        "notices-latest": render_notices,
        "exemplars-latest": render_exemplars,
    }
)


def make(board: Board) -> Output:
    """This module's pages, files and blocks."""
    return Output(tuple(pages(board)), (), BLOCKS)
