"""The figures of key projects (重点项目) as of one day: investment, milestones, states, totals."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Optional, Sequence, Tuple

from ..model import Milestone, Number, Project, ProjectGroup, Projects
from . import tasks
from .tasks import TargetRow, TaskTotals

DONE, DONE_LATE, OVERDUE, DUE_SOON, PENDING = "done", "done-late", "overdue", "due-soon", "pending"
MILESTONE_STATES = MappingProxyType(
    {
        DONE: "已完成",
        DONE_LATE: "逾期完成",
        OVERDUE: "逾期",
        DUE_SOON: "临期",
        PENDING: "未到期",
    }
)
FINISHED, NOT_STARTED, UNDER_WAY = "已完成", "未开工", "在建"
"""A project's state, as every page shows it."""


def completed_investment(
    invested: Sequence[Tuple[datetime.date, Number]], as_of: datetime.date
) -> Optional[Number]:
    """The value at the latest date on or before as of; None when nothing is reported (未报送)."""
    reported = [(day, value) for day, value in invested if day <= as_of]
    return max(reported)[1] if reported else None


def investment_completion(completed: Optional[Number], plan: Optional[Number]):
    """completed / plan as a Fraction; None when either is unknown."""
    if completed is None or not plan:
        return None
    return Fraction(Decimal(str(completed))) / Fraction(Decimal(str(plan)))


def is_behind_schedule(completion, progress) -> bool:
    """落后序时进度: a known completion below time progress."""
    return completion is not None and completion < progress


def milestone_state(milestone: Milestone, as_of: datetime.date, warn_days: int) -> str:
    """done (on or before planned), done late, overdue, due soon or pending, as of the day."""
    if milestone.done is not None and milestone.done <= as_of:
        return DONE_LATE if milestone.done > milestone.planned else DONE
    if milestone.planned < as_of:
        return OVERDUE
    if milestone.planned <= as_of + datetime.timedelta(days=warn_days):
        return DUE_SOON
    return PENDING


def is_done(state: str) -> bool:
    return state in (DONE, DONE_LATE)


def project_state(states: Sequence[str], completed: Optional[Number]) -> str:
    """已完成 when the last milestone is done; 未开工 when none is and nothing is invested; 在建."""
    if states and is_done(states[-1]):
        return FINISHED
    if not any(is_done(state) for state in states) and not completed:
        return NOT_STARTED
    return UNDER_WAY


@dataclass(frozen=True)
class MilestoneRow:
    milestone: Milestone
    state: str
    """One of MILESTONE_STATES."""
    days_left: int
    """Days from the as-of day to the planned date (negative: past it)."""

    @property
    def label(self) -> str:
        return MILESTONE_STATES[self.state]


@dataclass(frozen=True)
class ProjectRow:
    """One project as of the day."""

    project: Project
    completed: Optional[Number]
    """Completed investment (万元); None: 未报送."""
    completed_on: Optional[datetime.date]
    """The date that value was reported for."""
    completion: Optional[Fraction]
    behind: bool
    milestones: Tuple[MilestoneRow, ...]
    state: str
    """The project's (未开工, 在建, 已完成) or the task's (未开始, 推进中, 已完成)."""
    targets: Tuple[TargetRow, ...] = ()
    """目标任务 as of the day, in the order written."""

    @property
    def is_task(self) -> bool:
        return self.project.is_task

    @property
    def overdue(self) -> int:
        return sum(row.state == OVERDUE for row in self.milestones)

    @property
    def due_soon(self) -> int:
        return sum(row.state == DUE_SOON for row in self.milestones)

    @property
    def next_milestone(self) -> Optional[MilestoneRow]:
        """The first milestone, in planned order, not done yet."""
        return next((row for row in self.milestones if not is_done(row.state)), None)


