"""The figures of tasks (工作任务) as of one day: counted targets, completion, states, totals."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Optional, Sequence, Tuple

from ..model import Number, Target

FINISHED, NOT_STARTED, UNDER_WAY = "已完成", "未开始", "推进中"
"""A task's state, as every page shows it (a project's are 已完成, 未开工, 在建)."""


def as_fraction(value: Number) -> Fraction:
    return Fraction(Decimal(str(value)))


@dataclass(frozen=True)
class TargetRow:
    target: Target
    count: Number
    """The latest `done` value on or before as of; 0 when none (never 未报送)."""
    counted_on: Optional[datetime.date]
    """The date of that value; None when nothing is counted yet."""
    completion: Fraction
    """min(count / target, 1)."""

    @property
    def met(self) -> bool:
        return self.completion >= 1


def target_row(target: Target, as_of: datetime.date) -> TargetRow:
    reported = [(day, value) for day, value in target.done if day <= as_of]
    day, count = max(reported) if reported else (None, 0)
    completion = min(as_fraction(count) / as_fraction(target.target), Fraction(1))
    return TargetRow(target, count, day, completion)


def task_completion(targets: Sequence[TargetRow], milestones_done: Sequence[bool]):
    """The mean of the targets' completions; milestones done / all without targets; None when
    the task has neither."""
    if targets:
        return sum((row.completion for row in targets), Fraction(0)) / len(targets)
    if milestones_done:
        return Fraction(sum(milestones_done), len(milestones_done))
    return None


def task_state(targets: Sequence[TargetRow], milestones_done: Sequence[bool]) -> str:
    """已完成 when every target is met and every milestone done; 未开始 when nothing is counted
    or done; else 推进中. A task with neither targets nor milestones has nothing done: 未开始."""
    if not targets and not milestones_done:
        return NOT_STARTED
    if all(row.met for row in targets) and all(milestones_done):
        return FINISHED
    if not any(row.count for row in targets) and not any(milestones_done):
        return NOT_STARTED
    return UNDER_WAY


@dataclass(frozen=True)
class TaskTotals:
    """Totals over a set of tasks."""

    tasks: int
    finished: int
    not_started: int
    under_way: int
    behind: int
    completion: Optional[Fraction]
    """The mean completion of the tasks that have one (targets or milestones)."""
    measured: int
    """How many tasks that mean is over."""
    overdue_milestones: int


def task_totals(rows: Sequence) -> Optional[TaskTotals]:
    """Totals over the task rows (ProjectRow of kind task); None when there are none."""
    if not rows:
        return None
    measured = [row.completion for row in rows if row.completion is not None]
    states = [row.state for row in rows]
    return TaskTotals(
        tasks=len(rows),
        finished=states.count(FINISHED),
        not_started=states.count(NOT_STARTED),
        under_way=states.count(UNDER_WAY),
        behind=sum(row.behind for row in rows),
        completion=sum(measured, Fraction(0)) / len(measured) if measured else None,
        measured=len(measured),
        overdue_milestones=sum(row.overdue for row in rows),
    )


def target_rows(targets: Sequence[Target], as_of: datetime.date) -> Tuple[TargetRow, ...]:
    return tuple(target_row(target, as_of) for target in targets)
