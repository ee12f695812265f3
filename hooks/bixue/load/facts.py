"""Facts that cannot all be true at once: a problem mended before it was found, a deadline set
before it, progress reported on it before it, an evaluation round outside the campaign."""

from __future__ import annotations

from datetime import date
from types import MappingProxyType
from typing import Dict, Optional

from .. import model
from ..errors import DataError
from .reading import Source
from .yamlfile import Node

BEFORE_FOUND = MappingProxyType(
    {
        "completed": ("完成日期", "一件事不能在发现之前就整改完成"),
        "deadline": ("整改时限", "整改时限要定在发现之后"),
    }
)


def check_item_dates(
    source: Source, entries: Dict[str, Node], found: Optional[date], dates: Dict[str, date]
) -> None:
    """Completion, deadline and every progress update of a ledger item are on or after `found`."""
    if found is None:
        return
    for key, (what, hint) in BEFORE_FOUND.items():
        day = dates.get(key)
        if day is not None and day < found:
            message = f"{what} {day} 早于发现日期 {found}"
            source.error(entries[key].line, key, message, f"{hint}；检查两个日期")
    for update in update_nodes(entries):
        day = update.value["date"].value
        if isinstance(day, date) and day < found:
            message = f"进展记录的日期 {day} 早于发现日期 {found}"
            source.error(update.value["date"].line, "updates.date", message, "检查两个日期")


def update_nodes(entries: Dict[str, Node]):
    """The progress updates written as mappings with a date, as read (already checked)."""
    updates = entries.get("updates")
    items = updates.value if updates is not None and isinstance(updates.value, list) else []
    return [item for item in items if isinstance(item.value, dict) and "date" in item.value]


def rounds_outside_period(
    plan: Optional[model.Plan], evaluations: Optional[model.Evaluations]
) -> list:
    """Evaluation rounds dated before the campaign starts or after it ends."""
    if plan is None or evaluations is None or plan.start is None or plan.end is None:
        return []
    errors = []
    for round_ in evaluations.rounds:
        if round_.date is not None and not plan.start <= round_.date <= plan.end:
            message = (
                f"轮次 '{round_.id}' 的评比日期 {round_.date} 不在活动期间"
                f"（{plan.start} 至 {plan.end}）之内"
            )
            line = round_.origin.line_of("date")
            cell = round_.origin.cell_of("date")  # a round of data/campaign.xlsx: its cell
            plan_at = "“活动”表的开始日期、结束日期" if cell else " campaign.yml 的 period"
            hint = f"检查日期，或{plan_at}"
            label = round_.origin.label_of("rounds.date")
            errors.append(DataError(round_.origin.path, line, label, message, hint, cell=cell))
    return errors
