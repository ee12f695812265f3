"""活动方案 (campaign.md): goals, the phases on a timeline, leading group, pairs, requirements."""

from __future__ import annotations

from types import MappingProxyType
from typing import Iterable

from .. import charts, figures, render
from ..charts import embed as chart_html
from ..contents import GeneratedPage, Output
from ..figures.board import Board
from ..outputs import campaign_download
from .common import PHASE_STATES, pair_units

HERE = "campaign.md"


def render_facts(board: Board, here: str) -> str:
    return render.render_block("campaign_facts.html", board=board)


def render_phases(board: Board, here: str) -> str:
    """The timeline: each phase with its state in words (已完成, 当前, 未开始) and colour."""
    current = board.phase.phase
    phases = [
        (phase, figures.phase_state(phase, current, board.as_of))
        for phase in board.campaign.plan.phases
    ]
    return render.render_block("campaign_phases.html", phases=phases, state_names=PHASE_STATES)


def render_timeline_chart(board: Board, here: str) -> str:
    return chart_html.render(charts.campaign_timeline(board), "campaign-timeline")


def render_goals(board: Board, here: str) -> str:
    return _points("goals", board.campaign.plan.goals)


def render_requirements(board: Board, here: str) -> str:
    return _points("requirements", board.campaign.plan.requirements)


def render_leading_group(board: Board, here: str) -> str:
    roles = board.campaign.plan.leading_group
    return render.render_block("campaign_leaders.html", roles=roles) if roles else ""


def render_pair_list(board: Board, here: str) -> str:
    pairs = pair_units(board)
    return render.render_block("campaign_pairs.html", pairs=pairs, here=here) if pairs else ""


def render_download(board: Board, here: str, files) -> str:
    """The link to the plan as a workbook: internal build only (campaign_download)."""
    if not files:
        return ""
    return render.render_block("campaign_download.html", here=here, path=files[0].dest_uri)


def _points(name: str, items) -> str:
    return render.render_block("campaign_list.html", name=name, items=items) if items else ""


def pages(board: Board, files=()) -> Iterable[GeneratedPage]:
    here = render.page_url(HERE)
    sections = [
        ("", render_facts(board, here)),
        ("活动目标", render_goals(board, here)),
        ("活动阶段", render_phases(board, here)),
        ("", render_timeline_chart(board, here)),
        ("组织领导", render_leading_group(board, here)),
        ("互学互比对象", render_pair_list(board, here)),
        ("活动要求", render_requirements(board, here)),
        ("", render_download(board, here, files)),
    ]
    yield GeneratedPage(HERE, render.page_markdown("活动方案", sections))


BLOCKS = MappingProxyType(
    {
        "phases": render_phases,
        "phases-chart": render_timeline_chart,
        "goals": render_goals,
        "leading-group": render_leading_group,
        "pair-list": render_pair_list,
        "requirements": render_requirements,
    }
)


def make(board: Board) -> Output:
    """This module's pages, files and blocks."""
    files = tuple(campaign_download.files(board))
    return Output(tuple(pages(board, files)), files, BLOCKS)
