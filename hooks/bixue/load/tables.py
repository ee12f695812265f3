"""A sheet as a table: its header row, which column holds which field, and units named in cells."""

from __future__ import annotations

import difflib
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from .. import model
from . import mdsafety, unitref
from .cells import as_text, header_text, reported
from .fields import did_you_mean
from .workbook import HEADER_ROWS, NOTE_SHEETS, Sheet, WorkbookSource, line_of
from .yamlfile import INVALID


def header_row(sheet: Sheet, needed: Sequence[str]) -> Optional[int]:
    """Index in sheet.rows of the first of the first rows holding every `needed` header."""
    for at, (number, values) in enumerate(sheet.rows):
        if number > HEADER_ROWS:
            return None
        if set(needed) <= {header_text(value) for value in values}:
            return at
    return None


def header_columns(
    source: WorkbookSource,
    sheet: Sheet,
    at: int,
    known: Mapping[str, str],
    ignored: Iterable[str] = (),
    unknown: Tuple[str, str] = ("未知的列", ""),
    required: Sequence[str] = (),
) -> Dict[str, int]:
    """Field -> column number (1-based) of a header row; unknown and doubled headers reported.

    `known` maps header text (normalised) to field; `ignored` headers are skipped in silence;
    `unknown` is the message and hint for other headers (`{}` in the message: the header);
    a lone unknown header where a lone `required` header is missing is taken to mean it."""
    number, values = sheet.rows[at]
    columns: Dict[str, int] = {}
    standing_in = stand_in(values, known, ignored, required)
    for col, value in enumerate(values, start=1):
        header = header_text(value)
        if not header or header in ignored or (number, col) in sheet.filled:
            continue  # a header merged over several columns names the first
        where = line_of(sheet, number, col)
        if header not in known:
            free = [h for h in known if known[h] not in columns]
            meant = meant_header(header, free) or close_header(header, known) or standing_in
            if meant:
                source.meant.setdefault(sheet.index, set()).add(known[meant])
            hint = f"是不是 {meant}？" if meant else unknown[1] or "可用的列：" + "、".join(known)
            source.error(where, "", f"{unknown[0]} '{mdsafety.shorten(header)}'", hint)
        elif known[header] in columns:
            source.error(where, "", f"'{header}' 这一列出现了两次")
        else:
            columns[known[header]] = col
    check_visible(source, sheet, at, columns)
    return columns


def stand_in(values, known, ignored, required: Sequence[str]) -> Optional[str]:
    """The required header a row misses when it misses one and has one header unknown in its
    place (完成时限 where 结束日期 belongs): one slip, one error naming the header meant."""
    written = {header_text(value) for value in values} - {""} - set(ignored)
    missing = [header for header in required if header not in written]
    strange = [header for header in written if header not in known]
    return missing[0] if len(missing) == 1 and len(strange) == 1 else None


