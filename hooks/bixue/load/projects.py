"""projects.yml: key projects (重点项目) with their investment, milestones and 形象进度."""

from __future__ import annotations

from datetime import date
from typing import Dict, List, Optional, Tuple

from .. import model
from . import project_targets, projects_xlsx, slips
from .asof import note_completion
from .campaign_xlsx import campaign_book, plan_part
from .datafiles import present
from .fields import (
    a_date,
    any_mapping,
    boolean,
    did_you_mean,
    join,
    mapping,
    number,
    sequence,
    text,
    unit_ref,
    url_safe_id,
)
from .images import image_path
from .ledger import read_updates
from .made import suggested, with_ids
from .names import reserved_problem
from .reading import Reading, Source, note_unique, origin
from .workbook_files import check_not_workbooks, named_workbook, refused_files
from .yamlfile import Node

PROJECT_REQUIRED = ("id", "name")
PROJECT_OPTIONAL = (
    *("group", "unit", "leader", "owner", "investment", "plan", "invested"),
    *("milestones", "progress", "photos", "internal"),
    *("kind", "difficulties", "measures", "targets"),
)


def load_projects(reading: Reading) -> Optional[model.Projects]:
    """projects.yml, or projects.xlsx instead of it (both: an error)."""
    file = reading.data_dir / "projects.yml"
    workbook = named_workbook(reading, "projects")
    check_not_workbooks(reading, refused_files(reading.data_dir, "projects"))
    book = campaign_book(reading)
    if book is not None and book.holds("projects"):
        if present(workbook):
            where = f"{reading.relative(book.file)} 的“重点项目”工作表"
            message = f"{reading.relative(workbook)} 和 {where}不能同时存在"
            reading.file_error(workbook, message, "重点项目只写在一处：删掉其中一个")
        source, root = plan_part(reading, "projects")
        found = projects_from(source, root) if root is not None else None
        return projects_xlsx.with_rows(found, source)
    if present(workbook) and present(file):
        message = f"{reading.relative(file)} 和 {reading.relative(workbook)} 不能同时存在"
        reading.file_error(workbook, message, "重点项目只写在一处：删掉其中一个")
    elif present(workbook):
        return projects_xlsx.read_projects_workbook(reading, workbook, projects_from)
    if not present(file):
        return None
    source, root = reading.read(file)
    return projects_from(source, root)


def projects_from(source: Source, root: Optional[Node]) -> Optional[model.Projects]:
    """The groups and projects of a projects.yml document (or of a workbook read as one)."""
    entries = mapping(source, root, "", ("projects",), ("groups",))
    if entries is None:
        return None
    groups, invalid = read_groups(source, entries.get("groups"))
    seen: Dict[str, str] = {}
    items = with_ids(source, sequence(source, entries.get("projects"), "projects"), "项目")
    found = [read_project(source, item, groups, invalid, seen) for item in items]
    projects = tuple(project for project in found if project)
    return model.Projects(tuple(groups.values()), projects, origin(source, root))


def read_groups(
    source: Source, node: Optional[Node]
) -> Tuple[Dict[str, model.ProjectGroup], Tuple[str, ...]]:
    """The groups by id, in page order, and the ids too badly written to keep."""
    groups: Dict[str, model.ProjectGroup] = {}
    seen: Dict[str, str] = {}
    invalid: List[str] = []
    for item in sequence(source, node, "groups"):
        entries = mapping(source, item, "groups", ("id", "name"))
        group_id = text(source, (entries or {}).get("id"), "groups.id")
        if group_id is None:
            continue
        note_unique(source, seen, group_id, entries["id"], "groups.id")
        if not url_safe_id(source, group_id, entries["id"], "groups.id"):
            invalid.append(group_id)
            continue
        name = text(source, entries.get("name"), "groups.name") or ""
        groups.setdefault(group_id, model.ProjectGroup(group_id, name))
    return groups, tuple(invalid)


