"""indicators.yml and evaluations.yml: the figures units report and the scores they earn."""

from __future__ import annotations

import dataclasses
from types import MappingProxyType
from typing import Dict, List, Optional, Sequence, Tuple

from .. import model
from . import slips, whole_scope
from .campaign_xlsx import plan_part
from .fields import (
    a_date,
    any_mapping,
    boolean,
    check_chronological,
    choice,
    did_you_mean,
    is_map,
    join,
    known_unit,
    mapping,
    nonempty_sequence,
    number,
    sequence,
    text,
)
from .growth import check_concerned, growth_target, read_applies_to, read_growth
from .log_source import read_source
from .made import ROUND_ID, with_ids, written_id
from .periods import check_rising
from .provenance import indicator_sources, leaves
from .reading import Reading, Source, note_unique, origin, read_kept, units_against
from .yamlfile import Node

DIRECTION_WORDS = MappingProxyType({"越高越好": "up", "越低越好": "down"})
INDICATOR_OPTIONAL = (
    *("unit", "direction", "cumulative", "target", "values"),
    *("applies_to", "baseline", "growth", "scope", "source", "per_period"),
)


def load_indicators(reading: Reading) -> Optional[model.Indicators]:
    source, root = plan_part(reading, "indicators")
    if source is None:
        return None
    entries = mapping(source, root, "", ("periods", "indicators"))
    if entries is None:
        return None
    periods = read_periods(source, entries.get("periods"))
    seen: Dict[str, str] = {}
    items = with_ids(source, sequence(source, entries.get("indicators"), "indicators"), "指标")
    reading.kept.indicators.start_build()
    against = repr((source.path, units_against(reading), periods))
    indicators = [read_indicator_kept(source, item, periods, seen, against) for item in items]
    found = tuple(item for item in indicators if item)
    return model.Indicators(periods, found, origin(source, entries.get("periods") or root))


def read_periods(source: Source, node: Optional[Node]) -> Tuple[str, ...]:
    seen: Dict[str, str] = {}
    for item in sequence(source, node, "periods"):
        note_unique(source, seen, text(source, item, "periods"), item, "periods")
    return tuple(seen)


def read_indicator_kept(
    source: Source, node: Node, periods: Sequence[str], seen: Dict[str, str], against: str
) -> Optional[model.Indicator]:
    """read_indicator, or the indicator read from the same node in the last load, `against`
    the same file, units and periods (reading.read_kept, `Kept.indicators`): at 500 units,
    reading 20 of them again was a third of a second of every serve rebuild."""
    found, reused = read_kept(
        source.reading.kept.indicators,
        source,
        node,
        against,
        lambda: read_indicator(source, node, periods, seen),
    )
    if reused:  # its id still counts against the other indicators'
        note_unique(source, seen, found.id, node.value.get("id"), "indicators.id")
    return found


def read_indicator(
    source: Source, node: Node, periods: Sequence[str], seen: Dict[str, str]
) -> Optional[model.Indicator]:
    entries = mapping(source, node, "indicators", ("id", "name"), INDICATOR_OPTIONAL)
    if entries is None:
        return None
    if whole_scope.is_whole(source, entries.get("scope")):
        return whole_scope.read_whole(source, node, entries, periods, seen, read_unit_values)
    get = entries.get
    indicator_id = written_id(source, entries, "indicators.id")
    note_unique(source, seen, indicator_id, get("id"), "indicators.id")
    direction = read_direction(source, get("direction"))
    cumulative = boolean(source, get("cumulative"), "cumulative")
    per_period = bool(boolean(source, get("per_period"), "per_period"))
    if per_period and cumulative is False:
        hint = "当月数用 per_period: true；累计数和水平值（如比率）不写 per_period"
        source.error(
            get("per_period").line, "per_period", "per_period 和 cumulative: false 不能同时写", hint
        )
    applies = read_applies_to(source, get("applies_to"))
    concerned = source.reading.unit_ids or () if applies is None else applies
    for key in ("target", "values", "baseline"):
        check_concerned(source, get(key), key, applies)
    baselines, growth = read_growth(source, entries, concerned)
    targets = read_targets(source, get("target"), direction, concerned)
    if growth is not None:
        targets = growth_targets(source, get("growth"), baselines, growth, direction)
    indicator = model.Indicator(
        id=indicator_id,
        name=text(source, get("name"), "name") or "",
        unit=text(source, get("unit"), "unit") or "",
        direction=direction,
        cumulative=True if cumulative is None else cumulative,
        per_period=per_period,
        targets=targets,
        origin=origin(source, node),
        sources=indicator_sources(source, entries, concerned),
        applies_to=applies,
        baselines=baselines,
        growth=growth,
        source=read_source(source, get("source")),
    )
    values = read_values(source, get("values"), periods, indicator)
    return dataclasses.replace(indicator, values=values)


