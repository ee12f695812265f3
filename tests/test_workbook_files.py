"""Every spreadsheet in a data folder is read (.xlsx and .xlsm in any case) or refused with a
reason (.xls, .et, .csv …): none is dropped without a word."""

from __future__ import annotations

from pathlib import Path

import pytest
import workbooks
from bixue.load import load_campaign
from conftest import load_errors, minimal_campaign

VALID = Path(__file__).parent / "golden" / "valid-minimal" / "data"
ROWS = [["编号", "单位", "问题", "状态"], ["Z-1", "north", "卫生间地面有积水。", "长期坚持"]]


@pytest.mark.parametrize("name", ["台账.XLSX", "台账.xlsm", "台账.Xlsm"])
def test_a_ledger_workbook_of_any_case_or_with_macros_is_read(tmp_path, name):
    data = minimal_campaign(tmp_path)
    workbooks.write(data / "rectifications" / name, {"整改台账": ROWS})
    ledger = load_campaign(data).ledger
    assert [item.id for item in ledger if item.id == "Z-1"] == ["Z-1"]


@pytest.mark.parametrize(
    ("name", "message", "hint"),
    [
        ("台账.et", "WPS 表格文件（.et）不会被读取", "请用 WPS 打开后另存为 .xlsx"),
        ("台账.ET", "WPS 表格文件（.et）不会被读取", "请用 WPS 打开后另存为 .xlsx"),
        ("台账.XLS", "旧版 Excel 文件（.xls）不会被读取", "请用 Excel 或 WPS 打开后另存为 .xlsx"),
        ("台账.Csv", "CSV 文件不会被读取", "请用 Excel 或 WPS 打开后另存为 .xlsx"),
        (
            "台账.xlsb",
            "Excel 二进制工作簿（.xlsb）不会被读取",
            "请用 Excel 或 WPS 打开后另存为 .xlsx",
        ),
    ],
)
def test_a_ledger_in_another_format_is_refused_by_name(tmp_path, name, message, hint):
    data = minimal_campaign(tmp_path)
    (data / "rectifications" / name).write_bytes(b"\xd0\xcf\x11\xe0 not read")
    (error,) = load_errors(data)
    assert (error.path, error.message, error.hint) == (f"data/rectifications/{name}", message, hint)


@pytest.mark.parametrize("stem", ["indicators", "evaluations", "projects"])
def test_a_top_level_workbook_in_another_format_is_refused(tmp_path, stem):
    data = minimal_campaign(tmp_path)
    (data / f"{stem}.et").write_bytes(b"\xd0\xcf\x11\xe0")
    (error,) = load_errors(data)
    assert (error.path, error.message) == (f"data/{stem}.et", "WPS 表格文件（.et）不会被读取")


@pytest.mark.parametrize("name", ["projects.XLSX", "projects.xlsm"])
def test_a_top_level_workbook_of_any_case_is_read(tmp_path, name):
    """Read, not skipped: a projects workbook beside projects.yml is an error naming it."""
    data = minimal_campaign(tmp_path)
    (data / "projects.yml").write_text("projects: []\n", encoding="utf-8")
    workbooks.write(data / name, {"项目": [["编号", "名称"], ["p1", "一号项目"]]})
    (error,) = load_errors(data)
    assert error.path == f"data/{name}"
    assert error.message == f"data/projects.yml 和 data/{name} 不能同时存在"


def test_two_workbooks_of_one_name_keep_one_and_report_the_other(tmp_path):
    data = minimal_campaign(tmp_path)
    for name in ("evaluations.XLSX", "evaluations.xlsm"):
        (data / name).write_bytes(b"PK\x03\x04")
    errors = load_errors(data)
    doubled = [error for error in errors if error.path == "data/evaluations.xlsm"]
    assert [error.message for error in doubled] == [
        "和 evaluations.XLSX 重复：只读取 evaluations.XLSX，这个文件不会被读取"
    ]


@pytest.mark.parametrize("name", ["second.YML", "second.yaml", "second.Yaml"])
def test_a_ledger_yaml_file_of_another_extension_is_reported(tmp_path, name):
    data = minimal_campaign(tmp_path)
    ledger = data / "rectifications"
    (ledger / "second.yml").rename(ledger / name)
    errors = [error for error in load_errors(data) if error.path == f"data/rectifications/{name}"]
    assert [(error.message, error.hint) for error in errors] == [
        ("台账文件的扩展名必须是 .yml", "改名为 second.yml")
    ]
