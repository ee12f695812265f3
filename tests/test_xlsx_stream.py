"""The streaming .xlsx writer: what it writes opens in openpyxl as the same table, styled."""

from __future__ import annotations

import datetime
import io
import zipfile
from xml.etree import ElementTree

import openpyxl
from bixue.outputs import xlsx_stream
from bixue.outputs.xlsx_stream import Sheet, Validation

STAMP = datetime.datetime(2014, 6, 30)


def sample() -> bytes:
    table = Sheet(
        "整改台账",
        rows=[
            ("编号", "问题", "时限", "天数", "比例"),
            ("ZG-1", '=HYPERLINK("x")\x07 <b>&\'', datetime.date(2014, 6, 30), 12, 0.25),
            ("ZG-2", None, None, 0, -1.5),
        ],
        widths=(14, 44, 12, 8, 8),
        styles=xlsx_stream.cell_styles([False, True, False, False, False]),
        auto_filter=True,
        blank_formats={0: ("@", 4, 10), 2: ("yyyy-mm-dd", 4, 10)},
        validations=[Validation("B2:B10", '"甲,乙"', error="请选择")],
    )
    hidden = Sheet("选项", rows=[["单位"], ["一号'单位"]], header=False, hidden=True)
    note = xlsx_stream.note_sheet([("活动", "比学赶超"), ("数据截至", datetime.date(2014, 7, 1))])
    return xlsx_stream.workbook([table, hidden, note], "活动 整改台账", STAMP)


def test_values_read_back_as_written():
    book = openpyxl.load_workbook(io.BytesIO(sample()))
    sheet = book["整改台账"]
    rows = list(sheet.iter_rows(min_row=1, max_row=3, values_only=True))
    assert rows[0] == ("编号", "问题", "时限", "天数", "比例")
    assert rows[1] == ("ZG-1", '=HYPERLINK("x") <b>&\'', datetime.datetime(2014, 6, 30), 12, 0.25)
    assert rows[2] == ("ZG-2", None, None, 0, -1.5)
    assert sheet["B2"].data_type == "s"  # text that looks like a formula stays text
    assert book["说明"]["B2"].value == datetime.datetime(2014, 7, 1)
    assert book.properties.title == "活动 整改台账"
    assert book.properties.creator == "Bixue"


def test_layout_styles_lists_and_hidden_sheet():
    book = openpyxl.load_workbook(io.BytesIO(sample()))
    sheet = book["整改台账"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:E10"
    assert all(cell.font.b for cell in sheet[1])
    assert sheet["B2"].alignment.wrap_text and not sheet["A2"].alignment.wrap_text
    assert sheet["C2"].number_format == "yyyy-mm-dd"
    assert sheet["C10"].number_format == "yyyy-mm-dd" and sheet["A10"].number_format == "@"
    assert sheet.column_dimensions["B"].width == 44
    (validation,) = sheet.data_validations.dataValidation
    assert str(validation.sqref) == "B2:B10" and validation.formula1 == '"甲,乙"'
    assert validation.error == "请选择" and validation.showErrorMessage
    assert book["选项"].sheet_state == "hidden"
    assert book["选项"]["A2"].value == "一号'单位"
    assert book["说明"]["A1"].font.b and book["说明"].freeze_panes is None


def test_every_part_is_well_formed_xml_and_bytes_are_stable():
    data = sample()
    assert data == sample()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist()[0] == "[Content_Types].xml"
        for info in archive.infolist():
            assert info.date_time == (2014, 6, 30, 0, 0, 0)
            ElementTree.fromstring(archive.read(info))


def test_column_letters():
    assert [xlsx_stream.column_letter(n) for n in (1, 26, 27, 52, 703)] == [
        "A",
        "Z",
        "AA",
        "AZ",
        "AAA",
    ]


def test_a_sheet_shared_by_workbooks_is_written_as_if_new_in_each():
    def books(shared):
        def table(wrap):
            styles = xlsx_stream.cell_styles([wrap, False])
            return Sheet("表", rows=[("甲", "乙"), ("1", datetime.date(2014, 1, 2))], styles=styles)

        def units():
            return shared or options()

        first = xlsx_stream.workbook([table(True), units()], "一", STAMP)
        # Styles asked for in another order: the shared sheet's cells must still name theirs.
        dated = Sheet("日期", rows=[[datetime.date(2014, 1, 1)]], header=False)
        second = xlsx_stream.workbook([dated, table(False), units()], "二", STAMP)
        return first, second

    def options():
        wrapped = xlsx_stream.cell_styles([True])
        return Sheet("选项", rows=[["单位"], ["一号"]], styles=wrapped, hidden=True)

    shared = options()
    assert books(shared) == books(None)
    assert len(shared.kept) == 2
