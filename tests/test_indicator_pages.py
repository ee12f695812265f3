"""指标进度: an overview with one row per indicator, and a page per indicator with its tables and
charts; old links to an indicator's heading on the one-page layout still find it."""

from __future__ import annotations

import datetime

import markdown
import pytest
from bixue.figures.board import compute_board
from bixue.figures.indicators import summarize
from bixue.model import Campaign, Indicator, Indicators, Phase, Plan, Unit
from bixue.pages import indicator_page
from bixue.pages import indicators as page_indicators
from bs4 import BeautifulSoup
from conftest import soup
from mkdocs.utils import meta

D = datetime.date.fromisoformat
UNITS = tuple(Unit(key, f"{key}站") for key in "abcd")
REVENUE = Indicator(
    "revenue",
    "营业收入",
    "万元",
    targets=dict.fromkeys("abcd", 100),
    values={"a": {"Q1": 20, "Q2": 60}, "b": {"Q1": 10, "Q2": 30}, "c": {"Q1": 25}},
)
COMPLAINTS = Indicator(
    "complaints",
    "有效投诉",
    "件",
    direction="down",
    targets=dict.fromkeys("abc", 5),
    values={"a": {"Q1": 3}, "b": {"Q1": 4}, "c": {"Q1": 8}},
    applies_to=("a", "b", "c"),
)


def board_of(*indicators: Indicator):
    plan = Plan(
        "测试活动",
        "测试片区",
        D("2014-03-01"),
        D("2014-12-31"),
        (Phase("p", "全年", D("2014-03-01"), D("2014-12-31")),),
    )
    campaign = Campaign(
        plan=plan, units=UNITS, indicators=Indicators(("Q1", "Q2", "Q3"), indicators)
    )
    return compute_board(campaign, D("2014-06-30"))


def rendered(board, src_uri: str) -> BeautifulSoup:
    pages = {page.src_uri: page for page in page_indicators.pages(board)}
    body, _front_matter = meta.get_data(pages[src_uri].markdown)
    return BeautifulSoup(
        markdown.markdown(body, extensions=["tables", "md_in_html"]), "html.parser"
    )


def test_an_indicator_in_a_few_figures():
    # As of 2014-06-30 time progress is 39.9%: a 60% (the best), b 30% and c 25% behind, d silent.
    revenue, complaints = (
        summarize(view, ("Q1", "Q2", "Q3")) for view in board_of(REVENUE, COMPLAINTS).indicators
    )
    assert (revenue.units, revenue.rated, revenue.reached, revenue.behind) == (4, 3, 0, 2)
    assert [row.unit.id for row in revenue.best] == ["a"]
    assert [row.unit.id for row in revenue.worst] == ["c"]
    assert (revenue.latest_period, revenue.latest_reported) == ("Q2", 2)
    # Lower is better: a and b at or under the target share 100%; c 5/8.
    assert (complaints.units, complaints.reached, complaints.behind) == (3, 2, 0)
    assert (revenue.missed, complaints.missed) == (0, 1)
    assert [row.unit.id for row in complaints.best] == ["a", "b"]
    assert (complaints.latest_period, complaints.latest_reported) == ("Q1", 3)


def test_the_overview_sums_up_each_indicator_and_links_to_its_page():
    page = rendered(board_of(REVENUE, COMPLAINTS), "indicators.md")
    rows = page.select(".bx-indicator-overview tbody tr")
    assert [row["data-indicator"] for row in rows] == ["revenue", "complaints"]
    revenue, complaints = rows
    assert revenue.select_one("th a")["href"] == "revenue/"
    assert revenue.select_one(".bx-reached").get_text() == "0 / 4"
    assert revenue.select_one(".bx-behind").get_text(strip=True) == "▼ 落后 2"
    assert revenue.select_one(".bx-best").get_text(" ", strip=True) == "a站 60.0%"
    assert revenue.select_one(".bx-worst").get_text(" ", strip=True) == "c站 25.0%"
    assert revenue.select_one(".bx-latest-period").get_text(" ", strip=True) == ("Q2 已报送 2 / 4")
    assert complaints.select_one(".bx-best").get_text(" ", strip=True) == "a站 等 2 个单位 100.0%"
    # c's 8 complaints are over the cap of 5: 超标, never "—".
    assert complaints.select_one(".bx-behind").get_text(strip=True) == "▲ 超标 1"
    assert complaints.select_one(".bx-completion").get_text(strip=True) == "—"
    assert not page.select("[data-bx-block=indicators], .bx-chart")


def test_units_all_alike_are_said_once():
    # Lower is better and both are under the target: 100% each.
    calm = Indicator("calm", "投诉", "件", direction="down", targets={"a": 5, "b": 5},
                     values={"a": {"Q1": 3}, "b": {"Q1": 4}}, applies_to=("a", "b"))  # fmt: skip
    row = rendered(board_of(calm), "indicators.md").select_one("tr[data-indicator=calm]")
    assert row.select_one(".bx-best").get_text(strip=True) == "各单位均为 100.0%"
    assert row.select_one(".bx-worst").get_text(strip=True) == "—"


