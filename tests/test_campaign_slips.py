"""Slips on data/campaign.xlsx as a clerk makes them in Excel or WPS: the starter workbook (`bixue
new`) edited one slip at a time; each slip reads as the clerk meant, or is exactly one error
naming the sheet!cell with the right fix. Cells, lists, units, merged cells, headers, sheets."""

from __future__ import annotations

import datetime

import openpyxl
import pytest
from starter_edits import one_error, percent, rate_indicator, read, setting

# Percent cells: Excel stores 95% as 0.95; the board shows 95.


def test_a_target_typed_in_a_percent_cell_on_the_indicator_sheet_reads_as_shown(tmp_path):
    def edit(book):
        rate_indicator(book)
        percent(book["指标"]["G3"], 0.95)
        percent(book["指标数值"]["C3"], 0.9)

    rate = read(tmp_path, edit).indicators.indicators[1]
    assert rate.targets == {"bangongshi": 95, "caiwuke": 95}
    assert rate.values == {"bangongshi": {"2026-Q1": 90}}


def test_a_units_target_in_a_percent_cell_reads_as_shown(tmp_path):
    def edit(book):
        rate_indicator(book)
        book["指标目标"].append(["公示率", "办公室", 1])
        percent(book["指标目标"]["C4"], 1)
        book["指标目标"].append(["公示率", "财务科", "98%"])

    rate = read(tmp_path, edit).indicators.indicators[1]
    assert rate.targets == {"bangongshi": 100, "caiwuke": 98}


# 是/否.


@pytest.mark.parametrize("typed", ["是的", "Y", "√"])
def test_a_yes_written_another_way_is_one_error_saying_write_yes(tmp_path, typed):
    def edit(book):
        book["指标"]["F2"] = typed  # 当期数: a wrong guess would add up running totals

    error = one_error(tmp_path, edit)
    assert error.cell == "指标!F2" and error.message == f"必须是 是 或 否，实际为 '{typed}'"
    assert error.hint == "写 是（或从下拉列表选）"


def test_a_no_written_as_a_cross_is_one_error_saying_write_no(tmp_path):
    error = one_error(tmp_path, lambda book: setting(book, "单位大屏", "×"))
    assert error.cell == "活动!B16" and error.hint == "写 否（或从下拉列表选）"


# Dates typed as text.


def test_dates_typed_as_text_read_as_the_day_meant(tmp_path):
    def edit(book):
        setting(book, "开始日期", "2026.1.1")
        setting(book, "截至日期", "2026年6月30日")
        book["阶段"]["C2"], book["阶段"]["D2"] = "2026-1-1", "2026年12月31日"
        book["评比"]["C2"] = "2026.3.31"
        book["假期"].append(["暑假", "2026-7-10", "2026/8/31"])

    plan = read(tmp_path, edit).plan
    day = datetime.date
    assert (plan.start, plan.as_of) == (day(2026, 1, 1), day(2026, 6, 30))
    assert (plan.phases[0].start, plan.phases[0].end) == (day(2026, 1, 1), day(2026, 12, 31))
    assert plan.time_progress.breaks[0].end == day(2026, 8, 31)


def test_an_impossible_date_typed_as_text_is_one_error(tmp_path):
    error = one_error(tmp_path, lambda book: book["评比"].cell(2, 3, "2026年2月30日"))
    assert error.cell == "评比!C2" and "2026年2月30日" in error.message


def test_a_date_excel_stored_in_a_name_column_is_read_as_its_day(tmp_path):
    """`3.1` typed as the name of a phase: Excel stores 3月1日; the name reads as the day."""

    def edit(book):
        book["阶段"]["A2"] = None
        book["阶段"]["B2"] = datetime.datetime(2026, 3, 1)

    (phase,) = read(tmp_path, edit).plan.phases
    assert (phase.id, phase.name) == ("20260301", "2026-03-01")


# Units by name, short name or id.


def renamed_units(book: openpyxl.Workbook) -> None:
    """Full names that differ from the short names, as the seeds' 科室 have them; the second
    unit's id left to be made, the sheets naming it by its short name."""
    book["单位"]["B2"], book["单位"]["C2"] = "市外侨办办公室", "办公室"
    book["单位"]["B3"], book["单位"]["C3"] = "市外侨办侨务科", "侨务科"
    book["单位"]["A3"] = None
    for sheet, cell in (("结对", "B2"), ("指标目标", "B3"), ("重点项目", "D3")):
        book[sheet][cell] = "侨务科"


def test_units_are_found_by_short_name_full_name_or_id_on_every_sheet(tmp_path):
    def edit(book):
        renamed_units(book)
        book["结对"]["A2"], book["结对"]["B2"] = "市外侨办办公室", "侨务科"
        book["指标目标"]["B2"], book["指标目标"]["B3"] = "办公室", "市外侨办侨务科"
        book["指标数值"]["B2"] = "市外侨办办公室"
        book["重点项目"]["D2"], book["重点项目"]["D3"] = "办公室", "市外侨办侨务科"
        book["评分"]["B2"] = "市外侨办办公室"
        book["指标"]["I2"] = "办公室、侨务科"

    campaign = read(tmp_path, edit)
    assert [unit.id for unit in campaign.units] == ["bangongshi", "qiaowuke"]
    assert campaign.plan.pairs == (("bangongshi", "qiaowuke"),)
    (served,) = campaign.indicators.indicators
    assert served.targets == {"bangongshi": 120, "qiaowuke": 80}
    assert served.values == {"bangongshi": {"2026-Q1": 30}}
    assert served.applies_to == ("bangongshi", "qiaowuke")
    assert [p.unit for p in campaign.projects.projects] == ["bangongshi", "qiaowuke"]


