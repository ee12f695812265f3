"""Writing workbooks in the layout the loader reads: stable bytes, bold frozen headers, sheet names
Excel accepts."""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from typing import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from ..figures.board import Board
from . import xlsx_stream
from .xlsx_stream import DATE_FORMAT

SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_LENGTH = 31


def new_workbook() -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    return workbook


def workbook_bytes(workbook: Workbook, board: Board, title: str) -> bytes:
    """The workbook as .xlsx bytes that are the same every build of the same data."""
    stamp = datetime.datetime.combine(board.as_of, datetime.time())
    workbook.properties.title = f"{board.campaign.plan.title} {title}"
    workbook.properties.creator = "Bixue"
    workbook.properties.created = workbook.properties.modified = stamp
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    return with_fixed_dates(buffer.getvalue(), stamp)


def stream_bytes(sheets, board: Board, title: str) -> bytes:
    """Table sheets (xlsx_stream.Sheet) as .xlsx bytes, stamped like workbook_bytes."""
    stamp = datetime.datetime.combine(board.as_of, datetime.time())
    return xlsx_stream.workbook(sheets, f"{board.campaign.plan.title} {title}", stamp)


def sheet_title(name: str, fallback: str, taken: Iterable[str]) -> str:
    """`name` as a sheet name if Excel takes it (31 characters, no []:*?/\\), else `fallback`
    (an id, which the loader also accepts)."""
    taken = set(taken)
    for title in (name, fallback):
        if title and len(title) <= SHEET_LENGTH and not SHEET_FORBIDDEN.search(title):
            if title not in taken:
                return title
    return SHEET_FORBIDDEN.sub("-", fallback)[:SHEET_LENGTH]


def write_header(sheet, headers: Sequence[str], widths: Sequence[int]) -> None:
    sheet.append(list(headers))
    for index, (cell, width) in enumerate(zip(sheet[1], widths, strict=True), start=1):
        cell.data_type = "s"  # a criterion or period named =… is never a formula
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"


def append_row(sheet, values: Sequence) -> None:
    """A data row; text from the data is never a formula, even if it starts with =."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, datetime.date):
            cell.number_format = DATE_FORMAT
        elif isinstance(cell.value, str):
            cell.data_type = "s"
        cell.alignment = Alignment(vertical="top", wrap_text=isinstance(cell.value, str))


def write_note(workbook: Workbook, lines: Sequence[Sequence]) -> None:
    """A 说明 sheet (the loader skips it): one explanation per row."""
    sheet = workbook.create_sheet("说明")
    for line in lines:
        sheet.append(list(line))
    sheet.column_dimensions["A"].width = 14
    sheet.column_dimensions["B"].width = 80
    for row in sheet.iter_rows():
        row[0].font = Font(bold=True)
        for cell in row:
            cell.data_type = "s" if isinstance(cell.value, str) else cell.data_type
        for cell in row[1:]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def with_fixed_dates(archive_bytes: bytes, stamp: datetime.datetime) -> bytes:
    """The zip rewritten with one date on every entry: zip entries otherwise carry the clock."""
    fixed = stamp.timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive_bytes)) as source:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for entry in source.infolist():
                info = zipfile.ZipInfo(entry.filename, date_time=fixed)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                target.writestr(info, source.read(entry))
    return out.getvalue()
