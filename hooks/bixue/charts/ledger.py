"""Charts of the rectification ledger: status by unit, how late items are, found vs finished."""

from __future__ import annotations

from typing import Optional

from .. import figures
from ..figures.board import Board
from ..model import STATUSES
from . import (
    ALERT_COLORS,
    MAX_BARS,
    STATUS_COLORS,
    STATUS_PATTERNS,
    TOP_LEGEND,
    bar_height,
    describe,
    described,
    hatched,
    new_figure,
    status_label,
)
from .figure import Figure


def ledger_by_unit(board: Board) -> Optional[Figure]:
    """Each unit's items stacked by status, in status colours and patterns; past MAX_BARS units,
    the MAX_BARS with the most unfinished items (500 bars made a chart 16,000 px tall; the table
    below lists every unit)."""
    with_items = [u for u in board.campaign.units if board.ledger_by_unit[u.id].total]
    if not with_items:
        return None
    units = with_items
    title = "各单位整改事项（按状态）"
    if len(with_items) > MAX_BARS:
        by_unit = board.ledger_by_unit
        units = sorted(with_items, key=lambda u: by_unit[u.id].finished - by_unit[u.id].total)
        units = units[:MAX_BARS]
        title = f"未完成整改事项最多的 {MAX_BARS} 个单位（按状态）"
    stats = [board.ledger_by_unit[u.id] for u in units]
    present = [s for s in STATUSES if board.ledger_stats.by_status[s]]
    fig = new_figure(title, bar_height(len(units), 32, 130), barmode="stack")
    for status in present:
        counts = [unit_stats.by_status[status] for unit_stats in stats]
        fig.add_bar(
            name=status_label(status),
            orientation="h",
            y=[u.label for u in units],
            x=counts,
            text=[str(count) if count else "" for count in counts],
            textposition="inside",
            marker=hatched(STATUS_COLORS[status], STATUS_PATTERNS[status]),
            hovertemplate=f"%{{y}} {status_label(status)}：%{{x}} 项<extra></extra>",
        )
    fig.update_layout(
        yaxis={"autorange": "reversed"},
        xaxis={"title": {"text": "事项数"}, "dtick": _count_tick(max(s.total for s in stats))},
        legend={**TOP_LEGEND, "traceorder": "normal"},
    )
    return described(fig, describe.ledger_by_unit(board, with_items))


def _count_tick(most: int) -> int:
    return 1 if most <= 10 else 2 if most <= 20 else 5


def ledger_deadlines(board: Board) -> Optional[Figure]:
    """Overdue items by days late, then due-soon items by days left, longest first; past
    MAX_BARS of a kind, the first MAX_BARS (the tables below list them all)."""
    overdue, soon = board.overdue_rows(), board.due_soon_rows()
    if not overdue and not soon:
        return None
    shown_late, shown_soon = overdue[:MAX_BARS], soon[:MAX_BARS]
    title = "逾期与临期事项"
    if len(overdue) > MAX_BARS or len(soon) > MAX_BARS:
        title += f"（各列前 {MAX_BARS} 项）"
    fig = new_figure(title, bar_height(len(shown_late) + len(shown_soon), 30, 130))
    if overdue:
        late = [r.days_late for r in shown_late]
        _deadline_bar(fig, board, "逾期（已过天数）", shown_late, late)
    if soon:
        _deadline_bar(fig, board, "临期（剩余天数）", shown_soon, [r.days_left for r in shown_soon])
    most = max([1, *(r.days_late for r in overdue)])
    fig.update_layout(
        yaxis={"autorange": "reversed", "type": "category"},
        xaxis={"title": {"text": "天数"}, "range": [0, round(most * 1.3 + 1)]},
        legend={"orientation": "h", "y": -0.25},
    )
    return described(fig, describe.ledger_deadlines(overdue, soon))


def _deadline_bar(fig: Figure, board: Board, name: str, rows, days) -> None:
    overdue = name.startswith("逾期")
    fig.add_bar(
        name=name,
        orientation="h",
        y=[f"{row.item.id} {board.unit(row.item.unit).label}" for row in rows],
        x=days,
        text=[_days_text(overdue, day) for day in days],
        textposition=["outside" if day == 0 else "auto" for day in days],
        cliponaxis=False,
        marker=hatched(ALERT_COLORS["overdue" if overdue else "due_soon"], "" if overdue else "/"),
        hovertemplate="%{y}：%{text}<extra></extra>",
    )


def _days_text(overdue: bool, days: int) -> str:
    if overdue:
        return f"逾期 {days} 天"
    return "今天到期" if days == 0 else f"还剩 {days} 天"


def ledger_burndown(board: Board) -> Optional[Figure]:
    """Items found and items finished so far, and those still open, over the campaign."""
    items = [row.item for row in board.ledger]
    if not items:
        return None
    timeline = figures.ledger_timeline(items, board.campaign.plan.start, board.as_of)
    days = [day.isoformat() for day, _, _ in timeline]
    fig = new_figure("整改事项累计发现与完成", 360)
    for name, counts, color, dash in (
        ("累计发现", [found for _, found, _ in timeline], ALERT_COLORS["due_soon"], "solid"),
        ("累计完成", [done for _, _, done in timeline], STATUS_COLORS["done"], "solid"),
        ("尚未完成", [found - done for _, found, done in timeline], ALERT_COLORS["overdue"], "dot"),
    ):
        fig.add_scatter(
            name=name,
            x=days,
            y=counts,
            mode="lines",
            line={"shape": "hv", "color": color, "dash": dash, "width": 2.5},
            hovertemplate=f"%{{x}} {name}：%{{y}} 项<extra></extra>",
        )
    fig.update_layout(
        xaxis={"type": "date", "tickformat": "%m月"},
        yaxis={"title": {"text": "事项数"}, "rangemode": "tozero"},
        legend={"orientation": "h", "y": -0.2},
    )
    return described(fig, describe.ledger_burndown(timeline))
