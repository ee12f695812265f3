"""An indicator's reach and growth target: `applies_to` (some units only) and `baseline` + `growth`
(the target as a growth over a base figure, 年均增长10%)."""

from __future__ import annotations

from decimal import Decimal
from typing import Dict, Optional, Tuple

from .. import model
from .fields import did_you_mean, is_map, join, known_unit, mapping, number, text
from .lists import listed
from .reading import Source
from .unitref import unit_id_of
from .yamlfile import Node


def read_applies_to(source: Source, node: Optional[Node]) -> Optional[Tuple[str, ...]]:
    """The unit ids an indicator concerns, in units.yml order; None for every unit."""
    if node is None or node.value is None:
        return None
    if is_map(node):
        entries = mapping(source, node, "applies_to", ("group",)) or {}
        group = text(source, entries.get("group"), "applies_to.group")
        return group_units(source, group, entries.get("group")) if group else ()
    named = []
    for item in listed(source, node, "applies_to"):
        value = text(source, item, "applies_to")
        unit = value and known_unit(source, value, item.line, "applies_to")
        if unit:
            named.append(unit)
    order = source.reading.unit_ids or tuple(named)
    return tuple(unit for unit in order if unit in named)


def check_concerned(
    source: Source, node: Optional[Node], name: str, applies: Optional[Tuple[str, ...]]
) -> None:
    """A unit-keyed map (values, target, baseline) names only units the indicator concerns."""
    if applies is None or not is_map(node):
        return
    for key, child in node.value.items():
        unit = unit_id_of(source.reading, key) or key
        if unit not in applies and unit in (source.reading.unit_ids or ()):
            hint = "把它加进 applies_to，或者删掉这一行"
            source.error(child.line, join(name, unit), f"这个指标不适用于 '{unit}'", hint)


def group_units(source: Source, group: str, node: Node) -> Tuple[str, ...]:
    groups = source.reading.unit_groups
    members = tuple(unit for unit, name in groups.items() if name == group)
    if not members and source.reading.unit_ids is not None:
        known = sorted(set(groups.values()) - {""})
        hint = did_you_mean(group, known) or "units.yml 里的 group 有：" + "、".join(known)
        source.error(node.line, "applies_to.group", f"没有单位属于这个分组：'{group}'", hint)
    return members


def growth_target(baseline: model.Number, growth: model.Number) -> model.Number:
    """baseline × (1 + growth / 100), exact in decimal: 2600 and 10% give 2860, not 2860.0000001."""
    target = Decimal(str(baseline)) * (1 + Decimal(str(growth)) / 100)
    return int(target) if target == target.to_integral_value() else float(target)


def read_growth(
    source: Source, entries: Dict[str, Node], units: Tuple[str, ...]
) -> Tuple[Dict[str, model.Number], Optional[model.Number]]:
    """(baseline per unit, growth) of an indicator; both empty when it has a plain target."""
    baseline, growth = entries.get("baseline"), entries.get("growth")
    if baseline is None and growth is None:
        return {}, None
    line = (growth or baseline).line
    term = source.term  # a workbook's headers (增长率（%）, 目标, 基数), else the YAML keys
    if "target" in entries and growth is not None:
        hint = (
            f"删掉 {term('target')}（目标由 {term('baseline')} 和 {term('growth')} 算出），"
            f"或者删掉 {term('growth')}"
        )
        message = f"写了 {term('growth')} 就不能再写 {term('target')}"
        source.error(entries["target"].line, "target", message, hint)
        return {}, None
    if baseline is None or growth is None:
        missing, given = ("baseline", "growth") if baseline is None else ("growth", "baseline")
        message = f"写了 {term(given)} 就要写 {term(missing)}（基期数和增长百分比成对）"
        source.error(line, missing, message)
        return {}, None
    rate = number(source, growth, "growth")
    return read_baselines(source, baseline, units), rate


def read_baselines(source: Source, node: Node, units: Tuple[str, ...]) -> Dict[str, model.Number]:
    """One baseline for every unit the indicator concerns, or one per unit."""
    if not is_map(node):
        value = positive(source, node, "baseline")
        return {} if value is None else dict.fromkeys(units, value)
    found = {}
    for key, child in node.value.items():
        name = join("baseline", key)
        unit = known_unit(source, key, child.line, name)
        if unit and (value := positive(source, child, name)):
            found[unit] = value
    return found


def positive(source: Source, node: Node, name: str) -> Optional[model.Number]:
    value = number(source, node, name)
    if value is not None and value <= 0:
        source.error(node.line, name, f"基期数必须大于 0，实际为 {node.text}")
        return None
    return value
