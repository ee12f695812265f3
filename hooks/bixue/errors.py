"""The one error type of bad data: where (file, line or sheet!cell, field), what, and a hint."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class DataError:
    """One thing wrong in a data file, worded for the clerk who keeps the file."""

    path: str
    """File relative to the project root, posix: `data/rectifications/first.yml`."""
    line: int
    """1-based line; 0 when the whole file is meant (e.g. it is missing)."""
    field: str
    """Key (dotted for nested keys) the error is about; empty when none applies."""
    message: str
    hint: str = ""
    """What to do about it, when that is not obvious from the message."""
    cell: str = ""
    """In a workbook, `sheet!cell` (整改台账!J12) said instead of the line; `line` then only
    orders the errors (sheet, row, column)."""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line > 0 else self.path
        where = f"{self.path}:{self.cell}" if self.cell else where
        what = f"{self.field}: {self.message}" if self.field else self.message
        hint = f"（{self.hint}）" if self.hint else ""
        return f"{where}: {what}{hint}"


class DataErrors(Exception):
    """Every error found in one load, sorted by file then line, raised once."""

    def __init__(self, errors: Iterable[DataError]) -> None:
        self.errors = sorted(errors, key=lambda error: (error.path, error.line))
        super().__init__(str(self))

    def __str__(self) -> str:
        header = f"数据有 {len(self.errors)} 处错误，站点未生成/未改动："
        return "\n".join([header, *(str(error) for error in self.errors)])
