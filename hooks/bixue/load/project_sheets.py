"""The rows of projects.xlsx's 投资进度, 节点 and 形象进度 sheets, gathered per project as the
`invested`, `milestones` and `progress` nodes projects.yml gives."""

from __future__ import annotations

from types import MappingProxyType
from typing import Dict, List, Mapping, Tuple

from . import mdsafety
from .cells import as_date, as_number, as_text, reported
from .fields import a_date, did_you_mean
from .ledger_xlsx import BULLET
from .tables import cell_value, data_rows
from .workbook import ROW_STEP, SHEET_STEP, Sheet, WorkbookSource, line_of
from .yamlfile import INVALID, Node

PROJECTS, INVESTED, MILESTONES, PROGRESS, GROUPS = (
    "重点项目",
    "投资进度",
    "节点",
    "形象进度",
    "类别",
)
PROJECT_ID = "项目编号"
VALUE = "累计完成投资（万元）"
KEYS = MappingProxyType({INVESTED: "invested", MILESTONES: "milestones", PROGRESS: "progress"})
"""Sheet -> the key of a project its rows fill."""

Table = Tuple[Sheet, int, Dict[str, int]]
"""A sheet, the index of its header row in sheet.rows, field -> column."""
Children = Dict[str, Dict[str, object]]
"""Project id -> key (invested, milestones, progress) -> the mapping or list of nodes."""


def child_nodes(
    source: WorkbookSource, tables: Dict[str, Table], written: Mapping[str, str]
) -> Children:
    """Every row of the child sheets, under the project its 项目编号 (or its name) names;
    `written`: how a project may be named -> its id."""
    children: Children = {}
    for name, key in KEYS.items():
        if name not in tables:
            continue
        sheet, at, columns = tables[name]
        for number, values in data_rows(sheet, at):
            project = project_of(source, sheet, number, values, columns, written)
            if project is None:
                continue
            entries = children.setdefault(project, {})
            if key == "invested":
                invested_row(source, sheet, number, values, columns, entries.setdefault(key, {}))
            else:
                nodes = {
                    field: cell(source, sheet, number, values, column, f"{key}.{field}")
                    for field, column in columns.items()
                    if field not in ("project", "project_name")
                }
                entries.setdefault(key, []).append(Node(nodes, line_of(sheet, number)))
    return children


def project_of(source, sheet: Sheet, number: int, values, columns, written: Mapping[str, str]):
    """The project a child row is for, or None once reported."""
    column = columns["project"]
    if cell_value(values, column) is None and "project_name" in columns:
        column = columns["project_name"]  # 编号 left blank: the project named by its name
    line = line_of(sheet, number, column)
    value = cell_value(values, column)
    if reported(value):
        return None
    written_id = as_text(value)
    if written_id is None:
        source.error(line, PROJECT_ID, "这一行有数据，但没有写项目编号")
        return None
    if written_id not in written:
        hint = did_you_mean(written_id, written) or f"先在“{PROJECTS}”工作表里加上这个项目"
        message = f"“{PROJECTS}”工作表里没有这个项目：'{mdsafety.shorten(written_id)}'"
        source.error(line, PROJECT_ID, message, hint)
        return None
    return written[written_id]


def cell(source: WorkbookSource, sheet: Sheet, number: int, values, column: int, key: str) -> Node:
    """A cell of 节点 or 形象进度 as its node: dates as dates, notes with their bullets back;
    `key` is the key projects.py names it by (milestones.planned), for its header in errors."""
    line = line_of(sheet, number, column)
    value = cell_value(values, column)
    if value is None or reported(value):
        return Node(value, line)
    if key.endswith((".planned", ".done", ".date")):
        day, problem = as_date(value)
        if day is None:
            source.error(line, key, problem)
        return Node(day if day else INVALID, line, as_text(value))
    if key.endswith(".note"):
        return Node(BULLET.sub("- ", as_text(value)), line)  # the download writes bullets as •
    return Node(as_text(value), line, as_text(value))


def invested_row(source, sheet: Sheet, number: int, values, columns, invested: Dict[str, Node]):
    """One report of cumulative investment: its date once per project, a number."""
    when_line = line_of(sheet, number, columns["date"])
    value_line = line_of(sheet, number, columns["value"])
    when, value = cell_value(values, columns["date"]), cell_value(values, columns["value"])
    for at, written, label in ((when_line, when, "截至日期"), (value_line, value, VALUE)):
        if written is None:
            source.error(at, label, "不能为空")
    if when is None or reported(when):
        return
    day, problem = as_date(when)
    if day is None:
        source.error(when_line, "截至日期", problem)
        return
    if a_date(source, Node(day, when_line), "截至日期") is None:
        return
    if day.isoformat() in invested:
        row = invested[day.isoformat()].line % SHEET_STEP // ROW_STEP
        source.error(when_line, "截至日期", f"{day} 写了两次：第 {row} 行已经写过")
        return
    amount = INVALID if value is None or reported(value) else number_of(source, value_line, value)
    invested[day.isoformat()] = Node(amount, value_line, as_text(value) or "")


def number_of(source: WorkbookSource, line: int, value):
    number, problem = as_number(value)
    if number is None:
        source.error(line, VALUE, problem)
        return INVALID
    return number


def without_blank_id(node: Node) -> Node:
    """A row whose 编号 is blank but whose name is written: its id is made from the name."""
    entries = node.value
    if entries["id"].value is not None or not isinstance(entries["name"].value, str):
        return node
    return Node({k: v for k, v in entries.items() if k != "id"}, node.line, node.text)


def project_names(nodes: List[Node]) -> Dict[str, str]:
    """How the other sheets may name a project (its 编号, or its name) -> its id."""
    found: Dict[str, str] = {}
    for key in ("name", "id"):  # an id written by hand wins over another project's name
        for node in nodes:
            project_id = node.value.get("id")
            written = node.value.get(key)
            if project_id is not None and written is not None and isinstance(written.value, str):
                if isinstance(project_id.value, str):
                    found[written.value] = project_id.value
    return found
