"""The activity log (学习交流) and honours (荣誉成果): reading, figures worked out by hand, and the
pages, unit pages, data.json and feeds of the demo, in both profiles."""

from __future__ import annotations

import json
from datetime import date

import pytest
import workbooks
from bixue.figures.activities import activity_log, honours, log_values
from bixue.figures.board import compute_board
from bixue.load import load_campaign
from bixue.load.log_ids import made_id, numbered
from bixue.load.log_source import period_span
from bixue.model import Achievement, Activity, Campaign, Indicator, LogSource, Phase, Unit
from boards import D, plan
from conftest import ROOT, load_errors, minimal_campaign, soup

UNITS = (Unit("a", "甲单位"), Unit("b", "乙单位"), Unit("c", "丙单位"))
START, END = D("2014-03-01"), D("2014-12-31")


def activity(day: str, host: str, guests=(), kind: str = "观摩", **fields) -> Activity:
    return Activity(f"x{day}{host}", D(day), kind, "交流", host, tuple(guests), **fields)


def campaign(activities=(), achievements=(), indicators=None) -> Campaign:
    phases = (Phase("p", "阶段", START, END),)
    return Campaign(
        plan(phases), UNITS, indicators, None, (), (), (), None, activities, achievements
    )


LOG = (
    activity("2014-04-10", "a", ["b"]),
    activity("2014-05-20", "b", ["a", "c"], kind="交流"),
    activity("2014-06-30", "a", ["c"], internal=True),
    activity("2014-07-01", "c", ["a"]),
)


def test_hosted_and_attended_count_every_record_internal_ones_too():
    log = activity_log(campaign(LOG))
    assert {u: (c.hosted, c.attended) for u, c in log.by_unit.items()} == {
        "a": (2, 2),
        "b": (1, 1),
        "c": (1, 2),
    }
    assert log.by_kind == (("观摩", 3), ("交流", 1))
    assert dict(log.by_month)["2014-06"] == 1 and dict(log.by_month)["2014-03"] == 0
    assert [r.date for r in log.records] == [
        D(d) for d in ("2014-07-01", "2014-06-30", "2014-05-20", "2014-04-10")
    ]


@pytest.mark.parametrize(
    "label, first, last",
    [
        ("2014-09", "2014-09-01", "2014-09-30"),
        ("2014年2月", "2014-02-01", "2014-02-28"),
        ("9月", "2014-09-01", "2014-09-30"),
        ("2014-Q2", "2014-04-01", "2014-06-30"),
        ("2014", "2014-01-01", "2014-12-31"),
        ("2014-06-15", "2014-06-15", "2014-06-15"),
        ("2014年6月15日", "2014-06-15", "2014-06-15"),
    ],
)
def test_a_period_label_has_its_first_and_last_day(label, first, last):
    assert period_span(label, START, END) == (D(first), D(last))


def test_labels_without_days_have_none():
    assert period_span("上半年", START, END) is None
    assert period_span("2月", START, END) is None  # no February within 2014-03..2014-12
    assert period_span("13月", START, END) is None


def test_a_log_sourced_indicator_counts_records_up_to_each_period_end():
    spans = {p: period_span(p, START, END) for p in ("2014-Q2", "2014-Q3", "2014-Q4")}
    hosted = Indicator("h", "主办", source=LogSource("activities", "hosted", spans=spans))
    attended = Indicator(
        "t", "参加", source=LogSource("activities", "attended", "观摩", spans=spans)
    )
    board_campaign = campaign(LOG)
    as_of = D("2014-07-10")  # Q4 has not begun: not reported yet
    assert log_values(hosted, board_campaign, as_of) == {
        "a": {"2014-Q2": 2, "2014-Q3": 2},
        "b": {"2014-Q2": 1, "2014-Q3": 1},
        "c": {"2014-Q2": 0, "2014-Q3": 1},
    }
    assert log_values(attended, board_campaign, as_of)["a"] == {"2014-Q2": 0, "2014-Q3": 1}


def test_an_honours_indicator_counts_by_kind_and_level():
    spans = {"2014-Q3": period_span("2014-Q3", START, END)}
    records = (
        Achievement(D("2014-07-01"), "a", "甲", "论文", "省级"),
        Achievement(D("2014-08-01"), "a", "乙", "论文", "市级"),
        Achievement(D("2014-10-01"), "a", "丙", "论文", "省级"),
    )
    source = LogSource("achievements", kind="论文", level="省级", spans=spans)
    indicator = Indicator("p", "省级论文", source=source)
    assert log_values(indicator, campaign(achievements=records), D("2014-12-31"))["a"] == {
        "2014-Q3": 1
    }
    view = honours(campaign(achievements=records))
    assert view.levels == ("省级", "市级") and view.by_unit_level["a"] == {"省级": 2, "市级": 1}