def test_an_indicator_page_has_its_tables_charts_and_the_ways_back_and_on():
    board = board_of(REVENUE, COMPLAINTS)
    page = rendered(board, "indicators/revenue.md")
    assert page.h1.get_text() == "营业收入（万元）"
    assert [h2.get_text() for h2 in page.select("h2")] == ["各单位完成情况", "各期报送值（万元）"]
    latest = page.select("[data-bx-block=indicators][data-indicator=revenue] tbody tr")
    assert [row["data-unit"] for row in latest] == ["a", "b", "c", "d"]
    assert len(page.select("[data-bx-block=indicator-periods] tbody tr")) == 4
    charts = [figure["data-bx-chart"] for figure in page.select("figure.bx-chart-wrap")]
    assert charts == ["completion", "periods"]
    assert page.select_one("[data-bx-block=indicator-back] a")["href"] == "../"
    neighbours = page.select("[data-bx-block=indicator-neighbours] a")
    assert [(a["rel"], a["href"]) for a in neighbours] == [(["next"], "../complaints/")]
    last = rendered(board, "indicators/complaints.md")
    assert [a["rel"] for a in last.select("[data-bx-block=indicator-neighbours] a")] == [["prev"]]


def test_an_id_that_cannot_be_a_url_takes_its_position_and_no_page_is_lost():
    ids = ["revenue", "营业收入", "index", "indicator-2", "Net Profit", "../up"]
    found = indicator_page.slugs([Indicator(key, f"指标{n}") for n, key in enumerate(ids)])
    assert found == {
        "revenue": "revenue",
        "营业收入": "indicator-2-x",
        "index": "indicator-3",
        "indicator-2": "indicator-2",
        "Net Profit": "indicator-5",
        "../up": "indicator-6",
    }
    board = board_of(*(Indicator(key, f"指标{n}") for n, key in enumerate(ids)))
    uris = [page.src_uri for page in page_indicators.pages(board)]
    assert uris == ["indicators.md", *(f"indicators/{slug}.md" for slug in found.values())]


def test_old_anchors_are_the_headings_slugs_made_unique_as_the_toc_made_them():
    twin = Indicator("twin", "营业收入", "万元")
    title = Indicator("title", "指标进度")
    board = board_of(REVENUE, twin, title, Indicator("marks", "（）"))
    assert page_indicators.old_anchors(board) == [
        "营业收入万元",
        "营业收入万元_1",
        "指标进度_1",
        "_1",
    ]
    rows = rendered(board, "indicators.md").select(".bx-indicator-overview tbody tr")
    assert [row["id"] for row in rows] == page_indicators.old_anchors(board)


# --- the demo build ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def overview(demo_site):
    return soup(demo_site, "indicators/")


def test_the_demo_overview_links_to_every_indicator_page_under_its_old_anchor(demo_site, overview):
    rows = overview.select(".bx-indicator-overview tbody tr")
    assert [row["data-indicator"] for row in rows] == [
        "revenue", "satisfaction", "complaints", "convenience", "shop-sales", "exchanges-hosted"
    ]  # fmt: skip
    for row in rows:
        link = row.select_one("th a")["href"]
        assert link == f"{row['data-indicator']}/"
        page = soup(demo_site, f"indicators/{link}")
        # MkDocs' own toc gives the page's title the id the old page's heading had.
        assert page.h1["id"] == row["id"], link
    assert rows[0]["id"] == "营业收入万元"


def test_every_demo_indicator_page_shows_every_unit_in_both_tables(demo_site, overview):
    for row in overview.select(".bx-indicator-overview tbody tr"):
        key = row["data-indicator"]
        page = soup(demo_site, f"indicators/{key}/")
        latest = page.select(f"[data-bx-block=indicators][data-indicator={key}] tbody tr")
        periods = page.select(f"[data-bx-block=indicator-periods][data-indicator={key}] tbody tr")
        assert latest and len(latest) == len(periods), key
        reached = sum(1 for tr in latest if _percent(tr) >= 100)
        assert row.select_one(".bx-reached").get_text() == f"{reached} / {len(latest)}", key


def _percent(row) -> float:
    text = row.select_one(".bx-completion").get_text(strip=True)
    return float(text.rstrip("%")) if text.endswith("%") else -1


def test_a_unit_page_links_each_of_its_indicators_to_that_indicators_page(demo_site):
    page = soup(demo_site, "units/puyang-south/")
    links = page.select("[data-bx-block=unit-indicators] tbody th a")
    assert [a["href"] for a in links] == [
        "../../indicators/revenue/",
        "../../indicators/satisfaction/",
        "../../indicators/complaints/",
        "../../indicators/convenience/",
        "../../indicators/exchanges-hosted/",
    ]
    for link in links:
        assert (
            (demo_site / "units" / "puyang-south" / link["href"] / "index.html").resolve().is_file()
        )
