"""A project's task fields in projects.yml: kind, 工作难度, 工作措施, counted targets (目标任务)."""

from __future__ import annotations

from datetime import date
from types import MappingProxyType
from typing import List, Optional, Tuple

from .. import model
from . import slips
from .fields import a_date, any_mapping, join, mapping, markdown, number, sequence, text
from .reading import Source
from .yamlfile import Node

KINDS = MappingProxyType(
    {
        **{"project": model.PROJECT, "工程": model.PROJECT, "项目": model.PROJECT},
        **{"task": model.TASK, "任务": model.TASK, "工作任务": model.TASK},
    }
)
"""The words `kind` may be written as (a workbook's 类型 column writes the Chinese)."""
KIND_WORDS = "project（工程）或 task（工作任务）"


def read_kind(source: Source, node: Optional[Node], has_money: bool) -> str:
    """`project` or `task` as written; left out: project when investment or plan is given."""
    default = model.PROJECT if has_money else model.TASK
    written = text(source, node, "kind")
    if written is None:
        return default
    if written.strip() in KINDS:
        return KINDS[written.strip()]
    source.error(node.line, "kind", f"必须是 {KIND_WORDS}，实际为 '{written}'")
    return default


def read_targets(source: Source, node: Optional[Node]) -> Tuple[model.Target, ...]:
    found = (read_target(source, item) for item in sequence(source, node, "targets"))
    return tuple(target for target in found if target)


def read_target(source: Source, node: Node) -> Optional[model.Target]:
    entries = mapping(source, node, "targets", ("name", "target"), ("unit", "done"))
    if entries is None:
        return None
    name = text(source, entries.get("name"), "targets.name")
    goal = number(source, entries.get("target"), "targets.target")
    if goal is not None and goal <= 0:
        written = entries["target"].text
        source.error(entries["target"].line, "targets.target", f"必须大于 0，实际为 {written}")
        goal = None
    done = read_done(source, entries.get("done"), name or "")
    if name is None or goal is None:
        return None
    unit = text(source, entries.get("unit"), "targets.unit") or ""
    return model.Target(name, goal, unit, done)


def read_done(
    source: Source, node: Optional[Node], name: str
) -> Tuple[Tuple[date, model.Number], ...]:
    """(date, cumulative count), oldest first; a count is never below the one before it."""
    entries = dict(any_mapping(source, node, "targets.done") or {})
    for before, key, line, message, hint in slips.split_thousands(entries):
        source.error(line, join("targets.done", before), message, hint)
        entries.pop(before), entries.pop(key)
    found: List[Tuple[date, model.Number, int]] = []
    for key, child in entries.items():
        field = join("targets.done", key)
        day = a_date(source, Node(key, child.line, key), field)
        value = number(source, child, field)
        if value is not None and value < 0:
            source.error(child.line, field, f"不能为负数，实际为 {child.text}")
        elif day and value is not None:
            found.append((day, value, child.line))
    found.sort(key=lambda entry: entry[0])
    check_never_decreasing(source, found, name)
    check_not_after_as_of(source, found, name)
    return tuple((day, value) for day, value, _ in found)


def check_never_decreasing(source: Source, found, name: str) -> None:
    hint = f"{source.term('targets.done')} 写的是截至各日期的累计数，只增不减"
    for (before, earlier, _), (day, value, line) in zip(found, found[1:], strict=False):
        message = f"目标“{name}”累计完成 {value} 少于 {before} 的 {earlier}"
        if value < earlier:
            source.error(line, join("targets.done", day.isoformat()), message, hint)


def check_not_after_as_of(source: Source, found, name: str) -> None:
    """A count dated after campaign.yml's as_of is a typo, or the as_of is out of date. A board
    built for an earlier day (BOARD_AS_OF) leaves later counts out, as it should."""
    as_of = source.reading.as_of
    hint = "是笔误，还是 campaign.yml 的 as_of 该更新了？"
    for day, _, line in found:
        if as_of is not None and day > as_of:
            message = f"目标“{name}”的完成数日期 {day} 晚于数据截止日期 {as_of}"
            source.error(line, join("targets.done", day.isoformat()), message, hint)


def read_notes(source: Source, node: Optional[Node], name: str) -> Tuple[str, ...]:
    """工作难度 or 工作措施: a list of Markdown texts, or one text."""
    if node is not None and isinstance(node.value, (str, int, float)):
        value = markdown(source, node, name)
        return (value,) if value else ()
    values = (markdown(source, item, name) for item in sequence(source, node, name))
    return tuple(value for value in values if value)
