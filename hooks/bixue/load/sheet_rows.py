"""A read-only sheet's rows as plain values, faster than openpyxl's general path.

openpyxl (pinned 3.1.5) parses every inline string (how openpyxl itself, so the board's own
downloads, writes text) through its rich-text objects, which took most of the time of reading a
20,000-row ledger. This parser reads those strings directly and hands every other cell to
openpyxl's own `parse_cell`, so dates, numbers, shared strings and formulas read exactly as
openpyxl reads them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, FrozenSet, Iterator, List, Optional, Set, Tuple

from openpyxl.styles.numbers import BUILTIN_FORMATS_MAX_SIZE, builtin_format_code
from openpyxl.utils.cell import column_index_from_string
from openpyxl.worksheet._reader import FORMULA_TAG, VALUE_TAG, WorkSheetParser
from openpyxl.xml.constants import SHEET_MAIN_NS

TEXT_TAG = f"{{{SHEET_MAIN_NS}}}t"


def column_number(letters: str) -> int:
    return column_index_from_string(letters)  # openpyxl looks it up in a table of its own


class DateSerial(float):
    """A number in a cell formatted as a date, too large or small to be one: openpyxl reads it
    as the error value #VALUE!, which no clerk typed."""


class Percent(float):
    """A number in a cell formatted as a percentage: Excel keeps 95% as 0.95; it reads as the
    number the clerk sees and typed (cells.as_number)."""


def percent_styles(book) -> FrozenSet[int]:
    """The style ids of a workbook whose number format shows a percentage."""
    found = set()
    for index, style in enumerate(getattr(book, "_cell_styles", ())):
        number_format = style.numFmtId
        if number_format >= BUILTIN_FORMATS_MAX_SIZE:
            code = book._number_formats[number_format - BUILTIN_FORMATS_MAX_SIZE]
        else:
            code = builtin_format_code(number_format) or ""
        if "%" in re.sub(r'"[^"]*"|\\.', "", code):  # a % in quotes or escaped is only shown
            found.add(index)
    return frozenset(found)


class QuickParser(WorkSheetParser):
    percents: FrozenSet[int] = frozenset()

    def parse_cell(self, element):
        if element.get("t") != "inlineStr" or (
            not self.data_only and element.find(FORMULA_TAG) is not None
        ):
            cell = out_of_range_date(element, super().parse_cell(element))
            return as_percent(cell, self.percents)
        coordinate = element.get("r")
        if coordinate:
            self.col_counter = column_number(coordinate.rstrip("0123456789"))
        else:
            self.col_counter += 1
        value = "".join(node.text or "" for node in element.iter(TEXT_TAG))
        return {"row": self.row_counter, "column": self.col_counter, "value": value}


def as_percent(cell: dict, percents: FrozenSet[int]) -> dict:
    value = cell["value"]
    if (
        cell.get("style_id") in percents
        and isinstance(value, (int, float))
        and not isinstance(value, bool)
    ):
        cell["value"] = Percent(value)
    return cell


def out_of_range_date(element, cell: dict) -> dict:
    if cell["value"] == "#VALUE!" and element.get("t", "n") == "n":
        try:
            cell["value"] = DateSerial(element.findtext(VALUE_TAG))
        except (TypeError, ValueError):
            pass  # not a number after all: the error value it reads as stands
    return cell


@dataclass
class Hidden:
    """What the sheet's file marks hidden: rows by number, columns by number (1 = A); and, though
    not hidden, its merged ranges as `A3:A5`."""

    rows: Set[int] = field(default_factory=set)
    columns: Set[int] = field(default_factory=set)
    merged: List[str] = field(default_factory=list)


def sheet_values(
    worksheet, hidden: Optional[Hidden] = None
) -> Iterator[Tuple[int, Tuple[Any, ...]]]:
    """(row number, values by column from A) of every row the sheet's file holds; `hidden`,
    if given, learns its hidden rows and columns once every row is read."""
    book = worksheet.parent
    with worksheet._get_source() as source:
        parser = QuickParser(
            source,
            worksheet._shared_strings,
            data_only=book.data_only,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        parser.percents = percent_styles(book)
        for number, cells in parser.parse():
            yield number, by_column(cells)
    if hidden is not None and parser.merged_cells is not None:
        hidden.merged.extend(merge.ref for merge in parser.merged_cells.mergeCell)
    if hidden is not None:
        hidden.rows |= {int(row) for row, attrs in parser.row_dimensions.items() if is_on(attrs)}
        for attrs in parser.column_dimensions.values():
            if is_on(attrs):
                hidden.columns |= set(range(int(attrs["min"]), int(attrs.get("max", 0) or 0) + 1))


def is_on(attrs: dict) -> bool:
    """An XML boolean attribute `hidden` set: "1" or "true"."""
    return attrs.get("hidden") in ("1", "true")


def by_column(cells: List[dict]) -> Tuple[Any, ...]:
    if not cells:
        return ()
    values: List[Any] = [None] * max(cell["column"] for cell in cells)
    for cell in cells:
        values[cell["column"] - 1] = cell["value"]
    return tuple(values)
