"""The board's main pages: on small boards built from model records, and on the demo build."""

from __future__ import annotations

import datetime
import posixpath
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from urllib.parse import unquote

import markdown
import pytest
from bixue import figures, load, privacy
from bixue.figures.activities import with_log_values
from bixue.figures.board import compute_board
from bixue.model import (
    Campaign,
    Criterion,
    Evaluations,
    Exemplar,
    Indicator,
    Indicators,
    LeaderRole,
    Level,
    Notice,
    Phase,
    Plan,
    RectificationItem,
    Round,
    Unit,
)
from bixue.pages import campaign as page_campaign
from bixue.pages import home as page_home
from bixue.pages import indicators as page_indicators
from bixue.pages import pairs as page_pairs
from bixue.pages import ranking as page_ranking
from bixue.pages import units as page_units
from bs4 import BeautifulSoup
from conftest import ROOT, soup
from mkdocs.utils import meta

D = datetime.date.fromisoformat
MODULES = (page_home, page_campaign, page_units, page_indicators, page_ranking, page_pairs)
MY_URLS = ("", "campaign/", "units/", "indicators/", "ranking/", "pairs/")
NASTY = "A|B<script>"
"""A unit name that must show as itself in every cell: no broken table, no script."""

# --- small boards --------------------------------------------------------------------------

UNITS = (
    Unit("a", NASTY, group="东片"),
    Unit("b", "乙站", group="西片"),
    Unit("c", "丙站", group="东片"),
    Unit("d", "丁站"),
)
PHASES = (
    Phase("p1", "动员部署", D("2014-03-01"), D("2014-04-30")),
    Phase("p2", "提升改造", D("2014-05-01"), D("2014-08-31")),
    Phase("p3", "总结表彰", D("2014-09-01"), D("2014-12-31")),
)
CRITERIA = (Criterion("s", "文明服务", 50), Criterion("f", "设施设备", 50))
FIRST_ROUND = Round(
    "r1", "第一轮", D("2014-04-10"), {"a": {"s": 30, "f": 30}, "b": {"s": 40, "f": 40}}
)
# a 80, b 70, c 70, d 60: ranks 1, 2, 2, 4 with b before c (units.yml order).
TIED_ROUND = Round(
    "r2",
    "第二轮",
    D("2014-06-10"),
    {
        "c": {"s": 35, "f": 35},
        "a": {"s": 40, "f": 40},
        "d": {"s": 30, "f": 30},
        "b": {"s": 35.5, "f": 34.5},
    },
)
INDICATORS = Indicators(
    ("Q1", "Q2", "Q3"),
    (
        Indicator(
            "revenue",
            "营业收入",
            "万元",
            targets={"a": 100, "b": 100, "c": 100, "d": 100},
            values={"a": {"Q1": 20, "Q2": 60}, "b": {"Q1": 10, "Q2": 30}, "c": {"Q1": 25}},
        ),
    ),
)
LEDGER = (
    RectificationItem("Z-1", "a", "卫生间异味", "doing", deadline=D("2014-06-01")),
    RectificationItem(
        "Z-2", "a", "标线|模糊", "verified", D("2014-05-01"), completed=D("2014-04-20")
    ),
    RectificationItem("Z-3", "b", "内部问题", "todo", D("2014-07-02"), internal=True),
)


def small_board(evaluations=True, indicators=True, ledger=LEDGER, units=UNITS, **extra):
    public = extra.pop("public", False)
    plan = Plan(
        title="测试活动",
        organization="测试片区",
        start=D("2014-03-01"),
        end=D("2014-12-31"),
        phases=PHASES,
        theme="比学赶超",
        goals=("**目标**一",),
        requirements=("加强组织领导",),
        pairs=(("a", "b"),),
        leading_group=(LeaderRole("组长", ("张三",)),),
    )
    campaign = Campaign(
        plan=plan,
        units=units,
        indicators=INDICATORS if indicators else None,
        evaluations=Evaluations(CRITERIA, (FIRST_ROUND, TIED_ROUND), (Level(75, "五星"),))
        if evaluations
        else None,
        ledger=ledger,
        **extra,
    )
    return compute_board(campaign, D("2014-06-30"), public=public)


