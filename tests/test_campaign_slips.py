"""Slips on data/campaign.xlsx as a clerk makes them in Excel or WPS: the starter workbook (`bixue
new`) edited one slip at a time; each slip reads as the clerk meant, or is exactly one error
naming the sheet!cell with the right fix — none becomes a wrong figure."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Callable

import openpyxl
import pytest
import workbooks
from bixue.__main__ import main
from bixue.load import load_campaign
from bixue.outputs.campaign_starter import write_new
from conftest import ROOT, built, load_errors, soup

Edit = Callable[[openpyxl.Workbook], None]


YEAR_2026 = "1782000000"
"""SOURCE_DATE_EPOCH in 2026: the starter's year, so its dates are the ones edited here."""


def workbook_of(tmp_path: Path, edit: Edit) -> Path:
    """A new board's data/ (`bixue new`) with its campaign.xlsx edited as `edit` says."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", YEAR_2026)
        write_new(tmp_path)
    path = tmp_path / "data" / "campaign.xlsx"
    book = openpyxl.load_workbook(path)
    edit(book)
    book.save(path)
    return tmp_path / "data"


def read(tmp_path: Path, edit: Edit):
    return load_campaign(workbook_of(tmp_path, edit))


def one_error(tmp_path: Path, edit: Edit):
    found = load_errors(workbook_of(tmp_path, edit))
    assert len(found) == 1, [str(error) for error in found]
    return found[0]


def setting(book: openpyxl.Workbook, label: str, value) -> None:
    sheet = book["活动"]
    row = next(row for row in range(1, sheet.max_row + 1) if sheet.cell(row, 1).value == label)
    sheet.cell(row, 2).value = value


def percent(cell, value: float) -> None:
    cell.value, cell.number_format = value, "0%"


def rate_indicator(book: openpyxl.Workbook, target=None) -> None:
    """A second indicator, a level in percent (公示率), its value on 指标数值 row 3."""
    book["指标"].append(["gongshilv", "公示率", "%", "越高越好", "否", "否", target])
    book["指标数值"].append(["gongshilv", "bangongshi", None])


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


def by_name(book: openpyxl.Workbook, unit_id: str, name: str) -> None:
    """Every cell naming the unit by id names it by name instead."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows() if sheet.title != "单位" else ():
            for cell in row:
                cell.value = name if cell.value == unit_id else cell.value


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


# Figures: running totals, monthly counts, ids.


def second_quarter(book: openpyxl.Workbook, value) -> None:
    book["时期"]["A3"] = "2026-Q2"
    book["指标数值"]["D1"], book["指标数值"]["D2"] = "2026-Q2", value


def test_a_running_total_that_falls_is_one_error_suggesting_per_period(tmp_path):
    error = one_error(tmp_path, lambda book: second_quarter(book, 20))
    assert error.cell == "指标数值!D2"
    assert error.message == "累计值只增不减：2026-Q2 20 小于 2026-Q1 30"
    assert error.hint == "是不是填了当期数？当期数请在“指标”表把“当期数”设为 是"


def test_a_count_typed_with_its_measure_is_one_error(tmp_path):
    error = one_error(tmp_path, lambda book: book["指标数值"].cell(2, 3, "30次"))
    assert error.cell == "指标数值!C2" and "30次" in error.message


def test_a_period_header_excel_made_into_a_date_reads_as_its_month(tmp_path):
    def edit(book):
        book["时期"]["A2"], book["时期"]["A3"] = "2026年3月", "2026年4月"
        book["指标数值"]["C1"] = datetime.datetime(2026, 3, 1)
        book["指标数值"]["D1"], book["指标数值"]["D2"] = "2026年4月", 45

    (served,) = read(tmp_path, edit).indicators.indicators
    assert served.values["bangongshi"] == {"2026年3月": 30, "2026年4月": 45}


@pytest.mark.parametrize(("typed", "made"), [("BGS", "bangongshi"), ("办公室", "bangongshi")])
def test_a_hand_written_unit_id_of_the_wrong_form_is_one_error_with_the_made_id(
    tmp_path, typed, made
):
    def edit(book):
        by_name(book, "bangongshi", "办公室")
        book["单位"]["A2"] = typed

    error = one_error(tmp_path, edit)
    assert error.cell == "单位!A2" and error.message.startswith("id 不合格")
    assert f"如 {made}；" in error.hint


# Scope, source, comparison.


def test_an_indicator_of_the_whole_takes_its_values_from_the_whole_row(tmp_path):
    def edit(book):
        book["指标"].append([None, "省级示范园", "所", None, "是", "否", 2, None, None, "整体"])
        book["指标数值"].append(["省级示范园", "整体", 1])

    whole = read(tmp_path, edit).indicators.indicators[1]
    assert (whole.id, whole.scope, whole.targets) == ("shengjishifanyuan", "whole", {"": 2})
    assert whole.values == {"": {"2026-Q1": 1}}


