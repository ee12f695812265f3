"""One indicator in a few figures, for the overview of indicators: each indicator has its own page
with every unit's row, and the overview has to say in one line how the units stand on it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence, Tuple

from .board import IndicatorRow, IndicatorView


@dataclass(frozen=True)
class IndicatorSummary:
    view: IndicatorView
    units: int
    """The units the indicator concerns (its `applies_to`, else every unit)."""
    reached: int
    """Units whose completion is 100% or more."""
    rated: int
    """Units with a completion at all: a latest value and a target."""
    behind: int
    """Units behind time progress (cumulative up indicators only)."""
    missed: int
    """Units over their cap (超标) or short of their level (未达标): figures.missed_target."""
    best: Tuple[IndicatorRow, ...]
    """The rows sharing the highest completion, in units.yml order; () when no unit has one."""
    worst: Tuple[IndicatorRow, ...]
    """The rows sharing the lowest completion."""
    latest_period: Optional[str]
    """The last period (in `periods` order) any of its units reported; None before the first."""
    latest_reported: int
    """How many of its units reported that period."""


def summarize(view: IndicatorView, periods: Sequence[str]) -> IndicatorSummary:
    rated = [row for row in view.rows if row.completion is not None]
    values = view.indicator.values
    reported = [p for p in periods if any(p in values.get(row.unit.id, {}) for row in view.rows)]
    latest = reported[-1] if reported else None
    return IndicatorSummary(
        view=view,
        units=len(view.rows),
        reached=sum(1 for row in rated if row.completion >= 1),
        rated=len(rated),
        behind=sum(1 for row in view.rows if row.behind),
        missed=sum(1 for row in view.rows if row.missed),
        best=_sharing(rated, max),
        worst=_sharing(rated, min),
        latest_period=latest,
        latest_reported=sum(1 for row in view.rows if latest in values.get(row.unit.id, {})),
    )


def _sharing(rows: Sequence[IndicatorRow], pick) -> Tuple[IndicatorRow, ...]:
    """The rows whose completion is `pick` (max or min) of all: ties are shown as ties."""
    if not rows:
        return ()
    chosen = pick(row.completion for row in rows)
    return tuple(row for row in rows if row.completion == chosen)
