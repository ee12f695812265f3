"""Which files of a data folder are workbooks: read (.xlsx, .xlsm in any case), or refused by
name (.xls, .et, .csv …), never skipped in silence."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType
from typing import List, Optional, Sequence

from .reading import Reading

LOCK_PREFIXES = ("~$", ".~")
"""Excel's and WPS's lock files beside an open workbook: never data."""
SAVE_AS = "请用 Excel 或 WPS 打开后另存为 .xlsx"
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
REFUSED = MappingProxyType(
    {
        ".xls": ("旧版 Excel 文件（.xls）", SAVE_AS),
        ".et": ("WPS 表格文件（.et）", "请用 WPS 打开后另存为 .xlsx"),
        ".ett": ("WPS 表格模板（.ett）", "请用 WPS 打开后另存为 .xlsx"),
        ".xlsb": ("Excel 二进制工作簿（.xlsb）", SAVE_AS),
        ".ods": ("OpenDocument 表格（.ods）", SAVE_AS),
        ".csv": ("CSV 文件", SAVE_AS),
    }
)
"""Spreadsheets in other formats, where a workbook is read: (what it is, how to fix it)."""


def is_lock_file(path: Path) -> bool:
    return path.name.startswith(LOCK_PREFIXES)


def is_workbook(path: Path) -> bool:
    """A file read as a workbook: .xlsx or .xlsm in any case (a macro is never run)."""
    return path.suffix.lower() in WORKBOOK_SUFFIXES and not is_lock_file(path)


def workbook_files(folder: Path) -> List[Path]:
    """The workbooks in a folder, name order, lock files left out."""
    found = folder.iterdir() if folder.is_dir() else ()
    # A folder or a broken link so named is read, and reported by open_workbook.
    return sorted(path for path in found if is_workbook(path))


def named_workbook(reading: Reading, stem: str) -> Path:
    """data/STEM.xlsx, or the one file of that name an .xlsm or upper-case extension names;
    a second such file is reported, not read."""
    found = [file for file in workbook_files(reading.data_dir) if file.stem == stem]
    for other in found[1:]:
        message = f"和 {found[0].name} 重复：只读取 {found[0].name}，这个文件不会被读取"
        reading.file_error(other, message, "只保留一个工作簿")
    return found[0] if found else reading.data_dir / f"{stem}.xlsx"


def refused_files(folder: Path, stem: Optional[str] = None) -> List[Path]:
    """Spreadsheets in a folder (of name `stem` if given) that are never read as workbooks."""
    found = folder.iterdir() if folder.is_dir() else ()
    return sorted(
        path
        for path in found
        if path.suffix.lower() in REFUSED and (stem is None or path.stem == stem)
    )


def check_not_workbooks(reading: Reading, files: Sequence[Path]) -> None:
    """A spreadsheet in another format would be skipped in silence: say so."""
    for file in files:
        if file.is_file() and not is_lock_file(file):
            kind, hint = REFUSED[file.suffix.lower()]
            reading.file_error(file, f"{kind}不会被读取", hint)
