"""The gap chart of a pair or a group of up to four units: latest round scores side by side."""

from __future__ import annotations

from typing import Optional, Sequence

from .. import figures
from ..figures.board import Board
from . import (
    BOTTOM_COLOR,
    SECOND_COLOR,
    STATUS_COLORS,
    TOP_COLOR,
    bar_height,
    describe,
    described,
    hatched,
    new_figure,
    number,
)
from .figure import Figure

UNRANKED = "未参评"
SIDES = (
    (TOP_COLOR, ""),
    (SECOND_COLOR, "/"),
    (STATUS_COLORS["ongoing"], "x"),
    (BOTTOM_COLOR, "."),
)
"""Colour and hatch of each unit in group order: told apart by pattern too, never colour alone."""


def group_scores(board: Board, group: Sequence[str]) -> Optional[Figure]:
    """Two to four grouped units' criterion scores in the latest round side by side, each
    criterion labelled with its gap (in a pair who leads; in a group, best over worst)."""
    latest = board.latest_round
    if latest is None:
        return None
    by_id = {row.unit.id: row for row in latest.rows}
    rows = [by_id[unit_id] for unit_id in group]
    if all(row.rank is None for row in rows):
        return None
    criteria = board.campaign.evaluations.criteria
    items = [(c.name, [row.scores.get(c.id) for row in rows]) for c in criteria]
    items.append(("总分", [row.total for row in rows]))
    categories = [gap_label(name, values, rows) for name, values in items]
    labels = "、".join(row.unit.label for row in rows[:-1]) + f" 与 {rows[-1].unit.label}"
    title = f"{labels}（{latest.round.name}）"
    height = bar_height(len(items) * len(rows), 26, 120)
    fig = new_figure(title, height, barmode="group")
    for index, (row, (color, shape)) in enumerate(zip(rows, SIDES, strict=False)):
        values = [values[index] for _, values in items]
        fig.add_bar(
            name=row.unit.label if row.rank is not None else f"{row.unit.label}（{UNRANKED}）",
            orientation="h",
            y=categories,
            x=[number(value) for value in values],
            text=[figures.format_number(value) for value in values],
            textposition="auto",
            marker=hatched(color, shape),
            hovertemplate=f"{row.unit.label} %{{y}}：%{{x}} 分<extra></extra>",
        )
    fig.update_layout(
        yaxis={"autorange": "reversed"},
        xaxis={"title": {"text": "分数"}, "rangemode": "tozero"},
        legend={"orientation": "h", "y": -0.2},
    )
    return described(fig, summary(board, rows))


def summary(board: Board, rows) -> str:
    if len(rows) == 2:
        return describe.pair_scores(board, *rows)
    return describe.group_scores(board, rows)


def gap_label(name: str, values, rows) -> str:
    """`name` with the gap under it: who leads a pair and by how much; in a group, who is
    highest and how far above the lowest. Only the name where a score is missing."""
    if any(value is None for value in values):
        return name
    high, low = max(values), min(values)
    gap = figures.difference(high, low)
    if gap == 0:
        return f"{name}<br>持平"
    gap_text = figures.format_number(gap)
    if len(values) == 2:
        return f"{name}<br>{_named(rows, values, high)}高 {gap_text}"
    return f"{name}<br>{_named(rows, values, high)}最高，高出{_named(rows, values, low)} {gap_text}"


def _named(rows, values, value) -> str:
    """Every unit with this value: a tie for first is no one unit's lead."""
    return "、".join(row.unit.label for row, v in zip(rows, values, strict=True) if v == value)
