"""The date behind each figure, where it is not the as-of day: the period a unit last reported,
the newest date in each ledger file, and 逾期未报 (a report older than the last period due)."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from typing import Dict, FrozenSet, Iterable, Optional, Sequence, Tuple

from ..model import RectificationItem
from .board import Board, IndicatorView

_MONTH = re.compile(r"(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*月?")
_QUARTER = re.compile(r"(\d{4})\s*-?\s*Q([1-4])", re.I)
_YEAR = re.compile(r"(\d{4})\s*年?")
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


def period_end(label: str, years: Sequence[int]) -> Optional[datetime.date]:
    """The last day of a period label: a date, a month (2014-09, 2014年9月, or 9月 within the
    campaign's years), a quarter (2014-Q3) or a year (2014); None for any other label."""
    text = label.strip()
    try:
        if match := _DATE.fullmatch(text):
            return datetime.date(*map(int, match.groups()))
        if match := _QUARTER.fullmatch(text):
            return month_end(int(match[1]), int(match[2]) * 3)
        if match := _YEAR.fullmatch(text):
            return datetime.date(int(match[1]), 12, 31)
        if (match := _MONTH.fullmatch(text)) and (match[1] or text.endswith("月")):
            year = int(match[1]) if match[1] else (years[0] if len(years) == 1 else None)
            return month_end(year, int(match[2])) if year else None
    except ValueError:
        return None
    return None


def month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def campaign_years(board: Board) -> Tuple[int, ...]:
    plan = board.campaign.plan
    return tuple(range(plan.start.year, plan.end.year + 1))


def period_due(board: Board, view: IndicatorView) -> Optional[str]:
    """The last period due as of the board's day: the latest whose last day is on or before
    it when every period label has a date; otherwise the latest period any unit reported."""
    periods = board.campaign.indicators.periods
    ends = [period_end(period, campaign_years(board)) for period in periods]
    if periods and None not in ends:
        due = [period for period, end in zip(periods, ends, strict=True) if end <= board.as_of]
        return due[-1] if due else None
    reported = {row.latest_period for row in view.rows} - {None}
    return next((period for period in reversed(periods) if period in reported), None)


def overdue_reports(board: Board, view: IndicatorView) -> FrozenSet[str]:
    """Units (ids) whose latest report is older than the last period due: 逾期未报. A unit that
    never reported is 未报送, not here."""
    due = period_due(board, view)
    if due is None:
        return frozenset()
    order = {period: index for index, period in enumerate(board.campaign.indicators.periods)}
    return frozenset(
        row.unit.id
        for row in view.rows
        if row.latest_period is not None and order[row.latest_period] < order[due]
    )


def item_dates(item: RectificationItem) -> Iterable[datetime.date]:
    """The dates an item's data were written on: found, completed, its progress notes."""
    yield from (day for day in (item.found, item.completed) if day is not None)
    yield from (update.date for update in item.updates)


@dataclass(frozen=True)
class LedgerSource:
    """One ledger file or workbook and the newest date written in it."""

    path: str
    items: int
    updated: Optional[datetime.date]


def ledger_sources(board: Board) -> Tuple[LedgerSource, ...]:
    """Each ledger file, in reading order, with its newest date on or before the as-of day."""
    found: Dict[str, list] = {}
    for row in board.ledger:
        found.setdefault(row.item.origin.path, []).append(row.item)
    return tuple(
        LedgerSource(path, len(items), newest(items, board.as_of)) for path, items in found.items()
    )


def newest(items: Iterable[RectificationItem], as_of: datetime.date) -> Optional[datetime.date]:
    days = [day for item in items for day in item_dates(item) if day <= as_of]
    return max(days) if days else None


def ledger_updated(board: Board) -> Optional[datetime.date]:
    """The newest date in the whole ledger (整改台账更新至), internal items included: once a
    board (the ledger, the home page, each unit's ledger and the screen show it; 20,000 items)."""
    return board.once(
        "ledger_updated", lambda: newest((row.item for row in board.ledger), board.as_of)
    )


def short_date(day: datetime.date, as_of: datetime.date) -> str:
    """10月18日 in the as-of year, 2013年10月18日 otherwise."""
    if day.year == as_of.year:
        return f"{day.month}月{day.day}日"
    return f"{day.year}年{day.month}月{day.day}日"


@dataclass(frozen=True)
class ReportsDue:
    """An indicator's last period due and the units 逾期未报 on it."""

    due: Optional[str]
    overdue: FrozenSet[str]


def reports_due(board: Board) -> Dict[str, ReportsDue]:
    """Indicator id → its reports due, worked out once a board (every unit page shows them)."""

    def make() -> Dict[str, ReportsDue]:
        return {
            view.indicator.id: ReportsDue(period_due(board, view), overdue_reports(board, view))
            for view in board.indicators
        }

    return board.once("reports due", make)


def ledger_updated_text(board: Board) -> str:
    """整改台账更新至 10月18日, or "" when the newest date is the as-of day (or there is none)."""
    updated = ledger_updated(board)
    if updated is None or updated == board.as_of:
        return ""
    return f"整改台账更新至 {short_date(updated, board.as_of)}"
