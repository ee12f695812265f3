"""data/projects.xlsx: key projects kept in a workbook (重点项目, 投资进度, 节点, 形象进度,
类别), read into the nodes projects.yml gives, so the same code checks them."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from types import MappingProxyType
from typing import Callable, Dict, List, Optional, Tuple

from .. import model
from . import mdsafety, target_sheets
from .cells import as_number, as_text, header_text, reported
from .fields import did_you_mean
from .ledger_xlsx import BULLET, checked, yes_no
from .made import with_ids
from .project_sheets import (
    GROUPS,
    INVESTED,
    MILESTONES,
    PROGRESS,
    PROJECT_ID,
    PROJECTS,
    VALUE,
    Table,
    child_nodes,
    project_names,
    without_blank_id,
)
from .reading import Reading
from .tables import cell_value, data_rows, header_columns, header_row, resolve_unit
from .workbook import (
    NOTE_SHEETS,
    Sheet,
    WorkbookSource,
    line_of,
    open_workbook,
)
from .yamlfile import INVALID, Node

FILE = "projects.xlsx"
OPTIONS = "选项"
"""The template's hidden sheet of drop-down options: never data."""
PROJECT_HEADERS = MappingProxyType(
    {
        "编号": "id",
        "项目名称": "name",
        "类别": "group",
        "责任单位": "unit",
        "单位": "unit",
        "联系领导": "leader",
        "责任人": "owner",
        "总投资（万元）": "investment",
        "总投资": "investment",
        "计划投资（万元）": "plan",
        "计划投资": "plan",
        "照片": "photos",
        "内部": "internal",
        "类型": "kind",
        "工作难度": "difficulties",
        "工作措施": "measures",
    }
)
"""Header text -> the key of a project in projects.yml."""
PROJECT_COMPUTED = (
    *("已完成投资（万元）", "完成投资截至", "投资完成率", "落后序时进度", "项目状态"),
    *("下一节点", "逾期节点", "最新进展", "序号", "任务完成度"),
)
"""Columns the board's own download adds for readers: read back, they are ignored."""
CHILD_COMPUTED = ("情况", "序号")
NAMED = MappingProxyType({PROJECT_ID: "project", "项目名称": "project_name"})
"""How a row of the other sheets names its project: by 编号, else (编号 left blank) by name."""
TABLES = MappingProxyType(
    {
        PROJECTS: (PROJECT_HEADERS, ("编号", "项目名称"), PROJECT_COMPUTED),
        INVESTED: (
            MappingProxyType(
                {**NAMED, "截至日期": "date", VALUE: "value", "累计完成投资": "value"}
            ),
            (PROJECT_ID, "截至日期", VALUE),
            CHILD_COMPUTED,
        ),
        MILESTONES: (
            MappingProxyType({**NAMED, "节点": "name", "计划日期": "planned", "完成日期": "done"}),
            (PROJECT_ID, "节点", "计划日期"),
            CHILD_COMPUTED,
        ),
        PROGRESS: (
            MappingProxyType({**NAMED, "日期": "date", "进展": "note"}),
            (PROJECT_ID, "日期", "进展"),
            CHILD_COMPUTED,
        ),
        GROUPS: (MappingProxyType({"编号": "id", "名称": "name"}), ("编号", "名称"), ()),
        target_sheets.TARGETS: (
            target_sheets.HEADERS,
            target_sheets.NEEDED,
            target_sheets.COMPUTED,
        ),
    }
)
"""Sheet name -> (header -> field, the headers that mark the header row, ignored headers)."""
LABELS = MappingProxyType(
    {
        **{field: header for header, field in reversed(PROJECT_HEADERS.items())},
        **{"projects.id": "编号", "projects.name": "项目名称", "invested": "累计完成投资（万元）"},
        **{"milestones": "节点", "milestones.name": "节点", "milestones.planned": "计划日期"},
        **{"milestones.done": "完成日期", "progress": "形象进度", "progress.date": "日期"},
        **{"progress.note": "进展", "groups": "类别", "groups.id": "编号", "groups.name": "名称"},
        **target_sheets.LABELS,
    }
)
"""A key as projects.py names it in errors -> the header shown instead."""


