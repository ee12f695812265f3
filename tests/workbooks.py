"""Small workbooks for tests, made from lists of rows, so no case needs a binary file.

A golden case may hold `NAME.xlsx.json` (or `NAME.xls.json`) in its data/: `from_spec` turns it
into NAME.xlsx. The spec: {"sheets": {sheet name: [[cell, …], …]}, "merge": {sheet: "A1:E1" or
["A3:A5", …]},
"cached": {"sheet!E8": value}, "hidden": {sheet: true, or
[row number, column letter, …]}, "raw_hex": "…"}; a cell {"date": "2014-06-30"} is a real date,
{"percent": 0.95} a number formatted as a percentage (shown 95%; "format" may give another),
text starting with = is a formula (its last computed value from "cached", else never computed),
{"text": "=…"} is text that starts with =, and "raw_hex" writes those bytes instead of a workbook.
"""

from __future__ import annotations

import datetime
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional

import openpyxl

Rows = List[List[Any]]


def write(
    path: Path,
    sheets: Mapping[str, Rows],
    cached: Optional[Mapping[str, Any]] = None,
    merge: Optional[Mapping[str, str]] = None,
    hidden: Optional[Mapping[str, Any]] = None,
) -> Path:
    """A workbook with one sheet per entry (in order); formulas get `cached` values. `hidden`
    maps a sheet to True (the sheet hidden) or to the rows (numbers) and columns (letters) that
    are hidden in it: {"整改台账": [3, "C"]}."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append([cell_value(value) for value in row])
        for row in sheet.iter_rows():
            for cell in row:
                style(cell, rows)
        if merge and name in merge:
            ranges = merge[name]
            for merged in [ranges] if isinstance(ranges, str) else ranges:
                sheet.merge_cells(merged)
        hide(sheet, (hidden or {}).get(name, ()))
    buffer = io.BytesIO()
    workbook.save(buffer)
    content = with_cached(buffer.getvalue(), list(sheets), cached or {})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def hide(sheet, what) -> None:
    if what is True:
        sheet.sheet_state = "hidden"
        return
    for place in what:
        dimensions = sheet.row_dimensions if isinstance(place, int) else sheet.column_dimensions
        dimensions[place].hidden = True


def cell_value(value: Any) -> Any:
    if isinstance(value, dict) and "percent" in value:
        return value["percent"]
    if isinstance(value, dict) and "date" in value:
        return datetime.date.fromisoformat(value["date"])
    if isinstance(value, dict) and "text" in value:
        return value["text"]
    return value


def style(cell, rows: Rows) -> None:
    written = (
        rows[cell.row - 1][cell.column - 1] if cell.column <= len(rows[cell.row - 1]) else None
    )
    if isinstance(cell.value, datetime.date):
        cell.number_format = "yyyy-mm-dd"
    if isinstance(written, dict) and "percent" in written:
        cell.number_format = written.get("format", "0%")
    if isinstance(written, dict) and "text" in written:
        cell.data_type = "s"  # text, not a formula


def with_cached(content: bytes, names: List[str], cached: Mapping[str, Any]) -> bytes:
    """The workbook with `sheet!cell -> value` written as formulas' last computed values."""
    if not cached:
        return content
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            data = source.read(entry)
            index = sheet_index(entry.filename)
            if index is not None:
                data = fill(data.decode(), names[index - 1], cached).encode()
            target.writestr(entry, data)
    return out.getvalue()


def rewrite_part(path: Path, part: str, change) -> None:
    """The workbook with the bytes of one part (`xl/worksheets/sheet1.xml`) passed through
    `change`, for files no spreadsheet program writes (broken, hostile, odd)."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest:
        for entry in source.infolist():
            data = source.read(entry)
            dest.writestr(entry, change(data) if entry.filename == part else data)
    path.write_bytes(out.getvalue())


def sheet_index(filename: str) -> Optional[int]:
    match = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", filename)
    return int(match.group(1)) if match else None


def fill(xml: str, name: str, cached: Mapping[str, Any]) -> str:
    for where, value in cached.items():
        sheet, ref = where.split("!")
        if sheet != name:
            continue
        kind = ' t="str"' if isinstance(value, str) else ""
        pattern = rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/>'
        xml = re.sub(pattern, rf'<c r="{ref}"\1{kind}><f>\2</f><v>{value}</v>', xml)
    return xml


def from_spec(spec: Path) -> Path:
    """Write the workbook a `NAME.xlsx.json` spec describes, beside it, and remove the spec."""
    described = json.loads(spec.read_text(encoding="utf-8"))
    target = spec.with_suffix("")
    if "raw_hex" in described:
        target.write_bytes(bytes.fromhex(described["raw_hex"]))
    else:
        write(
            target,
            described["sheets"],
            described.get("cached"),
            described.get("merge"),
            described.get("hidden"),
        )
    spec.unlink()
    return target


def build_specs(folder: Path) -> List[Path]:
    return [from_spec(spec) for spec in sorted(folder.rglob("*.xls*.json"))]


def read_rows(path: Path) -> Dict[str, Rows]:
    """Every sheet's values, for checking what the board wrote."""
    workbook = openpyxl.load_workbook(path)
    return {
        sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
        for sheet in workbook.worksheets
    }
