"""Charts of the indicators page: units' completion against target and time progress, values."""

from __future__ import annotations

from typing import Optional

import plotly.graph_objects as go

from .. import figures
from ..figures.board import Board, IndicatorView
from . import (
    ALERT_COLORS,
    BEHIND_MARK,
    MUTED_COLOR,
    STATUS_COLORS,
    describe,
    described,
    new_figure,
    number,
    percent_axis,
    reference_line,
    share,
)

MISSING_TEXT = "未报送"


def indicator_completion(board: Board, view: IndicatorView) -> Optional[go.Figure]:
    """Each unit's completion as a bar against the 100% target and the time-progress line."""
    rows = view.rows
    if not any(row.completion is not None for row in rows):
        return None
    values = [share(row.completion) for row in rows]
    title = f"{view.indicator.name}：各单位完成率"
    if view.indicator.growth is not None:
        title += f"（目标为基期增长 {figures.format_number(view.indicator.growth)}%）"
    fig = new_figure(title, 360, showlegend=False)
    fig.add_bar(
        x=[row.unit.label for row in rows],
        y=values,
        text=[_completion_text(row) for row in rows],
        textposition="outside",
        cliponaxis=False,
        marker={
            "color": [
                ALERT_COLORS["overdue"] if row.behind else STATUS_COLORS["done"] for row in rows
            ],
            "pattern": {"shape": ["/" if row.behind else "" for row in rows]},
        },
        hovertemplate="%{x}：%{text}<extra></extra>",
    )
    fig.add_shape(reference_line("y", 1, "目标 100%", "solid", MUTED_COLOR))
    if view.indicator.tracks_progress:
        progress = f"序时进度 {figures.format_percent(board.time_progress)}"
        fig.add_shape(reference_line("y", share(board.time_progress), progress))
    fig.update_layout(yaxis=percent_axis(values, title={"text": "完成率"}))
    fig.update_xaxes(tickangle=-45 if len(rows) > 6 else 0)
    _mark_missing(fig, [row.unit.label for row in rows if row.completion is None], rows)
    return described(fig, describe.indicator_completion(board, view))


def _completion_text(row) -> str:
    if row.latest is None:
        return MISSING_TEXT
    if row.completion is None:
        return "无目标"
    text = figures.format_percent(row.completion)
    return f"{BEHIND_MARK}{text}" if row.behind else text


def _mark_missing(fig: go.Figure, labels, rows) -> None:
    """A unit without a bar says why at the foot of its slot: missing is never drawn as 0."""
    reasons = {row.unit.label: _completion_text(row) for row in rows}
    for label in labels:
        fig.add_annotation(
            x=label, y=0, text=reasons[label], showarrow=False, yanchor="bottom", font={"size": 11}
        )


def indicator_periods(board: Board, view: IndicatorView) -> Optional[go.Figure]:
    """Each unit's reported values by period; a period not reported is a gap in the line."""
    indicator = view.indicator
    periods = board.campaign.indicators.periods
    if not indicator.values:
        return None
    measure = f"（{indicator.unit}）" if indicator.unit else ""
    fig = new_figure(f"{indicator.name}：各期数值{measure}", 380)
    suffix = f" {indicator.unit}" if indicator.unit else ""
    for row in view.rows:
        reported = indicator.values.get(row.unit.id, {})
        fig.add_scatter(
            name=row.unit.label if reported else f"{row.unit.label}（{MISSING_TEXT}）",
            x=list(periods),
            y=[number(reported.get(period)) for period in periods],
            mode="lines+markers",
            connectgaps=False,
            hovertemplate=f"{row.unit.label} %{{x}}：%{{y}}{suffix}<extra></extra>",
        )
    fig.update_layout(
        xaxis={"type": "category"},
        yaxis={"title": {"text": indicator.unit or "数值"}, "rangemode": "tozero"},
        legend={"orientation": "h", "y": -0.2},
    )
    return described(fig, describe.indicator_periods(board, view))
