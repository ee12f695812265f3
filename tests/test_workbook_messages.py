"""Workbook errors that say what is really wrong: an encrypted workbook, a date cell holding
a number no date has."""

from __future__ import annotations

from pathlib import Path

import workbooks
from bixue.load.cells import as_date
from bixue.load.sheet_rows import DateSerial
from conftest import load_errors, minimal_campaign
from hypothesis import given
from hypothesis import strategies as st

VALID = Path(__file__).parent / "golden" / "valid-minimal" / "data"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def ole_file(*streams: str) -> bytes:
    """An OLE compound file's magic and directory names as Office writes them (UTF-16-LE)."""
    names = b"".join(name.encode("utf-16-le").ljust(64, b"\0") for name in streams)
    return OLE + b"\0" * 504 + names


def test_a_password_protected_workbook_is_said_to_be_encrypted(tmp_path):
    data = minimal_campaign(tmp_path)
    path = data / "rectifications" / "台账.xlsx"
    path.write_bytes(ole_file("EncryptionInfo", "EncryptedPackage"))
    (error,) = load_errors(data)
    assert (error.path, error.message, error.hint) == (
        "data/rectifications/台账.xlsx",
        "工作簿设置了打开密码（已加密），无法读取",
        "请在 Excel 或 WPS 里去掉密码后另存为 .xlsx",
    )


def test_an_old_excel_file_is_still_called_one(tmp_path):
    data = minimal_campaign(tmp_path)
    (data / "rectifications" / "台账.xlsx").write_bytes(ole_file("Workbook", "SummaryInformation"))
    (error,) = load_errors(data)
    assert error.message == "这是旧版 Excel 文件（.xls），不是 .xlsx"


def test_a_date_cell_too_large_names_the_number_not_an_error_value(tmp_path):
    data = minimal_campaign(tmp_path)
    rows = [
        ["编号", "单位", "问题", "状态", "整改时限"],
        ["Z-1", "north", "积水。", "长期坚持", {"date": "2014-06-30"}],
    ]
    path = workbooks.write(data / "rectifications" / "台账.xlsx", {"整改台账": rows})
    change = lambda xml: xml.replace(b"<v>41820</v>", b"<v>99999999</v>")  # noqa: E731
    workbooks.rewrite_part(path, "xl/worksheets/sheet1.xml", change)
    (error,) = load_errors(data)
    assert (error.cell, error.field) == ("整改台账!E2", "整改时限")
    assert error.message.startswith("单元格是日期格式，但数字 99999999 超出了日期的范围")


@given(st.floats(allow_nan=False) | st.integers(-(10**20), 10**20))
def test_an_out_of_range_serial_is_never_called_an_error_value(number):
    when, problem = as_date(DateSerial(number))
    assert when is None and "#VALUE!" not in problem and "日期格式" in problem
