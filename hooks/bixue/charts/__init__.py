"""Shared pieces of the board's Plotly charts, and the charts of the home and campaign pages."""

from __future__ import annotations

import datetime
from fractions import Fraction
from types import MappingProxyType
from typing import Optional, Tuple

from .. import figures
from ..figures.board import Board, RankRow, RoundView
from ..model import STATUS_NAMES, STATUSES
from ..render import STATUS_SYMBOLS
from . import describe
from .figure import Figure

STATUS_COLORS = MappingProxyType(
    {
        "todo": "#757575",
        "doing": "#1565c0",
        "done": "#2e7d32",
        "verified": "#1b5e20",
        "ongoing": "#8e24aa",
    }
)
"""The one Python copy of --bx-todo … in docs/assets/bixue.css (a test keeps them equal)."""

ALERT_COLORS = MappingProxyType({"overdue": "#c62828", "due_soon": "#f57c00"})
"""--bx-overdue and --bx-due-soon: behind schedule and overdue share the red."""

STATUS_PATTERNS = MappingProxyType(
    {"todo": ".", "doing": "/", "done": "", "verified": "x", "ongoing": "-"}
)
"""A fill pattern per status, so print and colour-blind readers can tell the stacks apart."""

TOP_COLOR, BOTTOM_COLOR, MUTED_COLOR = STATUS_COLORS["done"], "#37474f", "#90a4ae"
"""TOP_COLOR: the 红榜, a unit against the average, a pair's first unit. Not red: red data marks
mean one thing on the whole board, behind or overdue (FORMAT.md, 颜色); only the 红榜's title is
red."""
SECOND_COLOR = STATUS_COLORS["doing"]
"""The second unit of a pair beside TOP_COLOR (also hatched: never told apart by colour alone)."""
MARKER_SYMBOLS = (
    "circle",
    "square",
    "diamond",
    "triangle-up",
    "x",
    "star",
    "cross",
    "triangle-down",
    "pentagon",
    "hexagon",
)
"""One per line of a many-line chart, so lines differ in shape as well as colour."""
BEHIND_MARK = "▼"
TOP_LEGEND = MappingProxyType({"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0})
"""Above the plot: below it, slanted round and criterion names would run into it."""
LIST_SIZE = 3
"""Units on the red list (红榜) and on the black list (黑榜), on the home page and the screen."""
MAX_BARS = 20
"""Bars a chart of units or items draws at most: past it, the ends that matter (top and bottom,
most unfinished); the tables below list them all. A 500-bar chart took Chromium 0.6 s to draw
and no one could read its 500 labels."""
DAY_MS = 86_400_000


def status_label(status: str) -> str:
    """A status as the legend shows it: symbol and name, never colour alone."""
    return f"{STATUS_SYMBOLS[status]} {STATUS_NAMES[status]}"


def share(ratio) -> Optional[float]:
    """A Fraction as a compact float for the figure JSON; None stays None (a gap, not 0)."""
    return None if ratio is None else round(float(ratio), 4)


def number(value) -> Optional[float]:
    return None if value is None else round(float(value), 2)


def described(fig: Figure, summary: str) -> Figure:
    """The chart's message in words: charts.embed makes it the chart's accessible name."""
    fig.update_layout(meta={"summary": summary})
    return fig


def new_figure(title: str, height: int, **layout) -> Figure:
    """A figure without colours of its own: charts.js adds the light or dark theme."""
    return Figure(layout={"title": {"text": title}, "height": height, **layout})


def hatched(color, shape) -> dict:
    """A bar marker: the colour, with a light pattern over it that bar text stays readable on."""
    pattern = {"shape": shape, "fillmode": "overlay", "fgcolor": "#ffffff", "fgopacity": 0.45}
    if isinstance(color, list):
        # A colour per bar: plotly.js grounds each bar's pattern in its own colour (and picks a
        # contrasting hatch). Left unset, the ground defaults to the whole list, which plotly.js
        # reads as one colour and logs "Invalid color specifier" for.
        pattern["bgcolor"] = color[0]
    return {"color": color, "pattern": pattern}


def bar_height(count: int, per_bar: int = 34, extra: int = 90) -> int:
    """Horizontal bar charts grow with their rows so labels never overlap on a phone."""
    return max(180, count * per_bar + extra)


def reference_line(
    axis: str, value, text: str, dash: str = "dash", color: str = "", late: bool = True
) -> dict:
    """A labelled line across the plot at `value` on axis x or y (target, time progress, as-of).
    A vertical line late in its axis (`late`) has its label to its left, so it is not cut off."""
    across = "y" if axis == "x" else "x"
    if axis == "y":
        anchor = {"xanchor": "right", "yanchor": "bottom"}
    else:
        anchor = {"xanchor": "right" if late else "left", "yanchor": "bottom"}
    line = {"dash": dash, "width": 2}
    if color:
        line["color"] = color
    return {
        "type": "line",
        "xref": "x" if axis == "x" else "paper",
        "yref": "y" if axis == "y" else "paper",
        f"{axis}0": value,
        f"{axis}1": value,
        f"{across}0": 0,
        f"{across}1": 1,
        "line": line,
        "label": {
            "text": text,
            "textposition": "end",
            "textangle": 0,
            "font": {"size": 12},
            **anchor,
        },
    }


def percent_axis(values, **axis) -> dict:
    top = max([1.0, *(v for v in values if v is not None)])
    return {"tickformat": ".0%", "range": [0, round(top * 1.12, 3)], **axis}


def home_progress(board: Board) -> Optional[Figure]:
    """Ledger completion and each indicator's board-wide completion against time progress."""
    rows = []
    if board.ledger_stats.completion_rate is not None:
        rows.append(("整改完成率", board.ledger_stats.completion_rate, None))
    for view in board.indicators:
        if view.completion is not None:
            behind = figures.is_behind(view.indicator, view.completion, board.time_progress)
            compared = view.indicator.tracks_progress
            rows.append(
                (f"{view.indicator.name}完成率", view.completion, behind if compared else None)
            )
    projects = board.projects.totals.completion if board.projects else None
    if projects is not None:
        rows.append(("重点项目投资完成率", projects, projects < board.time_progress))
    tasks = board.projects.task_totals if board.projects else None
    if tasks is not None and tasks.completion is not None:
        rows.append(("工作任务完成度", tasks.completion, tasks.completion < board.time_progress))
    if not rows:
        return None
    values = [share(ratio) for _, ratio, _ in rows]
    progress = figures.format_percent(board.time_progress)
    fig = new_figure("完成情况与序时进度", bar_height(len(rows), 44), showlegend=False)
    fig.add_bar(
        orientation="h",
        y=[name for name, _, _ in rows],
        x=values,
        text=[_percent_text(ratio, behind) for _, ratio, behind in rows],
        textposition="auto",
        marker=hatched(
            [_progress_colour(b) for *_, b in rows], ["/" if b else "" for *_, b in rows]
        ),
        hovertemplate="%{y}：%{text}<extra></extra>",
    )
    late = board.time_progress > Fraction(1, 2)
    fig.add_shape(
        reference_line("x", share(board.time_progress), f"序时进度 {progress}", late=late)
    )
    fig.update_layout(xaxis=percent_axis(values), yaxis={"autorange": "reversed"})
    return described(fig, describe.home_progress(board))


def _progress_colour(behind: Optional[bool]) -> str:
    """Red behind time progress, green on time, the neutral blue where nothing is compared (the
    ledger's rate): the tiles above use the same convention (FORMAT.md, 颜色)."""
    if behind is None:
        return STATUS_COLORS["doing"]
    return ALERT_COLORS["overdue"] if behind else STATUS_COLORS["done"]


def _percent_text(ratio, behind: bool) -> str:
    text = figures.format_percent(ratio)
    return f"{BEHIND_MARK} {text} 落后序时" if behind else text


def home_ledger_status(board: Board) -> Optional[Figure]:
    """How many ledger items are in each status, in status order and colours."""
    stats = board.ledger_stats
    if not stats.total:
        return None
    fig = new_figure(f"整改事项状态（共 {stats.total} 项）", 300, showlegend=False)
    fig.add_bar(
        x=[status_label(status) for status in STATUSES],
        y=[stats.by_status[status] for status in STATUSES],
        text=[f"{stats.by_status[status]} 项" for status in STATUSES],
        textposition="outside",
        cliponaxis=False,
        marker=hatched(
            [STATUS_COLORS[status] for status in STATUSES],
            [STATUS_PATTERNS[status] for status in STATUSES],
        ),
        hovertemplate="%{x}：%{y} 项<extra></extra>",
    )
    fig.update_layout(yaxis={"title": {"text": "事项数"}, "rangemode": "tozero"})
    return described(fig, describe.ledger_status(board))


def red_black(
    view: Optional[RoundView], size: int = LIST_SIZE, black_list: bool = True
) -> Tuple[Tuple[RankRow, ...], ...]:
    """红榜: ranked within the first `size` places; 黑榜: tied with or below the `size`-th from
    the bottom, not already on the red list. Ties can make either list longer than `size`.
    Without a black list (`ranking.black_list: false`) the second is always empty."""
    ranked = view.ranked() if view else ()
    red = view.top(size) if view else ()
    if not ranked or not black_list:
        return red, ()
    floor = ranked[max(len(ranked) - size, 0)].rank
    black = tuple(row for row in ranked if row.rank >= floor and row not in red)
    return red, black


def home_top_bottom(board: Board) -> Optional[Figure]:
    """红黑榜: the latest round's top and bottom units by total (the screen's lists)."""
    latest = board.latest_round
    black_list = board.campaign.plan.black_list
    top, bottom = red_black(latest, black_list=black_list)
    if not top:
        return None
    title = f"{'红黑榜' if black_list else '红榜'}（{latest.round.name}）"
    fig = new_figure(title, bar_height(len(top) + len(bottom), 36, 110))
    lists = (("红榜", top, TOP_COLOR, ""), ("黑榜", bottom, BOTTOM_COLOR, "x"))
    for name, rows, color, shape in lists:
        if rows:
            fig.add_bar(
                name=name,
                orientation="h",
                y=[f"第{row.rank}名 {row.unit.label}" for row in rows],
                x=[number(row.total) for row in rows],
                text=[_total_text(row) for row in rows],
                textposition="auto",
                marker=hatched(color, shape),
                hovertemplate="%{y}：%{text}<extra>" + name + "</extra>",
            )
    fig.update_layout(
        yaxis={"autorange": "reversed"},
        xaxis={"title": {"text": "总分"}, "rangemode": "tozero"},
        legend={"orientation": "h", "y": -0.25},
    )
    return described(fig, describe.top_bottom(board, top, bottom))


def _total_text(row) -> str:
    total = f"{figures.format_number(row.total)} 分"
    return f"{total} {row.level}" if row.level else total


PHASE_COLORS = MappingProxyType(
    {
        "done": MUTED_COLOR,
        "current": STATUS_COLORS["doing"],
        "running": "#64b5f6",
        "upcoming": "#e3f2fd",
    }
)
PHASE_MARKS = MappingProxyType(
    {
        "done": "✔ 已完成",
        "current": "▶ 当前阶段",
        "running": "进行中",
        "upcoming": "未开始",
    }
)


def campaign_timeline(board: Board) -> Figure:
    """The phases as a Gantt chart, the current one marked, with a line on the as-of day."""
    phases = board.campaign.plan.phases
    states = [figures.phase_state(p, board.phase.phase, board.as_of) for p in phases]
    fig = new_figure("活动阶段", bar_height(len(phases), 40, 110), showlegend=False)
    fig.add_bar(
        orientation="h",
        y=[
            f"{phase.name} {PHASE_MARKS[state]}"
            for phase, state in zip(phases, states, strict=True)
        ],
        base=[phase.start.isoformat() for phase in phases],
        x=[((phase.end - phase.start).days + 1) * DAY_MS for phase in phases],
        text=[_phase_text(phase) for phase in phases],
        textposition="inside",
        insidetextanchor="middle",
        marker=hatched(
            [PHASE_COLORS[state] for state in states],
            ["/" if state == "current" else "" for state in states],
        ),
        hovertemplate="%{y}：%{text}<extra></extra>",
    )
    as_of = board.as_of.isoformat()
    late = board.time_progress > Fraction(1, 2)
    line = reference_line("x", as_of, f"数据截至 {as_of}", "dot", ALERT_COLORS["overdue"], late)
    fig.add_shape(line)
    fig.update_layout(
        xaxis={"type": "date", "tickformat": "%m月", "range": _padded_range(board)},
        yaxis={"autorange": "reversed"},
        uniformtext={"minsize": 9, "mode": "hide"},
    )
    return described(fig, describe.timeline(board))


def _phase_text(phase) -> str:
    return f"{phase.start.month}月{phase.start.day}日–{phase.end.month}月{phase.end.day}日"


def _padded_range(board: Board) -> list:
    plan = board.campaign.plan
    start = min([plan.start, *(p.start for p in plan.phases)])
    end = max([plan.end, board.as_of, *(p.end for p in plan.phases)])
    if board.as_of < start:
        start = board.as_of
    pad = datetime.timedelta(days=3)
    return [(start - pad).isoformat(), (end + pad + datetime.timedelta(days=1)).isoformat()]