class Labels(dict):
    """Headers by key; `invested.2014-06-30` is labelled as `invested`, and
    `targets.done.2014-06-30` as `targets.done`."""

    def get(self, key, default=None):
        parts = key.split(".")
        while parts:
            if ".".join(parts) in self:
                return self[".".join(parts)]
            parts.pop()
        return default


def read_projects_workbook(
    reading: Reading, file: Path, read: Callable[[WorkbookSource, Node], Optional[model.Projects]]
) -> Optional[model.Projects]:
    """The projects of data/projects.xlsx; `read(source, root)` checks them as projects.yml."""
    source, sheets = open_workbook(reading, file)
    if sheets is None:
        return None
    root = projects_root(source, find_tables(source, sheets))
    return with_rows(read(source, root), source) if root is not None else None


def projects_root(source: WorkbookSource, tables: Dict[str, Table]) -> Optional[Node]:
    """The node projects.yml would give for the project sheets (data/campaign.xlsx has them
    too); None once the missing 重点项目 sheet is reported."""
    source.headers = Labels({**source.headers, **LABELS})
    if PROJECTS not in tables:
        source.reading.file_error(
            source.file, f"这个工作簿里没有“{PROJECTS}”工作表", "表头至少要有“编号”和“项目名称”"
        )
        return None
    sheet, at, columns = tables[PROJECTS]
    groups, group_of = groups_node(source, tables)
    rows = [project_node(source, sheet, n, v, columns, group_of) for n, v in data_rows(sheet, at)]
    nodes = with_ids(source, [without_blank_id(node) for node in rows], "项目")
    names = project_names(nodes)
    children = child_nodes(source, tables, names)
    if target_sheets.TARGETS in tables:
        table = tables[target_sheets.TARGETS]
        for project, targets in target_sheets.target_nodes(source, table, names).items():
            children.setdefault(project, {})["targets"] = targets
    seen = set()
    for node in nodes:
        project_id = node.value["id"].value if "id" in node.value else None
        if project_id in children and project_id not in seen:
            # At the project's row: "invested without plan" names the row's 计划投资 cell.
            node.value.update({k: Node(v, node.line) for k, v in children[project_id].items()})
            seen.add(project_id)
    return Node({"groups": groups, "projects": Node(nodes, line_of(sheet, 1))}, line_of(sheet, 1))


def with_rows(
    projects: Optional[model.Projects], source: WorkbookSource
) -> Optional[model.Projects]:
    """Errors found after loading (the public build's checks) name the workbook and the cell."""
    if projects is None:
        return None
    rows = tuple(
        dataclasses.replace(p, origin=source.cell_origin(p.origin)) for p in projects.projects
    )
    return model.Projects(projects.groups, rows, model.Origin(source.path, 1))


def find_tables(source: WorkbookSource, sheets: List[Sheet]) -> Dict[str, Table]:
    """Each known sheet's header row and columns; unknown sheets reported."""
    tables: Dict[str, Table] = {}
    for sheet in sheets:
        name = header_text(sheet.name)
        if name in NOTE_SHEETS or name == OPTIONS:
            continue
        if name not in TABLES:
            shown = "、".join((*TABLES, *NOTE_SHEETS))
            hint = did_you_mean(name, TABLES) or f"可用的工作表：{shown}"
            source.error(line_of(sheet, 1, 1), "", f"未知的工作表 '{mdsafety.shorten(name)}'", hint)
            continue
        headers, needed, ignored = TABLES[name]
        at = header_row(sheet, [header_text(header) for header in needed])
        if at is None:
            message = "前 10 行里找不到表头" + "、".join(f"“{h}”" for h in needed)
            source.error(line_of(sheet, 1, 1), "", message)
            continue
        known = {header_text(header): field for header, field in headers.items()}
        unknown = ("未知的列", "可用的列：" + "、".join(headers))
        ignored = [header_text(header) for header in ignored]
        columns = header_columns(source, sheet, at, known, ignored, unknown)
        source.columns[sheet.index] = columns
        tables[name] = (sheet, at, columns)
    return tables


