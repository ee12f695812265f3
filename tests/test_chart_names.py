"""Each chart's accessible name states its message in words, computed from the Board."""

from __future__ import annotations

import json

from bixue import charts
from bixue.charts import embed as chart_html
from bixue.charts import groups as charts_groups
from bixue.charts import ledger as charts_ledger
from bixue.charts import scores as charts_scores
from bs4 import BeautifulSoup
from conftest import soup
from test_charts import make_board


def accessible_name(fig) -> str:
    html = BeautifulSoup(chart_html.render(fig, "x"), "html.parser")
    return html.select_one(".bx-chart[role=img]")["aria-label"]


def test_home_progress_says_each_completion_and_which_is_behind():
    board = make_board()
    assert accessible_name(charts.home_progress(board)) == (
        "完成情况与序时进度（图表）：整改完成率 40.0%；营业收入完成率 36.7%，落后序时进度；"
        "满意度完成率 101.1%。序时进度 39.9%"
    )


def test_the_summary_is_not_sent_to_the_browser_with_the_figure():
    html = BeautifulSoup(chart_html.render(charts.home_progress(make_board()), "x"), "html.parser")
    figure = json.loads(html.select_one(".bx-chart")["data-figure"])
    assert "meta" not in figure["layout"]


def test_ranking_and_pair_names_give_places_and_gaps():
    board = make_board()
    totals = accessible_name(charts_scores.ranking_totals(board))
    assert "第二轮总分由文明服务、设施设备构成；第1名 甲 48.5 分，第3名 丙停车区 30 分" in totals
    assert accessible_name(charts_scores.ranking_bump(board)).endswith(
        "2 轮评比中各单位名次的变化；第二轮上升最多：甲 ↑1；下降最多：乙 ↓1"
    )
    pair = accessible_name(charts_groups.group_scores(board, ("a", "b")))
    assert pair.endswith("第二轮：甲 48.5 分，乙 43 分；甲总分高 5.5 分")


def test_ledger_names_count_items():
    board = make_board()
    status = accessible_name(charts.home_ledger_status(board))
    assert status.endswith(
        "整改事项共 5 项：未启动 1 项，整改中 2 项，已完成 1 项，已销号 1 项，长期坚持 0 项"
    )
    deadlines = accessible_name(charts_ledger.ledger_deadlines(board))
    assert "逾期 " in deadlines and "临期 " in deadlines


def test_every_chart_of_the_demo_is_named_by_its_message(demo_site):
    pages = ["", "campaign/", "units/puyang/", "indicators/revenue/", "ranking/", "pairs/"]
    names = [
        chart["aria-label"]
        for url in [*pages, "rectification/"]
        for chart in soup(demo_site, url).select(".bx-chart")
    ]
    assert len(names) >= 12
    for name in names:
        assert "数据见下方" not in name and any(c.isdigit() for c in name.split("：", 1)[1]), name
