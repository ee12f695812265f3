"""Units named by id, name or unambiguous short name, the same in YAML and workbook cells."""

from __future__ import annotations

from typing import Dict, Optional, Sequence, Tuple

from .. import model


def unit_ways(units: Sequence[model.Unit]) -> Dict[str, Tuple[str, ...]]:
    """Every way a unit may be named -> the unit ids it names (more than one: ambiguous). An id
    names its unit alone, whatever another unit's name or short name is."""
    ways: Dict[str, Tuple[str, ...]] = {unit.id: (unit.id,) for unit in units}
    ids = set(ways)
    for kind in ("name", "short"):
        for unit in units:
            word = getattr(unit, kind)
            if word and word not in ids:
                ways[word] = tuple(dict.fromkeys((*ways.get(word, ()), unit.id)))
    return ways


def candidates(reading, written: str) -> Tuple[str, ...]:
    """The ids `written` may name: one, several (an ambiguous short name) or none."""
    return reading.unit_ways.get(written.strip(), ())


def unit_id_of(reading, written: str) -> Optional[str]:
    """The id of the one unit `written` names; None when it names none or several."""
    found = candidates(reading, written)
    return found[0] if len(found) == 1 else None


def ambiguous(reading, written: str) -> Tuple[str, str]:
    """(message, hint) for a short name several units share."""
    labels = reading.unit_labels
    shown = "、".join(f"{labels[i]}（{i}）" for i in candidates(reading, written))
    return f"'{written.strip()}' 是几个单位共用的简称：{shown}", "写单位全称或 id"