def test_a_unit_named_by_no_unit_is_one_error_with_the_likely_name(tmp_path):
    def edit(book):
        renamed_units(book)
        book["指标目标"]["B3"] = "侨务处"

    error = one_error(tmp_path, edit)
    assert error.cell == "指标目标!B3" and "侨务处" in error.message
    assert "侨务科" in error.hint


def test_a_unit_typed_twice_is_one_error_on_the_second(tmp_path):
    """A row copied down and left: its made id would be bangongshi-2, its name naming two."""
    error = one_error(tmp_path, lambda book: book["单位"].append([None, "办公室", "办公室"]))
    assert error.cell == "单位!B4"
    assert error.message == "'办公室' 重复了：data/campaign.xlsx:单位!B2 已经用过"


# Lists typed in one cell.


PEOPLE = ["林美华，黄志强", "林美华、黄志强", "林美华,黄志强", "林美华；黄志强"]


@pytest.mark.parametrize("typed", PEOPLE)
def test_a_list_of_people_typed_in_one_cell_is_read_as_the_list(tmp_path, typed):
    plan = read(tmp_path, lambda book: book["领导小组"].cell(2, 2, typed)).plan
    assert plan.leading_group[0].members == ("林美华", "黄志强")


@pytest.mark.parametrize(
    ("typed", "read_as"),
    [
        ("林美华 黄志强", ("林美华", "黄志强")),
        ("张  伟", ("张  伟",)),
        ("John Smith", ("John Smith",)),
    ],
)
def test_names_parted_by_spaces_are_two_people_but_a_padded_name_is_one(tmp_path, typed, read_as):
    plan = read(tmp_path, lambda book: book["领导小组"].cell(2, 2, typed)).plan
    assert plan.leading_group[0].members == read_as


def test_a_group_of_three_in_one_row_of_pairs(tmp_path):
    def edit(book):
        book["单位"].append([None, "侨务科"])
        book["结对"]["C2"] = "侨务科"

    assert read(tmp_path, edit).plan.pairs == (("bangongshi", "caiwuke", "qiaowuke"),)


# Merged cells apply to every row they span.


def test_a_merged_unit_cell_on_the_values_sheet_applies_to_every_row(tmp_path):
    def edit(book):
        rate_indicator(book, target=100)
        book["指标数值"]["C3"] = 96
        book["指标数值"]["B3"] = None
        book["指标数值"].merge_cells("B2:B3")  # 办公室 over both of its indicators

    served, rate = read(tmp_path, edit).indicators.indicators
    assert served.values == {"bangongshi": {"2026-Q1": 30}}
    assert rate.values == {"bangongshi": {"2026-Q1": 96}}


def test_a_merged_indicator_cell_on_the_targets_sheet_applies_to_every_row(tmp_path):
    def edit(book):
        book["指标目标"]["A2"], book["指标目标"]["A3"] = "便民服务次数", None
        book["指标目标"].merge_cells("A2:A3")

    (served,) = read(tmp_path, edit).indicators.indicators
    assert served.targets == {"bangongshi": 120, "caiwuke": 80}


# Headers and sheet names.


def test_a_header_with_a_trailing_space_or_a_space_inside_reads_as_meant(tmp_path):
    def edit(book):
        book["指标"]["C1"] = "计量单位 "
        book["指标目标"]["B1"] = "单 位"

    (served,) = read(tmp_path, edit).indicators.indicators
    assert served.unit == "次" and served.targets == {"bangongshi": 120, "caiwuke": 80}


def test_a_header_taken_from_another_workbook_is_one_error(tmp_path):
    """完成时限 (a ledger's) for 结束日期: one error on the header, not one per row."""
    error = one_error(tmp_path, lambda book: book["阶段"].cell(1, 4, "完成时限"))
    assert error.cell == "阶段!D1" and error.message == "未知的列 '完成时限'"
    assert "结束日期" in error.hint


def test_a_misspelt_header_is_one_error_with_the_header_meant(tmp_path):
    error = one_error(tmp_path, lambda book: book["指标"].cell(1, 3, "计量单元"))
    assert error.cell == "指标!C1" and error.hint == "是不是 计量单位？"


def test_a_sheet_name_with_a_trailing_space_reads_as_meant(tmp_path):
    def edit(book):
        book["指标"].title = "指标 "

    (served,) = read(tmp_path, edit).indicators.indicators
    assert served.name == "便民服务次数"


def test_an_empty_default_sheet_is_left_alone(tmp_path):
    campaign = read(tmp_path, lambda book: book.create_sheet("Sheet1"))
    assert [unit.id for unit in campaign.units] == ["bangongshi", "caiwuke"]


def test_an_unknown_sheet_with_data_is_one_error(tmp_path):
    def edit(book):
        book.create_sheet("Sheet1").append(["指标", "单位", "2026-Q2"])

    error = one_error(tmp_path, edit)
    assert error.cell == "Sheet1!A1" and error.message == "未知的工作表 'Sheet1'"