def rendered(board, src_uri: str) -> BeautifulSoup:
    """The page as MkDocs would turn it into HTML (the Markdown extensions of mkdocs.yml)."""
    pages = {page.src_uri: page for module in MODULES for page in module.pages(board)}
    body, _front_matter = meta.get_data(pages[src_uri].markdown)
    html = markdown.markdown(body, extensions=["tables", "attr_list", "md_in_html"])
    return BeautifulSoup(html, "html.parser")


def cell_texts(row) -> list:
    return [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]


def table_rows(page: BeautifulSoup, selector: str) -> list:
    return page.select(f"{selector} tbody tr")


def test_tied_totals_share_a_rank_and_the_next_rank_skips():
    page = rendered(small_board(), "ranking.md")
    latest = page.select_one('[data-bx-block="ranking-latest"]')
    rows = latest.select("tbody tr")
    assert [row["data-unit"] for row in rows] == ["a", "b", "c", "d"]
    assert [row.select_one(".bx-rank-cell").get_text(strip=True) for row in rows] == list("1224")
    assert [row.select_one(".bx-total").get_text(strip=True) for row in rows] == [
        "80",
        "70",
        "70",
        "60",
    ]


def test_rank_change_arrows_and_new_entries_say_it_in_text():
    page = rendered(small_board(), "ranking.md")
    latest = page.select_one('[data-bx-block="ranking-latest"]')
    change = {
        row["data-unit"]: row.select_one(".bx-change-cell") for row in latest.select("tbody tr")
    }
    # r1: b first, a second; r2: a first (up 1), b second (down 1), c and d not ranked before.
    assert change["a"].get_text(strip=True) == "↑1"
    assert "上升1位" in change["a"].span["title"]
    assert change["b"].get_text(strip=True) == "↓1"
    assert change["c"].get_text(strip=True) == "新"
    assert change["d"].get_text(strip=True) == "新"


def test_the_first_round_has_no_change_column_and_lists_unscored_units_as_absent():
    page = rendered(small_board(), "ranking.md")
    first = page.select_one('[data-round="r1"]')
    headers = [th.get_text(strip=True) for th in first.select("thead th")]
    assert "名次变化" not in headers
    absent = {row["data-unit"]: cell_texts(row) for row in first.select("tr.bx-row--absent")}
    assert set(absent) == {"c", "d"}
    assert absent["c"][0] == "未参评"
    assert [row["data-unit"] for row in first.select("tbody tr")] == ["b", "a", "c", "d"]


def test_latest_round_comes_first_then_earlier_rounds():
    page = rendered(small_board(), "ranking.md")
    rounds = [section["data-round"] for section in page.select("section[data-round]")]
    assert rounds == ["r2", "r1"]
    assert [li.get_text(strip=True) for li in page.select('[data-bx-block="levels"] tbody th')] == [
        "五星"
    ]


def test_the_home_top_three_includes_ties():
    page = rendered(small_board(), "index.md")
    podium = page.select('[data-bx-block="top-three"] .bx-podium__item')
    assert [item.select_one(".bx-podium__rank").get_text() for item in podium] == [
        "第1名",
        "第2名",
        "第2名",
    ]


def test_a_unit_that_never_reported_shows_as_not_reported_never_zero():
    page = rendered(small_board(), "indicators/revenue.md")
    latest = page.select_one('[data-bx-block="indicators"]')
    row = latest.select_one('tr[data-unit="d"]')
    assert row.select_one(".bx-latest").get_text(strip=True) == "未报送"
    assert row.select_one(".bx-completion").get_text(strip=True) == "—"
    assert not row.select(".bx-flag--behind")
    periods = page.select_one('[data-bx-block="indicator-periods"] tr[data-unit="d"]')
    cells = {td["data-period"]: td.get_text(strip=True) for td in periods.select("td")}
    # Q1 and Q2 were reported by others: a gap; Q3 by nobody: not due yet.
    assert cells == {"Q1": "未报送", "Q2": "未报送", "Q3": "—"}


def test_behind_schedule_units_are_marked_in_words():
    # 2014-06-30: time progress 122/306 = 39.9%; a 60%, b 30% (behind), c 25% (behind).
    page = rendered(small_board(), "indicators/revenue.md")
    rows = page.select('[data-bx-block="indicators"] tbody tr')
    behind = {row["data-unit"] for row in rows if row.select(".bx-flag--behind")}
    assert behind == {"b", "c"}
    assert all("落后序时进度" in row.get_text() for row in rows if row["data-unit"] in behind)
    caption = page.select_one(".bx-board-completion").get_text()
    assert caption == figures.format_percent(Fraction(115, 300))