def test_a_whole_indicator_with_a_units_row_is_one_error(tmp_path):
    def edit(book):
        book["指标"].append([None, "省级示范园", "所", None, "是", "否", 2, None, None, "整体"])
        book["指标数值"].append(["省级示范园", "办公室", 1])

    error = one_error(tmp_path, edit)
    assert error.cell == "指标数值!B3" and error.hint == "单位一栏写 整体"


@pytest.mark.parametrize("typed", ["主办活动：观摩", "主办活动:观摩"])
def test_a_source_with_its_kind_after_a_colon(tmp_path, typed):
    def edit(book):
        book["指标"].append([None, "主办观摩次数", "次", None, "是", "否", 2])
        book["指标"]["K3"] = typed

    counted = read(tmp_path, edit).indicators.indicators[1]
    assert (counted.source.log, counted.source.role, counted.source.kind) == (
        "activities",
        "hosted",
        "观摩",
    )


def test_a_kindergarten_listed_but_not_compared(tmp_path):
    def edit(book):
        book["单位"].append([None, "城东幼儿园", "城东园", "帮扶园", None, "否"])

    units = read(tmp_path, edit).units
    assert [(unit.id, unit.compare) for unit in units][-1] == ("chengdongyuan", False)


# The published figure of monthly counts and of a percent.


def monthly_counts(book: openpyxl.Workbook) -> None:
    """为侨办实事 counted each month (当期数 是), 公示率 in percent cells."""
    book["时期"]["A2"] = "2026年1月"
    book["时期"].append(["2026年2月"])
    book["时期"].append(["2026年3月"])
    book["指标"]["B2"], book["指标"]["C2"], book["指标"]["F2"] = "为侨办实事", "件", "是"
    book["指标目标"]["A2"], book["指标目标"]["A3"] = "为侨办实事", None
    book["指标目标"].merge_cells("A2:A3")
    values = book["指标数值"]
    values["A2"] = "为侨办实事"
    for column, header, count in (("C", "2026年1月", 30), ("D", "2026年2月", 12), ("E", None, 18)):
        values[f"{column}1"], values[f"{column}2"] = header, count
    values["E1"] = datetime.datetime(2026, 3, 1)  # 2026年3月 typed, Excel made a date
    rate_indicator(book, target=None)
    percent(book["指标"]["G3"], 1)
    percent(book["指标数值"]["E3"], 0.85)


@pytest.fixture(scope="module")
def monthly_site(tmp_path_factory):
    project = tmp_path_factory.mktemp("monthly")
    data = workbook_of(project, monthly_counts)
    return load_campaign(data), built(project / "site", data)


def completion(site: Path, indicator_id: str) -> str:
    page = soup(site, f"indicators/{indicator_id}/")
    return page.select_one(".bx-board-completion").get_text(strip=True)


def test_monthly_counts_are_added_up_on_the_published_board(monthly_site):
    campaign, site = monthly_site
    served = campaign.indicators.indicators[0]
    assert served.values["bangongshi"] == {"2026年1月": 30, "2026年2月": 42, "2026年3月": 60}
    assert completion(site, served.id) == "50.0%"  # 60 of 120


def test_a_percent_cell_is_published_as_the_percent_shown(monthly_site):
    campaign, site = monthly_site
    rate = campaign.indicators.indicators[1]
    assert rate.values["bangongshi"] == {"2026年3月": 85} and rate.targets["bangongshi"] == 100
    assert completion(site, rate.id) == "85.0%"


def test_a_target_row_names_its_project_by_name_when_the_id_is_blank(tmp_path):
    """The starter's projects have no 编号 once the clerk clears it; 目标任务 names them."""

    def edit(book):
        book["重点项目"]["A3"] = None
        book["目标任务"]["A2"] = None

    (task,) = [p for p in read(tmp_path, edit).projects.projects if p.targets]
    assert task.id == "zoufangfuwuduixiang"
    assert [(t.name, t.target, t.unit, t.done) for t in task.targets] == [
        ("走访服务对象", 10, "家", ((datetime.date(2026, 3, 31), 4),))
    ]


def test_the_note_sheet_explains_the_target_sheet(tmp_path):
    book = openpyxl.load_workbook(workbook_of(tmp_path, lambda book: None) / "campaign.xlsx")
    notes = dict(row for row in book["说明"].iter_rows(values_only=True))
    assert "项目名称" in notes["目标任务"] and "工作任务" in notes["重点项目"]


def test_values_in_both_campaign_xlsx_and_indicators_xlsx_name_the_sheet_and_cell(tmp_path):
    data = workbook_of(tmp_path, lambda book: None)
    sheet = [["单位", "2026-Q1"], ["办公室", 31]]
    workbooks.write(data / "indicators.xlsx", {"便民服务次数": sheet})
    (error,) = load_errors(data)
    assert error.cell == "便民服务次数!A1"
    assert error.message == (
        "指标 '便民服务次数' 的数值已经写在 data/campaign.xlsx:指标数值!A2，不能两处都写"
    )


