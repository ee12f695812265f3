"""Small campaigns built from model records, shared by the tests of figures and charts."""

from __future__ import annotations

from datetime import date
from typing import Optional

from bixue.model import Phase, Plan, RectificationItem

D = date.fromisoformat
AS_OF = D("2014-06-30")


def plan(phases: tuple[Phase, ...], **fields) -> Plan:
    """A campaign running through 2014 from March; `fields` are the plan's optional parts."""
    return Plan("测试活动", "测试单位", D("2014-03-01"), D("2014-12-31"), phases, **fields)


def item(
    status: str = "doing",
    deadline: Optional[str] = "2014-10-20",
    completed: Optional[str] = None,
    *,
    item_id: str = "ZG-1",
    unit: str = "a",
    found: Optional[str] = None,
    **fields,
) -> RectificationItem:
    """A ledger item of unit a; dates written as text."""
    return RectificationItem(
        id=item_id,
        unit=unit,
        problem="问题",
        status=status,
        deadline=D(deadline) if deadline else None,
        completed=D(completed) if completed else None,
        found=D(found) if found else None,
        **fields,
    )