def links_to_a(page: BeautifulSoup, selector: str) -> list:
    return [a for a in page.select(selector) if a["href"].rstrip("/").split("/")[-1] == "a"]


def test_a_nasty_unit_name_is_plain_text_in_every_table_cell():
    board = small_board()
    pages = ("units/index.md", "indicators.md", "indicators/revenue.md", "ranking.md", "pairs.md")
    for src_uri in pages:
        page = rendered(board, src_uri)
        cells = links_to_a(page, "td a.bx-unit, th a.bx-unit")
        assert cells, src_uri
        assert {a.get_text() for a in cells} == {NASTY}, src_uri
    for src_uri in ("index.md", "campaign.md", "units/b.md"):
        page = rendered(board, src_uri)
        assert not page.find("script"), src_uri
        assert {a.get_text() for a in links_to_a(page, "a.bx-unit")} == {NASTY}, src_uri


def test_the_unit_page_title_keeps_a_nasty_name():
    page = rendered(small_board(), "units/a.md")
    assert page.h1.get_text() == NASTY


def test_without_evaluations_indicators_or_ledger_those_sections_are_absent():
    board = small_board(evaluations=False, indicators=False, ledger=())
    home = rendered(board, "index.md")
    assert not home.select('[data-bx-block="top-three"]')
    assert [tile.select_one(".bx-tile__label").get_text() for tile in home.select(".bx-tile")] == [
        "序时进度"
    ]
    assert rendered(board, "ranking.md").select('[data-bx-block="ranking-empty"]')
    assert not rendered(board, "ranking.md").select("table")
    assert rendered(board, "indicators.md").select('[data-bx-block="indicators-empty"]')
    unit = rendered(board, "units/a.md")
    assert [h2.get_text() for h2 in unit.select("h2")] == [
        "本期动态",
        "结对比学",
    ]  # 本期动态: every unit page (issue 33)
    headers = [th.get_text() for th in rendered(board, "units/index.md").select("thead th")]
    assert "最新名次" not in headers and "整改事项" not in headers
    pairs = rendered(board, "pairs.md")
    assert not pairs.select("table")


CASE = Exemplar("smile", "微笑服务", "b", D("2014-05-01"), "好做法", "正文", adopted_by=("a",))
NOTICE = Notice("start", "启动通知", D("2014-03-05"), "正文")


def test_blocks_render_without_a_page_around_them():
    board = small_board(exemplars=(CASE,), notices=(NOTICE,))
    names = {name for module in MODULES for name in getattr(module, "BLOCKS", {})}
    assert {"headline", "ranking-latest", "top-three", "phases", "indicators"} <= names
    for module in MODULES:
        for name, render_block in module.BLOCKS.items():
            html = render_block(board, "some/page/")
            assert html.strip(), name
            assert "\n\n" not in html, f"{name}: a blank line would end the raw HTML block"


def test_headline_tiles_carry_the_ledger_and_indicator_figures():
    page = rendered(small_board(), "index.md")
    tiles = {
        tile.select_one(".bx-tile__label").get_text(): tile.select_one(".bx-tile__value").get_text()
        for tile in page.select(".bx-tile")
    }
    # Three items, internal included: 1 verified; Z-1 overdue; Z-3 (internal) due in 2 days.
    assert tiles["整改完成率"] == "33.3%"
    assert tiles["销号率"] == "33.3%"
    assert tiles["逾期事项"] == "1 项"
    assert tiles["临期事项"] == "1 项"
    assert tiles["营业收入完成率"] == "38.3%"


def test_phases_are_marked_done_current_and_upcoming_in_words():
    page = rendered(small_board(), "campaign.md")
    phases = page.select('[data-bx-block="phases"] .bx-phase')
    assert [p.select_one(".bx-phase__state").get_text() for p in phases] == [
        "已完成",
        "当前",
        "未开始",
    ]
    assert phases[1].get("aria-current") == "step"


def test_unit_page_lists_its_ledger_without_internal_items_in_public():
    board = small_board(public=True)
    page = rendered(board, "units/b.md")
    assert not page.select('[data-bx-block="unit-ledger"] tbody tr')
    assert "另有 1 项内部事项未公开" in page.select_one('[data-bx-block="unit-ledger"]').get_text()
    ledger = rendered(board, "units/a.md").select('[data-bx-block="unit-ledger"] tbody tr')
    assert [row["data-item"] for row in ledger] == ["Z-1", "Z-2"]
    assert "逾期29天" in ledger[0].get_text()