def text_of(value):
    """A cell as text, blank and already reported cells as they are."""
    return value if value is None or reported(value) else as_text(value)


def scalar(value, line: int) -> Node:
    return Node(value, line, as_text(value) or "")


def groups_node(source: WorkbookSource, tables: Dict[str, Table]) -> Tuple[Node, Dict[str, str]]:
    """The groups as projects.yml lists them, and group name or id -> id. Without a 类别 sheet,
    the names in the 类别 column are the groups, in order, with ids group-1, group-2 …"""
    if GROUPS in tables:
        sheet, at, columns = tables[GROUPS]
        items = [
            Node(
                {key: cell_node(sheet, number, values, columns, key) for key in ("id", "name")},
                line_of(sheet, number),
            )
            for number, values in data_rows(sheet, at)
        ]
        named = [(item.value["name"].value, item.value["id"].value) for item in items]
        group_of = {i: i for _, i in named if isinstance(i, str)}
        group_of.update({n: i for n, i in named if isinstance(n, str) and isinstance(i, str)})
        return Node(items, line_of(sheet, 1)), group_of
    sheet, at, columns = tables[PROJECTS]
    names: Dict[str, int] = {}
    for number, values in data_rows(sheet, at):
        name = text_of(cell_value(values, columns.get("group")))
        if isinstance(name, str):
            names.setdefault(name, line_of(sheet, number, columns["group"]))
    group_of = {name: f"group-{n}" for n, name in enumerate(names, start=1)}
    items = [
        Node({"id": Node(group_of[name], line), "name": Node(name, line)}, line)
        for name, line in names.items()
    ]
    return Node(items, line_of(sheet, 1)), group_of


def cell_node(sheet: Sheet, number: int, values: Tuple, columns: Dict[str, int], key: str) -> Node:
    column = columns.get(key)
    return scalar(text_of(cell_value(values, column)), line_of(sheet, number, column or 0))


def project_node(source, sheet, number, values, columns, group_of) -> Node:
    """One row of 重点项目 as the YAML reader would see the project."""
    entries: Dict[str, Node] = {}
    for key, column in columns.items():
        value = cell_value(values, column)
        if value is None and key not in ("id", "name"):
            continue  # a blank cell is a key not written (id and name: reported as blank)
        line = line_of(sheet, number, column)
        entries[key] = project_cell(source, key, value, line, group_of)
    return Node(entries, line_of(sheet, number))


def project_cell(source: WorkbookSource, key: str, value, line: int, group_of) -> Node:
    if value is None or reported(value):
        return Node(value, line)
    if key == "unit":
        return Node(resolve_unit(source, value, line, key), line)
    if key == "group":
        return Node(group_ref(source, as_text(value), line, group_of), line)
    if key in ("investment", "plan"):
        return scalar(checked(source, line, key, as_number(value)), line)
    if key == "internal":
        return Node(yes_no(source, value, line), line)
    if key in ("photos", "difficulties", "measures"):
        # One path, 难度 or 措施 a line (the download writes the notes as • bullets).
        texts = as_text(value).splitlines()
        lines = [(text if key == "photos" else BULLET.sub("", text)).strip() for text in texts]
        return Node([Node(text, line) for text in lines if text], line)
    return scalar(as_text(value), line)


def group_ref(source: WorkbookSource, written: str, line: int, group_of: Dict[str, str]):
    if written in group_of:
        return group_of[written]
    hint = did_you_mean(written, group_of) or f"先在“{GROUPS}”工作表里加上这个类别"
    message = f"“{GROUPS}”工作表里没有这个类别：'{mdsafety.shorten(written)}'"
    source.error(line, "group", message, hint)
    return INVALID