def meant_header(header: str, known: Sequence[str]) -> Optional[str]:
    """The known header a misspelt one most likely meant. A Chinese header's last characters say
    what it is (完成时限 is a 时限: 整改时限, not 完成日期), so a shared ending weighs double."""
    scored = sorted(((likeness(header, option), option) for option in known), reverse=True)
    if not scored or scored[0][0] < max(2, len(header) // 2 + 1):
        return None
    tied = len(scored) > 1 and scored[1][0] == scored[0][0]
    return None if tied else scored[0][1]  # a tie is left to spelling (close_header)


def close_header(header: str, known: Sequence[str]) -> Optional[str]:
    close = difflib.get_close_matches(header, list(known), n=1, cutoff=0.6)
    return close[0] if close else None


def likeness(header: str, option: str) -> int:
    ending = 0
    while ending < min(len(header), len(option)) and header[-1 - ending] == option[-1 - ending]:
        ending += 1
    shared = sum(min(header.count(c), option.count(c)) for c in set(header))
    return 2 * ending + shared


def check_visible(source: WorkbookSource, sheet: Sheet, at: int, columns: Dict[str, int]) -> None:
    """A table read is published: none of it may be hidden from the clerk who keeps it. A
    hidden sheet no reader reads as a table (the board's own 选项 list sheet) is fine."""
    number = sheet.rows[at][0]
    if sheet.hidden:
        message = f"工作表 '{sheet.name}' 是隐藏的，里面的内容会被读取并发布"
        source.error(line_of(sheet, number, 1), "", message, "取消隐藏这个工作表，或删掉它")
        return
    hidden = sheet.hidden_cells
    rows = [row for row, _values in sheet.rows[at:] if row in hidden.rows]
    for first, last in runs(rows, [row for row, _values in sheet.rows]):
        shown = f"第 {first} 行" if first == last else f"第 {first}–{last} 行"
        message = f"{shown}是隐藏的，里面的内容会被读取并发布"
        source.error(line_of(sheet, first, 1), "", message, "取消隐藏这些行，或删掉它们")
    for col in sorted(set(columns.values()) & hidden.columns):
        header = header_text(sheet.rows[at][1][col - 1])
        message = f"'{header}' 这一列是隐藏的，里面的内容会被读取并发布"
        source.error(line_of(sheet, number, col), "", message, "取消隐藏这一列，或删掉它")


def runs(found: List[int], order: List[int]) -> List[Tuple[int, int]]:
    """(first, last) of each run of `found` that stands together in `order` (rows with content;
    blank rows between hidden ones do not split a run)."""
    place = {row: at for at, row in enumerate(order)}
    spans: List[List[int]] = []
    for row in found:
        if spans and place[row] == place[spans[-1][1]] + 1:
            spans[-1][1] = row
        else:
            spans.append([row, row])
    return [(first, last) for first, last in spans]


def data_rows(sheet: Sheet, at: int) -> List[Tuple[int, Tuple]]:
    """The rows under the header row; blank rows were never kept."""
    return sheet.rows[at + 1 :]


def cell_value(values: Tuple, column: Optional[int]):
    if column is None or column > len(values):
        return None
    return values[column - 1]


def unit_names(units: Sequence[model.Unit]) -> Dict[str, Tuple[str, ...]]:
    """Every way a cell may name a unit -> the unit ids it names (load.unitref)."""
    return unitref.unit_ways(units)


def resolve_unit(source: WorkbookSource, value, line: int, field_name: str):
    """A unit named by id, name or short name -> its id; INVALID after reporting a bad one."""
    if value is None or reported(value):
        return value
    written = as_text(value)
    if source.reading.unit_ids is None:
        return written  # units.yml is unreadable: its errors come first
    ids = unitref.candidates(source.reading, written)
    if len(ids) == 1:
        return ids[0]
    if ids:
        source.error(line, field_name, *unitref.ambiguous(source.reading, written))
        return INVALID
    if written in source.reading.invalid_ids:
        return INVALID  # units.yml's own error says what is wrong with this id
    options = [*source.reading.unit_ways]
    where = source.reading.units_where
    hint = did_you_mean(written, options) or f"先在 {where} 里加上这个单位"
    message = f"{where} 里没有这个单位：'{mdsafety.shorten(written)}'"
    source.error(line, field_name, message, hint)
    return INVALID


def unit_rows(
    source: WorkbookSource, sheet: Sheet, at: int, column: int
) -> List[Tuple[int, str, Tuple]]:
    """(row number, unit id, values) of each data row of a table keyed by unit; a unit named
    twice, an unknown unit and a row without a unit are reported and left out."""
    rows, seen = [], {}
    for number, values in data_rows(sheet, at):
        line = line_of(sheet, number, column)
        unit = resolve_unit(source, cell_value(values, column), line, "单位")
        if unit is None:
            source.error(line, "单位", "这一行有数据，但没有写单位")
        elif unit in seen:
            source.error(line, "单位", f"'{unit}' 出现了两次：第 {seen[unit]} 行已经写过")
        elif not reported(unit):
            seen[unit] = number
            rows.append((number, unit, values))
    return rows


def named_sheet(
    source: WorkbookSource, sheet: Sheet, names: Mapping[str, object], kind: str
) -> Optional[object]:
    """The record a sheet stands for, by its name or id; reported when it names none."""
    record = names.get(header_text(sheet.name))
    if record is None and sheet.name not in NOTE_SHEETS:
        hint = did_you_mean(header_text(sheet.name), names) or f"工作表名写{kind}的名称或 id"
        message = f"工作表 '{sheet.name}' 不对应任何{kind}"
        source.error(line_of(sheet, 1, 1), "", message, hint)
    return record