def read_direction(source: Source, node: Optional[Node]) -> str:
    """`up` or `down`, or as the templates' 说明 words them: 越高越好, 越低越好."""
    if node is not None and isinstance(node.value, str) and node.value.strip() in DIRECTION_WORDS:
        return DIRECTION_WORDS[node.value.strip()]
    return choice(source, node, "direction", ("up", "down")) or "up"


def growth_targets(
    source: Source, node: Node, baselines: Dict[str, model.Number], growth, direction: str
) -> Dict[str, model.Number]:
    """The targets the baselines and the growth set; an upward target must stay above 0."""
    if direction == "up" and growth <= -100:
        source.error(node.line, "growth", f"方向为 up 时增长率必须大于 -100，实际为 {node.text}")
        return {}
    return {unit: growth_target(baseline, growth) for unit, baseline in baselines.items()}


def read_targets(
    source: Source, node: Optional[Node], direction: str, units: Sequence[str]
) -> Dict[str, model.Number]:
    """One target for every unit the indicator concerns, or a target per unit."""
    if node is None or not is_map(node):
        target = read_target(source, node, "target", direction)
        return {} if target is None else dict.fromkeys(units, target)
    targets = {}
    for unit, child in unit_entries(source, node, "target"):
        targets[unit] = read_target(source, child, join("target", unit), direction)
    return {unit: target for unit, target in targets.items() if target is not None}


def read_target(
    source: Source, node: Optional[Node], name: str, direction: str
) -> Optional[model.Number]:
    target = number(source, node, name)
    if target is not None and direction == "up" and target <= 0:
        # Completion is latest / target, so an upward target must be positive.
        source.error(node.line, name, f"方向为 up 时目标必须大于 0，实际为 {node.text}")
        return None
    if target is not None and target < 0:
        source.error(node.line, name, f"目标不能为负数，实际为 {node.text}")
        return None
    return target


def unit_entries(source: Source, node: Optional[Node], name: str) -> List[Tuple[str, Node]]:
    """The entries of a mapping keyed by unit id, unknown units reported and left out."""
    entries = any_mapping(source, node, name) or {}
    found = (
        (known_unit(source, key, child.line, join(name, key)), child)
        for key, child in entries.items()
    )
    return [(unit, child) for unit, child in found if unit]


def read_values(
    source: Source, node: Optional[Node], periods: Sequence[str], indicator: model.Indicator
) -> Dict[str, Dict[str, model.Number]]:
    values = {}
    for unit, child in unit_entries(source, node, "values"):
        values[unit] = read_unit_values(source, child, join("values", unit), periods, indicator)
    return values


def read_unit_values(
    source: Source,
    node: Node,
    name: str,
    periods: Sequence[str],
    indicator: Optional[model.Indicator] = None,
) -> Dict[str, model.Number]:
    """One unit's values by period; with `indicator`, a running total that falls is an error."""
    entries = dict(any_mapping(source, node, name) or {})
    for before, key, line, message, hint in slips.split_thousands(entries):
        source.error(line, join(name, before), message, hint)
        entries.pop(before), entries.pop(key)
    for key, child in entries.items():
        if key not in periods:
            hint = slips.text_slip(key) or did_you_mean(key, periods) or "先在 periods 里加上它"
            source.error(child.line, join(name, key), "periods 里没有这个时期", hint)
    by_period = {
        period: number(source, entries.get(period), join(name, period)) for period in periods
    }
    # An empty value means "not reported yet", the same as leaving the period out.
    found = {period: value for period, value in by_period.items() if value is not None}
    if indicator is not None:
        written = [(p, v, entries[p].line, join(name, p)) for p, v in found.items()]
        check_rising(source, indicator, written)
    return found