def test_unit_page_shows_scores_by_round_with_absent_rounds():
    page = rendered(small_board(), "units/c.md")
    rows = page.select('[data-bx-block="unit-rounds"] tbody tr')
    assert [row["data-round"] for row in rows] == ["r1", "r2"]
    assert cell_texts(rows[0])[0:2] == ["第一轮", "2014-04-10"]
    assert "未参评" in rows[0].get_text()
    assert "新" in rows[1].get_text() and rows[1].select_one(".bx-rank").get_text() == "2"


def test_unit_page_lists_own_cases_and_cases_it_learned_from():
    board = small_board(exemplars=(CASE,))
    learned = rendered(board, "units/a.md").select('[data-bx-block="unit-learned"] a')
    assert [a["href"] for a in learned] == ["../../exemplars/smile/", "../b/"]
    own = rendered(board, "units/b.md").select('[data-bx-block="unit-exemplars"] a')
    assert [a["href"] for a in own] == ["../../exemplars/smile/"]


def test_home_lists_pinned_notices_first_with_a_word():
    notices = tuple(
        Notice(f"n{i}", f"通知{i}", D(f"2014-0{i}-01"), "正文", pinned=(i == 1))
        for i in range(1, 9)
    )
    page = rendered(small_board(notices=notices), "index.md")
    items = page.select('[data-bx-block="notices-latest"] li')
    assert items[0].select_one(".bx-badge--pinned").get_text() == "置顶"
    assert [li.a["href"] for li in items] == ["notices/n1/"] + [
        f"notices/n{i}/" for i in (8, 7, 6, 5, 4)
    ]


def test_pairs_show_both_units_scores_and_the_difference():
    page = rendered(small_board(), "pairs.md")
    rows = {
        row["data-criterion"]: cell_texts(row) for row in page.select(".bx-pair-scores tbody tr")
    }
    assert rows["s"] == ["文明服务 （50分）", "40", "35.5", "+4.5"]
    assert rows["total"] == ["总分", "80", "70", "+10"]
    assert rows["rank"][1:3] == ["1", "2"]
    completions = [cell_texts(r) for r in page.select(".bx-pair-indicators tbody tr")]
    assert completions == [["营业收入", "60.0%", "30.0% ▼ 落后"]]


def test_pages_grow_with_units_never_with_ledger_items():
    def count(units, ledger):
        board = small_board(units=units, ledger=ledger, evaluations=False, indicators=False)
        return sum(len(list(module.pages(board))) for module in MODULES)

    many_items = tuple(
        RectificationItem(f"Z-{n}", "a", "问题", "todo", deadline=D("2014-07-01"))
        for n in range(60)
    )
    assert count(UNITS, ()) == count(UNITS, many_items)
    more_units = UNITS + tuple(Unit(f"u{n}", f"单位{n}") for n in range(5))
    assert count(more_units, ()) == count(UNITS, ()) + 5
    pages = [p for m in MODULES for p in m.pages(small_board())]
    own = {f"units/{u.id}.md" for u in UNITS} | {"indicators/revenue.md"}
    assert {p.src_uri for p in pages if not p.in_nav} == own


def test_units_are_grouped_in_order_of_first_appearance():
    groups = [
        (name, [u.id for u in units]) for name, units in page_units.grouped_units(small_board())
    ]
    assert groups == [("东片", ["a", "c"]), ("西片", ["b"]), ("未分组", ["d"])]


@pytest.mark.parametrize(
    ("as_of", "states"),
    [
        ("2014-02-01", ["upcoming", "upcoming", "upcoming"]),
        ("2014-05-01", ["done", "current", "upcoming"]),
        ("2015-01-01", ["done", "done", "done"]),
    ],
)
def test_phase_state(as_of, states):
    current = figures.current_phase(PHASES, D(as_of)).phase
    assert [figures.phase_state(p, current, D(as_of)) for p in PHASES] == states


def test_phase_state_of_a_phase_overlapping_the_current_one():
    whole = Phase("all", "全程", D("2014-03-01"), D("2014-12-31"))
    current = figures.current_phase(PHASES + (whole,), D("2014-05-01")).phase
    assert figures.phase_state(whole, current, D("2014-05-01")) == "running"


