"""Workbooks (.xlsx) as clerks keep them: which files count, each sheet's rows, and where a cell is
for errors (`整改台账!J12` instead of a line)."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Set, Tuple

import openpyxl
from openpyxl.utils import get_column_letter

from .. import model
from ..errors import DataError
from . import guards
from .cells import clean
from .datafiles import path_problem
from .merged import merged_values, own_value
from .reading import Reading, Source
from .sheet_rows import Hidden, sheet_values
from .workbook_files import SAVE_AS
from .workbook_xml import BROKEN, broken, xml_problem
from .yamlfile import INVALID

ZIP_MAGIC = b"PK\x03\x04"
OLD_EXCEL_MAGIC = b"\xd0\xcf\x11\xe0"
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
"""The stream name, as an OLE directory spells it, of a workbook saved with a password."""
HEADER_ROWS = 10
"""The header row is among the first rows; above it may stand a merged title."""
NOTE_SHEETS = ("说明",)
MAX_WORKBOOK_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
"""An .xlsx is a zip file: a small one may unpack to gigabytes (a zip bomb)."""
# Line numbers of workbook errors order them by sheet, row and column; col 0 means the whole row.
SHEET_STEP, ROW_STEP = 10**12, 10**5


@dataclass
class Sheet:
    """One sheet's rows that hold something, as (row number, trimmed values)."""

    name: str
    index: int
    rows: List[Tuple[int, Tuple[Any, ...]]]
    hidden: bool = False
    """The sheet itself is hidden (or very hidden)."""
    hidden_cells: Hidden = field(default_factory=Hidden)
    filled: Set[Tuple[int, int]] = field(default_factory=set)
    """(row, column) of each cell that holds a merged cell's value, not a value of its own."""


