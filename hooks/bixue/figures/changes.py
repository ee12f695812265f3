"""本期动态: what happened in the window of `changes.days` days ending on the as-of day."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Callable, Dict, Iterable, List, Optional, Tuple, TypeVar

from ..model import Activity, Exemplar, Notice, RectificationItem, Update
from .board import Board, RoundView

T = TypeVar("T")
ONE_DAY = datetime.timedelta(days=1)
ACTIVE = ("todo", "doing")


@dataclass(frozen=True)
class Window:
    """The days of 本期动态, both ends included."""

    first: datetime.date
    last: datetime.date

    def holds(self, day: Optional[datetime.date]) -> bool:
        return day is not None and self.first <= day <= self.last


@dataclass(frozen=True)
class ItemUpdate:
    """One progress note of a ledger item, dated in the window."""

    item: RectificationItem
    update: Update


@dataclass(frozen=True)
class Changes:
    """Each list of 本期动态, newest first; in a public build only what it publishes."""

    window: Window
    found: Tuple[RectificationItem, ...]
    completed: Tuple[RectificationItem, ...]
    overdue: Tuple[RectificationItem, ...]
    """Still todo or doing, and the first overdue day (deadline + 1) in the window."""
    updates: Tuple[ItemUpdate, ...]
    rounds: Tuple[RoundView, ...]
    """Rounds dated in the window, each with every unit's rank change in it."""
    cases: Tuple[Exemplar, ...]
    notices: Tuple[Notice, ...]
    activities: Tuple[Activity, ...] = ()
    """学习交流 activities dated in the window."""

    @property
    def empty(self) -> bool:
        lists = (self.found, self.completed, self.overdue, self.updates, self.rounds)
        return not any(lists) and not self.cases and not self.notices and not self.activities


def window(as_of: datetime.date, days: int) -> Window:
    """`days` days ending on the as-of day: 7 days as of 2014-10-20 are 2014-10-14..2014-10-20."""
    return Window(as_of - (days - 1) * ONE_DAY, as_of)


def first_overdue_day(item: RectificationItem) -> Optional[datetime.date]:
    return item.deadline + ONE_DAY if item.deadline is not None else None


def newest(items: Iterable, day) -> tuple:
    """Newest first; the same day keeps the data's order."""
    return tuple(sorted(items, key=lambda record: -day(record).toordinal()))


def compute_changes(board: Board) -> Changes:
    """What changed in the board's window (campaign.change_days up to the as-of day), made once
    a board: the home page, the screen, the feeds and data.json each ask for them, and at 500
    units each asking took 0.1 s."""
    return board.once("changes", lambda: _compute_changes(board))


def _compute_changes(board: Board) -> Changes:
    span = window(board.as_of, board.campaign.plan.change_days)
    items = [row.item for row in board.ledger if board.listed(row.item)]
    updates = [ItemUpdate(item, note) for item in items for note in item.updates]
    return Changes(
        window=span,
        found=newest((i for i in items if span.holds(i.found)), lambda i: i.found),
        completed=newest((i for i in items if span.holds(i.completed)), lambda i: i.completed),
        overdue=newest(became_overdue(items, span), first_overdue_day),
        updates=newest((u for u in updates if span.holds(u.update.date)), lambda u: u.update.date),
        rounds=newest(
            (r for r in board.rounds if span.holds(r.round.date)), lambda r: r.round.date
        ),
        cases=tuple(case for case in board.exemplars() if span.holds(case.date)),
        notices=newest((n for n in board.notices() if span.holds(n.date)), lambda n: n.date),
        activities=tuple(a for a in board.listed_activities() if span.holds(a.date)),
    )


def became_overdue(items: Iterable[RectificationItem], span: Window):
    return (i for i in items if i.status in ACTIVE and span.holds(first_overdue_day(i)))


def for_units(changes: Changes, unit_ids: Iterable[str]) -> Dict[str, Changes]:
    """Each unit's own 本期动态: its items, its rank in the rounds of the window, its cases (its
    own and those it adopted); the campaign's notices are the home page's. The items are parted
    by unit in one pass: 500 units each looking through a window's thousands took seconds."""
    found, completed, overdue = (
        _by_unit(items, lambda item: item.unit)
        for items in (changes.found, changes.completed, changes.overdue)
    )
    updates = _by_unit(changes.updates, lambda entry: entry.item.unit)
    return {
        unit_id: Changes(
            window=changes.window,
            found=found.get(unit_id, ()),
            completed=completed.get(unit_id, ()),
            overdue=overdue.get(unit_id, ()),
            updates=updates.get(unit_id, ()),
            rounds=tuple(
                RoundView(view.round, tuple(row for row in view.rows if row.unit.id == unit_id))
                for view in changes.rounds
                if view.row(unit_id) is not None and view.row(unit_id).rank is not None
            ),
            cases=tuple(c for c in changes.cases if unit_id in (c.unit, *c.adopted_by)),
            notices=(),
        )
        for unit_id in unit_ids
    }


def _by_unit(entries: Iterable[T], unit_of: Callable[[T], str]) -> Dict[str, Tuple[T, ...]]:
    """The entries of each unit, in their order."""
    parted: Dict[str, List[T]] = {}
    for entry in entries:
        parted.setdefault(unit_of(entry), []).append(entry)
    return {unit_id: tuple(found) for unit_id, found in parted.items()}
