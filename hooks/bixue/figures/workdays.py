"""Time progress counted in mainland working days (statutory holidays and make-up working days
from chinese-calendar), less the campaign's own breaks."""

from __future__ import annotations

import datetime
from fractions import Fraction
from typing import Iterable, Sequence

import chinese_calendar

from ..model import DAYS, Break, Plan
from . import time_progress as calendar_progress

ONE_DAY = datetime.timedelta(days=1)


def days(first: datetime.date, last: datetime.date) -> Iterable[datetime.date]:
    """Every day from first to last, both included (none when last < first)."""
    day = first
    while day <= last:
        yield day
        day += ONE_DAY


def counted(day: datetime.date, breaks: Sequence[Break]) -> bool:
    """A working day outside every break."""
    in_break = any(item.start <= day <= item.end for item in breaks)
    return not in_break and chinese_calendar.is_workday(day)


def workday_progress(
    start: datetime.date, end: datetime.date, as_of: datetime.date, breaks: Sequence[Break]
) -> Fraction:
    """Counted days from start to as of (both included) over those from start to end,
    clamped to [0, 1]; 0 when the period has no counted day at all."""
    whole = sum(counted(day, breaks) for day in days(start, end))
    elapsed = sum(counted(day, breaks) for day in days(start, min(as_of, end)))
    return Fraction(elapsed, whole) if whole else Fraction(0)


def plan_progress(plan: Plan, as_of: datetime.date) -> Fraction:
    """序时进度 as the campaign counts it: calendar days (v2's rule) unless `by: workdays`."""
    setting = plan.time_progress
    if setting.by == DAYS:
        return calendar_progress(plan.start, plan.end, as_of)
    return workday_progress(plan.start, plan.end, as_of, setting.breaks)
