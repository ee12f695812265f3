"""Charts of evaluation scores: the ranking, rank movement, one unit (pairs: charts.groups)."""

from __future__ import annotations

from typing import Optional

from .. import figures
from ..figures.board import Board
from . import (
    MARKER_SYMBOLS,
    MAX_BARS,
    MUTED_COLOR,
    TOP_COLOR,
    TOP_LEGEND,
    describe,
    described,
    new_figure,
    number,
    reference_line,
)
from .figure import Figure

UNRANKED = "未参评"


def ranking_totals(board: Board) -> Optional[Figure]:
    """The latest round's totals stacked by criterion, in rank order, with the level thresholds;
    past MAX_BARS units the first and the last MAX_BARS / 2 (the table below ranks them all)."""
    latest = board.latest_round
    ranked = latest.ranked() if latest else ()
    if not ranked:
        return None
    title = f"{latest.round.name}：总分构成"
    if len(ranked) > MAX_BARS:
        ends = MAX_BARS // 2
        title += f"（前 {ends} 名和后 {ends} 名，共 {len(ranked)} 个单位）"
        ranked = (*ranked[:ends], *ranked[-ends:])
    labels = [f"{row.rank}. {row.unit.label}" for row in ranked]
    fig = new_figure(title, 420, barmode="stack")
    for criterion in board.campaign.evaluations.criteria:
        fig.add_bar(
            name=criterion.name,
            x=labels,
            y=[number(row.scores[criterion.id]) for row in ranked],
            hovertemplate=f"%{{x}} {criterion.name}：%{{y}} 分<extra></extra>",
        )
    fig.add_scatter(
        name="总分",
        x=labels,
        y=[number(row.total) for row in ranked],
        mode="text",
        text=[figures.format_number(row.total) for row in ranked],
        textposition="top center",
        showlegend=False,
        hoverinfo="skip",
        cliponaxis=False,
    )
    levels = sorted(board.campaign.evaluations.levels, key=lambda level: level.min)
    for level in levels:
        text = f"{level.label} ≥{figures.format_number(level.min)}"
        line = reference_line("y", number(level.min), text, "dot", MUTED_COLOR)
        # The level names go on the axis: labels inside the plot would collide with the totals.
        line["name"] = line.pop("label")["text"]
        fig.add_shape(line)
    fig.update_layout(
        yaxis={"title": {"text": "分数"}, "rangemode": "tozero", **_level_ticks(levels)},
        xaxis={"tickangle": -45 if len(ranked) > 6 else 0},
        legend=TOP_LEGEND,
    )
    return described(fig, describe.ranking_totals(board))


def _level_ticks(levels) -> dict:
    if not levels:
        return {}
    values = [0, *(number(level.min) for level in levels)]
    texts = ["0", *(f"{level.label} {figures.format_number(level.min)}" for level in levels)]
    return {"tickvals": values, "ticktext": texts}


def ranking_bump(board: Board) -> Optional[Figure]:
    """Each unit's rank across the rounds (a bump chart); a round it missed is a gap."""
    if len(board.rounds) < 2:
        return None
    ranks = [{row.unit.id: row.rank for row in view.rows} for view in board.rounds]
    rounds = [view.round.name for view in board.rounds]
    units = bump_units(board)
    cut = len(units) < len(board.compared_units)
    fig = new_figure("历次排名变化：最新一轮前五名和后五名" if cut else "历次排名变化", 420)
    for index, unit in enumerate(units):
        fig.add_scatter(
            name=unit.label,
            x=rounds,
            y=[by_unit.get(unit.id) for by_unit in ranks],
            mode="lines+markers",
            marker={"symbol": MARKER_SYMBOLS[index % len(MARKER_SYMBOLS)], "size": 9},
            connectgaps=False,
            hovertemplate=f"{unit.label} %{{x}}：第%{{y}}名<extra></extra>",
        )
    fig.update_layout(
        xaxis={"type": "category"},
        yaxis={"autorange": "reversed", **rank_ticks(len(board.compared_units))},
        legend={"orientation": "h", "y": -0.2},
    )
    return described(fig, describe.ranking_bump(board))


