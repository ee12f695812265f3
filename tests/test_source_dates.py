"""The date behind each figure: the last period due and 逾期未报, the ledger's newest date."""

from __future__ import annotations

import dataclasses
import datetime
import json

import pytest
from bixue import build
from bixue.figures import source_dates
from bixue.figures.board import compute_board
from conftest import ROOT, soup

D = datetime.date


@pytest.mark.parametrize(
    ("label", "end"),
    [
        ("2014-Q3", D(2014, 9, 30)),
        ("2014-q1", D(2014, 3, 31)),
        ("2014-09", D(2014, 9, 30)),
        ("2014-2", D(2014, 2, 28)),
        ("2014年9月", D(2014, 9, 30)),
        ("9月", D(2014, 9, 30)),
        ("2014", D(2014, 12, 31)),
        ("2014年", D(2014, 12, 31)),
        ("2014-06-30", D(2014, 6, 30)),
        ("2014年6月3日", D(2014, 6, 3)),
        ("上半年", None),
        ("2014-13", None),
        ("第一期", None),
    ],
)
def test_the_last_day_of_a_period_label(label, end):
    assert source_dates.period_end(label, (2014,)) == end


def test_a_month_alone_in_a_campaign_of_two_years_has_no_date():
    assert source_dates.period_end("9月", (2014, 2015)) is None


@pytest.fixture(scope="module")
def board():
    return build.load_board(ROOT, {}, "")


def view(board, indicator_id):
    return next(v for v in board.indicators if v.indicator.id == indicator_id)


def test_a_report_older_than_the_last_period_due_is_overdue(board):
    revenue = view(board, "revenue")
    assert source_dates.period_due(board, revenue) == "2014-Q3"
    assert source_dates.overdue_reports(board, revenue) == {"xunxian"}
    # 南乐 never reported 便民服务次数: 未报送, not 逾期未报
    convenience = view(board, "convenience")
    assert convenience.row("nanle").latest is None
    assert "nanle" not in source_dates.overdue_reports(board, convenience)


def test_before_the_quarter_ends_the_last_one_is_due(board):
    early = compute_board(board.campaign, D(2014, 9, 29))
    assert source_dates.period_due(early, view(early, "revenue")) == "2014-Q2"
    assert source_dates.overdue_reports(early, view(early, "revenue")) == frozenset()


def test_labels_without_dates_are_due_up_to_the_latest_reported(board):
    periods = ("第一期", "第二期", "第三期")
    renamed = dict(zip(board.campaign.indicators.periods, periods, strict=False))
    indicators = tuple(
        dataclasses.replace(
            ind,
            values={
                unit: {renamed[p]: v for p, v in values.items() if p in renamed}
                for unit, values in ind.values.items()
            },
        )
        for ind in board.campaign.indicators.indicators
    )
    campaign = dataclasses.replace(
        board.campaign,
        indicators=dataclasses.replace(
            board.campaign.indicators, periods=periods, indicators=indicators
        ),
    )
    other = compute_board(campaign, board.as_of)
    assert source_dates.period_due(other, view(other, "revenue")) == "第三期"
    assert source_dates.overdue_reports(other, view(other, "revenue")) == {"xunxian"}


def test_the_ledger_is_dated_by_its_newest_date(board):
    sources = {s.path: s for s in source_dates.ledger_sources(board)}
    assert sources["data/rectifications/2014-peer-review.xlsx"].updated == D(2014, 9, 25)
    assert source_dates.ledger_updated(board) == D(2014, 10, 16)
    assert source_dates.ledger_updated_text(board) == "整改台账更新至 10月16日"
    same_day = compute_board(board.campaign, D(2014, 10, 16))
    assert source_dates.ledger_updated_text(same_day) == ""
    # a date after the as-of day is not yet written
    assert source_dates.ledger_updated(compute_board(board.campaign, D(2014, 10, 15))) == D(
        2014, 10, 15
    )


def test_the_built_pages_show_the_dates(demo_site):
    page = soup(demo_site, "indicators/revenue/")
    flagged = [
        row["data-unit"]
        for row in page.select("tr[data-unit]")
        if row.select("[data-report=overdue]")
    ]
    assert flagged == ["xunxian"]
    assert page.select_one(".bx-period-due").get_text() == "2014-Q3"
    convenience = soup(demo_site, "indicators/convenience/")
    nanle = convenience.select_one("tr[data-unit=nanle]")
    assert "未报送" in nanle.get_text() and not nanle.select("[data-report=overdue]")
    unit = soup(demo_site, "units/xunxian/").select_one("[data-bx-block=unit-indicators]")
    assert unit.select_one("tr[data-indicator=revenue] [data-report=overdue]")
    for url in ("", "rectification/"):
        note = soup(demo_site, url).select_one("[data-source-date=ledger]")
        assert note.get_text() == "整改台账更新至 10月16日"


def test_data_json_carries_the_dates(demo_site):
    data = json.loads((demo_site / "data.json").read_text(encoding="utf-8"))
    revenue = next(i for i in data["indicators"] if i["id"] == "revenue")
    assert revenue["period_due"] == "2014-Q3"
    assert [r["unit"] for r in revenue["units"] if r["overdue_report"]] == ["xunxian"]
    assert data["ledger"]["updated"] == "2014-10-16"