@dataclass
class WorkbookSource(Source):
    """A workbook being checked: errors name `sheet!cell`, fields by their column's header."""

    sheets: List[str] = field(default_factory=list)
    columns: Dict[int, Dict[str, int]] = field(default_factory=dict)
    """Sheet index -> field -> column number, for errors about a whole row."""
    meant: Dict[int, Set[str]] = field(default_factory=dict)
    """Sheet index -> the fields its unknown headers most likely meant: their cells are not
    reported again on every row."""
    headers: Dict[str, str] = field(default_factory=dict)
    """Field (as the YAML reader names it) -> the header shown in errors."""

    def cell(self, line: int) -> str:
        sheet, rest = divmod(line, SHEET_STEP)
        row, col = divmod(rest, ROW_STEP)
        return f"{self.sheets[sheet - 1]}!{get_column_letter(col or 1)}{row}"

    def error(self, line: int, field_name: str, message: str, hint: str = "") -> None:
        if line % ROW_STEP == 0:
            column = self.columns.get(line // SHEET_STEP - 1, {}).get(field_name.split(".")[0])
            line += column or 0
        label = self.headers.get(field_name, field_name)
        error = DataError(self.path, line, label, message, hint, cell=self.cell(line))
        self.reading.errors.append(error)

    def cell_origin(self, origin: model.Origin) -> model.Origin:
        """A record read from a row, for errors found after loading (the public build's
        checks): its row as the line, each field's cell and each field's header."""
        row = origin.line % SHEET_STEP // ROW_STEP
        cells = Cells(self, origin.line, origin.lines)
        return model.Origin(self.path, row, cells=cells, labels=self.headers)

    def where(self, line: int) -> str:
        return f"{self.path}:{self.cell(line)}"

    def status_shown(self, status: str) -> str:
        return f"“{model.STATUS_NAMES[status]}”"

    def status_word(self, status: str) -> str:
        return model.STATUS_NAMES[status]

    def term(self, key: str) -> str:
        return self.headers.get(key, key)


class Cells(Mapping):
    """A record's cells by field (`整改台账!C12`), and under "" its row's first cell, from the
    lines that stand for them; made when asked for (an error is rare, and 20,000 rows would
    each make twenty)."""

    def __init__(self, source: WorkbookSource, row_line: int, lines: Mapping[str, int]) -> None:
        self.source, self.row_line, self.lines = source, row_line, lines

    def __getitem__(self, field_name: str) -> str:
        return self.source.cell(self.row_line if field_name == "" else self.lines[field_name])

    def __iter__(self):
        return iter(["", *self.lines])

    def __len__(self) -> int:
        return len(self.lines) + 1


def line_of(sheet: Sheet, row: int, col: int = 0) -> int:
    """The line number standing for a cell (col 0: the row) in errors."""
    return (sheet.index + 1) * SHEET_STEP + row * ROW_STEP + col


def open_workbook(reading: Reading, file: Path) -> Tuple[WorkbookSource, Optional[List[Sheet]]]:
    """Every sheet of a workbook, formulas by their last computed value; None if unreadable."""
    source = WorkbookSource(reading, reading.relative(file), file)
    problem = path_problem(reading.data_dir, file) or size_problem(file)
    if problem:
        reading.file_error(file, *problem)
        return source, None
    with file.open("rb") as stream:
        magic = stream.read(4)
    if magic != ZIP_MAGIC:
        reading.file_error(file, *not_zip_problem(file, magic))
        return source, None
    problem = xml_problem(file)
    if problem:
        reading.file_error(file, *problem)
        return source, None
    try:
        sheets = read_sheets(source, file)
    except BROKEN:
        reading.file_error(file, *broken())
        return source, None
    source.sheets = [sheet.name for sheet in sheets]
    check_characters(source, sheets)
    return source, sheets


def not_zip_problem(file: Path, magic: bytes) -> Tuple[str, str]:
    """What a file that is no zip is: a workbook with a password (Office keeps it as an OLE
    file with an EncryptedPackage stream), an old .xls, or something else."""
    if magic != OLD_EXCEL_MAGIC:
        return "这不是 Excel 工作簿（.xlsx）", SAVE_AS
    if ENCRYPTED_STREAM in file.read_bytes():  # at most MAX_WORKBOOK_BYTES, checked above
        return (
            "工作簿设置了打开密码（已加密），无法读取",
            "请在 Excel 或 WPS 里去掉密码后另存为 .xlsx",
        )
    return "这是旧版 Excel 文件（.xls），不是 .xlsx", SAVE_AS


def size_problem(file: Path) -> Optional[Tuple[str, str]]:
    """A workbook too big as it is, or once unpacked, for any campaign's data."""
    limit = MAX_WORKBOOK_BYTES // (1024 * 1024)
    hint = "删掉多余的工作表、图片和空行后另存"
    if file.stat().st_size > MAX_WORKBOOK_BYTES:
        return f"工作簿超过 {limit} MB 上限", hint
    try:
        with zipfile.ZipFile(file) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None  # reported as not a workbook below
    if unpacked > MAX_UNPACKED_BYTES:
        return f"工作簿解压后超过 {MAX_UNPACKED_BYTES // (1024 * 1024)} MB 上限", hint
    return None


def check_characters(source: WorkbookSource, sheets: List[Sheet]) -> None:
    """Invisible control and bidi characters in a text cell, as in YAML and Markdown."""
    for sheet in sheets:
        for row, values in sheet.rows:
            for col, value in enumerate(values, 1):
                found = guards.FORBIDDEN.search(value) if isinstance(value, str) else None
                if found:
                    source.error(line_of(sheet, row, col), "", *guards.character_problem(found[0]))


def read_sheets(source: WorkbookSource, file: Path) -> List[Sheet]:
    book = openpyxl.load_workbook(file, read_only=True, data_only=False)
    try:
        sheets = [sheet_of(ws, index) for index, ws in enumerate(book.worksheets)]
    finally:
        book.close()
    source.sheets = [sheet.name for sheet in sheets]
    if any(formula_cells(sheet) for sheet in sheets):
        with_cached_values(source, file, sheets)
    return sheets


def sheet_of(worksheet, index: int) -> Sheet:
    hidden = Hidden()
    rows = [
        (number, tuple(clean(v) for v in values))
        for number, values in sheet_values(worksheet, hidden)
    ]
    filled = merged_values(rows, hidden.merged)
    rows = [(number, values) for number, values in rows if own_value(number, values, filled)]
    return Sheet(worksheet.title, index, rows, worksheet.sheet_state != "visible", hidden, filled)


def formula_cells(sheet: Sheet) -> List[Tuple[int, int]]:
    """(row index in sheet.rows, column index) of each cell that may be a formula."""
    return [
        (at, col)
        for at, (_number, values) in enumerate(sheet.rows)
        for col, value in enumerate(values)
        if isinstance(value, str) and value.startswith("=")
    ]


def with_cached_values(source: WorkbookSource, file: Path, sheets: List[Sheet]) -> None:
    """Formula cells take the value Excel or WPS last computed; one never computed is an error.

    A text cell that starts with = reads the same both ways; a formula reads as its result."""
    book = openpyxl.load_workbook(file, read_only=True, data_only=True)
    try:
        for sheet, worksheet in zip(sheets, book.worksheets, strict=True):
            cached = dict(sheet_values(worksheet))
            sheet.rows = [
                (row, cached_row(source, sheet, row, values, cached)) for row, values in sheet.rows
            ]
    finally:
        book.close()


def cached_row(source, sheet: Sheet, row: int, values: Tuple, cached: Dict[int, Tuple]) -> Tuple:
    results = list(values)
    for col, value in enumerate(values):
        if not (isinstance(value, str) and value.startswith("=")):
            continue
        result = clean(cached.get(row, ())[col]) if col < len(cached.get(row, ())) else None
        if result is None:
            hint = "在 Excel 或 WPS 里打开这个文件，保存一次再放回来"
            source.error(line_of(sheet, row, col + 1), "", f"公式 {value} 没有计算结果", hint)
            result = INVALID  # reported: not blank, not checked again
        results[col] = result
    return tuple(results)
