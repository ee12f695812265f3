"""Tasks (工作任务) for machines: their totals and targets in data.json, their counts in feeds."""

from __future__ import annotations

import datetime
import html
from typing import Dict, List, Optional, Tuple

from .. import figures
from ..figures.board import Board
from ..figures.projects import ProjectRow


def ratio(value) -> Optional[float]:
    return None if value is None else round(float(value), 6)


def task_totals_data(board: Board) -> dict:
    """Totals over every task (internal ones counted), beside those over projects; {} without."""
    totals = board.projects.task_totals if board.projects else None
    if totals is None:
        return {}
    return {
        "tasks": {
            "total": totals.tasks,
            "finished": totals.finished,
            "under_way": totals.under_way,
            "not_started": totals.not_started,
            "behind": totals.behind,
            "completion": ratio(totals.completion),
            "completion_pct": figures.format_percent(totals.completion),
            "overdue_milestones": totals.overdue_milestones,
        }
    }


def targets_data(row: ProjectRow) -> dict:
    """A project's kind and its counted targets as of the day (a task's completion is the mean)."""
    return {
        "kind": row.project.kind,
        "targets": [
            {
                "name": trow.target.name,
                "target": trow.target.target,
                "unit": trow.target.unit,
                "count": trow.count,
                "counted_on": trow.counted_on.isoformat() if trow.counted_on else None,
                "completion": ratio(trow.completion),
                "completion_pct": figures.format_percent(trow.completion),
            }
            for trow in row.targets
        ],
    }


def count_text(name: str, count, target, unit: str) -> str:
    """走访调研侨资企业 4 / 5 家."""
    shown = f"{name} {figures.format_number(count)} / {figures.format_number(target)}"
    return f"{shown} {unit}" if unit else shown


def counts_by_day(row: ProjectRow, as_of: datetime.date) -> Dict[datetime.date, List[str]]:
    """For each day a target was counted (on or before as of), the targets as they stood then."""
    days = sorted({day for t in row.project.targets for day, _ in t.done if day <= as_of})
    found: Dict[datetime.date, List[str]] = {}
    for day in days:
        for target in row.project.targets:
            counted = [value for when, value in target.done if when <= day]
            count = counted[-1] if counted else 0
            found.setdefault(day, []).append(
                count_text(target.name, count, target.target, target.unit)
            )
    return found


def count_entries(board: Board) -> List[Tuple[str, str, datetime.date, str, str]]:
    """(path, title, day, summary, html) of each day a listed task's targets were counted."""
    entries = []
    for row in board.listed_projects():
        if not row.project.targets:
            continue
        for day, lines in counts_by_day(row, board.as_of).items():
            items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
            path = f"projects/{row.project.id}/#targets"
            title = f"{row.project.name}：目标任务进度"
            entries.append((path, title, day, "；".join(lines), f"<ul>{items}</ul>"))
    return entries
