"""Running totals and monthly counts: a cumulative indicator's values never fall (a fall is a
month's own count typed where the running total belongs); a `per_period` indicator's counts are
added up to each period."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from types import MappingProxyType
from typing import Dict, Optional, Sequence, Tuple

from .. import model
from .cells import as_date, narrow
from .reading import Source

FELL = "累计值只增不减：{period} {value} 小于 {before} {earlier}"
FELL_HINT = "是不是填了当月数？当月数请把指标设为 per_period"
SHEET_HINT = "是不是填了当期数？当期数请在“指标”表把“当期数”设为 是"
"""The hint when the indicator is defined on campaign.xlsx's 指标 sheet (no per_period there)."""


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
            in_workbook = str(indicator.origin.path).endswith(".xlsx")
            source.error(line, name, message, SHEET_HINT if in_workbook else FELL_HINT)
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
            counts=indicator.values,
            values={
                unit: running_totals(v, indicators.periods) for unit, v in indicator.values.items()
            },
        )
        if indicator.per_period
        else indicator
        for indicator in indicators.indicators
    ]
    return dataclasses.replace(indicators, indicators=tuple(summed))


MONTH_FORMS = (
    re.compile(r"(?P<year>\d{4})\s*[-/.]\s*(?P<month>\d{1,2})"),
    re.compile(r"(?:(?P<year>\d{4})\s*年)?\s*(?P<month>\d{1,2})\s*月份?"),
)
QUARTER_FORMS = (
    re.compile(r"(?P<year>\d{4})\s*[-年]?\s*[Qq](?P<quarter>[1-4])"),
    re.compile(r"(?:(?P<year>\d{4})\s*年?)?\s*第?(?P<quarter>[一二三四1-4])季度"),
)
QUARTER_DIGITS = MappingProxyType({"一": 1, "二": 2, "三": 3, "四": 4})


def period_of_day(day: date, periods: Sequence[str]) -> Optional[str]:
    """The period a header Excel made into a date stands for: the month, quarter or date of
    `day` among `periods`; None when no period is of those kinds or none fits."""
    for period in periods:
        if names_day(narrow(period), day):
            return period
    return None


def names_day(label: str, day: date) -> bool:
    written, problem = as_date(label)
    if written is not None:
        return written == day
    for form in MONTH_FORMS:
        match = form.fullmatch(label)
        if match:
            return int(match["month"]) == day.month and same_year(match, day)
    for form in QUARTER_FORMS:
        match = form.fullmatch(label)
        if match:
            quarter = QUARTER_DIGITS.get(match["quarter"]) or int(match["quarter"])
            return quarter == (day.month - 1) // 3 + 1 and same_year(match, day)
    return False


def same_year(match: re.Match, day: date) -> bool:
    return match["year"] is None or int(match["year"]) == day.year


def as_typed(day: date) -> str:
    """A date header as the clerk most likely typed it: 2012-09-01 was `2012年9月`."""
    return f"{day.year}年{day.month}月" + ("" if day.day == 1 else f"{day.day}日")
