"""参与单位 (units/index.md) and one page per unit (units/<id>.md, not in the nav)."""

from __future__ import annotations

from types import MappingProxyType
from typing import Dict, Iterable, List, Tuple

from .. import render
from ..charts import embed as chart_html
from ..charts import scores as charts_scores
from ..contents import GeneratedPage, Output
from ..figures.board import Board
from ..figures.source_dates import reports_due
from ..model import Unit
from . import indicator_page
from .achievements import unit_honours
from .activities import unit_activities
from .changes import HEADING as CHANGES_HEADING
from .changes import render_unit_changes
from .common import (
    has_groups,
    has_ledger,
    partner_groups,
    partners,
    row_for,
    unit_rounds,
    units_of,
)
from .other_years import unit_links
from .projects import unit_projects

INDEX = "units/index.md"


def unit_page_uri(unit: Unit) -> str:
    return f"units/{unit.id}.md"


def grouped_units(board: Board) -> List[Tuple[str, List[Unit]]]:
    """Units by group, groups in order of first appearance; one unnamed group when none has one."""
    groups: Dict[str, List[Unit]] = {}
    for unit in board.campaign.units:
        groups.setdefault(unit.group or ("未分组" if has_groups(board) else ""), []).append(unit)
    return list(groups.items())


def render_units(board: Board, here: str) -> str:
    """Every unit with its latest rank, total, level and ledger figures, by group."""
    latest = board.latest_round
    groups = [
        (name, [(u, row_for(latest, u.id), board.ledger_by_unit[u.id]) for u in units])
        for name, units in grouped_units(board)
    ]
    return render.render_block(
        "units_index.html",
        groups=groups,
        latest=latest,
        ledger=has_ledger(board),
        activities=board.activity_log.by_unit if board.campaign.activities else None,
        here=here,
    )


def unit_sections(board: Board, unit: Unit, here: str) -> List[Tuple[str, str]]:
    compared = unit.compare  # a unit not compared has no indicator rows and no rounds to show
    return [
        ("", _facts(board, unit, here)),
        ("", unit_links(unit.id, here)),
        (CHANGES_HEADING, render_unit_changes(board, unit.id, here)),
        ("指标进度", _indicators(board, unit, here)),
        ("评比成绩", _rounds(board, unit, here) if compared else ""),
        ("", _round_charts(board, unit) if compared else ""),
        ("整改事项", _ledger(board, unit, here)),
        ("负责的重点项目", unit_projects(board, unit.id, here)),
        ("先进典型", _cases(board, board.exemplars(unit.id), "unit-exemplars", False, here)),
        ("学习借鉴", _cases(board, board.learned_from(unit.id), "unit-learned", True, here)),
        ("学习交流", unit_activities(board, unit, here)),
        ("荣誉成果", unit_honours(board, unit, here)),
        ("结对比学", _pairs(board, unit, here)),
    ]


def _facts(board: Board, unit: Unit, here: str) -> str:
    latest = row_for(board.latest_round, unit.id)
    return render.render_block(
        "unit_facts.html",
        as_of=board.as_of,
        terms=board.campaign.plan.terms,
        unit=unit,
        latest=latest,
        partners=partners(board, unit.id),
        here=here,
    )


def _indicators(board: Board, unit: Unit, here: str) -> str:
    if not board.indicators:
        return ""
    rows = [(view.indicator, view.row(unit.id)) for view in board.indicators if view.row(unit.id)]
    if not rows:
        return ""
    return render.render_block(
        "unit_indicators.html",
        rows=rows,
        due=reports_due(board),
        links=indicator_page.urls(board),
        progress=board.time_progress,
        here=here,
        terms=board.campaign.plan.terms,
    )


def _rounds(board: Board, unit: Unit, here: str) -> str:
    if not board.rounds:
        return ""
    return render.render_block(
        "unit_rounds.html",
        rounds=unit_rounds(board, unit.id),
        criteria=board.campaign.evaluations.criteria,
        here=here,
    )


def _round_charts(board: Board, unit: Unit) -> str:
    """Total and rank over rounds, and criteria against the average, beside the scores table."""
    rounds = chart_html.render(charts_scores.unit_rounds(board, unit.id), "unit-rounds")
    criteria = chart_html.render(charts_scores.unit_criteria(board, unit.id), "unit-criteria")
    return "\n".join(html for html in (rounds, criteria) if html)


def _ledger(board: Board, unit: Unit, here: str) -> str:
    if not has_ledger(board):
        return ""
    stats = board.ledger_by_unit[unit.id]
    rows = board.listed_ledger(unit.id)
    return render.render_block(
        "unit_ledger.html",
        stats=stats,
        rows=open_first(rows),
        closed=tuple(row for row in rows if row.item.status == "verified"),
        unlisted=stats.total - len(rows),
        here=here,
    )


def open_first(rows):
    """What a unit still has to do first, the nearest deadline first (no deadline last), then
    the rest in ledger order; 已销号 items are left out (folded below the table)."""
    waiting = [row for row in rows if row.item.status in ("todo", "doing")]
    waiting.sort(key=lambda row: (row.item.deadline is None, row.item.deadline or 0))
    rest = [row for row in rows if row.item.status not in ("todo", "doing", "verified")]
    return (*waiting, *rest)


def _cases(board: Board, cases, block: str, show_unit: bool, here: str) -> str:
    if not cases:
        return ""
    return render.render_block(
        "unit_cases.html",
        units=units_of(board, cases),
        cases=cases,
        block=block,
        show_unit=show_unit,
        here=here,
    )


def _pairs(board: Board, unit: Unit, here: str) -> str:
    groups = partner_groups(board, unit.id)
    if not groups:
        return ""
    return render.render_block("unit_pairs.html", unit=unit, groups=groups, here=here)


def pages(board: Board) -> Iterable[GeneratedPage]:
    index_here = render.page_url(INDEX)
    yield GeneratedPage(
        INDEX, render.page_markdown("参与单位", [("", render_units(board, index_here))])
    )
    for unit in board.campaign.units:
        uri = unit_page_uri(unit)
        markdown = render.page_markdown(unit.name, unit_sections(board, unit, render.page_url(uri)))
        yield GeneratedPage(uri, markdown, in_nav=False)


BLOCKS = MappingProxyType({"units": render_units})


def make(board: Board) -> Output:
    """This module's pages, files and blocks."""
    return Output(tuple(pages(board)), (), BLOCKS)
