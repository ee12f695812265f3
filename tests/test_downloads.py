"""The ledger downloads: an xlsx and a csv of the listed items, the same bytes every build."""

from __future__ import annotations

import csv
import datetime
import io
import time
import zipfile

import openpyxl
import pytest
from bixue import load
from bixue.outputs import downloads
from conftest import ROOT, built
from hypothesis import given, settings
from hypothesis import strategies as st
from test_ledger import AS_OF, item, small_board

HEADERS = ["编号", "责任单位", "问题", "整改措施", "问题来源", "类别", "责任人", "发现日期"]
HEADERS += ["整改时限", "状态", "完成日期", "逾期", "逾期天数", "逾期完成", "临期", "整改进展"]
HEADERS += ["内部"]  # the internal build only


def sheet_of(content: bytes):
    return openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]


def csv_rows(content: bytes) -> list:
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(content[3:].decode("utf-8"), newline="")))


def by_header(row: list) -> dict:
    return dict(zip(HEADERS, row, strict=True))


def test_the_workbook_has_bold_frozen_chinese_headers_and_real_dates():
    sheet = sheet_of(downloads.ledger_xlsx(small_board()))
    assert [cell.value for cell in sheet[1]] == HEADERS
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["C"].width > sheet.column_dimensions["A"].width
    deadline = sheet.cell(row=2, column=HEADERS.index("整改时限") + 1)
    assert deadline.is_date and deadline.value.date() == datetime.date(2014, 6, 29)
    assert deadline.number_format == "yyyy-mm-dd"


def test_rows_are_the_listed_items_in_id_order():
    public = sheet_of(downloads.ledger_xlsx(small_board(public=True)))
    ids = [row[0] for row in public.iter_rows(min_row=2, values_only=True)]
    assert ids == ["A-1", "A-2", "A-3", "A-4", "A-5", "A-6", "A-7", "A-10"]
    everything = csv_rows(downloads.ledger_csv(small_board()))
    assert [row[0] for row in everything[1:]] == [f"A-{n}" for n in range(1, 11)]


def test_overdue_and_late_columns():
    rows = {row[0]: by_header(row) for row in csv_rows(downloads.ledger_csv(small_board()))}
    assert rows["A-1"]["逾期"] == "是" and rows["A-1"]["逾期天数"] == "1"
    assert rows["A-2"]["逾期"] == "" and rows["A-2"]["临期"] == "是"
    assert rows["A-10"]["整改进展"] == "2014-06-20 第二次进展\n2014-06-01 第一次进展"
    assert rows["A-7"]["整改时限"] == "" and rows["A-7"]["状态"] == "长期坚持"


def test_text_is_never_read_as_a_formula():
    ledger = (item("F-1", "todo", problem='=HYPERLINK("http://x")', measures="- 第一步\n- 第二步"),)
    board = small_board(ledger=ledger)
    row = by_header(csv_rows(downloads.ledger_csv(board))[1])
    assert row["问题"] == '\'=HYPERLINK("http://x")'
    assert row["整改措施"] == "• 第一步\n• 第二步"
    cell = sheet_of(downloads.ledger_xlsx(board)).cell(row=2, column=3)
    assert cell.data_type == "s" and cell.value.startswith("=")


BLANKS = st.sampled_from([" ", "\t", "\r", "\n", "\x00", "\x0b", "\x0c", "\x1f", "\x7f", "\x85"])
INVISIBLE = st.sampled_from(["\u00a0", "\u3000", "\u200b", "\u200e", "\u2060", "\ufeff"])


@settings(max_examples=150, deadline=None)
@given(
    prefix=st.lists(st.one_of(BLANKS, INVISIBLE), max_size=4).map("".join),
    start=st.sampled_from("=+-@"),
    rest=st.text(max_size=12),
)
def test_no_blank_or_control_prefix_lets_a_formula_through(prefix, start, rest):
    cell = prefix + start + rest
    ledger = (item("F-1", "todo", owner=cell, category=cell, source=cell),)
    row = by_header(csv_rows(downloads.ledger_csv(small_board(ledger=ledger)))[1])
    for column in ("责任人", "类别", "问题来源"):
        assert row[column].startswith("'"), (column, cell)


@settings(max_examples=60, deadline=None)
@given(
    prefix=st.lists(BLANKS, max_size=3).map("".join), text=st.sampled_from(["张三", "1-2", "a=b"])
)
def test_text_that_is_no_formula_is_left_as_it_is(prefix, text):
    ledger = (item("F-1", "todo", owner=prefix + text),)
    row = by_header(csv_rows(downloads.ledger_csv(small_board(ledger=ledger)))[1])
    assert not row["责任人"].startswith("'")


def test_the_same_board_gives_the_same_bytes_at_another_time(monkeypatch):
    board = small_board()
    first = downloads.ledger_xlsx(board), downloads.ledger_csv(board)
    later = time.time() + 3 * 86400
    monkeypatch.setattr(time, "time", lambda: later)
    assert (downloads.ledger_xlsx(board), downloads.ledger_csv(board)) == first
    with zipfile.ZipFile(io.BytesIO(first[0])) as archive:
        assert {entry.date_time for entry in archive.infolist()} == {(2014, 6, 30, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert core.count("2014-06-30T00:00:00Z") == 2


def test_the_note_sheet_says_what_is_left_out():
    workbook = openpyxl.load_workbook(io.BytesIO(downloads.ledger_xlsx(small_board(public=True))))
    note = dict(workbook["说明"].iter_rows(values_only=True))
    assert note["数据截至"].date() == AS_OF
    assert note["列出事项"] == 8 and note["事项总数"] == 10
    assert note["未公开"] == "另有 2 项内部事项未公开"


# The demo builds.


@pytest.fixture(scope="module")
def demo():
    return load.load_campaign(ROOT / "data", project_dir=ROOT)


def test_demo_downloads_hold_every_item(demo_site, demo):
    everything = {i.id for i in demo.ledger}
    sheet = sheet_of((demo_site / downloads.XLSX).read_bytes())
    assert [cell.value for cell in sheet[1]] == HEADERS
    assert {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)} == everything
    rows = csv_rows((demo_site / downloads.CSV).read_bytes())
    assert rows[0] == HEADERS and {row[0] for row in rows[1:]} == everything
    assert all(len(row) == len(HEADERS) for row in rows)


def test_public_downloads_leave_internal_items_out(public_site, demo):
    internal = [i for i in demo.ledger if i.internal]
    assert internal
    xlsx = (public_site / downloads.XLSX).read_bytes()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as archive:
        texts = "".join(archive.read(name).decode("utf-8") for name in archive.namelist())
    text_csv = (public_site / downloads.CSV).read_bytes().decode("utf-8-sig")
    for record in internal:
        for text in (texts, text_csv):
            assert record.id not in text and record.problem[:12] not in text
    listed = {i.id for i in demo.ledger if not i.internal}
    assert {row[0] for row in csv_rows((public_site / downloads.CSV).read_bytes())[1:]} == listed


def test_two_builds_give_identical_downloads(demo_site, tmp_path):
    again = built(tmp_path / "again", SOURCE_DATE_EPOCH="1500000000")
    for name in (downloads.XLSX, downloads.CSV):
        assert (again / name).read_bytes() == (demo_site / name).read_bytes(), name
