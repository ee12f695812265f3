"""Read a campaign's data/ folder (YAML and workbooks) into model.Campaign, reporting every error
of every file."""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Optional, Set, Tuple

from .. import model
from ..errors import DataError, DataErrors
from . import compared
from .achievements import load_achievements
from .activities import load_activities
from .campaign_xlsx import plan_part, with_cell_origins
from .facts import rounds_outside_period
from .fields import (
    boolean,
    is_map,
    mapping,
    nonempty_sequence,
    skipped,
    text,
    url_safe_id,
)
from .indicators_xlsx import with_indicator_workbook
from .ledger import load_ledger
from .log_source import with_spans
from .made import suggested, with_ids
from .names import reserved_problem
from .periods import with_running_totals
from .plan import load_plan
from .projects import load_projects
from .reading import Kept, Reading, Source, check_misnamed, note_unique, origin
from .report_template import check_report_template
from .returns import with_returns
from .scores import load_evaluations, load_indicators
from .scores_xlsx import with_score_workbook
from .stories import load_exemplars, load_notices
from .unitref import unit_ways
from .yamlfile import Node


def load_campaign(
    data_dir: Path, project_dir: Optional[Path] = None, kept: Optional[Kept] = None
) -> model.Campaign:
    """The campaign in `data_dir`; raises DataErrors naming every problem of every file.
    `kept`: what the last load read (a build session's), taken again where nothing changed."""
    data_dir = Path(data_dir)
    reading = Reading(data_dir, Path(project_dir) if project_dir else data_dir.parent)
    if kept is not None:
        reading.kept = kept
        kept.parsed.start_build()
        kept.pieces.start_build()
        kept.stories.start_build()
        kept.documents.start_build()
    if not data_dir.is_dir():
        raise DataErrors([DataError(reading.relative(data_dir), 0, "", "找不到数据文件夹")])
    units = load_units(reading)
    plan = load_plan(reading)
    reading.as_of = plan.as_of if plan else None
    campaign = model.Campaign(
        plan=plan,
        units=units,
        indicators=with_running_totals(with_indicator_workbook(reading, load_indicators(reading))),
        evaluations=with_score_workbook(reading, load_evaluations(reading)),
        ledger=load_ledger(reading),
        exemplars=load_exemplars(reading),
        notices=load_notices(reading),
        projects=load_projects(reading),
        activities=load_activities(reading),
        achievements=load_achievements(reading),
        data_dir=str(data_dir.resolve()),
        made_ids=tuple(reading.made_ids),
        completions=tuple(reading.completions),
    )
    campaign = with_spans(reading, campaign)
    check_misnamed(reading)
    check_report_template(reading)
    campaign = with_returns(with_cell_origins(campaign, reading), reading)
    reading.errors.extend(rounds_outside_period(campaign.plan, campaign.evaluations))
    reading.errors.extend(compared.not_compared_errors(campaign))
    if reading.errors:
        raise DataErrors(reading.errors)
    return campaign


def load_units(reading: Reading) -> Tuple[model.Unit, ...]:
    source, root = plan_part(reading, "units", required=True)
    if root is None:
        return ()
    items = with_ids(source, nonempty_sequence(source, root, "", "一个单位"), "单位")
    seen: Dict[str, str] = {}
    twice = named_twice(source, items)
    units = [None if id(node) in twice else read_unit(source, node, seen) for node in items]
    # A badly written id is reported once, here, not again wherever it is used; a unit whose id
    # could not be read at all would make every reference to it look unknown.
    complete = all(is_map(node) and not skipped(node.value.get("id")) for node in items)
    found = tuple(unit for unit in units if unit)
    reading.units = found
    reading.unit_ids = tuple(unit.id for unit in found) if complete else None
    reading.invalid_ids = tuple(value for value in seen if value not in (reading.unit_ids or ()))
    reading.unit_labels = {unit.id: unit.name for unit in found}
    reading.unit_groups = {unit.id: unit.group for unit in found}
    reading.unit_ways = unit_ways(found)
    return found


def named_twice(source: Source, items: List[Node]) -> Set[int]:
    """Units whose name an earlier unit has, reported and left out: the name stays the first
    unit's, so cells naming it are not reported again as naming two units."""
    names: Dict[str, str] = {}
    twice: Set[int] = set()
    for node in items:
        name = node.value.get("name") if is_map(node) else None
        if name is not None and isinstance(name.value, str):
            twice |= {id(node)} if name.value in names else set()
            note_unique(source, names, name.value, name, "name")
    return twice


def read_unit(source: Source, node: Node, seen: Dict[str, str]) -> Optional[model.Unit]:
    entries = mapping(source, node, "", ("id", "name"), ("short", "group", "contact", "compare"))
    if entries is None:
        return None
    value = text(source, entries.get("id"), "id")
    duplicate = value in seen
    note_unique(source, seen, value, entries.get("id"), "id")
    if value is None or duplicate:
        return None
    if not url_safe_id(source, value, entries["id"], "id", lambda: suggested(entries)):
        # Reported; the rest of the load knows the unit by the id its name makes, so the cells
        # naming it by name are not reported again.
        value = suggested(entries)
        if not value or value in seen:
            return None
    if reserved_problem(value, "单位 id"):
        hint = "它会和网站自己的页面用同一个网址，换一个，如 " + f"{value}-unit"
        source.error(entries["id"].line, "id", reserved_problem(value, "单位 id"), hint)
        return None
    optional = {
        key: text(source, entries.get(key), key) or "" for key in ("short", "group", "contact")
    }
    name = text(source, entries.get("name"), "name") or ""
    compare = boolean(source, entries.get("compare"), "compare")
    return model.Unit(
        id=value,
        name=name,
        **optional,
        origin=origin(source, node),
        compare=compare is not False,
    )
