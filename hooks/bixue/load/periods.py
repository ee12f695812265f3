"""Running totals and monthly counts: a cumulative indicator's values never fall (a fall is a
month's own count typed where the running total belongs); a `per_period` indicator's counts are
added up to each period."""

from __future__ import annotations

import dataclasses
from typing import Dict, Optional, Sequence, Tuple

from .. import model
from .reading import Source

FELL = "累计值只增不减：{period} {value} 小于 {before} {earlier}"
FELL_HINT = "是不是填了当月数？当月数请把指标设为 per_period"


def shown(value: model.Number) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def check_rising(
    source: Source,
    indicator: model.Indicator,
    written: Sequence[Tuple[str, model.Number, int, str]],
) -> None:
    """`written`: (period, value, line, field) of one unit in period order. A value below the
    one reported before it is an error where it stands, for running totals that should rise."""
    if not (indicator.tracks_progress and not indicator.per_period):
        return
    last: Optional[Tuple[str, model.Number]] = None
    for period, value, line, name in written:
        if last is not None and value < last[1]:
            message = FELL.format(
                period=period, value=shown(value), before=last[0], earlier=shown(last[1])
            )
            source.error(line, name, message, FELL_HINT)
        last = (period, value)


def running_totals(
    values: Dict[str, model.Number], periods: Sequence[str]
) -> Dict[str, model.Number]:
    """Each reported period's count added to those before it."""
    total, totals = 0, {}
    for period in periods:
        if period in values:
            total += values[period]
            totals[period] = round(total, 10) if isinstance(total, float) else total
    return totals


def with_running_totals(indicators: Optional[model.Indicators]) -> Optional[model.Indicators]:
    """Every `per_period` indicator's values as the totals the board figures from."""
    if indicators is None:
        return None
    summed = [
        dataclasses.replace(
            indicator,
            values={
                unit: running_totals(v, indicators.periods) for unit, v in indicator.values.items()
            },
        )
        if indicator.per_period
        else indicator
        for indicator in indicators.indicators
    ]
    return dataclasses.replace(indicators, indicators=tuple(summed))
