"""Where each value a figure is made of was written (`file:line`, `workbook:sheet!cell`), kept
on its record as `sources` for the internal build's 来源."""

from __future__ import annotations

from typing import Dict, Iterable, Optional, Sequence

from ..model import source_key
from .fields import is_map
from .reading import Source
from .yamlfile import Node


def leaves(source: Source, node: Optional[Node], kind: str) -> Dict[str, str]:
    """A mapping unit -> {key: value} (values, scores): each leaf's place, by source_key."""
    found: Dict[str, str] = {}
    if node is None or not is_map(node):
        return found
    for unit, child in node.value.items():
        if child is not None and is_map(child):
            for key, leaf in child.value.items():
                found[source_key(kind, str(unit), str(key))] = source.where(leaf.line)
    return found


def per_unit(
    source: Source, node: Optional[Node], kind: str, units: Iterable[str]
) -> Dict[str, str]:
    """A value per unit (target: {unit: n}), or one value for every unit (target: n)."""
    if node is None:
        return {}
    if is_map(node):
        return {
            source_key(kind, str(unit)): source.where(child.line)
            for unit, child in node.value.items()
        }
    return {source_key(kind, unit): source.where(node.line) for unit in units}


def indicator_sources(source: Source, entries: Dict[str, Node], units: Sequence[str]) -> dict:
    """An indicator's values and targets (a growth target: its baseline and the growth)."""
    found = leaves(source, entries.get("values"), "value")
    if entries.get("growth") is not None:
        growth = source.where(entries["growth"].line)
        for key, where in per_unit(source, entries.get("baseline"), "target", units).items():
            found[key] = f"{where}；{growth}"
    else:
        found.update(per_unit(source, entries.get("target"), "target", units))
    return found
