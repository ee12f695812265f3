"""The computed figures of the data model, as pure functions over model records."""

from __future__ import annotations

import bisect
import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Iterable, Mapping, Optional, Sequence, Tuple

from ..model import Indicator, Level, Number, Phase, RectificationItem, Round, Unit

OPEN_STATUSES = ("todo", "doing")
FINISHED_STATUSES = ("done", "verified")


def resolve_as_of(
    env_value: Optional[str], plan_as_of: Optional[datetime.date], today: datetime.date
) -> datetime.date:
    """BOARD_AS_OF if set, else the campaign's as_of, else today."""
    if env_value:
        return datetime.date.fromisoformat(env_value.strip())
    return plan_as_of or today


def build_day(epoch: Optional[str], today: datetime.date) -> datetime.date:
    """The day of the build: SOURCE_DATE_EPOCH's (UTC, as MkDocs' build date) when set, else
    today, so that a reproducible build says the same on any day."""
    if epoch and epoch.strip().isdigit():
        moment = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
        return moment.date()
    return today


def days_stale(as_of: datetime.date, built: Optional[datetime.date], limit: int) -> int:
    """Days the data is older than the build, when that is `limit` days or more (0: limit off
    or fresh enough)."""
    if built is None or limit <= 0:
        return 0
    days = (built - as_of).days
    return days if days >= limit else 0


def time_progress(start: datetime.date, end: datetime.date, as_of: datetime.date) -> Fraction:
    """序时进度: days elapsed (inclusive) over days in the period, clamped to [0, 1]."""
    elapsed = (as_of - start).days + 1
    total = (end - start).days + 1
    return min(max(Fraction(elapsed, total), Fraction(0)), Fraction(1))


@dataclass(frozen=True)
class PhaseStatus:
    """The current phase, or why there is none."""

    phase: Optional[Phase]
    label: str
    """The phase's name, 未开始, 已结束, or 阶段间隙 between two phases."""


def current_phase(phases: Sequence[Phase], as_of: datetime.date) -> PhaseStatus:
    for phase in phases:
        if phase.start <= as_of <= phase.end:
            return PhaseStatus(phase, phase.name)
    if as_of < min(p.start for p in phases):
        return PhaseStatus(None, "未开始")
    if as_of > max(p.end for p in phases):
        return PhaseStatus(None, "已结束")
    return PhaseStatus(None, "阶段间隙")


def phase_state(phase: Phase, current: Optional[Phase], as_of: datetime.date) -> str:
    """A phase on the timeline: done (ended), current, upcoming, or running (overlaps current)."""
    if phase == current:
        return "current"
    if phase.end < as_of:
        return "done"
    return "upcoming" if phase.start > as_of else "running"


def latest_value(
    values: Mapping[str, Number], periods: Sequence[str]
) -> Optional[Tuple[str, Number]]:
    """The value of the last period, in `periods` order, that has one; None when none."""
    for period in reversed(periods):
        if period in values:
            return period, values[period]
    return None


def completion(direction: str, latest: Optional[Number], target: Optional[Number]):
    """A unit's completion of its target: a ratio (1 = 100%), None when it cannot be known."""
    if latest is None or target is None:
        return None
    if direction == "down":
        if latest <= target:
            return Fraction(1)
        return _ratio(target, latest)
    return _ratio(latest, target) if target else None


def is_behind(indicator: Indicator, ratio, progress) -> bool:
    """落后序时进度: only cumulative indicators where higher is better."""
    if not indicator.tracks_progress or ratio is None:
        return False
    return ratio < progress


MISSED_WORDS = MappingProxyType({"over": "超标", "short": "未达标"})
"""A missed target in words: over a cap (越低越好), short of a level (时点值, 越高越好)."""


def missed_target(indicator: Indicator, latest: Optional[Number], target: Optional[Number]) -> str:
    """ "over" (超标): lower is better and the latest value is above the target; "short"
    (未达标): a level (not cumulative), higher is better, and the latest value is below it;
    "" otherwise. Cumulative up indicators are held against time progress instead (落后)."""
    if latest is None or target is None:
        return ""
    if indicator.direction == "down":
        return "over" if latest > target else ""
    if not indicator.cumulative and latest < target:
        return "short"
    return ""


def board_completion(indicator: Indicator, periods: Sequence[str]):
    """Sum of latest values over sum of targets, for units having both; up indicators only."""
    if indicator.direction != "up":
        return None
    done, target = Decimal(0), Decimal(0)
    for unit_id, unit_target in indicator.targets.items():
        if not indicator.applies(unit_id):
            continue
        latest = latest_value(indicator.values.get(unit_id, {}), periods)
        if latest is not None:
            done += Decimal(str(latest[1]))
            target += Decimal(str(unit_target))
    return _ratio(done, target) if target else None


def round_total(scores: Mapping[str, Number]) -> Number:
    """The sum of criterion scores, exact in decimal (26.5 + 24.3 is 50.8, not 50.800000001)."""
    total = sum((Decimal(str(score)) for score in scores.values()), Decimal(0))
    return int(total) if total == total.to_integral_value() else float(total)


@dataclass(frozen=True)
class Ranked:
    unit_id: str
    total: Number
    rank: int


def rank_round(round_: Round, units: Sequence[Unit]) -> Tuple[Ranked, ...]:
    """Ranked units, highest total first; ties share a rank (1, 2, 2, 4), in units.yml order."""
    order = {unit.id: index for index, unit in enumerate(units)}
    totals = {unit_id: round_total(scores) for unit_id, scores in round_.scores.items()}
    ordered = sorted(totals, key=lambda unit_id: (-totals[unit_id], order[unit_id]))
    ranked = []
    for position, unit_id in enumerate(ordered, start=1):
        tied = ranked and ranked[-1].total == totals[unit_id]
        rank = ranked[-1].rank if tied else position
        ranked.append(Ranked(unit_id, totals[unit_id], rank))
    return tuple(ranked)