def bump_units(board: Board) -> list:
    """Every unit, or past describe.MAX_LINES the latest round's first and last BUMP_ENDS: 500
    lines are no chart (the ranking table lists every unit)."""
    units = board.compared_units
    if len(units) <= describe.MAX_LINES:
        return list(units)
    ranked = [row.unit for row in board.latest_round.ranked()]
    return [*ranked[:BUMP_ENDS], *ranked[-BUMP_ENDS:]] if len(ranked) > 2 * BUMP_ENDS else ranked


BUMP_ENDS = 5


def rank_ticks(count: int) -> dict:
    """The rank axis's title and ticks: every rank among a few units, about ten among many (a
    label for each of 500 ranks took Chromium 3.5 s to lay out)."""
    step = next((step for step in (1, 2, 5, 10, 20, 50, 100, 200, 500) if count / step <= 12), 1000)
    return {"title": {"text": "名次"}, "dtick": step}


def unit_rounds(board: Board, unit_id: str) -> Optional[Figure]:
    """One unit's total (bars) and rank (line, right axis) in every round."""
    rows = [view.row(unit_id) for view in board.rounds]
    if not any(row.rank is not None for row in rows):
        return None
    rounds = [view.round.name for view in board.rounds]
    fig = new_figure("历次总分与名次", 360)
    fig.add_bar(
        name="总分",
        x=rounds,
        y=[number(row.total) for row in rows],
        text=[figures.format_number(row.total) if row.rank else UNRANKED for row in rows],
        textposition="inside",
        insidetextanchor="start",
        marker={"color": MUTED_COLOR},
        hovertemplate="%{x} 总分：%{y}<extra></extra>",
    )
    fig.add_scatter(
        name="名次",
        x=rounds,
        y=[row.rank for row in rows],
        yaxis="y2",
        cliponaxis=False,
        mode="lines+markers+text",
        text=[f"第{row.rank}名" if row.rank else "" for row in rows],
        textposition="top center",
        connectgaps=False,
        marker={"color": TOP_COLOR, "size": 9},
        line={"color": TOP_COLOR},
        hovertemplate="%{x}：第%{y}名<extra></extra>",
    )
    count = len(board.compared_units)
    fig.update_layout(
        xaxis={"type": "category"},
        yaxis={"title": {"text": "总分"}, "rangemode": "tozero"},
        yaxis2={
            "overlaying": "y",
            "side": "right",
            "range": [count + 0.5, 0.3],
            **rank_ticks(count),
            "showgrid": False,
        },
        legend=TOP_LEGEND,
    )
    return described(fig, describe.unit_rounds(board, unit_id))


def unit_criteria(board: Board, unit_id: str) -> Optional[Figure]:
    """The unit's criterion scores in the last round it was scored, against all units' average."""
    scored = [view for view in board.rounds if view.row(unit_id).rank is not None]
    if not scored:
        return None
    view = scored[-1]
    criteria = board.campaign.evaluations.criteria
    averages = view.criterion_averages(criteria)
    row = view.row(unit_id)
    labels = [f"{c.name}（满分{figures.format_number(c.max)}）" for c in criteria]
    fig = new_figure(f"各项得分与平均分（{view.round.name}）", 360, barmode="group")
    for name, values, color in (
        (row.unit.label, [row.scores[c.id] for c in criteria], TOP_COLOR),
        (f"{board.campaign.plan.terms.whole}平均", [averages[c.id] for c in criteria], MUTED_COLOR),
    ):
        fig.add_bar(
            name=name,
            x=labels,
            y=[number(value) for value in values],
            text=[figures.format_number(value) for value in values],
            textposition="auto",
            marker={"color": color},
            hovertemplate=f"{name} %{{x}}：%{{y}} 分<extra></extra>",
        )
    fig.update_layout(
        yaxis={"title": {"text": "分数"}, "rangemode": "tozero"},
        legend=TOP_LEGEND,
    )
    return described(fig, describe.unit_criteria(view, row, averages, criteria))
