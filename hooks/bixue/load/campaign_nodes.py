"""The sheets of data/campaign.xlsx as the YAML documents they stand for: campaign.yml, units.yml,
indicators.yml, evaluations.yml and projects.yml, each cell a node at its own place."""

from __future__ import annotations

from types import MappingProxyType
from typing import Dict, Optional

from . import mdsafety
from .campaign_cells import cell_node
from .campaign_figures import evaluations_root, indicators_root
from .campaign_layout import PROJECT_SHEETS, SETTING_HEADERS, SETTING_ROWS, SETTINGS, table
from .campaign_rows import Sheets, listed, rows
from .cells import header_text
from .fields import did_you_mean
from .projects_xlsx import find_tables, projects_root
from .tables import cell_value, data_rows, header_row
from .workbook import Sheet, WorkbookSource, line_of
from .yamlfile import Node

LISTS = MappingProxyType(
    {
        "活动目标": "goals",
        "阶段": "phases",
        "领导小组": "leading_group",
        "结对": "pairs",
        "活动要求": "requirements",
        "大屏": "screens",
        "假期": "time_progress.breaks",
    }
)
"""The campaign.yml lists kept one row each, by sheet."""
PREFIXES = MappingProxyType(
    {**LISTS, "单位": "", "时期": "", "指标": "indicators", "评比内容": "criteria"}
    | {"评比": "rounds", "等级": "levels"}
)


def labels() -> Dict[str, str]:
    """A key as the YAML readers name it in errors -> the header shown instead."""
    found = {column.key: column.header for column in SETTING_ROWS}
    for name, prefix in PREFIXES.items():
        found.update({prefix or name: name} if prefix else {})
        for column in table(name).columns:
            found[f"{prefix}.{column.key}" if prefix else column.key] = column.header
    found.update({"name": "名称", "unit": "计量单位", "target": "目标", "values": "指标数值"})
    found.update({"growth": "增长率（%）", "baseline": "基数", "scores": "分数"})
    return found


LABELS = MappingProxyType(labels())


def campaign_root(source: WorkbookSource, sheets: Sheets) -> Node:
    sheet = sheets[SETTINGS]
    entries = settings(source, sheet)
    for name, key in LISTS.items():
        found = rows(source, sheets, name)
        if found is None:
            continue
        if key in ("goals", "requirements"):
            items = [cells[key] for _line, cells in found]
        elif key == "pairs":
            items = [pair_node(source, line, cells) for line, cells in found]
            items = [item for item in items if item is not None]
        else:
            items = [Node(cells, line) for line, cells in found]
        put(entries, key, Node(items, line_of(sheets[name], 1)))
    return Node(entries, line_of(sheet, 1))


def pair_node(source: WorkbookSource, line: int, cells: Dict[str, Node]) -> Optional[Node]:
    """A row of 结对 as a pair, or a group of three or four; a blank 单位 or 对象单位 is
    reported (a pair is always two units)."""
    blank = [cells[key] for key in ("0", "1") if cells[key].value is None]
    for cell in blank:
        source.error(cell.line, "", "不能为空", "一行写一对：单位和它的互学互比对象")
    members = [cells[key] for key in ("0", "1", "2", "3") if key in cells]
    return None if blank else Node(members, line)


def settings(source: WorkbookSource, sheet: Sheet) -> Dict[str, Node]:
    """The 活动 sheet's rows (a setting and its value each) as campaign.yml's keys."""
    at = header_row(sheet, SETTING_HEADERS)
    if at is None:
        message = "前 10 行里找不到表头" + "、".join(f"“{h}”" for h in SETTING_HEADERS)
        source.error(line_of(sheet, 1, 1), "", message)
        return {}
    header = sheet.rows[at][1]
    name_col, value_col = (1 + [header_text(v) for v in header].index(h) for h in SETTING_HEADERS)
    by_label = {column.header: column for column in SETTING_ROWS}
    entries: Dict[str, Node] = {}
    for number, values in data_rows(sheet, at):
        label = header_text(cell_value(values, name_col))
        column = by_label.get(label)
        if column is None:
            hint = did_you_mean(label, by_label) or "可用的项目：" + "、".join(by_label)
            place = line_of(sheet, number, name_col)
            source.error(place, "", f"未知的项目 '{mdsafety.shorten(label)}'", hint)
            continue
        value = cell_value(values, value_col)
        if value is None and not column.required:
            continue
        node = cell_node(source, column, value, line_of(sheet, number, value_col), label)
        put(entries, column.key, node)
    return entries


def put(entries: Dict[str, Node], key: str, node: Node) -> None:
    """`period.start` as entries["period"]["start"]."""
    if "." not in key:
        entries[key] = node
        return
    outer, inner = key.split(".", 1)
    entries.setdefault(outer, Node({}, node.line)).value[inner] = node


def units_root(source: WorkbookSource, sheets: Sheets) -> Node:
    return listed(rows(source, sheets, "单位") or [], sheets["单位"])


def projects_node(source: WorkbookSource, sheets: Sheets) -> Optional[Node]:
    found = [sheets[name] for name in PROJECT_SHEETS if name in sheets]
    return projects_root(source, find_tables(source, found))


ROOTS = MappingProxyType(
    {
        "campaign": campaign_root,
        "units": units_root,
        "indicators": indicators_root,
        "evaluations": evaluations_root,
        "projects": projects_node,
    }
)