def difference(first: Optional[Number], second: Optional[Number]) -> Optional[Number]:
    """first - second, exact in decimal (27.5 - 26.3 is 1.2); None when either is missing."""
    if first is None or second is None:
        return None
    result = Decimal(str(first)) - Decimal(str(second))
    return int(result) if result == result.to_integral_value() else float(result)


def rank_change(previous: Optional[int], current: Optional[int]) -> Optional[int]:
    """Positive when the unit moved up; None where it was not ranked before (or now)."""
    if previous is None or current is None:
        return None
    return previous - current


def level_for(total: Number, levels: Iterable[Level]) -> str:
    """The label of the highest threshold the total reaches, or ''."""
    reached = [level for level in levels if total >= level.min]
    return max(reached, key=lambda level: level.min).label if reached else ""


def is_overdue(item: RectificationItem, as_of: datetime.date) -> bool:
    """Open and past its deadline; due on the as-of day is not overdue."""
    return item.status in OPEN_STATUSES and item.deadline is not None and item.deadline < as_of


def is_due_soon(item: RectificationItem, as_of: datetime.date, warn_days: int) -> bool:
    if item.status not in OPEN_STATUSES or item.deadline is None:
        return False
    return as_of <= item.deadline <= as_of + datetime.timedelta(days=warn_days)


def is_completed_late(item: RectificationItem) -> bool:
    return bool(item.completed and item.deadline and item.completed > item.deadline)


def days_late(item: RectificationItem, as_of: datetime.date) -> int:
    """Days past the deadline as of today (overdue items), 0 otherwise."""
    return (as_of - item.deadline).days if is_overdue(item, as_of) else 0


def days_left(item: RectificationItem, as_of: datetime.date) -> Optional[int]:
    """Days from the as-of day to the deadline of an open item (0: due today); None otherwise."""
    if item.status not in OPEN_STATUSES or item.deadline is None:
        return None
    return (item.deadline - as_of).days


def ledger_timeline(
    items: Sequence[RectificationItem], start: datetime.date, as_of: datetime.date
) -> Tuple[Tuple[datetime.date, int, int], ...]:
    """(day, items found so far, items finished so far) at every day something changed, up to
    as_of; an item without a found date counts from the campaign's start."""
    found = [min(item.found or start, as_of) for item in items]
    finished = [
        item.completed
        for item in items
        if item.status in FINISHED_STATUSES and item.completed and item.completed <= as_of
    ]
    days = sorted({start, as_of, *found, *finished})
    found.sort()
    finished.sort()
    return tuple(
        (day, bisect.bisect_right(found, day), bisect.bisect_right(finished, day)) for day in days
    )


def criterion_averages(round_: Round, criteria: Sequence) -> Mapping[str, Optional[Number]]:
    """Average score of each criterion over the units scored in the round, exact in decimal."""
    averages = {}
    for criterion in criteria:
        scores = [Decimal(str(row[criterion.id])) for row in round_.scores.values()]
        mean = sum(scores, Decimal(0)) / len(scores) if scores else None
        averages[criterion.id] = None if mean is None else float(round(mean, 2))
    return averages


def completion_rate(items: Sequence[RectificationItem]) -> Optional[Fraction]:
    """整改完成率: (done + verified) over all items; None for no items."""
    if not items:
        return None
    return Fraction(sum(item.status in FINISHED_STATUSES for item in items), len(items))


def closure_rate(items: Sequence[RectificationItem]) -> Optional[Fraction]:
    """销号率: verified over all items; None for no items."""
    if not items:
        return None
    return Fraction(sum(item.status == "verified" for item in items), len(items))


def format_percent(ratio) -> str:
    """66.7%: one decimal, half up, no space; an unknown ratio shows as —."""
    if ratio is None:
        return "—"
    exact = Fraction(ratio) if not isinstance(ratio, float) else Fraction(str(ratio))
    percent = Decimal(exact.numerator * 100) / Decimal(exact.denominator)
    return f"{percent.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"


def format_number(value: Optional[Number]) -> str:
    """A value as given: 26 stays 26, 26.5 stays 26.5, big floats lose float noise."""
    if value is None:
        return "—"
    if isinstance(value, float):
        return format(Decimal(str(value)).normalize(), "f")
    return str(value)


def format_date(day: Optional[datetime.date], long: bool = False) -> str:
    """2014-06-30, or 2014年6月30日 when `long`."""
    if day is None:
        return "—"
    return f"{day.year}年{day.month}月{day.day}日" if long else day.isoformat()


def _ratio(numerator, denominator) -> Fraction:
    return Fraction(Decimal(str(numerator))) / Fraction(Decimal(str(denominator)))


THEME_UNSAFE = MappingProxyType(
    str.maketrans({"<": "＜", ">": "＞", "&": "＆", '"': "＂", "'": "＇", "`": "｀"})
)
"""Markup characters and their full-width look-alikes."""


def theme_text(text: str) -> str:
    """A title for the theme's templates (site name, page titles, navigation, search), which
    print some of them unescaped or unescape them with `striptags`: with no markup character
    left and on one line, it is inert wherever it lands. Pages still show the real text."""
    return " ".join(str(text).translate(THEME_UNSAFE).split())
