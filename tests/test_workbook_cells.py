"""Cells as people type them: each convention of DATA-MODEL.md's "Cells" paragraph, one by one."""

from __future__ import annotations

import datetime

import pytest
from bixue.load import cells
from bixue.load.statuses import status_code

JUNE_30 = datetime.date(2014, 6, 30)


@pytest.mark.parametrize(
    "written",
    [
        "2014-06-30",
        "2014/6/30",
        "2014.6.30",
        "2014年6月30日",
        " 2014-6-30 ",
        "２０１４年６月３０日",
    ],
)
def test_the_four_text_forms_of_a_date(written):
    assert cells.as_date(cells.clean(written)) == (JUNE_30, "")


def test_real_dates_and_date_times_are_dates():
    assert cells.as_date(JUNE_30) == (JUNE_30, "")
    assert cells.as_date(datetime.datetime(2014, 6, 30, 0, 0)) == (JUNE_30, "")


@pytest.mark.parametrize(
    "written, problem",
    [
        ("2014-02-30", "日期不存在：'2014-02-30'"),
        ("2014/13/1", "日期不存在"),
        ("下个月", "必须是日期"),
        ("2014-06", "必须是日期"),
        ("2014/6.30", "必须是日期"),
        (41820, "把单元格格式设为日期"),
        ("#VALUE!", "Excel 的错误值 #VALUE!"),
    ],
)
def test_what_is_not_a_date(written, problem):
    value, found = cells.as_date(written)
    assert value is None and problem in found


@pytest.mark.parametrize(
    "written, number",
    [(280, 280), (18.5, 18.5), ("280", 280), (" 18.5 ", 18.5), ("２８０", 280), ("-3", -3)],
)
def test_numbers_as_numbers_or_text(written, number):
    value, problem = cells.as_number(cells.clean(written))
    assert (value, problem) == (number, "") and type(value) is type(number)


@pytest.mark.parametrize(
    "written, problem",
    [
        ("六百", "必须是数字，实际为 '六百'"),
        ("1,230", "去掉千位分隔符"),
        (True, "必须是数字"),
        (JUNE_30, "必须是数字"),
        ("#DIV/0!", "#DIV/0!"),
    ],
)
def test_what_is_not_a_number(written, problem):
    value, found = cells.as_number(written)
    assert value is None and problem in found


def test_spaces_are_trimmed_and_empty_text_is_blank():
    assert cells.clean("  示例北服务区\u3000") == "示例北服务区"
    assert cells.clean(" \n ") is None
    assert cells.clean(0) == 0


def test_headers_ignore_spaces_and_line_breaks():
    assert cells.header_text("整改\n时限") == "整改时限"
    assert cells.header_text(" 责任 单位 ") == "责任单位"
    assert cells.header_text("２０１４-Q1") == "2014-Q1"


def test_cells_as_text():
    assert cells.as_text(12.0) == "12" and cells.as_text(12.5) == "12.5"
    assert cells.as_text(datetime.datetime(2014, 6, 30)) == "2014-06-30"
    assert cells.as_text(None) is None


def test_progress_lines():
    assert cells.leading_date("2011-12-18 意见箱已采购") == (
        datetime.date(2011, 12, 18),
        "意见箱已采购",
        "",
    )
    assert cells.leading_date("2014/6/3 已安装")[0] == datetime.date(2014, 6, 3)
    assert cells.leading_date("已采购")[0] is None
    assert "日期不存在" in cells.leading_date("2014-02-30 已安装")[2]


@pytest.mark.parametrize("code, label", [("todo", "未启动"), ("verified", "已销号")])
def test_statuses_by_code_or_label(code, label):
    assert status_code(code) == status_code(label) == status_code(f" {label} ") == code
    assert status_code("完成") == "done" and status_code("整改完毕") is None
