"""The charts as data: what fig.to_dict() holds for a small campaign built from model records."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bixue import charts, figures
from bixue.charts import embed as chart_html
from bixue.charts import groups as charts_groups
from bixue.charts import indicators as charts_indicators
from bixue.charts import ledger as charts_ledger
from bixue.charts import scores as charts_scores
from bixue.figures.board import compute_board
from bixue.model import (
    Campaign,
    Criterion,
    Evaluations,
    Indicator,
    Indicators,
    Level,
    Phase,
    Round,
    Unit,
)
from boards import AS_OF, D, item, plan
from bs4 import BeautifulSoup
from conftest import built, soup

CSS = Path(__file__).resolve().parents[1] / "docs" / "assets" / "bixue.css"

UNITS = (
    Unit("a", "甲服务区", short="甲"),
    Unit("b", "乙服务区", short="乙"),
    Unit("c", "丙停车区"),
)
PHASES = (
    Phase("one", "动员部署", D("2014-03-01"), D("2014-03-31")),
    Phase("two", "提升改造", D("2014-04-01"), D("2014-10-31")),
    Phase("three", "总结表彰", D("2014-11-01"), D("2014-12-31")),
)
CRITERIA = (Criterion("service", "文明服务", 30), Criterion("facilities", "设施设备", 20))
FIRST = {"a": {"service": 25, "facilities": 15}, "b": {"service": 28, "facilities": 18}}
SECOND = {
    "a": {"service": 29, "facilities": 19.5},
    "b": {"service": 26, "facilities": 17},
    "c": {"service": 20, "facilities": 10},
}
ROUNDS = (
    Round("r1", "第一轮", D("2014-04-10"), FIRST),
    Round("r2", "第二轮", D("2014-07-10"), SECOND),
)
REVENUE = Indicator(
    "revenue",
    "营业收入",
    unit="万元",
    targets={"a": 100, "b": 200, "c": 300},
    values={"a": {"Q1": 30, "Q2": 70}, "b": {"Q1": 40}},
)
SATISFACTION = Indicator(
    "satisfaction",
    "满意度",
    unit="%",
    cumulative=False,
    targets={"a": 95},
    values={"a": {"Q1": 93, "Q2": 96}},
)


LEDGER = (
    item("todo", "2014-06-01", item_id="ZG-1", found="2014-04-01"),
    item("doing", "2014-07-02", item_id="ZG-2", found="2014-04-05"),
    item("done", "2014-06-20", "2014-06-10", item_id="ZG-3", unit="b", found="2014-04-05"),
    item("verified", "2014-05-20", "2014-05-25", item_id="ZG-4", unit="b"),
    item("doing", "2014-06-25", item_id="ZG-5", unit="b", internal=True, found="2014-05-01"),
)


def make_board(public=False, **parts):
    campaign = Campaign(
        plan=plan(PHASES, pairs=(("a", "b"),)),
        units=parts.get("units", UNITS),
        indicators=parts.get("indicators", Indicators(("Q1", "Q2"), (REVENUE, SATISFACTION))),
        evaluations=parts.get("evaluations", Evaluations(CRITERIA, ROUNDS, (Level(40, "三星"),))),
        ledger=parts.get("ledger", LEDGER),
    )
    return compute_board(campaign, AS_OF, public)


@pytest.fixture
def board():
    return make_board()


def shape_texts(fig):
    return [shape["label"]["text"] for shape in fig.to_dict()["layout"].get("shapes", [])]


def test_status_colours_mirror_the_css_variables():
    css = dict(re.findall(r"--bx-([a-z-]+):\s*(#[0-9a-f]{6})", CSS.read_text(encoding="utf-8")))
    assert {s: css[s] for s in charts.STATUS_COLORS} == charts.STATUS_COLORS
    assert charts.ALERT_COLORS == {"overdue": css["overdue"], "due_soon": css["due-soon"]}


def test_home_progress_compares_completions_with_the_time_progress_line(board):
    trace = charts.home_progress(board).to_dict()["data"][0]
    assert trace["y"] == ["整改完成率", "营业收入完成率", "满意度完成率"]
    # ledger 2/5; revenue (70 + 40) / (100 + 200), behind 39.9% of the year; a level is never behind
    assert trace["x"] == [0.4, 0.3667, 1.0105]
    assert trace["text"] == ["40.0%", "▼ 36.7% 落后序时", "101.1%"]
    assert trace["marker"]["pattern"]["shape"] == ["", "/", ""]
    assert shape_texts(charts.home_progress(board)) == ["序时进度 39.9%"]
    assert charts.home_progress(board).to_dict()["layout"]["shapes"][0]["x0"] == 0.3987


def test_home_ledger_status_counts_every_item_with_symbol_and_colour(board):
    trace = charts.home_ledger_status(board).to_dict()["data"][0]
    assert trace["y"] == [1, 2, 1, 1, 0]
    assert trace["x"][0] == "○ 未启动"
    assert trace["marker"]["color"][1] == charts.STATUS_COLORS["doing"]


def test_top_and_bottom_lists_do_not_repeat_units_when_few_are_ranked(board):
    data = charts.home_top_bottom(board).to_dict()["data"]
    assert [t["name"] for t in data] == ["红榜"]
    assert data[0]["y"] == ["第1名 甲", "第2名 乙", "第3名 丙停车区"]
    assert data[0]["text"][0] == "48.5 分 三星"


def test_campaign_timeline_marks_the_current_phase_and_the_as_of_day(board):
    fig = charts.campaign_timeline(board)
    trace = fig.to_dict()["data"][0]
    assert trace["base"] == ["2014-03-01", "2014-04-01", "2014-11-01"]
    assert trace["x"][0] == 31 * charts.DAY_MS
    assert [label.split()[-1] for label in trace["y"]] == ["已完成", "当前阶段", "未开始"]
    assert trace["y"][1] == "提升改造 ▶ 当前阶段" and trace["text"][1] == "4月1日–10月31日"
    assert shape_texts(fig) == ["数据截至 2014-06-30"]
    # before mid-year the label reads to the right of the line, where there is room
    assert fig.to_dict()["layout"]["shapes"][0]["label"]["xanchor"] == "left"


def test_indicator_completion_has_target_and_time_progress_and_missing_is_not_zero(board):
    fig = charts_indicators.indicator_completion(board, board.indicators[0])
    trace = fig.to_dict()["data"][0]
    assert trace["x"] == ["甲", "乙", "丙停车区"]
    assert trace["y"] == [0.7, 0.2, None]
    assert trace["text"] == ["70.0%", "▼20.0%", "未报送"]
    assert shape_texts(fig) == ["目标 100%", "序时进度 39.9%"]
    assert [a["text"] for a in fig.to_dict()["layout"]["annotations"]] == ["未报送"]


def test_a_level_indicator_has_no_time_progress_line(board):
    fig = charts_indicators.indicator_completion(board, board.indicators[1])
    assert shape_texts(fig) == ["目标 100%"]
    assert fig.to_dict()["data"][0]["text"] == ["101.1%", "未报送", "未报送"]


def test_values_by_period_leave_gaps_for_periods_not_reported(board):
    data = charts_indicators.indicator_periods(board, board.indicators[0]).to_dict()["data"]
    assert [t["y"] for t in data] == [[30, 70], [40, None], [None, None]]
    assert data[2]["name"] == "丙停车区（未报送）"


def test_values_of_many_units_are_drawn_as_their_spread_not_a_line_each():
    many = tuple(Unit(f"u{n}", f"单位{n}") for n in range(charts_indicators.MAX_LINES + 1))
    values = {f"u{n}": {"Q1": n + 1, "Q2": 2 * (n + 1)} for n in range(len(many) - 1)}
    indicator = Indicator("revenue", "营业收入", unit="万元", values=values)  # the last: none
    indicators = Indicators(("Q1", "Q2", "Q3"), (indicator,))
    board = make_board(units=many, indicators=indicators, evaluations=None, ledger=())
    fig = charts_indicators.indicator_periods(board, board.indicators[0]).to_dict()
    data = fig["data"]
    assert [t["name"] for t in data] == ["最高", "中位数", "最低"]
    # 12 units reported 1..12 in Q1 and 2..24 in Q2; nobody reported Q3: a gap
    assert [t["y"] for t in data] == [[12, 24, None], [6.5, 13, None], [1, 2, None]]
    assert "13 个单位" not in fig["layout"]["meta"]["summary"]
    assert "12 个单位Q1至Q3各期报送数值的最高、中位数和最低值" in fig["layout"]["meta"]["summary"]


def test_ranking_totals_stack_criteria_in_rank_order_with_levels(board):
    fig = charts_scores.ranking_totals(board)
    data = fig.to_dict()["data"]
    assert [t["name"] for t in data] == ["文明服务", "设施设备", "总分"]
    assert data[0]["x"] == ["1. 甲", "2. 乙", "3. 丙停车区"]
    assert data[1]["y"] == [19.5, 17, 10]
    assert data[2]["text"] == ["48.5", "43", "30"]
    assert [shape["name"] for shape in fig.to_dict()["layout"]["shapes"]] == ["三星 ≥40"]
    assert fig.to_dict()["layout"]["yaxis"]["ticktext"] == ["0", "三星 40"]


def test_bump_chart_has_a_gap_where_a_unit_was_not_ranked(board):
    data = charts_scores.ranking_bump(board).to_dict()["data"]
    assert {t["name"]: t["y"] for t in data} == {"甲": [2, 1], "乙": [1, 2], "丙停车区": [None, 3]}
    one_round = make_board(evaluations=Evaluations(CRITERIA, ROUNDS[:1]))
    assert charts_scores.ranking_bump(one_round) is None


def test_pair_scores_label_the_gaps(board):
    data = charts_groups.group_scores(board, ("a", "b")).to_dict()["data"]
    assert data[0]["y"] == ["文明服务<br>甲高 3", "设施设备<br>甲高 2.5", "总分<br>甲高 5.5"]
    assert data[0]["x"] == [29, 19.5, 48.5] and data[1]["x"] == [26, 17, 43]


def test_group_scores_draw_one_trace_per_unit_and_label_best_over_worst(board):
    fig = charts_groups.group_scores(board, ("a", "b", "c")).to_dict()
    data = fig["data"]
    assert [t["name"] for t in data] == ["甲", "乙", "丙停车区"]
    assert data[2]["x"] == [20, 10, 30]
    assert data[0]["y"][2] == "总分<br>甲最高，高出丙停车区 18.5"
    assert [t["marker"]["pattern"]["shape"] for t in data] == ["", "/", "x"]
    assert fig["layout"]["meta"]["summary"].endswith("；甲总分最高，比丙停车区高 18.5 分")


def test_unit_charts_show_rank_over_rounds_and_criteria_against_the_average(board):
    data = charts_scores.unit_rounds(board, "c").to_dict()["data"]
    assert data[0]["y"] == [None, 30] and data[1]["y"] == [None, 3]
    assert data[1]["text"] == ["", "第3名"]
    data = charts_scores.unit_criteria(board, "c").to_dict()["data"]
    assert data[1]["name"] == "全部单位平均"
    assert data[1]["y"] == [25, 15.5]


def test_ledger_by_unit_stacks_statuses_present_anywhere(board):
    data = charts_ledger.ledger_by_unit(board).to_dict()["data"]
    assert [t["name"] for t in data] == ["○ 未启动", "◐ 整改中", "● 已完成", "✔ 已销号"]
    assert data[1]["x"] == [1, 1] and data[1]["y"] == ["甲", "乙"]


def test_deadlines_show_days_late_and_leave_internal_items_out_of_the_public_build():
    internal = charts_ledger.ledger_deadlines(make_board()).to_dict()["data"]
    assert [t["name"] for t in internal] == ["逾期（已过天数）", "临期（剩余天数）"]
    assert internal[0]["y"] == ["ZG-1 甲", "ZG-5 乙"] and internal[0]["x"] == [29, 5]
    assert internal[1]["text"] == ["还剩 2 天"] and internal[1]["x"] == [2]
    public = charts_ledger.ledger_deadlines(make_board(public=True)).to_dict()["data"]
    assert public[0]["y"] == ["ZG-1 甲"]


def test_deadlines_of_many_items_draw_the_longest_overdue_and_say_so():
    many = charts_ledger.MAX_BARS + 5
    ledger = [
        item("doing", f"2014-06-{day:02d}", item_id=f"ZG-{day}", found="2014-04-01")
        for day in range(1, many + 1)
    ]
    fig = charts_ledger.ledger_deadlines(make_board(ledger=ledger)).to_dict()
    (late,) = fig["data"]
    assert len(late["y"]) == charts_ledger.MAX_BARS and late["y"][0] == "ZG-1 甲"
    assert late["x"] == sorted(late["x"], reverse=True)
    assert f"（各列前 {charts_ledger.MAX_BARS} 项）" in fig["layout"]["title"]["text"]
    assert f"逾期 {many} 项" in fig["layout"]["meta"]["summary"]


def test_burndown_counts_found_and_finished_items_up_to_the_as_of_day(board):
    data = charts_ledger.ledger_burndown(board).to_dict()["data"]
    days = data[0]["x"]
    assert days[0] == "2014-03-01" and days[-1] == "2014-06-30"
    assert data[0]["y"][-1] == 5 and data[1]["y"][-1] == 2 and data[2]["y"][-1] == 3
    assert data[1]["y"][days.index("2014-05-25")] == 1


def test_figures_for_charts():
    assert figures.days_left(LEDGER[1], D("2014-06-30")) == 2
    assert figures.days_left(LEDGER[2], D("2014-06-30")) is None
    timeline = figures.ledger_timeline(LEDGER, D("2014-03-01"), D("2014-06-15"))
    assert timeline[0] == (D("2014-03-01"), 1, 0)
    assert timeline[-1] == (D("2014-06-15"), 5, 2)
    averages = figures.criterion_averages(ROUNDS[1], CRITERIA)
    assert averages == {"service": 25, "facilities": 15.5}


def test_charts_are_absent_without_their_data():
    bare = make_board(units=UNITS[:1], indicators=None, evaluations=None, ledger=())
    assert charts.home_progress(bare) is None
    assert charts.home_top_bottom(bare) is None
    assert charts_scores.ranking_totals(bare) is None
    assert charts_scores.unit_rounds(bare, "a") is None
    assert charts_ledger.ledger_burndown(bare) is None
    assert chart_html.render(None) == ""
    assert charts.campaign_timeline(bare) is not None


def test_chart_html_holds_compact_json_and_a_data_table(board):
    html = chart_html.render(charts_indicators.indicator_completion(board, board.indicators[0]))
    figure = BeautifulSoup(html, "html.parser").select_one("figure.bx-chart-wrap")
    chart = figure.select_one(".bx-chart[role=img]")
    data = json.loads(chart["data-figure"])
    assert "template" not in data["layout"] and "title" not in data["layout"]
    assert figure.figcaption.get_text() == "营业收入：各单位完成率"
    rows = [[c.get_text() for c in tr.find_all(["th", "td"])] for tr in figure.select("tbody tr")]
    assert rows == [["甲", "70.0%"], ["乙", "▼20.0%"], ["丙停车区", "未报送"]]
    notes = [p.get_text() for p in figure.select(".bx-chart-note")]
    assert notes == ["参考线：目标 100%", "参考线：序时进度 39.9%"]


def test_names_with_markup_are_escaped_in_the_attribute_and_the_table(board):
    units = (Unit("a", "<b>甲</b>"), *UNITS[1:])
    html = chart_html.render(charts_scores.ranking_totals(make_board(units=units)))
    figure = BeautifulSoup(html, "html.parser")
    assert figure.find("b") is None
    # Plotly draws <b>, <a href>, <span style> in any text: names reach it as literal text
    x = json.loads(figure.select_one(".bx-chart")["data-figure"])["data"][0]["x"]
    assert "1. &lt;b&gt;甲&lt;/b&gt;" in x


MINIMAL_CAMPAIGN = """\
title: 单个单位的活动
organization: 测试单位
period: {start: 2014-03-01, end: 2014-12-31}
as_of: 2014-06-30
phases:
  - {id: all, name: 全程, start: 2014-03-01, end: 2014-12-31}
