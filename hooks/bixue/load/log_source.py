"""Indicators whose values come from the activity log or the honours (`source:`): the key read,
and each period label's first and last day found, or the label reported."""

from __future__ import annotations

import calendar
import dataclasses
import re
from datetime import date
from typing import Dict, Optional, Tuple

from .. import model
from ..errors import DataError
from .cells import as_date
from .fields import choice, mapping, skipped, text
from .reading import Reading, Source
from .yamlfile import Node

Span = Tuple[date, date]
ROLES = ("hosted", "attended")
MONTH = re.compile(r"(\d{4})-(\d{1,2})|(\d{4})年(\d{1,2})月")
BARE_MONTH = re.compile(r"(\d{1,2})月")
QUARTER = re.compile(r"(\d{4})-?Q([1-4])", re.I)
YEAR = re.compile(r"(\d{4})年?")


def read_source(source: Source, node: Optional[Node]) -> Optional[model.LogSource]:
    """`{activities: hosted | attended, kind?}` or `{achievements: {kind?, level?}}`."""
    if skipped(node):
        return None
    entries = mapping(source, node, "source", (), ("activities", "achievements", "kind"))
    if entries is None:
        return None
    if ("activities" in entries) == ("achievements" in entries):
        hint = "写 source: {activities: hosted} 或 source: {achievements: {level: 省级}}"
        source.error(node.line, "source", "要写 activities 或 achievements 之一", hint)
        return None
    if "activities" in entries:
        role = choice(source, entries["activities"], "source.activities", ROLES)
        kind = text(source, entries.get("kind"), "source.kind") or ""
        return model.LogSource("activities", role, kind, line=node.line) if role else None
    if "kind" in entries:
        source.error(entries["kind"].line, "source.kind", "kind 写在 achievements 里面")
        return None
    return achievements_source(source, entries["achievements"], node.line)


def achievements_source(source: Source, node: Node, line: int) -> Optional[model.LogSource]:
    if skipped(node):
        return model.LogSource("achievements", line=line)
    entries = mapping(source, node, "source.achievements", (), ("kind", "level"))
    if entries is None:
        return None
    kind = text(source, entries.get("kind"), "source.achievements.kind") or ""
    level = entries.get("level")
    if level is not None and not choice(
        source, level, "source.achievements.level", model.ACHIEVEMENT_LEVELS
    ):
        return None
    written = text(source, level, "source.achievements.level") or ""
    return model.LogSource("achievements", kind=kind, level=written, line=line)


def period_span(label: str, start: date, end: date) -> Optional[Span]:
    """The first and last day of a period label: a month (`2012-09`, `2012年9月`, `9月` within
    the campaign's years), a quarter (`2014-Q3`), a year (`2014`) or a date; None otherwise."""
    label = label.strip()
    month = MONTH.fullmatch(label)
    if month:
        year, number = [int(part) for part in month.groups() if part]
        return month_span(year, number)
    bare = BARE_MONTH.fullmatch(label)
    if bare:
        return bare_month(int(bare.group(1)), start, end)
    quarter = QUARTER.fullmatch(label)
    if quarter:
        year, number = int(quarter.group(1)), int(quarter.group(2))
        return month_span(year, number * 3 - 2)[0], month_span(year, number * 3)[1]
    year = YEAR.fullmatch(label)
    if year:
        return date(int(year.group(1)), 1, 1), date(int(year.group(1)), 12, 31)
    day, _problem = as_date(label)
    return (day, day) if day else None


def month_span(year: int, month: int) -> Optional[Span]:
    if not 1 <= month <= 12:
        return None
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def bare_month(month: int, start: date, end: date) -> Optional[Span]:
    """`9月`: the month of that number within the campaign's years, the first from the start."""
    for year in range(start.year, end.year + 1):
        span = month_span(year, month)
        if span and span[1] >= start and span[0] <= end:
            return span
    return None


def with_spans(reading: Reading, campaign: model.Campaign) -> model.Campaign:
    """Log-sourced indicators with their periods' days; a label without days, and values
    typed for such an indicator, are errors."""
    if campaign.indicators is None or campaign.plan is None:
        return campaign  # without a readable plan, campaign.yml's own errors come first
    plan, indicators = campaign.plan, campaign.indicators
    spans: Dict[str, Span] = {}
    for label in indicators.periods:
        span = period_span(label, plan.start, plan.end)
        if span:
            spans[label] = span
    found = [checked(reading, item, spans) for item in indicators.indicators]
    unknown = [label for label in indicators.periods if label not in spans]
    first = next((item for item in found if item.source), None)
    if first is not None and unknown:
        message = (
            f"periods 里的 {'、'.join(unknown)} 不是月份、季度、年份或日期，无法按时期统计记录"
        )
        hint = "时期写成 2014-09、2014年9月、9月、2014-Q3、2014 或 2014-06-30"
        line = indicators.origin.line
        reading.errors.append(error(indicators.origin.path, line, "periods", message, hint))
    return dataclasses.replace(
        campaign, indicators=dataclasses.replace(indicators, indicators=tuple(found))
    )


def checked(
    reading: Reading, indicator: model.Indicator, spans: Dict[str, Span]
) -> model.Indicator:
    """A log-sourced indicator with its periods' days; values typed for it are an error."""
    log = indicator.source
    if log is None:
        return indicator
    path = indicator.origin.path
    if indicator.values:
        at = indicator.origin.line_of("values")
        book = reading.campaign_book
        if book and path == book.source.path:  # campaign.xlsx: its 指标数值 row, by cell
            hint = "删掉“指标数值”表里这个指标的行：数值从记录里数出来"
            book.source.error(at, "", "写了“来源”的指标不能再填数值", hint)
        else:
            hint = "删掉 values（或工作簿里这个指标的工作表）：数值从记录里数出来"
            message = "写了 source 的指标不能再填数值"
            reading.errors.append(error(path, at, "values", message, hint))
    return dataclasses.replace(indicator, source=dataclasses.replace(log, spans=spans))


def error(path: str, line: int, field: str, message: str, hint: str = "") -> DataError:
    return DataError(path, line, field, message, hint)