def read_project(
    source: Source,
    node: Node,
    groups: Dict[str, model.ProjectGroup],
    invalid: Tuple[str, ...],
    seen: Dict[str, str],
) -> Optional[model.Project]:
    entries = mapping(source, node, "projects", PROJECT_REQUIRED, PROJECT_OPTIONAL)
    if entries is None:
        return None
    get = entries.get
    project_id = text(source, get("id"), "id")
    duplicate = project_id in seen
    note_unique(source, seen, project_id, get("id"), "id")
    if (
        project_id is None
        or duplicate
        or not url_safe_id(source, project_id, get("id"), "id", lambda: suggested(entries))
    ):
        return None
    if reserved_problem(project_id, "项目 id"):
        source.error(get("id").line, "id", reserved_problem(project_id, "项目 id"), "换一个 id")
        return None
    persons = {key: text(source, get(key), key) or "" for key in ("leader", "owner")}
    amounts = {key: amount(source, get(key), key) for key in ("investment", "plan")}
    invested = read_invested(source, get("invested"))
    # Left out or left empty (`plan:`), not written wrong: a wrong value has its own error.
    plan_node = get("plan")
    if invested and amounts["plan"] is None and (plan_node is None or plan_node.value is None):
        plan = source.term("plan")
        hint = f"{plan} 是本期计划完成的投资（万元），完成率 = 已完成投资 / {plan}"
        message = f"写了 {source.term('invested')} 就要写 {plan}"
        source.error(get("invested").line, "plan", message, hint)
    return model.Project(
        id=project_id,
        name=text(source, get("name"), "name") or "",
        group=group_ref(source, get("group"), groups, invalid),
        unit=unit_ref(source, get("unit"), "unit") or "",
        **persons,
        **amounts,
        invested=invested,
        milestones=read_milestones(source, get("milestones")),
        progress=read_updates(source, get("progress"), "progress"),
        photos=read_photos(source, get("photos")),
        internal=bool(boolean(source, get("internal"), "internal")),
        origin=origin(source, node),
        kind=project_targets.read_kind(source, get("kind"), has_money(amounts)),
        difficulties=project_targets.read_notes(source, get("difficulties"), "difficulties"),
        measures=project_targets.read_notes(source, get("measures"), "measures"),
        targets=project_targets.read_targets(source, get("targets")),
    )


def has_money(amounts) -> bool:
    """`investment` or `plan` given: a project (工程) unless `kind` says otherwise."""
    return any(value is not None for value in amounts.values())


def group_ref(
    source: Source, node: Optional[Node], groups: Dict[str, model.ProjectGroup], invalid
) -> str:
    value = text(source, node, "group")
    if value is None or value in groups or value in invalid:
        # A badly written group id is reported once, where the group is defined.
        return value if value in groups else ""
    hint = did_you_mean(value, groups) or "先在 groups 里加上这个分组"
    source.error(node.line, "group", f"groups 里没有这个分组：'{value}'", hint)
    return ""


def amount(source: Source, node: Optional[Node], name: str) -> Optional[model.Number]:
    """An amount of money (万元): a number above 0."""
    value = number(source, node, name)
    if value is not None and value <= 0:
        source.error(node.line, name, f"必须大于 0，实际为 {node.text}")
        return None
    return value


def read_invested(source: Source, node: Optional[Node]) -> Tuple[Tuple[date, model.Number], ...]:
    """(date, cumulative amount), oldest first; a total is never below the one before it."""
    found = []
    entries = dict(any_mapping(source, node, "invested") or {})
    for before, key, line, message, hint in slips.split_thousands(entries):
        source.error(line, join("invested", before), message, hint)
        entries.pop(before), entries.pop(key)
    for key, child in entries.items():
        day = a_date(source, Node(key, child.line, key), join("invested", key))
        value = number(source, child, join("invested", key))
        if day and value is not None:
            if value < 0:
                source.error(child.line, join("invested", key), f"不能为负数，实际为 {child.text}")
                continue
            found.append((day, value, child.line))
    found.sort(key=lambda entry: entry[0])
    for (before, earlier, _), (day, value, line) in zip(found, found[1:], strict=False):
        if value < earlier:
            message = f"累计完成投资 {value} 少于 {before} 的 {earlier}"
            hint = f"{source.term('invested')} 写的是截至各日期的累计数，只增不减"
            source.error(line, join("invested", day.isoformat()), message, hint)
    return tuple((day, value) for day, value, _ in found)


def read_milestones(source: Source, node: Optional[Node]) -> Tuple[model.Milestone, ...]:
    """The milestones in planned order (an earlier planned date after a later one is an error)."""
    milestones: List[model.Milestone] = []
    for item in sequence(source, node, "milestones"):
        entries = mapping(source, item, "milestones", ("name", "planned"), ("done",))
        if entries is None:
            continue
        name = text(source, entries.get("name"), "milestones.name") or ""
        planned = a_date(source, entries.get("planned"), "milestones.planned")
        done = a_date(source, entries.get("done"), "milestones.done")
        if planned and milestones and milestones[-1].planned > planned:
            before = milestones[-1]
            message = (
                f"节点 '{name}' 的计划日期 {planned} 早于前面的 '{before.name}'（{before.planned}）"
            )
            source.error(entries["planned"].line, "milestones.planned", message, "节点按计划日期写")
        if done:
            note_completion(source, entries["done"].line, "milestones.done", done)
        if planned:
            milestones.append(model.Milestone(name, planned, done))
    return tuple(milestones)


def read_photos(source: Source, node: Optional[Node]) -> Tuple[str, ...]:
    paths = (image_path(source, item, "photos") for item in sequence(source, node, "photos"))
    return tuple(path for path in paths if path)
