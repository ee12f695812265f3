"""The rows of projects.xlsx's 目标任务 sheet, gathered per project as the `targets` nodes
projects.yml gives: one row per count reported (目标, 目标数, 计量单位, 截至日期, 累计完成), the
rows of one target under each other."""

from __future__ import annotations

from types import MappingProxyType
from typing import Dict, List

from .cells import as_date, as_number, as_text, reported
from .project_sheets import PROJECT_ID, Table, project_of
from .tables import cell_value, data_rows
from .workbook import WorkbookSource, line_of
from .yamlfile import INVALID, Node

TARGETS = "目标任务"
HEADERS = MappingProxyType(
    {
        PROJECT_ID: "project",
        "项目名称": "project_name",
        "目标": "name",
        "目标数": "target",
        "计量单位": "unit",
        "截至日期": "date",
        "累计完成": "count",
    }
)
NEEDED = (PROJECT_ID, "目标", "目标数")
COMPUTED = ("完成比例", "序号")
"""Columns the board's own download adds for readers: read back, they are ignored. 项目名称 is
read: it names the project where 项目编号 is blank, as on the other project sheets."""
LABELS = MappingProxyType(
    {
        "targets": TARGETS,
        "targets.name": "目标",
        "targets.target": "目标数",
        "targets.unit": "计量单位",
        "targets.done": "累计完成",
    }
)
"""A key as projects.py names it in errors -> the header shown instead."""


def target_nodes(
    source: WorkbookSource, table: Table, written: Dict[str, str]
) -> Dict[str, List[Node]]:
    """Project id -> its `targets` nodes, in the order the targets first appear; `written`:
    how a row may name its project (its 编号, or its name) -> its id."""
    sheet, at, columns = table
    found: Dict[str, Dict[str, Dict[str, Node]]] = {}
    for number, values in data_rows(sheet, at):
        project = project_of(source, sheet, number, values, columns, written)
        name = as_text(cell_value(values, columns.get("name")))
        if project is None or name is None:
            if project is not None:
                source.error(line_of(sheet, number, columns["name"]), "目标", "不能为空")
            continue
        entries = found.setdefault(project, {}).setdefault(name, {})
        if not entries:
            entries["name"] = Node(name, line_of(sheet, number, columns["name"]), name)
            entries["done"] = Node({}, line_of(sheet, number))
        described(source, sheet, number, values, columns, entries)
        counted(source, sheet, number, values, columns, entries["done"].value)
    return {
        project: [Node(entries, entries["name"].line) for entries in targets.values()]
        for project, targets in found.items()
    }


def described(source, sheet, number: int, values, columns, entries: Dict[str, Node]) -> None:
    """目标数 and 计量单位: written on the target's first row, or the same on each of its rows."""
    for key, label in (("target", "目标数"), ("unit", "计量单位")):
        value = cell_value(values, columns.get(key))
        if value is None:
            continue
        line = line_of(sheet, number, columns[key])
        node = cell_node(source, key, value, line, label)
        if key in entries and entries[key].text != node.text:
            shown = f"目标“{entries['name'].value}”的{label}前面写的是 {entries[key].text}"
            source.error(
                line, label, f"{shown}，这里是 {node.text}", "同一个目标各行的这一列要相同"
            )
        entries.setdefault(key, node)


def counted(source, sheet, number: int, values, columns, done: Dict[str, Node]) -> None:
    """A count reported on a date: `done` keyed by the date, as projects.yml writes it."""
    when, count = cell_value(values, columns.get("date")), cell_value(values, columns.get("count"))
    if when is None and count is None:
        return  # a target without any count yet
    date_line = line_of(sheet, number, columns.get("date") or 0)
    count_line = line_of(sheet, number, columns.get("count") or 0)
    for at, value, label in ((date_line, when, "截至日期"), (count_line, count, "累计完成")):
        if value is None:
            source.error(at, label, "不能为空", "截至日期和累计完成要一起写")
    if when is None or count is None or reported(when) or reported(count):
        return
    day, problem = as_date(when)
    if day is None:
        source.error(date_line, "截至日期", problem)
        return
    if day.isoformat() in done:
        source.error(date_line, "截至日期", f"{day} 写了两次", "同一个目标每个日期只写一行")
        return
    done[day.isoformat()] = cell_node(source, "count", count, count_line, "累计完成")


def cell_node(source, key: str, value, line: int, label: str) -> Node:
    if reported(value):
        return Node(value, line)
    if key == "unit":
        return Node(as_text(value), line, as_text(value))
    amount, problem = as_number(value)
    if amount is None:
        source.error(line, label, problem)
        return Node(INVALID, line, as_text(value) or "")
    return Node(amount, line, as_text(value) or "")
