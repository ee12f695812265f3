"""Merged cells as clerks use them (one 责任单位 cell over a unit's rows): the first cell's value
given to every cell the range spans."""

from __future__ import annotations

from typing import Any, List, Set, Tuple

from openpyxl.utils import range_boundaries

MAX_MERGED_CELLS = 100_000
"""A larger merge (a whole sheet merged) holds no table; filling it would take all memory."""


def own_value(number: int, values: Tuple, filled: Set[Tuple[int, int]]) -> bool:
    """A row holds something of its own: not blank, and not only a merged cell's value (a merge
    reaching into rows left blank below a table)."""
    return any(v is not None and (number, col) not in filled for col, v in enumerate(values, 1))


def merged_values(
    rows: List[Tuple[int, Tuple[Any, ...]]], merged: List[str]
) -> Set[Tuple[int, int]]:
    """Give every cell of each merged range its first cell's value (a WPS habit: one 责任单位
    cell merged over the unit's rows), in place; the (row, column) of each cell so filled."""
    by_number = {number: list(values) for number, values in rows}
    filled = set()
    for ref in merged:
        first_col, first_row, last_col, last_row = range_boundaries(ref)
        if (last_row - first_row + 1) * (last_col - first_col + 1) > MAX_MERGED_CELLS:
            continue  # a whole-sheet merge holds no table; filling it would take all memory
        first = by_number.get(first_row, [])
        value = first[first_col - 1] if first_col <= len(first) else None
        if value is None:
            continue
        for row in range(first_row, last_row + 1):
            cells = by_number.setdefault(row, [])
            cells.extend([None] * (last_col - len(cells)))
            for col in range(first_col, last_col + 1):
                if (row, col) != (first_row, first_col) and cells[col - 1] is None:
                    cells[col - 1] = value
                    filled.add((row, col))
    rows[:] = [(number, tuple(by_number[number])) for number in sorted(by_number)]
    return filled