def test_the_board_shows_log_values_as_indicator_values():
    board = compute_board(load_campaign(ROOT / "data"), D("2014-10-20"))
    (view,) = [v for v in board.indicators if v.indicator.id == "exchanges-hosted"]
    # puyang-south hosted 2014-05-09 and 2014-08-20: Q2 1, Q3 2, Q4 (begun) 2.
    assert board.campaign.indicators.indicators[-1].values["puyang-south"] == {
        "2014-Q1": 0,
        "2014-Q2": 1,
        "2014-Q3": 2,
        "2014-Q4": 2,
    }
    assert view.row("puyang-south").latest == 2 and view.row("puyang-south").target == 2


def test_ids_are_made_from_date_and_title_and_numbered():
    assert made_id(date(2014, 5, 9), "观摩 A-1 交流！") == "2014-05-09-guanmoa1jiaoliu"
    assert numbered([("x", False), ("x", False), ("x-2", True)]) == ["x", "x-3", "x-2"]


def test_the_demo_log_reads_lists_typed_as_one_text():
    data = load_campaign(ROOT / "data")
    last = [a for a in data.activities if a.date == D("2014-10-16")][0]
    assert last.guests == ("qixian", "hebi")
    assert data.achievements[3].people == ("王建新", "陈静")
    assert all(a.id.startswith(a.date.isoformat()) for a in data.activities)


def test_a_workbook_log_reads_as_the_yaml_one(tmp_path):
    data = minimal_campaign(tmp_path)
    rows = [
        ["编号", "日期", "类型", "主题", "主办单位", "参加单位", "人数", "内容", "照片", "内部"],
        [None, "2014/5/9", "观摩", "北区观摩", "北区", "南区、示例东停车区", 12, None, None, "否"],
        ["v-2", "2014年6月1日", "交流", "南区交流", "south", "north", None, "**要点**", None, "是"],
    ]
    workbooks.write(data / "activities.xlsx", {"活动记录": rows})
    first, second = load_campaign(data).activities
    assert (first.id, first.date, first.guests, first.people) == (
        "2014-05-09-beiquguanmo",
        D("2014-05-09"),
        ("south", "east-2"),
        12,
    )
    assert (second.id, second.internal, second.summary) == ("v-2", True, "**要点**")


def test_a_missing_required_column_is_one_error(tmp_path):
    data = minimal_campaign(tmp_path)
    rows = [["日期", "类型", "主题"], ["2014-05-09", "观摩", "一"], ["2014-05-10", "观摩", "二"]]
    workbooks.write(data / "activities.xlsx", {"活动记录": rows})
    assert [str(e) for e in load_errors(data)] == [
        "data/activities.xlsx:活动记录!A1: 缺少“主办单位”这一列（必填）"
    ]


# The demo, built.


def test_activities_page_lists_the_log_newest_first_with_filters(demo_site):
    page = soup(demo_site, "activities/")
    rows = page.select("[data-bx-block=activity-list] tbody tr")
    days = [row.select_one("time")["datetime"] for row in rows]
    assert days == sorted(days, reverse=True) and len(rows) == 11
    form = page.select_one(".bx-log-filter")
    assert [s["name"] for s in form.select("select")] == ["unit", "kind"]
    kinds = [o["value"] for o in form.select("select[name=kind] option") if o["value"]]
    assert set(kinds) == {row["data-kind"] for row in rows}
    tiles = {
        t.select_one(".bx-tile__label").text: t.select_one(".bx-tile__value").text
        for t in page.select(".bx-tile")
    }
    assert tiles["学习交流活动"] == "11 次" and tiles["观摩"] == "4 次"
    assert page.select_one("[data-bx-chart], .bx-chart, figure") is not None


def test_units_show_hosted_and_attended(demo_site):
    data = load_campaign(ROOT / "data")
    expected = {u.id: (0, 0) for u in data.units}
    for record in data.activities:
        hosted, attended = expected[record.host]
        expected[record.host] = (hosted + 1, attended)
        for guest in record.guests:
            expected[guest] = (expected[guest][0], expected[guest][1] + 1)
    page = soup(demo_site, "units/")
    shown = {
        row["data-unit"]: (
            int(row.select_one("[data-hosted]").text),
            int(row.select_one("[data-attended]").text),
        )
        for row in page.select("tr[data-unit]")
    }
    assert shown == expected
    unit = soup(demo_site, "units/puyang-south/")
    block = unit.select_one("[data-bx-block=unit-activities]")
    assert block.select_one("[data-hosted]").text == str(expected["puyang-south"][0])
    hosted = block.select("[data-bx-block=unit-hosted] tbody tr")
    assert len(hosted) == expected["puyang-south"][0]
    honours_rows = unit.select("[data-bx-block=unit-honours-list] tbody tr")
    assert len(honours_rows) == 2