def test_difference_is_exact_and_missing_when_a_side_is_missing():
    assert figures.difference(27.5, 26.3) == 1.2
    assert figures.difference(80, 70) == 10
    assert figures.difference(None, 3) is None


# --- the demo build ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo():
    """The demo as the board sees it: indicators counted from the activity log have their
    values (figures.activities.with_log_values)."""
    campaign = load.load_campaign(ROOT / "data", project_dir=ROOT)
    return with_log_values(campaign, campaign.plan.as_of)


def totals_by_definition(round_scores, units):
    """Round totals and ranks computed here from the definitions, independently of figures.py."""
    order = [u.id for u in units if u.id in round_scores]
    totals = {uid: sum(Decimal(str(v)) for v in round_scores[uid].values()) for uid in order}
    ordered = sorted(order, key=lambda uid: -totals[uid])  # stable: units.yml order on ties
    ranks = {uid: 1 + sum(totals[other] > totals[uid] for other in order) for uid in order}
    return ordered, totals, ranks


def test_demo_ranking_order_ties_absent_rows_and_changes(demo_site, demo):
    rounds = demo.evaluations.rounds
    ordered, totals, ranks = totals_by_definition(rounds[-1].scores, demo.units)
    _, _, previous = totals_by_definition(rounds[-2].scores, demo.units)
    table = soup(demo_site, "ranking/").select_one('[data-bx-block="ranking-latest"]')
    rows = [row for row in table.select("tbody tr") if "bx-row--absent" not in row.get("class", [])]
    assert [row["data-unit"] for row in rows] == ordered
    for row in rows:
        uid = row["data-unit"]
        assert row.select_one(".bx-rank-cell").get_text(strip=True) == str(ranks[uid])
        assert Decimal(row.select_one(".bx-total").get_text(strip=True)) == totals[uid]
        moved = previous[uid] - ranks[uid]
        expected = f"↑{moved}" if moved > 0 else f"↓{-moved}" if moved < 0 else "—"
        assert row.select_one(".bx-change-cell").get_text(strip=True) == expected
    assert len(set(ranks.values())) < len(ranks), "the demo should show a tie"


def test_demo_unscored_units_show_as_absent(demo_site, demo):
    page = soup(demo_site, "ranking/")
    for round_ in demo.evaluations.rounds:
        section = page.select_one(f'section[data-round="{round_.id}"]')
        absent = {row["data-unit"] for row in section.select("tr.bx-row--absent")}
        assert absent == {u.id for u in demo.units} - set(round_.scores)
        for row in section.select("tr.bx-row--absent"):
            assert row.select_one(".bx-rank-cell").get_text(strip=True) == "未参评"
    assert any(set(r.scores) != {u.id for u in demo.units} for r in demo.evaluations.rounds)


def test_demo_indicators_not_reported_and_behind_schedule(demo_site, demo):
    plan = demo.plan
    elapsed = Fraction((plan.as_of - plan.start).days + 1, (plan.end - plan.start).days + 1)
    seen_missing = seen_behind = 0
    for indicator in demo.indicators.indicators:
        page = soup(demo_site, f"indicators/{indicator.id}/")
        section = page.select_one(f'[data-bx-block="indicators"][data-indicator="{indicator.id}"]')
        for row in section.select("tbody tr"):
            values = indicator.values.get(row["data-unit"], {})
            reported = [p for p in demo.indicators.periods if p in values]
            latest = row.select_one(".bx-latest").get_text(strip=True)
            if not reported:
                seen_missing += 1
                assert latest == "未报送"
                continue
            assert Decimal(latest) == Decimal(str(values[reported[-1]]))
            target = indicator.targets[row["data-unit"]]
            ratio = Fraction(Decimal(str(values[reported[-1]]))) / Fraction(Decimal(str(target)))
            behind = indicator.cumulative and indicator.direction == "up" and ratio < elapsed
            seen_behind += behind
            assert bool(row.select(".bx-flag--behind")) == behind, (indicator.id, row["data-unit"])
    assert seen_missing and seen_behind


