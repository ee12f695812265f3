"""The rectification ledger as it stood on a day: what a board or 通报 for a past day counts."""

from __future__ import annotations

import dataclasses
import datetime
from typing import Iterable, Optional, Tuple

from ..model import RectificationItem

FINISHED = ("done", "verified")


def ledger_as_of(
    items: Iterable[RectificationItem], day: datetime.date
) -> Tuple[RectificationItem, ...]:
    """Each item as it stood on `day`, ledger order kept; items found after it left out. An item
    the day does not change is the same record (a board for the data's own day is unchanged)."""
    kept = (item_as_of(item, day) for item in items)
    return tuple(item for item in kept if item is not None)


def item_as_of(item: RectificationItem, day: datetime.date) -> Optional[RectificationItem]:
    """None for an item found after `day` (an item without a found date cannot be dated: kept).
    Completed after `day`: not yet done then, so 整改中 (overdue follows from its deadline), with
    no completion date and no 整改后 photo. Progress notes dated after `day` are not yet written."""
    if item.found is not None and item.found > day:
        return None
    changes = {}
    if item.status in FINISHED and item.completed is not None and item.completed > day:
        changes.update(status="doing", completed=None, photo_after="")
    if any(update.date > day for update in item.updates):
        changes["updates"] = tuple(update for update in item.updates if update.date <= day)
    return dataclasses.replace(item, **changes) if changes else item
