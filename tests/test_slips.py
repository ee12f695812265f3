"""Reading slips that must never become a wrong figure (data model v3): a small campaign kept the
way clerks keep one — percent cells, monthly counts, merged cells, month headers Excel made into
dates, no ids, a Chinese notice file name — is built, and the published figures are read back."""

from __future__ import annotations

import datetime
import json
import os
import shutil

import pytest
import workbooks
from bixue.__main__ import main
from bixue.build import load_board
from bixue.errors import DataErrors
from bixue.load import load_campaign
from conftest import ROOT, built, load_errors, minimal_campaign, soup

INDICATORS = """periods: [2014年4月, 2014年5月, 2014年6月]
indicators:
  - name: 公示率
    unit: "%"
    cumulative: false
    target: 100
  - name: 为侨办实事
    unit: 件
    per_period: true
    target: 10
"""
NOTICE = "关于开展侨资企业服务月活动的通知.md"
NOTICE_SLUG = "guanyukaizhanqiaoziqiyefuwuyuehuodongde"
LEDGER_HEADERS = ["编号", "责任单位", "问题", "整改时限", "状态"]


def as_clerks_keep_it(data):
    """The minimal campaign with the slips of issue 27 that must read as meant."""
    (data / "evaluations.yml").unlink()  # its rounds name the old periods' units only
    (data / "indicators.yml").write_text(INDICATORS, encoding="utf-8")
    with (data / "units.yml").open("a", encoding="utf-8") as units:
        units.write("- name: 财金股\n")
    workbooks.write(
        data / "indicators.xlsx",
        {
            "公示率": [
                ["单位", {"date": "2014-04-01"}, "2014年5月"],
                ["北区", {"percent": 0.9}, {"percent": 0.95}],
                ["south", "80%", {"percent": 0.85, "format": "0.0%"}],
            ],
            "为侨办实事": [
                ["单位", "2014年4月", {"date": "2014-05-01"}, "2014年6月"],
                ["north", 3, 4, None],
            ],
        },
    )
    workbooks.write(
        data / "rectifications" / "台账.xlsx",
        {
            "整改台账": [
                ["示例整改台账"],
                LEDGER_HEADERS,
                ["M-1", "北区", "灯不亮。", "2014-07-31", "整改中"],
                ["M-2", None, "门坏了。", "2014-07-31", "未整改"],
                ["M-3", "财金股", "账不清。", "2014-07-31", "推进中"],
            ]
        },
        merge={"整改台账": ["A1:E1", "B3:B4"]},
    )
    shutil.copy(data / "notices" / "kickoff.md", data / "notices" / NOTICE)


@pytest.fixture(scope="module")
def kept_site(tmp_path_factory):
    data = minimal_campaign(tmp_path_factory.mktemp("slips"))
    as_clerks_keep_it(data)
    return data, built(data.parent / "site", data)


def board_completion(site, indicator_id):
    return soup(site, f"indicators/{indicator_id}/").select_one(".bx-board-completion").get_text()


def row_cells(site, indicator_id, unit_id):
    page = soup(site, f"indicators/{indicator_id}/")
    row = page.select_one(f'section[data-bx-block="indicators"] tr[data-unit="{unit_id}"]')
    return row.select_one(".bx-latest").get_text(strip=True), row.select_one(
        ".bx-completion"
    ).get_text(strip=True)


def test_percent_cells_publish_the_percent_shown_not_one_hundredth_of_it(kept_site):
    """Excel keeps 95% as 0.95: read as 0.95 the board showed 公示率完成率 1.0%."""
    _data, site = kept_site
    assert row_cells(site, "gongshilv", "north") == ("95", "95.0%")
    assert row_cells(site, "gongshilv", "south") == ("85", "85.0%")
    assert board_completion(site, "gongshilv") == "90.0%"


def test_monthly_counts_are_added_up_to_the_running_total_published(kept_site):
    """3 in April and 4 in May against 10: 70.0%, not the 40.0% of May's own count."""
    _data, site = kept_site
    assert row_cells(site, "weiqiaobanshishi", "north") == ("7", "70.0%")
    assert board_completion(site, "weiqiaobanshishi") == "70.0%"
    periods = soup(site, "indicators/weiqiaobanshishi/").select_one(
        'section[data-bx-block="indicator-periods"] tr[data-unit="north"]'
    )
    assert [td.get_text(strip=True) for td in periods.select("td")][:3] == ["3", "7", "—"]


def test_data_json_says_which_indicators_are_counts_per_period(kept_site):
    _data, site = kept_site
    exported = json.loads((site / "data.json").read_text(encoding="utf-8"))
    flags = {
        item["id"]: (item["cumulative"], item["per_period"]) for item in exported["indicators"]
    }
    assert flags == {"gongshilv": (False, False), "weiqiaobanshishi": (True, True)}


def test_a_merged_unit_cell_gives_its_unit_to_every_row_it_spans(kept_site):
    data, _site = kept_site
    units = {item.id: item.unit for item in load_campaign(data).ledger if item.id.startswith("M-")}
    assert units == {"M-1": "north", "M-2": "north", "M-3": "caijingu"}


