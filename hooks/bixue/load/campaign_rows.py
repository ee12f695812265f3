"""A sheet of data/campaign.xlsx as rows of nodes by key: its header row found, its columns known
by the layout, each cell read by its column's kind."""

from __future__ import annotations

from typing import Dict, List, Mapping, Optional, Tuple

from .campaign_cells import cell_node
from .campaign_layout import Column, table
from .cells import header_text
from .made import with_ids
from .tables import cell_value, data_rows, header_columns, header_row
from .workbook import Sheet, WorkbookSource, line_of
from .yamlfile import INVALID, Node

Sheets = Mapping[str, Sheet]
Row = Tuple[int, Dict[str, Node]]
"""A data row's number and its cells as nodes by key."""


def rows(source: WorkbookSource, sheets: Sheets, name: str, extra=None) -> Optional[List[Row]]:
    """A table sheet's data rows as nodes; None when the sheet is not there. `extra`: header
    -> key of columns the layout leaves open (periods, criteria)."""
    sheet = sheets.get(name)
    if sheet is None:
        return None
    layout = table(name)
    needed = [header_text(column.header) for column in layout.columns if column.required]
    at = header_row(sheet, needed[:1] or [header_text(layout.columns[0].header)])
    if at is None:
        message = f"前 10 行里找不到表头“{layout.columns[0].header}”"
        source.error(line_of(sheet, 1, 1), "", message, "表头：" + "、".join(layout.headers()))
        return []
    known = {header_text(column.header): column.key for column in layout.columns}
    known.update({header_text(header): key for header, key in (extra or {}).items()})
    columns = header_columns(source, sheet, at, known, required=needed)
    missing = missing_columns(source, sheet, at, layout, columns)
    by_key = {column.key: column for column in layout.columns}
    by_key.update({key: Column(key, key, "number") for key in columns if key not in by_key})
    found = []
    for number, values in data_rows(sheet, at):
        cells = row_cells(source, sheet, number, values, columns, by_key)
        cells.update({key: Node(INVALID, line_of(sheet, number)) for key in missing})
        found.append((line_of(sheet, number), cells))
    return found


def missing_columns(source, sheet: Sheet, at: int, layout, columns) -> List[str]:
    """The required columns the header row lacks, reported once at the header (a header taken
    for one of them is reported already); their cells are then left out of every row."""
    missing = [c for c in layout.columns if c.required and c.key not in columns]
    meant = source.meant.get(sheet.index, set())
    for column in missing:
        if column.key not in meant:
            where = line_of(sheet, sheet.rows[at][0], 1)
            source.error(where, "", f"缺少“{column.header}”这一列（必填）")
    return [column.key for column in missing]


def row_cells(source, sheet: Sheet, number: int, values, columns, by_key) -> Dict[str, Node]:
    """A row's cells by key; a blank cell is a key not written, unless it is required."""
    cells = {}
    for key, col in columns.items():
        column, value = by_key[key], cell_value(values, col)
        if value is not None or column.required:
            line = line_of(sheet, number, col)
            cells[key] = cell_node(source, column, value, line, column.header)
    return cells


def with_made_ids(source: WorkbookSource, found: List[Row], kind: str) -> List[Row]:
    """Rows left without 编号 given the id made from their name now (load.made), where another
    sheet's header names the record by id (评分's criteria columns)."""
    nodes = with_ids(source, [Node(cells, line) for line, cells in found], kind)
    return [(node.line, node.value) for node in nodes]


def listed(found: List[Row], sheet: Sheet) -> Node:
    return Node([Node(cells, line) for line, cells in found], line_of(sheet, 1))
