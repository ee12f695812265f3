"""data/indicators.xlsx: each indicator's reported values (and per-unit targets), a sheet each.

Periods and the indicators themselves stay in indicators.yml."""

from __future__ import annotations

import dataclasses
import datetime
from typing import Dict, Optional, Tuple

from .. import model
from .cells import as_number, header_text, reported
from .datafiles import present
from .periods import as_typed, check_rising, period_of_day
from .reading import Reading
from .tables import cell_value, header_columns, header_row, named_sheet, unit_rows
from .workbook import Sheet, WorkbookSource, line_of, open_workbook
from .workbook_files import check_not_workbooks, named_workbook, refused_files

FILE = "indicators.xlsx"
UNIT, TARGET = "单位", "目标"


def with_indicator_workbook(
    reading: Reading, indicators: Optional[model.Indicators]
) -> Optional[model.Indicators]:
    """`indicators` with the values of data/indicators.xlsx, when there is one."""
    file = named_workbook(reading, "indicators")
    check_not_workbooks(reading, refused_files(reading.data_dir, "indicators"))
    if not present(file):  # a folder or a link so named is reported by open_workbook
        return indicators
    others = [reading.data_dir / f"indicators.{suffix}" for suffix in ("yml", "yaml")]
    if indicators is None and any(other.is_file() for other in others):
        return None  # that file's own errors (or its misnaming) are reported; this would follow
    if indicators is None:
        hint = "先在 indicators.yml 里写 periods 和各项指标"
        reading.file_error(file, "有指标数值工作簿，却没有 indicators.yml", hint)
        return None
    source, sheets = open_workbook(reading, file)
    names = {header_text(i.name): i for i in indicators.indicators if i.name}
    names.update({header_text(i.id): i for i in indicators.indicators if i.id})
    given: Dict[str, model.Indicator] = {}
    for sheet in sheets or ():
        indicator = named_sheet(source, sheet, names, "指标")
        if indicator is None:
            continue
        if indicator.id in given:
            source.error(line_of(sheet, 1, 1), "", f"指标 '{indicator.name}' 有两个工作表")
            continue
        given[indicator.id] = read_sheet(source, sheet, indicator, indicators.periods)
    replaced = [given.get(indicator.id, indicator) for indicator in indicators.indicators]
    return dataclasses.replace(indicators, indicators=tuple(replaced))


def written_at(reading: Reading, origin: model.Origin, key: str) -> str:
    """Where a key of a record is written: file:line, or campaign.xlsx:sheet!cell."""
    line, book = origin.line_of(key), reading.campaign_book
    if book and origin.path == book.source.path:
        return book.source.where(line)
    return f"{origin.path}:{line}"


def read_sheet(
    source: WorkbookSource, sheet: Sheet, indicator: model.Indicator, periods: Tuple[str, ...]
) -> model.Indicator:
    if indicator.values:
        where = written_at(source.reading, indicator.origin, "values")
        message = f"指标 '{indicator.name}' 的数值已经写在 {where}，不能两处都写"
        source.error(line_of(sheet, 1, 1), "", message, "只保留一处")
    at = header_row(sheet, (UNIT,))
    if at is None:
        source.error(line_of(sheet, 1, 1), "", "前 10 行里找不到表头“单位”")
        return indicator
    known = {UNIT: "unit", TARGET: "target", **{header_text(p): p for p in periods}}
    dated, unmatched = date_headers(source, sheet, at, periods)
    unknown = ("indicators.yml 的 periods 里没有这个时期", "先在 periods 里加上它")
    columns = header_columns(source, sheet, at, {**known, **dated}, unmatched, unknown=unknown)
    values: Dict[str, Dict[str, model.Number]] = {}
    targets = dict(indicator.targets)
    sources = {k: v for k, v in indicator.sources.items() if not k.startswith("value\t")}
    for number, unit, row in unit_rows(source, sheet, at, columns.get("unit", 1)):
        if not indicator.applies(unit):
            # A row left blank (an older template listed every unit) says nothing: no error.
            if any(
                cell_value(row, col) is not None for key, col in columns.items() if key != "unit"
            ):
                line = line_of(sheet, number, columns.get("unit", 1))
                hint = "把它加进 indicators.yml 的 applies_to，或者删掉这一行"
                source.error(line, UNIT, f"这个指标不适用于 '{unit}'", hint)
            continue
        cells = {
            key: (line_of(sheet, number, col), cell_value(row, col)) for key, col in columns.items()
        }
        reported_values = {
            period: number_in(source, *cells[period], period)
            for period in periods
            if period in cells
        }
        reported_values = {p: v for p, v in reported_values.items() if v is not None}
        written = [(p, reported_values[p], cells[p][0], p) for p in periods if p in reported_values]
        check_rising(source, indicator, written)
        if reported_values:
            values[unit] = {p: reported_values[p] for p in periods if p in reported_values}
        target = target_in(source, *cells.get("target", (0, None)), indicator.direction)
        if target is not None:
            targets[unit] = target
        sources.update(
            cell_sources(
                source, unit, cells, [*reported_values, *(["target"] * (target is not None))]
            )
        )
    return dataclasses.replace(indicator, values=values, targets=targets, sources=sources)


def cell_sources(source: WorkbookSource, unit: str, cells: dict, keys) -> Dict[str, str]:
    """Where the unit's values (by period) and target were read: `workbook:sheet!cell`."""
    return {
        model.source_key("target", unit)
        if key == "target"
        else model.source_key("value", unit, key): source.where(cells[key][0])
        for key in keys
    }


def date_headers(
    source: WorkbookSource,
    sheet: Sheet,
    at: int,
    periods: Tuple[str, ...],
    where: Tuple[str, str] = ("indicators.yml 的 periods", "periods"),
) -> Tuple[Dict[str, str], Tuple[str, ...]]:
    """Header cells Excel made into dates (`2012年9月` typed, 2012-09-01 kept): {header as
    compared: the period it names}, and the headers that name none (reported here, as typed).
    `where`: where the periods are written, as the message and the hint name it."""
    number, values = sheet.rows[at]
    dated, unmatched = {}, []
    for col, value in enumerate(values, start=1):
        if not isinstance(value, datetime.date):
            continue
        day = value.date() if isinstance(value, datetime.datetime) else value
        period = period_of_day(day, periods)
        if period is not None:
            dated[header_text(value)] = period
            continue
        unmatched.append(header_text(value))
        typed = as_typed(day)
        message = f"表头 '{typed}' 被 Excel 存成了日期 {day}，{where[0]} 里没有对应的时期"
        hint = (
            f"{where[1]} 写成月份（如 2012-09 或 9月）、季度或日期，"
            f"或者把表头改成 {where[1]} 里的写法"
        )
        source.error(line_of(sheet, number, col), "", message, hint)
    return dated, tuple(unmatched)


def number_in(source: WorkbookSource, line: int, value, name: str) -> Optional[model.Number]:
    """A cell's number; blank is 未报送 (None)."""
    if value is None or reported(value):
        return None
    number, problem = as_number(value)
    if number is None:
        source.error(line, name, problem)
    return number


def target_in(source: WorkbookSource, line: int, value, direction: str):
    target = number_in(source, line, value, TARGET)
    if target is not None and direction == "up" and target <= 0:
        # Completion is latest / target, so an upward target must be positive.
        source.error(line, TARGET, f"方向为 up 时目标必须大于 0，实际为 {target}")
        return None
    if target is not None and target < 0:
        source.error(line, TARGET, f"目标不能为负数，实际为 {target}")
        return None
    return target
