"""data.json: the computed board for other systems (figures, ranking, ledger summary)."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Iterable, Optional

from .. import figures
from ..contents import GeneratedFile, Output
from ..figures.board import Board, IndicatorView, LedgerStats, RoundView
from ..figures.changes import compute_changes, first_overdue_day
from ..pages.exemplars import case_url
from ..pages.notices import notice_url
from .data_sources import with_sources
from .feeds import link
from .log_json import log_data
from .tasks_data import targets_data, task_totals_data

PATH = "data.json"
SCHEMA = "bixue-board/1"
"""Raised when a key changes meaning, so other systems can tell."""
VERSION = 1
"""The same number as a plain integer (`version`): readers refuse a version they do not know."""
SCHEMA_FILE = Path(__file__).with_name("data_json.schema.json")
"""The JSON Schema every data.json of this version meets (FORMAT.md: data.json)."""


def ratio(value: Optional[Fraction]) -> Optional[float]:
    """A ratio for machines (0.7712 for 77.12%); the `_pct` key beside it is the shown text."""
    return None if value is None else round(float(value), 6)


def board_data(board: Board) -> dict:
    """Every published figure of the board; no person and no internal record's text."""
    plan = board.campaign.plan
    return with_sources(
        board,
        {
            "schema": SCHEMA,
            "version": VERSION,
            "title": plan.title,
            "short_title": plan.display_title,
            "organization": plan.organization,
            "period": {"start": plan.start.isoformat(), "end": plan.end.isoformat()},
            "as_of": board.as_of.isoformat(),
            "profile": "public" if board.public else "internal",
            "time_progress": ratio(board.time_progress),
            "time_progress_pct": figures.format_percent(board.time_progress),
            "phase": board.phase.label,
            "units": [unit_data(board, unit) for unit in board.campaign.units],
            "indicators": [indicator_data(view, periods(board)) for view in board.indicators],
            "rounds": [round_data(view) for view in board.rounds],
            "ledger": ledger_data(board),
            "exemplars": [case_data(board, case) for case in board.exemplars()],
            "notices": [notice_data(board, notice) for notice in board.notices()],
            "changes": changes_data(board),
            **log_data(board),
            **projects_data(board),
        },
    )


def changes_data(board: Board) -> dict:
    """本期动态: what happened in the window, by id and date (no item text, as for the ledger)."""
    changes = compute_changes(board)

    def items(rows, day):
        return [{"id": i.id, "unit": i.unit, "date": day(i).isoformat()} for i in rows]

    return {
        "first": changes.window.first.isoformat(),
        "last": changes.window.last.isoformat(),
        "found": items(changes.found, lambda item: item.found),
        "completed": items(changes.completed, lambda item: item.completed),
        "became_overdue": items(changes.overdue, first_overdue_day),
        "updates": [
            {"id": u.item.id, "unit": u.item.unit, "date": u.update.date.isoformat()}
            for u in changes.updates
        ],
        "rounds": [round_data(view) for view in changes.rounds],
        "exemplars": [case.slug for case in changes.cases],
        "notices": [notice.slug for notice in changes.notices],
        "activities": [record.id for record in changes.activities],
    }


def projects_data(board: Board) -> dict:
    """Key projects, when projects.yml exists: totals over all (internal ones counted), the
    listed projects; no person (联系领导 and 责任人 stay on the pages)."""
    if board.projects is None:
        return {}
    totals = board.projects.totals
    return {
        "projects": {
            "total": totals.projects,
            "not_listed": board.unlisted_projects(),
            "plan": totals.plan,
            "completed": totals.completed,
            "completion": ratio(totals.completion),
            "completion_pct": figures.format_percent(totals.completion),
            "behind": totals.behind,
            "overdue_milestones": totals.overdue_milestones,
            "items": [project_data(board, row) for row in board.listed_projects()],
        },
        **task_totals_data(board),
    }


def project_data(board: Board, row) -> dict:
    project = row.project
    following = row.next_milestone
    return {
        "id": project.id,
        "name": project.name,
        "group": project.group,
        "unit": project.unit,
        "investment": project.investment,
        "plan": project.plan,
        "completed": row.completed,
        "completion": ratio(row.completion),
        "completion_pct": figures.format_percent(row.completion),
        "behind": row.behind,
        "state": row.state,
        "overdue_milestones": row.overdue,
        "next_milestone": following.milestone.name if following else None,
        "milestones": [
            {
                "name": m.milestone.name,
                "planned": m.milestone.planned.isoformat(),
                "done": m.milestone.done.isoformat() if m.state in ("done", "done-late") else None,
                "state": m.state,
            }
            for m in row.milestones
        ],
        "url": link(board.site_url, f"projects/{project.id}/"),
        **targets_data(row),
    }


