"""The activity log's and the honours' figures: counts by unit, kind, month and level, and the
values of indicators counted from them."""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass
from typing import Dict, Iterable, List, Mapping, Sequence, Tuple

from ..model import ACHIEVEMENT_LEVELS, Achievement, Activity, Campaign, Indicator, LogSource


@dataclass(frozen=True)
class UnitCounts:
    hosted: int
    attended: int


@dataclass(frozen=True)
class ActivityLog:
    """The activity log as of the board's day: every record counts, internal ones included."""

    records: Tuple[Activity, ...]
    """Newest first (the same day in file order)."""
    by_kind: Tuple[Tuple[str, int], ...]
    """Each kind with its count, most first, ties in order of first appearance."""
    by_month: Tuple[Tuple[str, int], ...]
    """`2014-05` -> count, every month from the first to the last (campaign period included)."""
    by_unit: Mapping[str, UnitCounts]


@dataclass(frozen=True)
class Honours:
    """Honours and achievements: every record counts, internal ones included."""

    records: Tuple[Achievement, ...]
    """Newest first."""
    levels: Tuple[str, ...]
    """The levels some record has, highest first."""
    by_unit_level: Mapping[str, Mapping[str, int]]
    """unit id -> level -> count."""


def newest_first(records: Iterable) -> tuple:
    return tuple(sorted(records, key=lambda record: -record.date.toordinal()))


def activity_log(campaign: Campaign) -> ActivityLog:
    records = newest_first(campaign.activities)
    kinds: Dict[str, int] = {}
    for record in campaign.activities:
        kinds[record.kind] = kinds.get(record.kind, 0) + 1
    order = list(kinds)
    by_kind = sorted(kinds.items(), key=lambda entry: (-entry[1], order.index(entry[0])))
    return ActivityLog(
        records=records,
        by_kind=tuple(by_kind),
        by_month=months(campaign, records),
        by_unit={u.id: unit_counts(campaign.activities, u.id) for u in campaign.units},
    )


def unit_counts(records: Sequence[Activity], unit_id: str) -> UnitCounts:
    hosted = sum(record.host == unit_id for record in records)
    return UnitCounts(hosted, sum(unit_id in record.guests for record in records))


def month_label(day: datetime.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def months(campaign: Campaign, records: Sequence[Activity]) -> Tuple[Tuple[str, int], ...]:
    if not records:
        return ()
    days = [campaign.plan.start, campaign.plan.end, *(record.date for record in records)]
    first, last = min(days), max(days)
    counts: Dict[str, int] = {}
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        counts[f"{year:04d}-{month:02d}"] = 0
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    for record in records:
        counts[month_label(record.date)] += 1
    return tuple(counts.items())


def honours(campaign: Campaign) -> Honours:
    records = newest_first(campaign.achievements)
    table: Dict[str, Dict[str, int]] = {unit.id: {} for unit in campaign.units}
    for record in records:
        row = table.setdefault(record.unit, {})
        row[record.level] = row.get(record.level, 0) + 1
    present = {record.level for record in records}
    levels = tuple(level for level in ACHIEVEMENT_LEVELS if level in present)
    return Honours(records, levels, table)


def counted(log: LogSource, campaign: Campaign, unit_id: str) -> List[datetime.date]:
    """The dates of the records an indicator of this source counts for one unit."""
    if log.log == "activities":
        chosen = (r for r in campaign.activities if not log.kind or r.kind == log.kind)
        if log.role == "hosted":
            return [r.date for r in chosen if r.host == unit_id]
        return [r.date for r in chosen if unit_id in r.guests]
    return [
        r.date
        for r in campaign.achievements
        if r.unit == unit_id
        and (not log.kind or r.kind == log.kind)
        and (not log.level or r.level == log.level)
    ]


def log_values(
    indicator: Indicator, campaign: Campaign, as_of: datetime.date
) -> Dict[str, Dict[str, int]]:
    """unit id -> period -> the count of its records dated on or before the period's last day,
    for every period begun by the as-of day (a period not yet begun is not reported yet)."""
    log = indicator.source
    begun = [(label, last) for label, (first, last) in log.spans.items() if first <= as_of]
    values = {}
    for unit in campaign.units:
        if indicator.applies(unit.id):
            dates = counted(log, campaign, unit.id)
            values[unit.id] = {label: sum(d <= last for d in dates) for label, last in begun}
    return values


def with_log_values(campaign: Campaign, as_of: datetime.date) -> Campaign:
    """The campaign with every log-sourced indicator's values counted as of the day."""
    if campaign.indicators is None or not any(i.source for i in campaign.indicators.indicators):
        return campaign
    found = tuple(
        dataclasses.replace(item, values=log_values(item, campaign, as_of)) if item.source else item
        for item in campaign.indicators.indicators
    )
    indicators = dataclasses.replace(campaign.indicators, indicators=found)
    return dataclasses.replace(campaign, indicators=indicators)
