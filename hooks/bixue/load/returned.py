"""What a unit's return changed: texts compared as the template wrote them, and the lines
`check` prints (`台账-办公室.xlsx: ZG-2012-003 整改中 → 已完成`)."""

from __future__ import annotations

import re
from typing import List, Optional

from .. import model

BULLET = re.compile(r"^[ \t]*[•*-][ \t]*", re.M)


def same_text(written: str, kept: str) -> bool:
    """The same words: the template writes Markdown bullets as • and may change spacing."""
    return squeezed(written) == squeezed(kept)


def squeezed(text_: str) -> str:
    return re.sub(r"\s+", "", BULLET.sub("-", text_ or ""))


def same_update(update: model.Update, kept: model.Update) -> bool:
    return update.date == kept.date and same_text(update.note, kept.note)


def change_of(
    item: model.RectificationItem, merged: model.RectificationItem
) -> Optional[model.ReturnedItem]:
    change = model.ReturnedItem(
        item.id,
        (item.status, merged.status),
        (item.completed, merged.completed),
        merged.measures is not item.measures,
        len(merged.updates) - len(item.updates),
    )
    unchanged = change.status[0] == change.status[1] and change.completed[0] == change.completed[1]
    return None if unchanged and not change.measures and not change.updates else change


def change_lines(returned: model.Return) -> List[str]:
    """`台账-办公室.xlsx: ZG-2012-003 整改中 → 已完成，完成日期 2012-10-15` per item changed."""
    if not returned.changed:
        return [f"{returned.file}: 没有改动（{returned.rows} 项）"]
    return [f"{returned.file}: {change_text(change)}" for change in returned.changed]


def change_text(change: model.ReturnedItem) -> str:
    before, after = (model.STATUS_NAMES[code] for code in change.status)
    parts = [f"{before} → {after}" if before != after else ""]
    if change.completed[0] != change.completed[1]:
        day = change.completed[1]
        parts.append(f"完成日期 {day.isoformat()}" if day else "完成日期已删去")
    parts.append("整改措施已更新" if change.measures else "")
    parts.append(f"整改进展 +{change.updates} 条" if change.updates else "")
    return f"{change.id} " + "，".join(part for part in parts if part)