def load_evaluations(reading: Reading) -> Optional[model.Evaluations]:
    source, root = plan_part(reading, "evaluations")
    if source is None:
        return None
    entries = mapping(source, root, "", ("criteria",), ("rounds", "levels"))
    if entries is None:
        return None
    criteria = read_criteria(source, entries.get("criteria"))
    seen: Dict[str, str] = {}
    rounds = [
        read_round(source, item, criteria, seen)
        for item in with_ids(source, sequence(source, entries.get("rounds"), "rounds"), "轮次")
    ]
    levels = [
        read_level(source, item) for item in sequence(source, entries.get("levels"), "levels")
    ]
    found = (tuple(filter(None, rounds)), tuple(filter(None, levels)))
    dated = [(item.id, item.date, item.origin.line_of("date")) for item in found[0] if item.date]
    check_chronological(source, dated, "rounds.date", "轮次", "评比日期")
    return model.Evaluations(criteria, *found, origin(source, root))


def read_criteria(source: Source, node: Optional[Node]) -> Tuple[model.Criterion, ...]:
    items = with_ids(
        source, nonempty_sequence(source, node, "criteria", "一项评比内容"), "评比内容"
    )
    seen: Dict[str, str] = {}
    criteria = [read_criterion(source, item, seen) for item in items]
    return tuple(criterion for criterion in criteria if criterion)


def read_criterion(source: Source, node: Node, seen: Dict[str, str]) -> Optional[model.Criterion]:
    entries = mapping(source, node, "criteria", ("id", "name", "max"))
    if entries is None:
        return None
    criterion_id = written_id(source, entries, "criteria.id")
    note_unique(source, seen, criterion_id, entries.get("id"), "criteria.id")
    top = number(source, entries.get("max"), "criteria.max")
    if top is not None and top <= 0:
        message = f"满分必须大于 0，实际为 {entries['max'].text}"
        source.error(entries["max"].line, "criteria.max", message)
        top = None
    name = text(source, entries.get("name"), "criteria.name") or ""
    # Kept even with a bad max, so the scores for it are not all reported as unknown.
    return model.Criterion(criterion_id, name, top) if criterion_id else None


def read_round(
    source: Source, node: Node, criteria: Sequence[model.Criterion], seen: Dict[str, str]
) -> Optional[model.Round]:
    entries = mapping(source, node, "rounds", ("id", "name", "date"), ("scores",))
    if entries is None:
        return None
    round_id = written_id(source, entries, "rounds.id", ROUND_ID)
    note_unique(source, seen, round_id, entries.get("id"), "rounds.id")
    scores = {
        unit: read_scores(source, child, join("scores", unit), criteria)
        for unit, child in unit_entries(source, entries.get("scores"), "scores")
        if child.value is not None  # `north:` left empty is not written: 未参评
    }
    name = text(source, entries.get("name"), "rounds.name") or ""
    when = a_date(source, entries.get("date"), "rounds.date")
    sources = leaves(source, entries.get("scores"), "score")
    return model.Round(round_id, name, when, scores, origin(source, node), sources)


def read_scores(
    source: Source, node: Node, name: str, criteria: Sequence[model.Criterion]
) -> Dict[str, model.Number]:
    """One unit's scores in a round: every criterion, each within 0..max."""
    entries = mapping(source, node, name, tuple(criterion.id for criterion in criteria)) or {}
    scores = {}
    for criterion in criteria:
        child = entries.get(criterion.id)
        score = number(source, child, join(name, criterion.id))
        if score is not None and criterion.max is not None and not 0 <= score <= criterion.max:
            message = f"分数必须在 0 到 {criterion.max} 之间，实际为 {child.text}"
            source.error(child.line, join(name, criterion.id), message)
        scores[criterion.id] = score
    return scores


def read_level(source: Source, node: Node) -> Optional[model.Level]:
    entries = mapping(source, node, "levels", ("min", "label"))
    if entries is None:
        return None
    lowest = number(source, entries.get("min"), "levels.min")
    return model.Level(lowest, text(source, entries.get("label"), "levels.label") or "")
