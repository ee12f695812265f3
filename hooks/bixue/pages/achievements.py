"""荣誉成果 (achievements/index.md): honours by unit and level, a chart and the list newest first;
and each unit page's own."""

from __future__ import annotations

from types import MappingProxyType
from typing import Iterable

from ..charts import activities as charts_activities
from ..charts import embed as chart_html
from ..contents import GeneratedPage, Output
from ..figures.board import Board
from ..model import Unit
from ..render import page_markdown, page_url, render_block

INDEX = "achievements/index.md"
TITLE = "荣誉成果"


def render_table(board: Board, here: str) -> str:
    view = board.honours
    totals = {
        level: sum(row.get(level, 0) for row in view.by_unit_level.values())
        for level in view.levels
    }
    return render_block(
        "achievements_index.html",
        view=view,
        level_totals=totals,
        units=[u for u in board.campaign.units if view.by_unit_level.get(u.id)],
        unlisted=len(view.records) - len(board.listed_honours()),
        as_of=board.as_of,
        here=here,
    )


def render_list(board: Board, here: str) -> str:
    records = board.listed_honours()
    named = {record.unit for record in records}
    return render_block(
        "achievements_list.html",
        records=records,
        unit=board.unit,
        units=[(u.id, u.name) for u in board.campaign.units if u.id in named],
        levels=[(level, level) for level in board.honours.levels],
        kinds=[(kind, kind) for kind in dict.fromkeys(r.kind for r in records)],
        here=here,
    )


def render_chart(board: Board, here: str) -> str:
    return chart_html.render(charts_activities.by_level(board), "achievements-by-level")


def unit_honours(board: Board, unit: Unit, here: str) -> str:
    records = board.listed_honours(unit.id)
    if not records:
        return ""
    return render_block("unit_honours.html", records=records, unit=board.unit, here=here)


def pages(board: Board) -> Iterable[GeneratedPage]:
    if not board.campaign.achievements:
        return
    here = page_url(INDEX)
    sections = [
        ("", render_table(board, here)),
        ("", render_chart(board, here)),
        ("成果列表", render_list(board, here)),
    ]
    yield GeneratedPage(INDEX, page_markdown(TITLE, sections))


BLOCKS = MappingProxyType(
    {
        "achievements": render_table,
        "achievements-chart": render_chart,
        "achievements-list": render_list,
    }
)


def make(board: Board) -> Output:
    """This module's pages, files and blocks."""
    return Output(tuple(pages(board)), (), BLOCKS)
