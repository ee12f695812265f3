"""Charts of the indicators page: units' completion against target and time progress, values."""

from __future__ import annotations

import statistics
from typing import List, Optional, Tuple

from .. import figures
from ..figures.board import Board, IndicatorView
from . import (
    ALERT_COLORS,
    BEHIND_MARK,
    MAX_BARS,
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
from .figure import Figure

MISSING_TEXT = "未报送"
MAX_LINES = describe.MAX_LINES


def indicator_completion(board: Board, view: IndicatorView) -> Optional[Figure]:
    """Each unit's completion as a bar against the 100% target and the time-progress line;
    past MAX_BARS units the MAX_BARS / 2 highest and lowest (the table below lists them all)."""
    rows = view.rows
    if not any(row.completion is not None for row in rows):
        return None
    title = f"{view.indicator.name}：各单位完成率"
    if sum(row.completion is not None for row in rows) > MAX_BARS:
        rows, title = completion_ends(rows, view.indicator.name)
    values = [share(row.completion) for row in rows]
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
                ALERT_COLORS["overdue"] if row.flagged else STATUS_COLORS["done"] for row in rows
            ],
            "pattern": {"shape": ["/" if row.flagged else "" for row in rows]},
        },
        hovertemplate="%{x}：%{text}<extra></extra>",
    )
    fig.add_shape(reference_line("y", 1, "目标 100%", "solid", MUTED_COLOR))
    if view.indicator.tracks_progress:
        progress = f"序时进度 {figures.format_percent(board.time_progress)}"
        fig.add_shape(reference_line("y", share(board.time_progress), progress))
    fig.update_layout(
        yaxis=percent_axis(values, title={"text": "完成率"}),
        xaxis={"tickangle": -45 if len(rows) > 6 else 0},
    )
    _mark_missing(fig, [row.unit.label for row in rows if row.completion is None], rows)
    return described(fig, describe.indicator_completion(board, view))


def completion_ends(rows, name: str):
    """The highest and lowest completions, highest first; units with none are only counted."""
    ends = MAX_BARS // 2
    ranked = sorted((row for row in rows if row.completion is not None), key=_by_completion)
    shown = [*ranked[:ends], *ranked[-ends:]]
    title = f"{name}：完成率最高和最低的各 {ends} 个单位（共 {len(rows)} 个单位"
    without = len(rows) - len(ranked)
    title += f"，{without} 个未报送或无目标）" if without else "）"
    return shown, title


def _by_completion(row):
    """Highest completion first, then by unit id. The float goes first: exact fractions are
    compared only where floats tie (500 units: comparing fractions took half a second a build)."""
    return -float(row.completion), -row.completion, row.unit.id


def _completion_text(row) -> str:
    if row.latest is None:
        return MISSING_TEXT
    if row.completion is None:
        return "无目标"
    text = figures.format_percent(row.completion)
    if row.missed == "over":
        return f"▲{figures.format_number(row.latest)}/上限{figures.format_number(row.target)} 超标"
    if row.missed:
        return f"{BEHIND_MARK}{text} {row.missed_word}"
    return f"{BEHIND_MARK}{text}" if row.behind else text


def _mark_missing(fig: Figure, labels, rows) -> None:
    """A unit without a bar says why at the foot of its slot: missing is never drawn as 0."""
    reasons = {row.unit.label: _completion_text(row) for row in rows}
    for label in labels:
        fig.add_annotation(
            x=label, y=0, text=reasons[label], showarrow=False, yanchor="bottom", font={"size": 11}
        )


def indicator_periods(board: Board, view: IndicatorView) -> Optional[Figure]:
    """Each unit's reported values by period; a period not reported is a gap in the line. Past
    MAX_LINES units the lines are the highest, median and lowest value of each period: a line
    per unit would be a tangle no one reads (and 230 KB a chart at 500 units)."""
    indicator = view.indicator
    periods = board.campaign.indicators.periods
    if not indicator.values:
        return None
    measure = f"（{indicator.unit}）" if indicator.unit else ""
    spread = len(view.rows) > MAX_LINES
    title = f"{indicator.name}：各期数值{measure}" + (
        "，各单位最高、中位数、最低" if spread else ""
    )
    fig = new_figure(title, 380)
    suffix = f" {indicator.unit}" if indicator.unit else ""
    for name, values in period_spread(view, periods) if spread else unit_lines(view, periods):
        fig.add_scatter(
            name=name,
            x=list(periods),
            y=values,
            mode="lines+markers",
            connectgaps=False,
            hovertemplate=f"{name} %{{x}}：%{{y}}{suffix}<extra></extra>",
        )
    fig.update_layout(
        xaxis={"type": "category"},
        yaxis={"title": {"text": indicator.unit or "数值"}, "rangemode": "tozero"},
        legend={"orientation": "h", "y": -0.2},
    )
    return described(fig, describe.indicator_periods(board, view))


def unit_lines(view: IndicatorView, periods) -> List[Tuple[str, list]]:
    found = []
    for row in view.rows:
        reported = view.indicator.values.get(row.unit.id, {})
        name = row.unit.label if reported else f"{row.unit.label}（{MISSING_TEXT}）"
        found.append((name, [number(reported.get(period)) for period in periods]))
    return found


def period_spread(view: IndicatorView, periods) -> List[Tuple[str, list]]:
    """最高, 中位数, 最低 of the values the units reported in each period (a gap where none did)."""
    columns = []
    for period in periods:
        values = view.indicator.values
        reported = [
            values[row.unit.id][period]
            for row in view.rows
            if period in values.get(row.unit.id, {})
        ]
        columns.append(sorted(float(value) for value in reported if value is not None))
    pick = (("最高", lambda c: c[-1]), ("中位数", statistics.median), ("最低", lambda c: c[0]))
    return [(name, [number(get(c)) if c else None for c in columns]) for name, get in pick]
