"""The rectification ledger as downloads: an Excel workbook and a CSV file, stable bytes."""

from __future__ import annotations

import csv
import datetime
import io
import re
from typing import List, Optional, Tuple

from ..contents import GeneratedFile, Output
from ..figures.board import Board, LedgerRow, in_id_order
from ..model import STATUS_NAMES
from ..session import build_session
from ..session.cache import Cache
from . import xlsx_stream
from .xlsx_write import DATE_FORMAT, stream_bytes, with_fixed_dates  # noqa: F401  (re-exported)

XLSX = "downloads/ledger.xlsx"
CSV = "downloads/ledger.csv"

COLUMNS: Tuple[Tuple[str, int], ...] = (
    ("编号", 14),
    ("责任单位", 16),
    ("问题", 48),
    ("整改措施", 48),
    ("问题来源", 10),
    ("类别", 10),
    ("责任人", 9),
    ("发现日期", 12),
    ("整改时限", 12),
    ("状态", 9),
    ("完成日期", 12),
    ("逾期", 6),
    ("逾期天数", 9),
    ("逾期完成", 9),
    ("临期", 6),
    ("整改进展", 48),
)
"""Header and column width (in characters of Latin text; a Chinese character takes two)."""
INTERNAL_COLUMN = ("内部", 6)
"""Only in the internal build (the public one has no internal items): so that the workbook, put
back into data/rectifications/, gives back the same ledger."""
WRAPPED = frozenset({"问题", "整改措施", "整改进展"})
_BULLET = re.compile(r"^[ \t]*[-*+][ \t]+", re.M)
_FORMULA = re.compile(r"^[\s\x00-\x1f\x7f-\x9f\u200b-\u200f\u2060\ufeff]*[=+\-@]")
"""A cell a spreadsheet would run as a formula: = + - @ first, or after blanks and control or
invisible characters, which some spreadsheets skip (Tab, CR, a zero-width space)."""


def make(board: Board) -> Output:
    """The ledger's downloads (.xlsx, .csv), for a board with a ledger (the ledger page links
    them)."""
    return Output(files=tuple(files(board)) if board.ledger else ())


def files(board: Board) -> List[GeneratedFile]:
    session = build_session.current()
    lines = session.ledger_lines if session is not None and session.keeping else None
    rows, csv_lines = _rows_and_lines(board, lines)
    key = (tuple(rows), board.campaign.plan.title, board.as_of, board.ledger_stats.total)
    if session is None:
        made = (key, ledger_xlsx(board, rows), _csv(board, csv_lines))
    else:  # `mkdocs serve` makes them again only when their input changed
        made = session.workbooks.get(
            "ledger downloads",
            lambda: (key, ledger_xlsx(board, rows), _csv(board, csv_lines)),
            lambda last: last[0] == key,
        )
    return [GeneratedFile(XLSX, content=made[1]), GeneratedFile(CSV, content=made[2])]


def _rows_and_lines(board: Board, kept: Optional[Cache]) -> Tuple[List[Tuple], List[str]]:
    """ledger_rows(board) and each row as a CSV line. Under `serve` (`kept`, the session's) a
    row is made again only when its item or what the board says of it changed: an edit to one
    of 20,000 items made every row and line again, about a second of a rebuild."""
    if kept is None:
        rows = ledger_rows(board)
        return rows, [_csv_line(values) for values in rows]
    kept.start_build()
    made = []
    for row in in_id_order(board.listed_ledger()):
        said = (_said(board, row), board.public)
        found = kept.get(
            row.item.id,
            lambda row=row, said=said: (row.item, said, *_row_and_line(board, row)),
            lambda last, row=row, said=said: last[1] == said and _same(last[0], row.item),
        )
        made.append(found)
    return [found[2] for found in made], [found[3] for found in made]


def _same(last, item) -> bool:
    """The same item, or one read again (with photos, which are checked at every load) equal."""
    return last is item or last == item


def _said(board: Board, row: LedgerRow) -> Tuple:
    """What a row shows besides its item's fields."""
    return (board.unit(row.item.unit).name, row.overdue, row.days_late, row.late, row.due_soon)


def _row_and_line(board: Board, row: LedgerRow) -> Tuple[Tuple, str]:
    values = _values(board, row)
    return values, _csv_line(values)


def _csv_line(values: Tuple) -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerow(_csv_cell(value) for value in values)
    return buffer.getvalue()


def _csv(board: Board, lines: List[str]) -> bytes:
    header = _csv_line(tuple(name for name, _width in columns(board)))
    return "\ufeff".encode() + (header + "".join(lines)).encode("utf-8")


def columns(board: Board) -> Tuple[Tuple[str, int], ...]:
    return COLUMNS if board.public else (*COLUMNS, INTERNAL_COLUMN)


def ledger_rows(board: Board) -> List[Tuple]:
    """One tuple per listed item, in `columns(board)` order; dates stay dates, blanks are None."""
    return [_values(board, row) for row in in_id_order(board.listed_ledger())]


def _values(board: Board, row: LedgerRow) -> Tuple:
    """A row's cells in `columns(board)` order."""
    values = _row(board, row)
    return values if board.public else (*values, "是" if row.item.internal else None)


def ledger_csv(board: Board, rows: Optional[List[Tuple]] = None) -> bytes:
    """UTF-8 with a BOM, so Excel opens the Chinese correctly; dates as 2014-06-30."""
    rows = ledger_rows(board) if rows is None else rows
    return _csv(board, [_csv_line(values) for values in rows])


def ledger_xlsx(board: Board, rows: Optional[List[Tuple]] = None) -> bytes:
    """A workbook with a bold, frozen, filtered header, sized columns, real dates and a note
    sheet; the rows are written as XML text (xlsx_stream), so 20,000 items take a second."""
    names = columns(board)
    table = xlsx_stream.Sheet(
        "整改台账",
        rows=[
            tuple(name for name, _width in names),
            *(ledger_rows(board) if rows is None else rows),
        ],
        widths=[width for _name, width in names],
        styles=xlsx_stream.cell_styles([name in WRAPPED for name, _width in names]),
        auto_filter=True,
    )
    return stream_bytes([table, xlsx_stream.note_sheet(_note(board), (12, 60))], board, "整改台账")


def plain_text(markdown: str) -> str:
    """Markdown bullets as •: a cell starting with - is read as a formula by spreadsheets."""
    return _BULLET.sub("• ", markdown or "").strip()


def _row(board: Board, row: LedgerRow) -> Tuple:
    item = row.item
    return (
        item.id,
        board.unit(item.unit).name,
        plain_text(item.problem),
        plain_text(item.measures),
        item.source or None,
        item.category or None,
        item.owner or None,
        item.found,
        item.deadline,
        STATUS_NAMES[item.status],
        item.completed,
        "是" if row.overdue else None,
        row.days_late or None,
        "是" if row.late else None,
        "是" if row.due_soon else None,
        "\n".join(f"{u.date.isoformat()} {plain_text(u.note)}" for u in item.updates) or None,
    )


def _note(board: Board) -> list:
    plan = board.campaign.plan
    lines = [
        ("活动", plan.title),
        ("数据截至", board.as_of),
        ("列出事项", len(board.listed_ledger())),
        ("事项总数", board.ledger_stats.total),
    ]
    if board.unlisted_count():
        lines.append(("未公开", f"另有 {board.unlisted_count()} 项内部事项未公开"))
    return lines


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value)
    # A spreadsheet would run a cell starting with = + - @ as a formula (CSV injection).
    return "'" + text if isinstance(value, str) and _FORMULA.match(text) else text