def test_achievements_page_counts_by_unit_and_level(demo_site):
    page = soup(demo_site, "achievements/")
    table = page.select_one("[data-bx-block=achievements-by-level]")
    levels = [th.text for th in table.select("thead th")][1:-1]
    assert levels == ["省级", "市级", "单位"]
    row = table.select_one("tr[data-unit=puyang-south]")
    assert [td.text for td in row.select("td")] == ["1", "0", "1", "2"]
    listed = page.select("[data-bx-block=honour-list] tbody tr")
    assert len(listed) == 5
    assert [r.select_one("time")["datetime"] for r in listed][0] == "2014-10-15"


def test_the_window_lists_activities_dated_in_it(demo_site):
    home = soup(demo_site, "")
    block = home.select_one("[data-bx-block=changes] [data-kind=activities]")
    assert [li["data-activity"][:10] for li in block.select("li")] == ["2014-10-16"]


def test_data_json_and_feeds_carry_the_log(demo_site):
    board = json.loads((demo_site / "data.json").read_text(encoding="utf-8"))
    assert board["activities"]["by_unit"]["puyang-south"] == {"hosted": 2, "attended": 1}
    assert len(board["activities"]["records"]) == 11
    assert board["achievements"]["by_unit_level"]["puyang-south"] == {"省级": 1, "单位": 1}
    assert [a[:10] for a in board["changes"]["activities"]] == ["2014-10-16"]
    feed = json.loads((demo_site / "feed.json").read_text(encoding="utf-8"))
    tagged = [item for item in feed["items"] if "学习交流" in item.get("tags", [])]
    assert len(tagged) >= 11


def test_the_public_build_masks_people_and_hides_internal_records(public_site):
    page = soup(public_site, "activities/")
    rows = page.select("[data-bx-block=activity-list] tbody tr")
    assert len(rows) == 10  # the internal 2014-09-25 record is counted, not listed
    assert "另有 1 次活动为内部记录" in page.select_one("[data-bx-block=activities]").text
    assert "王建新" not in page.text and "王＊" in page.text
    honours_page = soup(public_site, "achievements/")
    people = [td.text for td in honours_page.select(".bx-honour__people")]
    assert "司马＊、李＊" in people and not any("志远" in text for text in people)
    board = json.loads((public_site / "data.json").read_text(encoding="utf-8"))
    assert ["司马＊", "李＊"] in [r["people"] for r in board["achievements"]["records"]]
    assert len(board["activities"]["records"]) == 10


def test_the_templates_have_the_loaders_headers_and_read_back_filled_in(tmp_path):
    import openpyxl
    from bixue.outputs import log_templates

    data = minimal_campaign(tmp_path)
    board = compute_board(load_campaign(data), D("2014-10-20"))
    for stem, make, row in (
        (
            "activities",
            log_templates.activities_template,
            [None, "2014-05-09", "观摩", "北区观摩", "示例北服务区", "南区"],
        ),
        (
            "achievements",
            log_templates.achievements_template,
            ["2014-06-12", "示例南服务区", "示范窗口", "表彰", "省级"],
        ),
    ):
        path = data / f"{stem}.xlsx"
        path.write_bytes(make(board))
        book = openpyxl.load_workbook(path)
        sheet = book.worksheets[0]
        headers = [cell.value for cell in sheet[1]]
        table = (
            log_templates.ACTIVITY_COLUMNS
            if stem == "activities"
            else log_templates.ACHIEVEMENT_COLUMNS
        )
        assert headers == [name for name, _w, _n in table]
        assert book["选项"].sheet_state == "hidden" and book["说明"]["A1"].value == "用途"
        for at, value in enumerate(row, start=1):
            sheet.cell(2, at, value)
        book.save(path)
    loaded = load_campaign(data)
    assert [(a.host, a.guests) for a in loaded.activities] == [("north", ("south",))]
    assert [(a.unit, a.level) for a in loaded.achievements] == [("south", "省级")]


def test_the_internal_build_offers_the_templates(demo_site, public_site):
    assert (demo_site / "downloads/templates/activities.xlsx").is_file()
    assert (demo_site / "downloads/templates/achievements.xlsx").is_file()
    assert not (public_site / "downloads/templates").exists()


def test_the_screen_shows_the_log_and_its_window(demo_site):
    from test_screen import slide_bodies

    bodies = dict((f.name.split("-")[0], b) for f, b in slide_bodies(demo_site, "screen/"))
    rows = bodies["activities"].select("[data-list=activities] tbody tr")
    assert rows[0]["data-activity"].startswith("2014-10-16") and len(rows) == 6
    assert bodies["activities"].select_one("svg") is not None
    kinds = [row["data-kind"] for row in bodies["changes"].select(".sc-changes__list tr")]
    assert "activity" in kinds
