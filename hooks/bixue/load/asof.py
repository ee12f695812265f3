"""Completion dates later than the as-of day (ledger `completed`, milestone `done`): a typo, or a
board whose as-of date is wrong; either way not to be counted as done."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import List

from .. import model
from ..errors import DataError
from .reading import Source

HINT = "是笔误，还是 campaign.yml 的 as_of（或 BOARD_AS_OF）该更新了？"


def note_completion(source: Source, line: int, name: str, day: date) -> None:
    """Remember where a completion date was written, worded as `source` words its errors, to
    check once the as-of day is known (after loading)."""
    source.error(line, name, "")
    source.reading.completions.append((day, source.reading.errors.pop()))


def completed_after(campaign: model.Campaign, as_of: date) -> List[DataError]:
    """An error for each completion date after `as_of`."""
    noted = [*campaign.completions, *ledger_completions(campaign)]
    return [
        dataclasses.replace(error, message=f"完成日期 {day} 晚于数据截止日期 {as_of}", hint=HINT)
        for day, error in noted
        if day > as_of
    ]


def ledger_completions(campaign: model.Campaign) -> list:
    """(completed, where) of every ledger item with a completion date, from its origin (an item
    may be taken from the last load unread, so it is checked here, not while read)."""
    found = []
    for item in campaign.ledger:
        if item.completed is None:
            continue
        origin = item.origin
        cell = origin.cell_of("completed") if origin.cells else ""
        where = DataError(
            origin.path, origin.line_of("completed"), origin.label_of("completed"), "", cell=cell
        )
        found.append((item.completed, where))
    return found