def test_scores_in_both_campaign_xlsx_and_evaluations_xlsx_name_the_sheet_and_cell(tmp_path):
    data = workbook_of(tmp_path, lambda book: None)
    sheet = [["单位", "文明服务"], ["办公室", 90]]
    workbooks.write(data / "evaluations.xlsx", {"第一季度评比": sheet})
    (error,) = load_errors(data)
    assert error.cell == "第一季度评比!A1"
    assert "已经写在 data/campaign.xlsx:评分!A2，" in error.message


@pytest.mark.parametrize("typed", ["-", "/", "无"])
def test_a_dash_for_no_figure_yet_is_one_error_saying_leave_it_blank(tmp_path, typed):
    error = one_error(tmp_path, lambda book: book["指标数值"].cell(2, 3, typed))
    assert error.cell == "指标数值!C2" and error.message.endswith(
        "（还没有数就空着，不要写 - 或 /）"
    )


@pytest.mark.parametrize(("typed", "format"), [("10%", "General"), (0.1, "0%"), (10, "General")])
def test_a_growth_rate_typed_as_a_percent_reads_as_the_percent(tmp_path, typed, format):
    def edit(book):
        book["指标"]["H2"].value, book["指标"]["H2"].number_format = typed, format
        for cell, value in (("C2", None), ("C3", None), ("D2", 100), ("D3", 50)):
            book["指标目标"][cell].value = value

    (served,) = read(tmp_path, edit).indicators.indicators
    assert served.targets == {"bangongshi": 110, "caiwuke": 55}


def test_a_growth_rate_beside_a_target_is_one_error_in_the_sheets_words(tmp_path):
    error = one_error(tmp_path, lambda book: book["指标"].cell(2, 8, 10))
    assert error.cell == "指标目标!C2"
    assert error.message == "写了 增长率（%） 就不能再写 目标"


def test_a_counted_indicator_with_a_values_row_left_is_one_error_naming_the_row(tmp_path):
    """来源 set on the starter's indicator, its example row in 指标数值 left in place."""
    error = one_error(tmp_path, lambda book: book["指标"].cell(2, 11, "荣誉成果：省级：论文"))
    assert error.cell == "指标数值!A2" and error.message == "写了“来源”的指标不能再填数值"


def test_a_score_above_the_maximum_names_the_cell_in_chinese(tmp_path):
    error = one_error(tmp_path, lambda book: book["评分"].cell(2, 3, 120))
    assert (error.cell, error.field) == ("评分!C2", "分数")


def test_a_kindergarten_not_compared_but_paired_is_one_error_in_the_sheets_words(tmp_path):
    def edit(book):
        book["单位"].append([None, "城东幼儿园", "城东园", "帮扶园", None, "否"])
        book["结对"]["B2"] = "城东园"

    error = one_error(tmp_path, edit)
    assert (error.cell, error.field) == ("结对!A1", "结对")
    assert error.hint == "“单位”表里这个单位的“参与比较”写了 否；要比较就清空那一格"


def test_dates_outside_the_campaign_point_at_the_settings_sheet(tmp_path):
    def edit(book):
        book["阶段"]["D2"] = "2027-1-31"
        book["评比"]["C2"] = "2025年12月1日"

    hints = {error.cell: error.hint for error in load_errors(workbook_of(tmp_path, edit))}
    assert hints == {
        "阶段!D2": "阶段必须在“活动”表的开始日期和结束日期之内",
        "评比!C2": "检查日期，或“活动”表的开始日期、结束日期",
    }


def test_the_projects_template_tells_a_campaign_xlsx_clerk_not_to_use_it(monthly_site):
    """projects.xlsx beside campaign.xlsx's 重点项目 is an error; the template says so."""
    _campaign, site = monthly_site
    book = openpyxl.load_workbook(site / "downloads" / "templates" / "projects.xlsx")
    notes = dict(row[:2] for row in book["说明"].iter_rows(values_only=True))
    assert "campaign.xlsx" in notes["用途"] and "不用这个模板" in notes["用途"]


def test_check_lists_the_ids_it_made_by_the_sheets_word(tmp_path, capsys, monkeypatch):
    def edit(book):
        book["单位"]["A3"] = None

    data = workbook_of(tmp_path, edit)
    monkeypatch.setenv("BOARD_DATA", str(data))
    assert main(["check", "--project", str(ROOT)]) == 0
    made = [line for line in capsys.readouterr().out.splitlines() if "没有写" in line]
    assert [line[line.index("campaign.xlsx") :] for line in made] == [
        "campaign.xlsx:单位!C3: 单位 '财务科' 没有写编号，用 caiwuke"
    ]