"""


@pytest.fixture(scope="module")
def minimal_site(tmp_path_factory):
    """One unit; no indicators, evaluations, ledger, cases or notices."""
    data = tmp_path_factory.mktemp("minimal") / "data"
    data.mkdir()
    (data / "campaign.yml").write_text(MINIMAL_CAMPAIGN, encoding="utf-8")
    (data / "units.yml").write_text("- {id: solo, name: 独立服务区}\n", encoding="utf-8")
    return built(data.parent / "site", data)


def chart_names(site, url):
    return [figure["data-bx-chart"] for figure in soup(site, url).select("figure.bx-chart-wrap")]


def test_a_campaign_without_scores_indicators_or_ledger_has_only_the_timeline(minimal_site):
    assert chart_names(minimal_site, "campaign/") == ["campaign-timeline"]
    for url in ("", "indicators/", "ranking/", "pairs/", "units/solo/"):
        assert chart_names(minimal_site, url) == [], url


@pytest.mark.parametrize(
    ("url", "names"),
    [
        ("", ["home-progress", "home-ledger-status", "home-top-bottom"]),
        ("campaign/", ["campaign-timeline"]),
        ("ranking/", ["ranking-totals", "ranking-bump"]),
        ("rectification/", ["ledger-burndown", "ledger-deadlines", "ledger-by-unit"]),
        ("units/puyang-south/", ["unit-rounds", "unit-criteria"]),
    ],
)
def test_demo_pages_carry_their_charts_with_data_tables(demo_site, url, names):
    assert chart_names(demo_site, url) == names
    for figure in soup(demo_site, url).select("figure.bx-chart-wrap"):
        data = json.loads(figure.select_one(".bx-chart")["data-figure"])
        assert data["data"] and "template" not in data["layout"]
        assert figure.select("details.bx-chart-data tbody tr")


def test_indicator_and_pair_pages_have_a_chart_per_indicator_and_pair(demo_site):
    assert chart_names(demo_site, "indicators/") == []
    rows = soup(demo_site, "indicators/").select("tr[data-indicator]")
    assert len(rows) == 6  # the sixth is counted from the activity log
    for row in rows:
        url = f"indicators/{row['data-indicator']}/"
        assert chart_names(demo_site, url) == ["completion", "periods"]
    assert chart_names(demo_site, "pairs/") == ["pair-scores"] * 5


def test_public_charts_name_no_internal_item(public_site):
    page = soup(public_site, "rectification/")
    listed = {row.get_text() for row in page.select("table td, table th")}
    chart = page.select_one("[data-bx-chart=ledger-deadlines] .bx-chart")
    labels = json.loads(chart["data-figure"])["data"][0]["y"]
    assert all(label.split()[0] in " ".join(listed) for label in labels)
