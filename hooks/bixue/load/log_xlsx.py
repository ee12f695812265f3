"""activities.xlsx and achievements.xlsx: one table of records, each row read as the YAML reader
reads a record (its cells made into nodes), so both forms are checked alike."""

from __future__ import annotations

import dataclasses
import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, List, Mapping, Tuple

from .cells import as_date, as_number, as_text, header_text, reported
from .reading import Reading
from .tables import cell_value, data_rows, header_columns, header_row, resolve_unit
from .workbook import NOTE_SHEETS, Sheet, WorkbookSource, line_of, open_workbook
from .yamlfile import INVALID, Node

LIST_SEPARATORS = re.compile(r"[、，,;；\n]+")
"""What separates the units (or people, photos) of a list typed in one cell."""
YES, NO = ("是", "true", "1"), ("否", "false", "0")


@dataclass(frozen=True)
class Table:
    """What one kind's workbook holds: header -> field, and how each field's cell is read."""

    headers: Mapping[str, str]
    needed: Tuple[str, ...]
    """Headers that find the header row (in the first 10 rows)."""
    required: Tuple[str, ...] = ()
    """Fields whose column must be there: a missing one is one error, at the header row."""
    dates: Tuple[str, ...] = ()
    numbers: Tuple[str, ...] = ()
    units: Tuple[str, ...] = ()
    unit_lists: Tuple[str, ...] = ()
    lists: Tuple[str, ...] = ()
    booleans: Tuple[str, ...] = ()
    what: str = "记录"
    """What a row is, for the error of a workbook without the table (活动记录)."""


def labels(table: Table) -> Dict[str, str]:
    return {field: header for header, field in reversed(table.headers.items())}


def read_table_workbook(reading: Reading, file: Path, table: Table, read_record: Callable) -> List:
    """The records of every sheet holding the table; `read_record(source, node)` checks one."""
    source, sheets = open_workbook(reading, file)
    source.headers = labels(table)
    found = [(sheet, header_row(sheet, table.needed)) for sheet in sheets or ()]
    found = [(s, at) for s, at in found if at is not None and s.name not in NOTE_SHEETS]
    if sheets is not None and not found:
        needed = "”和“".join(table.needed)
        hint = f"{table.what}工作表的前 10 行里要有表头“{needed}”"
        reading.file_error(file, f"这个工作簿里没有{table.what}工作表", hint)
    records = []
    for sheet, at in found:
        columns = header_columns(source, sheet, at, table.headers)
        source.columns[sheet.index] = columns
        header_line = line_of(sheet, sheet.rows[at][0], 1)
        meant = misspelt(sheet.rows[at][1], table.headers)
        for field in table.required:
            if field not in columns and source.headers[field] not in meant:
                source.error(header_line, "", f"缺少“{source.headers[field]}”这一列（必填）")
        for number, values in data_rows(sheet, at):
            node = row_node(source, table, sheet, number, values, columns)
            record = read_record(source, node)
            records.append(record and record_with_cells(record, source))
    return [record for record in records if record]


def misspelt(values: Tuple, headers: Mapping[str, str]) -> List[str]:
    """The headers unknown ones were likely meant for: reported once, with the unknown one."""
    unknown = [header_text(v) for v in values if v is not None and header_text(v) not in headers]
    return [m for word in unknown for m in difflib.get_close_matches(word, list(headers), 1, 0.6)]


def record_with_cells(record, source: WorkbookSource):
    """Errors found after loading (the public build's checks) name the workbook and the cell."""
    return dataclasses.replace(record, origin=source.cell_origin(record.origin))


def row_node(
    source: WorkbookSource,
    table: Table,
    sheet: Sheet,
    row: int,
    values: Tuple,
    columns: Dict[str, int],
) -> Node:
    """One row as the YAML reader would see the record: a mapping of nodes, each at its cell;
    a missing column is reported once, by the reader, as a missing key at the row."""
    entries: Dict[str, Node] = {
        field: Node(INVALID, line_of(sheet, row))
        for field in table.required
        if field not in columns
    }
    for field, column in columns.items():
        line = line_of(sheet, row, column)
        value = cell_node_value(source, table, field, cell_value(values, column), line)
        if value is not None:
            entries[field] = Node(value, line)
    return Node(entries, line_of(sheet, row))


def cell_node_value(source: WorkbookSource, table: Table, field: str, value, line: int):
    """A cell's value as the YAML reader expects it for `field`; INVALID once reported."""
    if value is None or reported(value):
        return value
    if field in table.dates:
        return checked(source, line, field, as_date(value))
    if field in table.numbers:
        return checked(source, line, field, as_number(value))
    if field in table.units:
        return resolve_unit(source, value, line, field)
    if field in table.unit_lists:
        return [Node(resolve_unit(source, word, line, field), line) for word in split(value)]
    if field in table.lists:
        return [Node(word, line) for word in split(value)]
    if field in table.booleans:
        return yes_no(source, field, value, line)
    return as_text(value)


def split(value) -> List[str]:
    words = (word.strip() for word in LIST_SEPARATORS.split(as_text(value)))
    return [word for word in words if word]


def checked(source: WorkbookSource, line: int, field: str, result: Tuple):
    value, problem = result
    if value is None:
        source.error(line, field, problem)
        return INVALID
    return value


def yes_no(source: WorkbookSource, field: str, value, line: int):
    written = as_text(value).lower()
    if written in YES or written in NO:
        return written in YES
    source.error(line, field, f"必须是 是 或 否（空白为否），实际为 '{as_text(value)}'")
    return INVALID