def unit_data(board: Board, unit) -> dict:
    url = link(board.site_url, f"units/{unit.id}/")
    return {"id": unit.id, "name": unit.name, "short": unit.label, "group": unit.group, "url": url}


def periods(board: Board) -> tuple:
    return board.campaign.indicators.periods if board.campaign.indicators else ()


def indicator_data(view: IndicatorView, periods: tuple = ()) -> dict:
    indicator = view.indicator
    return {
        "id": indicator.id,
        "name": indicator.name,
        "measure": indicator.unit,
        "direction": indicator.direction,
        "cumulative": indicator.cumulative,
        "scope": indicator.scope,
        "per_period": indicator.per_period,
        "completion": ratio(view.completion),
        "completion_pct": figures.format_percent(view.completion),
        "applies_to": list(indicator.applies_to) if indicator.applies_to is not None else None,
        "growth": indicator.growth,
        "units": [
            {
                "unit": row.unit.id,
                "values": values_until(indicator, row, periods),
                "latest_period": row.latest_period,
                "latest": row.latest,
                "target": row.target,
                "baseline": indicator.baselines.get(row.unit.id),
                "completion": ratio(row.completion),
                "completion_pct": figures.format_percent(row.completion),
                "behind": row.behind,
                "missed": row.missed_word or None,
            }
            for row in view.rows
        ],
    }


def values_until(indicator, row, periods: tuple) -> dict:
    """The unit's values as written, period by period, up to the latest one the board counts:
    what a later publication is compared with to find corrections."""
    written = indicator.values.get(row.unit.id, {})
    if row.latest_period not in periods:
        return {}
    counted = periods[: periods.index(row.latest_period) + 1]
    return {period: written[period] for period in counted if period in written}


def round_data(view: RoundView) -> dict:
    return {
        "id": view.round.id,
        "name": view.round.name,
        "date": view.round.date.isoformat(),
        "ranking": [
            {
                "unit": row.unit.id,
                "rank": row.rank,
                "total": row.total,
                "scores": dict(row.scores),
                "change": row.change,
                "level": row.level,
            }
            for row in view.rows
        ],
    }


def stats_data(stats: LedgerStats) -> dict:
    return {
        "total": stats.total,
        "by_status": dict(stats.by_status),
        "finished": stats.finished,
        "completion_rate": ratio(stats.completion_rate),
        "completion_rate_pct": figures.format_percent(stats.completion_rate),
        "closure_rate": ratio(stats.closure_rate),
        "closure_rate_pct": figures.format_percent(stats.closure_rate),
        "overdue": stats.overdue,
        "due_soon": stats.due_soon,
    }


def ledger_data(board: Board) -> dict:
    """Counts over every item, internal ones included (the contract says so); no item text."""
    summary = stats_data(board.ledger_stats)
    summary["not_listed"] = board.unlisted_count()
    summary["by_unit"] = {unit_id: stats_data(s) for unit_id, s in board.ledger_by_unit.items()}
    summary["items"] = [item_data(row) for row in board.listed_ledger("")]
    return summary


def item_data(row) -> dict:
    """A listed item's state, no text: what a later publication is compared with (往期公示)."""
    item = row.item

    def day(value):
        return value.isoformat() if value else None

    return {
        "id": item.id,
        "unit": item.unit,
        "status": item.status,
        "found": day(item.found),
        "deadline": day(item.deadline),
        "completed": day(item.completed),
        "overdue": row.overdue,
    }


def case_data(board: Board, case) -> dict:
    return {
        "slug": case.slug,
        "title": case.title,
        "unit": case.unit,
        "date": case.date.isoformat(),
        "category": case.category,
        "tags": list(case.tags),
        "adopted_by": list(case.adopted_by),
        "url": link(board.site_url, case_url(case)),
    }


def notice_data(board: Board, notice) -> dict:
    return {
        "slug": notice.slug,
        "title": notice.title,
        "date": notice.date.isoformat(),
        "pinned": notice.pinned,
        "url": link(board.site_url, notice_url(notice)),
    }


def files(board: Board) -> Iterable[GeneratedFile]:
    text = json.dumps(board_data(board), ensure_ascii=False, indent=2)
    yield GeneratedFile(PATH, content=text + "\n")


def make(board: Board) -> Output:
    """This module's pages, files and blocks."""
    return Output((), tuple(files(board)))