def test_ids_left_out_are_made_from_names_and_pages_use_them(kept_site):
    _data, site = kept_site
    assert (site / "units" / "caijingu" / "index.html").is_file()
    assert (site / "indicators" / "gongshilv" / "index.html").is_file()
    notice = soup(site, f"notices/{NOTICE_SLUG}/")
    assert notice.select_one("h1").get_text(strip=True)


def test_check_lists_every_id_it_made(kept_site, capsys, monkeypatch):
    data, _site = kept_site
    monkeypatch.setenv("BOARD_DATA", str(data))
    assert main(["check", "--project", str(ROOT)]) == 0
    shown = capsys.readouterr().out.splitlines()
    made = [line[line.index("data/") :] for line in shown if "没有写 id" in line]
    assert made == [
        "data/units.yml:12: 单位 '财金股' 没有写 id，用 caijingu",
        "data/indicators.yml:3: 指标 '公示率' 没有写 id，用 gongshilv",
        "data/indicators.yml:7: 指标 '为侨办实事' 没有写 id，用 weiqiaobanshishi",
        f"data/notices/{NOTICE}: 通知公告 '{NOTICE[:-3]}' 没有写 id，用 {NOTICE_SLUG}",
    ]


# ---- one slip, one error ----


def indicator_data(tmp_path, rows, periods="[7月, 8月, 9月]", extra=""):
    data = minimal_campaign(tmp_path)
    (data / "evaluations.yml").unlink()
    indicator = "  - id: shishi\n    name: 为侨办实事\n    target: 10\n"
    text = f"periods: {periods}\nindicators:\n{indicator}{extra}"
    (data / "indicators.yml").write_text(text, encoding="utf-8")
    workbooks.write(data / "indicators.xlsx", {"为侨办实事": rows})
    return data


def test_a_running_total_that_falls_is_one_error_in_the_words_of_the_data_model(tmp_path):
    data = indicator_data(tmp_path, [["单位", "7月", "8月", "9月"], ["north", 1, 3, 2]])
    (error,) = load_errors(data)
    assert str(error) == (
        "data/indicators.xlsx:为侨办实事!D2: 9月: "
        "累计值只增不减：9月 2 小于 8月 3（是不是填了当月数？当月数请把指标设为 per_period）"
    )


def test_a_falling_running_total_in_yaml_names_its_line(tmp_path):
    data = minimal_campaign(tmp_path)
    text = (data / "indicators.yml").read_text(encoding="utf-8")
    (data / "indicators.yml").write_text(
        text.replace("2014-Q2: 610", "2014-Q2: 250"), encoding="utf-8"
    )
    (error,) = load_errors(data)
    assert str(error) == (
        "data/indicators.yml:10: values.north.2014-Q2: 累计值只增不减：2014-Q2 250 小于 2014-Q1 280"
        "（是不是填了当月数？当月数请把指标设为 per_period）"
    )


def test_monthly_counts_of_a_per_period_indicator_may_fall(tmp_path):
    data = indicator_data(
        tmp_path,
        [["单位", "7月", "8月", "9月"], ["north", 1, 3, 2]],
        extra="    per_period: true\n",
    )
    (indicator,) = load_campaign(data).indicators.indicators
    assert indicator.values["north"] == {"7月": 1, "8月": 4, "9月": 6}


def test_a_date_header_with_no_period_of_its_kind_is_named_as_typed(tmp_path):
    rows = [["单位", {"date": "2012-09-01"}], ["north", 3]]
    data = indicator_data(tmp_path, rows, periods="[上半年, 下半年]")
    (error,) = load_errors(data)
    assert str(error) == (
        "data/indicators.xlsx:为侨办实事!B1: 表头 '2012年9月' 被 Excel 存成了日期 2012-09-01，"
        "indicators.yml 的 periods 里没有对应的时期"
        "（periods 写成月份（如 2012-09 或 9月）、季度或日期，"
        "或者把表头改成 periods 里的写法）"
    )


@pytest.mark.parametrize(
    "periods", ["[2012-08, 2012-09]", "[8月, 9月]", "[2012-Q3]", "[2012-09-01]"]
)
def test_a_date_header_reads_as_its_month_quarter_or_date(tmp_path, periods):
    rows = [["单位", {"date": "2012-09-01"}], ["north", 3]]
    data = indicator_data(tmp_path, rows, periods=periods)
    (indicator,) = load_campaign(data).indicators.indicators
    assert list(indicator.values["north"].values()) == [3]


@pytest.mark.parametrize(
    "typed,meant",
    [("完成时限", "整改时限"), ("整改期限", "整改时限"), ("责任单位名称", "责任单位")],
)
def test_a_misspelt_header_is_one_error_with_the_header_it_meant(tmp_path, typed, meant):
    data = minimal_campaign(tmp_path)
    headers = ["编号", "责任单位", "问题", "整改时限", "状态"]
    headers[headers.index(meant)] = typed
    rows = [[f"X-{n}", "north", "灯。", "2014-07-31", "整改中"] for n in range(12)]
    workbooks.write(data / "rectifications" / "台账.xlsx", {"整改台账": [headers, *rows]})
    (error,) = load_errors(data)
    column = "ABCDE"[headers.index(typed)]
    assert (
        str(error) == f"data/rectifications/台账.xlsx:整改台账!{column}1: "
        f"未知的列 '{typed}'（是不是 {meant}？）"
    )


