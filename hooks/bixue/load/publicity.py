"""A notice's 公示期 (`publicity: {start, end, contact}`): dates checked, contact as written."""

from __future__ import annotations

from typing import Optional

from .. import model
from .fields import a_date, mapping, skipped, text
from .reading import Source
from .yamlfile import Node

FIELD = "publicity"


def read_publicity(source: Source, node: Optional[Node]) -> Optional[model.Publicity]:
    """The 公示期, or None when the notice has none (or after reporting why it cannot be read)."""
    if skipped(node):
        return None
    entries = mapping(source, node, FIELD, ("start", "end"), ("contact",))
    if entries is None:
        return None
    start = a_date(source, entries.get("start"), f"{FIELD}.start")
    end = a_date(source, entries.get("end"), f"{FIELD}.end")
    if start is None or end is None:
        return None
    if end < start:
        hint = "公示期的结束日期不能早于开始日期：是不是把 start 和 end 写反了？"
        message = f"end {end.isoformat()} 早于 start {start.isoformat()}"
        source.error(entries["end"].line, f"{FIELD}.end", message, hint)
        return None
    contact = text(source, entries.get("contact"), f"{FIELD}.contact") or ""
    return model.Publicity(start=start, end=end, office=contact.strip())
