"""Indicators of the whole campaign (`scope: whole`): one target, one series of values by period
(全办 2 所园评上省三级), kept under model.WHOLE_ID as if it were one unit's."""

from __future__ import annotations

from typing import Callable, Dict, Optional, Sequence

from .. import model
from .fields import boolean, choice, number, text
from .made import written_id
from .reading import Source, note_unique, origin
from .yamlfile import Node

UNIT_KEYS = ("applies_to", "baseline", "growth")
"""Keys about units, which an indicator of the whole cannot have."""


def is_whole(source: Source, node: Optional[Node]) -> bool:
    return choice(source, node, "scope", ("units", model.WHOLE)) == model.WHOLE


def read_whole(
    source: Source,
    node: Node,
    entries: Dict[str, Node],
    periods: Sequence[str],
    seen: Dict[str, str],
    read_values: Callable,
) -> Optional[model.Indicator]:
    get = entries.get
    indicator_id = written_id(source, entries, "indicators.id")
    note_unique(source, seen, indicator_id, get("id"), "indicators.id")
    for key in UNIT_KEYS:
        if key in entries:
            source.error(entries[key].line, key, "scope: whole 的指标只有一个目标，不能写 " + key)
    direction = choice(source, get("direction"), "direction", ("up", "down")) or "up"
    cumulative = boolean(source, get("cumulative"), "cumulative")
    target = whole_target(source, get("target"), direction)
    values = read_values(source, get("values"), "values", periods) if get("values") else {}
    return model.Indicator(
        id=indicator_id,
        name=text(source, get("name"), "name") or "",
        unit=text(source, get("unit"), "unit") or "",
        direction=direction,
        cumulative=True if cumulative is None else cumulative,
        targets={} if target is None else {model.WHOLE_ID: target},
        values={model.WHOLE_ID: values} if values else {},
        origin=origin(source, node),
        scope=model.WHOLE,
    )


def whole_target(source: Source, node: Optional[Node], direction: str):
    """One number: the whole campaign's target (a map of units is an error)."""
    if node is not None and isinstance(node.value, dict):
        source.error(node.line, "target", "scope: whole 的指标只写一个目标数，不按单位写")
        return None
    target = number(source, node, "target")
    if target is not None and (target < 0 or (direction == "up" and target <= 0)):
        source.error(node.line, "target", f"必须大于 0，实际为 {node.text}")
        return None
    return target
