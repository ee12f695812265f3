"""Charts of the activity log (activities per month) and of honours (by unit and level)."""

from __future__ import annotations

from typing import Optional

from ..figures.board import Board
from . import STATUS_COLORS, TOP_LEGEND, described, hatched, new_figure
from .figure import Figure

LEVEL_COLORS = (
    "#00695c",
    "#1565c0",
    "#2e7d32",
    "#8e24aa",
    "#6d4c41",
    "#37474f",
    "#546e7a",
    "#757575",
)
"""One per level, highest first; each hatched differently too (never colour alone). No red or
orange: on the board they mean behind, overdue and due soon (名词解释's colour legend)."""
LEVEL_PATTERNS = ("", "/", "x", ".", "-", "+", "\\", "|")


def per_month(board: Board) -> Optional[Figure]:
    """Activities of each month, the months of the campaign and of every record."""
    months = board.activity_log.by_month
    if not months:
        return None
    one_year = len({label[:4] for label, _ in months}) == 1
    labels = [month_text(label, one_year) for label, _ in months]
    counts = [count for _, count in months]
    fig = new_figure("每月学习交流活动", 320, showlegend=False)
    fig.add_bar(
        x=labels,
        y=counts,
        text=[str(count) if count else "" for count in counts],
        textposition="outside",
        cliponaxis=False,
        marker=hatched(STATUS_COLORS["doing"], ""),
        hovertemplate="%{x}：%{y} 次<extra></extra>",
    )
    fig.update_layout(
        xaxis={"type": "category"},
        yaxis={"title": {"text": "活动次数"}, "rangemode": "tozero", "dtick": 1},
    )
    busiest = max(months, key=lambda entry: entry[1])
    total = sum(counts)
    summary = f"共 {total} 次活动，最多的是 {labels[months.index(busiest)]}（{busiest[1]} 次）。"
    return described(fig, summary)


def month_text(label: str, one_year: bool) -> str:
    """`2014-05` as 5月 when every month is of one year, else as 2014年5月."""
    month = f"{int(label[5:])}月"
    return month if one_year else f"{int(label[:4])}年{month}"


def by_level(board: Board) -> Optional[Figure]:
    """Each unit's honours stacked by level, units with none left out."""
    view = board.honours
    units = [u for u in board.campaign.units if any(view.by_unit_level.get(u.id, {}).values())]
    if not units:
        return None
    fig = new_figure("各单位荣誉成果（按级别）", 90 + 34 * len(units), barmode="stack")
    for at, level in enumerate(view.levels):
        counts = [view.by_unit_level[u.id].get(level, 0) for u in units]
        fig.add_bar(
            name=level,
            y=[u.label for u in units],
            x=counts,
            orientation="h",
            marker=hatched(LEVEL_COLORS[at % 8], LEVEL_PATTERNS[at % 8]),
            hovertemplate=f"%{{y}} {level}：%{{x}} 项<extra></extra>",
        )
    fig.update_layout(
        xaxis={"title": {"text": "项数"}, "dtick": 1, "rangemode": "tozero"},
        yaxis={"autorange": "reversed", "automargin": True, "type": "category"},
        legend={**TOP_LEGEND, "traceorder": "normal"},  # highest level first, as the table
    )
    most = max(units, key=lambda u: sum(view.by_unit_level[u.id].values()))
    total = sum(sum(view.by_unit_level[u.id].values()) for u in units)
    summary = f"{len(units)} 个单位共 {total} 项荣誉成果，最多的是{most.name}。"
    return described(fig, summary)