def test_demo_period_gaps_show_as_not_reported(demo_site, demo):
    page = soup(demo_site, "indicators/revenue/")
    revenue = page.select_one('[data-bx-block="indicator-periods"][data-indicator="revenue"]')
    xunxian = revenue.select_one('tr[data-unit="xunxian"]')
    assert xunxian.select_one('td[data-period="2014-Q3"]').get_text(strip=True) == "未报送"
    assert xunxian.select_one('td[data-period="2014-Q4"]').get_text(strip=True) == "—"


def html_pages(site: Path):
    return [p for p in site.rglob("index.html") if "screen" not in p.parts]


def test_demo_every_page_shows_the_as_of_date(demo_site):
    pages = html_pages(demo_site)
    assert len(pages) > 20
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        banner = page.select_one(".bx-asof time")
        assert banner is not None and banner.get_text() == "2014年10月20日", path


def test_demo_unit_pages_exist_and_stay_out_of_the_nav(demo_site, demo):
    home = soup(demo_site, "")
    nav_links = {a["href"] for a in home.select("nav.md-nav a[href], nav.md-tabs a[href]")}
    for unit in demo.units:
        page = soup(demo_site, f"units/{unit.id}/")
        assert page.h1.get_text(strip=True).rstrip("¶") == unit.name
        assert not any(f"units/{unit.id}/" in href for href in nav_links)
    listed = soup(demo_site, "units/").select('[data-bx-block="units"] tbody tr')
    assert [row["data-unit"] for row in listed] != []
    assert sorted(row["data-unit"] for row in listed) == sorted(u.id for u in demo.units)


def test_demo_internal_links_of_the_main_pages_resolve(demo_site, demo):
    urls = list(MY_URLS) + [f"units/{unit.id}/" for unit in demo.units]
    for url in urls:
        for link in soup(demo_site, url).select("article a[href]"):
            href = link["href"].split("#")[0].split("?")[0]
            if not href or href.startswith(("http:", "https:", "mailto:")):
                continue
            target = posixpath.normpath(posixpath.join(url, unquote(href)))  # 通报-….docx
            path = demo_site / target
            assert path.is_file() or (path / "index.html").is_file(), f"{url}: {link['href']}"


def test_demo_home_headline_matches_the_ledger(demo_site, demo):
    as_of = demo.plan.as_of
    items = demo.ledger
    finished = sum(i.status in ("done", "verified") for i in items)
    overdue = sum(i.status in ("todo", "doing") and i.deadline < as_of for i in items)
    tiles = {
        tile.select_one(".bx-tile__label").get_text(): tile.select_one(".bx-tile__value").get_text()
        for tile in soup(demo_site, "").select('[data-bx-block="headline"] .bx-tile')
    }
    assert tiles["整改完成率"] == figures.format_percent(Fraction(finished, len(items)))
    assert tiles["逾期事项"] == f"{overdue} 项"


@pytest.mark.browser
def test_wide_tables_scroll_inside_their_wrapper_on_a_phone(served_demo, page):
    page.set_viewport_size({"width": 390, "height": 844})
    # The ranking is a list of records on a phone (issue 33): it scrolls nowhere.
    for url in ("ranking/", "rectification/", "indicators/", "units/puyang-south/", "pairs/"):
        page.goto(served_demo.url + url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, url
        wraps = page.eval_on_selector_all(
            ".bx-table-wrap", "els => els.map(e => e.scrollWidth > e.clientWidth)"
        )
        if url == "ranking/":
            assert not any(wraps), "ranking/: records, not a table scrolling sideways"
        else:
            assert any(wraps), f"{url}: expected at least one wide table to scroll in its wrapper"
    assert not page.js_errors


def test_public_home_and_unit_pages_show_no_internal_record_and_no_full_name(public_site, demo):
    listed = {a["href"] for a in soup(public_site, "").select('[data-bx-block="notices-latest"] a')}
    internal = {f"notices/{notice.slug}/" for notice in demo.notices if notice.internal}
    assert internal and listed and not internal & listed
    internal_cases = {f"exemplars/{case.slug}/" for case in demo.exemplars if case.internal}
    assert internal_cases
    for unit in demo.units:
        page = soup(public_site, f"units/{unit.id}/")
        facts = page.select_one('[data-bx-block="unit-facts"]').get_text()
        assert unit.contact not in facts and privacy.mask_person(unit.contact) in facts
        cases = {a["href"].replace("../", "") for a in page.select("article a.bx-card__title")}
        assert not cases & internal_cases
