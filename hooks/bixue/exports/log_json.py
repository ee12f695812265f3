"""The activity log and the honours in data.json: counts by unit, and every listed record
(people are masked by the public profile before they get here)."""

from __future__ import annotations

from ..figures.board import Board


def log_data(board: Board) -> dict:
    """`activities` and `achievements`, present only when the campaign has such records."""
    found = {}
    if board.campaign.activities:
        log = board.activity_log
        found["activities"] = {
            "by_unit": {
                unit: {"hosted": counts.hosted, "attended": counts.attended}
                for unit, counts in log.by_unit.items()
            },
            "by_kind": dict(log.by_kind),
            "by_month": dict(log.by_month),
            "records": [activity_data(record) for record in board.listed_activities()],
        }
    if board.campaign.achievements:
        view = board.honours
        found["achievements"] = {
            "by_unit_level": {unit: dict(row) for unit, row in view.by_unit_level.items()},
            "records": [achievement_data(record) for record in board.listed_honours()],
        }
    return found


def activity_data(record) -> dict:
    return {
        "id": record.id,
        "date": record.date.isoformat(),
        "kind": record.kind,
        "title": record.title,
        "host": record.host,
        "guests": list(record.guests),
        "people": record.people,
        "url": f"activities/#activity-{record.id}",
    }


def achievement_data(record) -> dict:
    return {
        "date": record.date.isoformat(),
        "unit": record.unit,
        "title": record.title,
        "kind": record.kind,
        "level": record.level,
        "grade": record.grade,
        "people": list(record.people),
    }