def late_errors(data, as_of="2014-06-30"):
    with pytest.raises(DataErrors) as caught:
        load_board(data.parent, {**os.environ, "BOARD_DATA": str(data), "BOARD_AS_OF": as_of}, "")
    return caught.value.errors


def test_a_completion_date_after_the_as_of_day_is_an_error(tmp_path):
    data = minimal_campaign(tmp_path)
    workbooks.write(
        data / "rectifications" / "台账.xlsx",
        {
            "整改台账": [
                ["编号", "责任单位", "问题", "整改时限", "状态", "完成日期"],
                ["X-1", "north", "灯。", "2014-07-31", "已完成", {"date": "2014-07-03"}],
            ]
        },
    )
    (error,) = late_errors(data)
    assert str(error) == (
        "data/rectifications/台账.xlsx:整改台账!F2: 完成日期: "
        "完成日期 2014-07-03 晚于数据截止日期 2014-06-30"
        "（是笔误，还是 campaign.yml 的 as_of（或 BOARD_AS_OF）该更新了？）"
    )


def test_a_milestone_done_after_the_as_of_day_is_an_error(tmp_path):
    data = minimal_campaign(tmp_path)
    (data / "projects.yml").write_text(
        "projects:\n  - name: 卫生间改造\n    milestones:\n"
        "      - {name: 方案批复, planned: 2014-04-10, done: 2014-04-08}\n"
        "      - {name: 验收, planned: 2014-06-30, done: 2014-07-02}\n",
        encoding="utf-8",
    )
    (error,) = late_errors(data)
    assert str(error).startswith(
        "data/projects.yml:5: milestones.done: 完成日期 2014-07-02 晚于数据截止日期 2014-06-30"
    )
    assert load_board(
        data.parent, {**os.environ, "BOARD_DATA": str(data), "BOARD_AS_OF": "2014-07-02"}, ""
    )
    assert datetime.date(2014, 7, 2)


def test_the_download_gives_back_the_counts_reported_and_says_which_number_to_fill(kept_site):
    """Put back in place of data/indicators.xlsx, the download must give the same board: a
    per-period indicator's cells hold each month's own count, not the running total."""
    import openpyxl

    _data, site = kept_site
    book = openpyxl.load_workbook(site / "downloads" / "indicators.xlsx", read_only=True)
    rows = [list(row) for row in book["为侨办实事"].iter_rows(values_only=True)]
    assert rows[0][:4] == ["单位", "2014年4月", "2014年5月", "2014年6月"]
    north = next(row for row in rows if row[0] in ("north", "示例北服务区", "北区"))
    assert north[1:4] == [3, 4, None]
    notes = {row[0]: row[1] for row in book["说明"].iter_rows(values_only=True)}
    assert "当期" in notes["为侨办实事"] and "累计" not in notes["为侨办实事"]
    assert "水平值" in notes["公示率"]


def test_a_per_period_indicator_says_its_counts_are_added_up(kept_site):
    _data, site = kept_site
    caption = soup(site, "indicators/weiqiaobanshishi/").select_one(".bx-caption").get_text()
    assert "当期数逐期累加" in caption
    overview = soup(site, "indicators/").select_one('tr[data-indicator="gongshilv"]').get_text()
    assert "时点值" in overview


def test_a_yaml_completion_date_after_the_as_of_day_names_its_line(tmp_path):
    # (an earlier BOARD_AS_OF alone is a look at a past day: later completions are left out)
    data = minimal_campaign(tmp_path)
    plan = data / "campaign.yml"
    plan.write_text(plan.read_text("utf-8").replace("as_of: 2014-06-30", "as_of: 2014-05-01"))
    (error,) = late_errors(data, as_of="2014-05-01")
    assert str(error) == (
        "data/rectifications/second.yml:7: completed: 完成日期 2014-05-20 晚于数据截止日期 "
        "2014-05-01（是笔误，还是 campaign.yml 的 as_of（或 BOARD_AS_OF）该更新了？）"
    )


def test_a_merge_over_blank_rows_or_two_header_cells_makes_no_rows_and_no_errors(tmp_path):
    data = minimal_campaign(tmp_path)
    headers = ["编号", "责任单位", "问题", "整改时限", "状态", None]
    rows = [
        ["X-1", "北区", "灯。", "2014-07-31", "整改中"],
        ["X-2", None, "门。", "2014-07-31", "整改中"],
    ]
    workbooks.write(
        data / "rectifications" / "台账.xlsx",
        {"整改台账": [headers, *rows, [None], [None]]},
        merge={"整改台账": ["B2:B5", "E1:F1"]},
    )
    items = {item.id: item.unit for item in load_campaign(data).ledger if item.id.startswith("X-")}
    assert items == {"X-1": "north", "X-2": "north"}