@dataclass(frozen=True)
class ProjectTotals:
    """Totals over a set of projects; plan, completed and completion over the projects that have
    both a plan and a completed value."""

    projects: int
    plan: Optional[Number]
    completed: Optional[Number]
    completion: Optional[Fraction]
    behind: int
    overdue_milestones: int
    finished: int
    not_started: int
    under_way: int


@dataclass(frozen=True)
class GroupView:
    group: Optional[ProjectGroup]
    """None: the projects without a group."""
    rows: Tuple[ProjectRow, ...]
    totals: ProjectTotals
    """Over the group's projects (工程)."""
    task_totals: Optional[TaskTotals] = None
    """Over the group's tasks; None without any."""


def project_row(project: Project, as_of: datetime.date, progress, warn_days: int) -> ProjectRow:
    reported = [(day, value) for day, value in project.invested if day <= as_of]
    completed = completed_investment(project.invested, as_of)
    completion = investment_completion(completed, project.plan)
    milestones = tuple(
        MilestoneRow(m, milestone_state(m, as_of, warn_days), (m.planned - as_of).days)
        for m in project.milestones
    )
    state = project_state([row.state for row in milestones], completed)
    targets = tasks.target_rows(project.targets, as_of)
    if project.is_task:
        done = [is_done(row.state) for row in milestones]
        completion = tasks.task_completion(targets, done)
        state = tasks.task_state(targets, done)
    return ProjectRow(
        project=project,
        completed=completed,
        completed_on=max(reported)[0] if reported else None,
        completion=completion,
        behind=is_behind_schedule(completion, progress),
        milestones=milestones,
        state=state,
        targets=targets,
    )


def totals(rows: Sequence[ProjectRow]) -> ProjectTotals:
    """Over the rows of kind project: tasks have their own totals (tasks.task_totals)."""
    rows = [row for row in rows if not row.is_task]
    measured = [row for row in rows if row.project.plan and row.completed is not None]
    plan = _sum(row.project.plan for row in measured) if measured else None
    completed = _sum(row.completed for row in measured) if measured else None
    states = [row.state for row in rows]
    return ProjectTotals(
        projects=len(rows),
        plan=plan,
        completed=completed,
        completion=investment_completion(completed, plan),
        behind=sum(row.behind for row in rows),
        overdue_milestones=sum(row.overdue for row in rows),
        finished=states.count(FINISHED),
        not_started=states.count(NOT_STARTED),
        under_way=states.count(UNDER_WAY),
    )


@dataclass(frozen=True)
class ProjectsView:
    rows: Tuple[ProjectRow, ...]
    """Every project, internal ones included, in projects.yml order."""
    groups: Tuple[GroupView, ...]
    """In the order of `groups`, then the projects without a group; empty groups left out."""
    totals: ProjectTotals
    """Over the projects (工程); tasks have `task_totals`."""
    task_totals: Optional[TaskTotals] = None
    """Over every task; None without any."""

    @property
    def has_projects(self) -> bool:
        return self.totals.projects > 0

    def row(self, project_id: str) -> Optional[ProjectRow]:
        return next((row for row in self.rows if row.project.id == project_id), None)


def projects_view(
    projects: Projects, as_of: datetime.date, progress, warn_days: int
) -> ProjectsView:
    rows = tuple(project_row(p, as_of, progress, warn_days) for p in projects.projects)
    groups = [*projects.groups, None]
    views = []
    for group in groups:
        members = tuple(row for row in rows if row.project.group == (group.id if group else ""))
        if members:
            views.append(GroupView(group, members, totals(members), task_totals(members)))
    return ProjectsView(rows, tuple(views), totals(rows), task_totals(rows))


def task_totals(rows: Sequence[ProjectRow]) -> Optional[TaskTotals]:
    return tasks.task_totals([row for row in rows if row.is_task])


def _sum(values) -> Number:
    total = sum((Decimal(str(value)) for value in values), Decimal(0))
    return int(total) if total == total.to_integral_value() else float(total)
