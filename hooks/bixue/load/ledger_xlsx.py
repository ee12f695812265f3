"""rectifications/*.xlsx: ledger items from workbook rows, checked as the YAML items are."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from types import MappingProxyType
from typing import Dict, List, Tuple

from .. import model
from . import forms
from .cells import as_date, as_text, leading_date, reported
from .reading import Reading
from .statuses import status_code, status_problem
from .tables import cell_value, data_rows, header_columns, header_row, resolve_unit
from .workbook import NOTE_SHEETS, Sheet, WorkbookSource, line_of, open_workbook
from .yamlfile import INVALID, Node

HEADERS = MappingProxyType(
    {
        "编号": "id",
        "责任单位": "unit",
        "单位": "unit",
        "问题": "problem",
        "整改措施": "measures",
        "问题来源": "source",
        "来源": "source",
        "类别": "category",
        "责任人": "owner",
        "发现日期": "found",
        "整改时限": "deadline",
        "状态": "status",
        "完成日期": "completed",
        "整改进展": "updates",
        "内部": "internal",
    }
)
"""Header text -> the field of rectifications/*.yml it fills."""
COMPUTED = ("逾期", "逾期天数", "逾期完成", "临期", "序号")
"""Columns the board's own ledger download adds: read back, they are ignored."""
LABELS = MappingProxyType({field: header for header, field in reversed(HEADERS.items())})
"""Field -> its header in errors (the first header naming it)."""
NEEDED = ("编号", "问题")
DATES = ("found", "deadline", "completed")
TEXTS = ("id", "source", "category", "owner")
MARKDOWN = ("problem", "measures")
BULLET = re.compile(r"^[ \t]*•[ \t]*", re.M)


def read_ledger_workbook(reading: Reading, file: Path, read_item) -> List[model.RectificationItem]:
    """The items of every ledger sheet of one workbook; `read_item(source, node)` checks one."""
    source, sheets = open_workbook(reading, file)
    source.headers = {**LABELS, "updates.date": "整改进展", "updates.note": "整改进展"}
    if is_return(sheets or ()):  # its rows would all be the ledger's ids again
        hint = "把它移到 data/returns/ 文件夹：检查和构建时按编号更新总台账里的这些事项"
        reading.file_error(file, "这是单位交回的台账（说明页写着交回单位），不是总台账", hint)
        return []
    items = []
    tables = [(sheet, header_row(sheet, NEEDED)) for sheet in sheets or ()]
    tables = [
        (sheet, at) for sheet, at in tables if at is not None and sheet.name not in NOTE_SHEETS
    ]
    if sheets is not None and not tables:
        hint = "台账工作表的前 10 行里要有表头“编号”和“问题”"
        reading.file_error(file, "这个工作簿里没有台账工作表", hint)
    for sheet, at in tables:
        columns = header_columns(source, sheet, at, HEADERS, COMPUTED)
        source.columns[sheet.index] = columns
        header_line = line_of(sheet, sheet.rows[at][0], 1)
        for field in ("unit", "status"):
            if field not in columns and field not in source.meant.get(sheet.index, ()):
                source.error(header_line, "", f"缺少“{LABELS[field]}”这一列（必填）")
        for number, values in data_rows(sheet, at):
            node = row_node(source, sheet, number, values, columns)
            item = read_item(source, node)
            items.append(item and with_cells(item, source))
    return [item for item in items if item]


def is_return(sheets: List[Sheet]) -> bool:
    """A unit's workbook made by `templates` (load/returns reads those)."""
    return any(
        values and as_text(values[0]) == model.RETURN_MARK
        for sheet in sheets
        if sheet.name in NOTE_SHEETS
        for _number, values in sheet.rows
    )


def with_cells(item: model.RectificationItem, source: WorkbookSource):
    """Errors found after loading (the public build's checks) name the workbook and the cell."""
    return dataclasses.replace(item, origin=source.cell_origin(item.origin))


def row_node(
    source: WorkbookSource, sheet: Sheet, row: int, values: Tuple, columns: Dict[str, int]
) -> Node:
    """One row as the YAML reader would see the item: a mapping of nodes, each at its cell."""
    entries: Dict[str, Node] = {}
    for field in HEADERS.values():
        if field in entries:
            continue
        column = columns.get(field)
        if column is None:
            if field in ("unit", "status") or field in source.meant.get(sheet.index, ()):
                entries[field] = Node(INVALID, line_of(sheet, row))  # reported once, above
            continue
        line = line_of(sheet, row, column)
        entries[field] = Node(
            cell_node_value(source, field, cell_value(values, column), line), line
        )
    return Node(entries, line_of(sheet, row))


def cell_node_value(source: WorkbookSource, field: str, value, line: int):
    """A cell's value as the YAML reader expects it for `field`; INVALID once reported."""
    if value is None or reported(value):
        return value
    if field in DATES:
        return checked(source, line, field, as_date(value))
    if field == "unit":
        return resolve_unit(source, value, line, field)
    if field == "status":
        return status_of(source, value, line)
    if field == "internal":
        return yes_no(source, value, line)
    if field == "updates":
        return updates_of(source, as_text(value), line)
    if field in MARKDOWN:
        return BULLET.sub("- ", as_text(value))  # the download writes Markdown bullets as •
    return as_text(value)


def checked(source: WorkbookSource, line: int, field: str, result: Tuple):
    value, problem = result
    if value is None:
        source.error(line, field, problem)
        return INVALID
    return value


def status_of(source: WorkbookSource, value, line: int):
    code = status_code(as_text(value))
    if code is None:
        source.error(line, "status", *status_problem(as_text(value), labels=True))
        return INVALID
    return code


def yes_no(source: WorkbookSource, value, line: int):
    if forms.yes_no(as_text(value)) is not None:
        return forms.yes_no(as_text(value))
    source.error(line, "internal", f"必须是 是 或 否（空白为否），实际为 '{as_text(value)}'")
    return INVALID


def updates_of(source: WorkbookSource, written: str, line: int):
    """`2011-12-18 意见箱已采购` per line; a line without a date continues the one above."""
    entries: List[List] = []
    for text_line in written.splitlines():
        if not text_line.strip():
            continue
        when, note, problem = leading_date(text_line)
        if problem:
            source.error(line, "updates", problem)
            return INVALID
        if when is not None:
            entries.append([when, note])
        elif entries:
            entries[-1][1] += "\n" + note
        else:
            hint = "每行一条：日期、空格、进展，如 2011-12-18 意见箱已采购"
            source.error(line, "updates", f"这一行没有以日期开头：'{note[:20]}'", hint)
            return INVALID
    return [entry_node(when, note, line) for when, note in entries]


def entry_node(when, note: str, line: int) -> Node:
    return Node({"date": Node(when, line), "note": Node(note, line)}, line)
