"""Slips on data/campaign.xlsx that would change a figure: running totals and monthly counts,
percent cells, growth, scope and source, values in two places; the published figure checked on
the built board. Each reads as meant or is exactly one error naming the cell and the fix."""

from __future__ import annotations

import datetime
from pathlib import Path

import openpyxl
import pytest
import workbooks
from bixue.__main__ import main
from bixue.load import load_campaign
from conftest import ROOT, built, load_errors, soup
from starter_edits import by_name, one_error, percent, rate_indicator, read, workbook_of

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
