"""Named rotations, every unit's rotation, screens/ and 本期动态 in a real build of the demo."""

from __future__ import annotations

import json
from xml.etree import ElementTree

from bixue import load
from bixue.figures.board import compute_board
from bixue.model import NamedScreen, Screen, Slide
from bixue.pages import screen as page_screen
from bs4 import BeautifulSoup
from conftest import ROOT, soup

DEMO = ROOT / "data"


def slide_names(page):
    return [section["data-slide"] for section in page.select(".sc-slide")]


def bodies(site, url):
    """Each slide's body as screen.js fetches it (from data-src, relative to the page)."""
    page = soup(site, url)
    for section in page.select(".sc-slide[data-src]"):
        path = (site / url / section["data-src"]).resolve()
        yield section["data-slide"], BeautifulSoup(path.read_text("utf-8"), "html.parser")


def body(site, url, name):
    return next(parsed for slide, parsed in bodies(site, url) if slide == name)


def demo_board(**plan_changes):
    campaign = load.load_campaign(DEMO)
    if plan_changes:
        from dataclasses import replace

        campaign = replace(campaign, plan=replace(campaign.plan, **plan_changes))
    return compute_board(campaign, campaign.plan.as_of, site_url="http://board.example/")


def test_the_demo_reads_its_lobby_rotation_and_the_defaults_of_the_new_keys():
    plan = load.load_campaign(DEMO).plan
    slides = (Slide("overview"), Slide("changes"), Slide("ranking"), Slide("exemplars", 25))
    slides += (Slide("notices"),)
    assert plan.screens == (NamedScreen("lobby", "濮鹤片区 · 大厅展示屏", Screen(20, 300, slides)),)
    assert plan.unit_screens is True and plan.change_days == 7


def test_a_named_rotation_has_its_own_title_interval_reload_and_slides(demo_site):
    page = soup(demo_site, "screen/lobby/")
    assert page.select_one(".sc-header h1").get_text() == "濮鹤片区 · 大厅展示屏"
    assert "濮鹤片区“互学互比”" in page.select_one(".sc-header__asof").get_text()
    deck = page.select_one(".sc-slides")
    assert (deck["data-interval"], deck["data-reload"]) == ("20", "300")
    names = slide_names(page)
    assert names[:3] == ["overview", "changes", "ranking"] and names[-1] == "notices"
    cases = page.select("[data-slide=exemplars]")
    assert len(cases) == 6 and {c["data-seconds"] for c in cases} == {"25"}
    assert page.select_one("title").get_text().startswith("大屏展示 · 濮鹤片区 · 大厅展示屏")
    scripts = [script["src"] for script in page.select("script")]
    assert scripts == ["../../assets/screen.js"]
    assert page.select_one(".sc-canvas")["data-stamp"] == "../../build-stamp.json"


def test_only_the_first_slide_is_on_the_page_the_others_are_files_fetched_in_turn(demo_site):
    page = soup(demo_site, "screen/lobby/")
    sections = page.select(".sc-slide")
    assert sections[0]["data-loaded"] == "true" and sections[0].select_one(".sc-tiles")
    assert all(not s.select_one(".sc-slide__body").get_text(strip=True) for s in sections[1:])
    assert all(s["data-src"].startswith("../../screen-slides/") for s in sections)
    first = body(demo_site, "screen/lobby/", "overview")
    assert first.select(".sc-tile") and first.select_one("section, h2") is None
    # The same slide on another rotation is the same file.
    assert sections[-1]["data-src"] == soup(demo_site, "screen/").select(".sc-slide")[-4][
        "data-src"
    ].replace("../", "../../", 1)


def test_every_unit_has_a_rotation_with_its_name_in_the_header_band(demo_site):
    campaign = load.load_campaign(DEMO)
    for unit in campaign.units:
        page = soup(demo_site, f"screen/units/{unit.id}/")
        assert page.select_one(".sc-header h1").get_text() == unit.name
        names = slide_names(page)
        assert names == [
            "unit",
            "unit-pair",
            "unit-ledger",
            "unit-indicators",
            "top-three",
            "notices",
        ]
        assert page.select_one(".sc-slides")["data-interval"] == "15"


def test_a_unit_slide_shows_its_rank_total_change_and_level(demo_site):
    board = demo_board()
    row = board.latest_round.row("hebi")
    tiles = {
        tile.select_one(".sc-tile__label").get_text(): tile.select_one(".sc-tile__value")
        for tile in soup(demo_site, "screen/units/hebi/").select(".sc-tile")
    }
    assert tiles["最新排名"].get_text() == f"第{row.rank}名"
    assert tiles["总分"].get_text("", strip=True) == f"{row.total:g}分"
    assert tiles["较上轮"].get_text(" ", strip=True) == "▼ 1" and row.change == -1
    assert tiles["等级"].get_text() == row.level
    assert tiles["逾期事项"].get_text("", strip=True) == f"{board.ledger_by_unit['hebi'].overdue}项"


def test_a_unit_sees_its_pair_its_own_items_and_its_indicators(demo_site):
    url = "screen/units/qingfeng/"
    pair = body(demo_site, url, "unit-pair")
    heads = [th["data-unit"] for th in pair.select("thead th[data-unit]")]
    assert heads == ["qingfeng", "hebi"] and "is-self" in pair.select("thead th")[1]["class"]
    board = demo_board()
    ledger = body(demo_site, url, "unit-ledger")
    overdue = [tr["data-item"] for tr in ledger.select("[data-list=overdue] tr[data-item]")]
    mine = [r.item.id for r in board.overdue_rows() if r.item.unit == "qingfeng"]
    assert overdue == mine and mine
    soon = [tr["data-item"] for tr in ledger.select("[data-list=due-soon] tr[data-item]")]
    assert soon == [r.item.id for r in board.due_soon_rows() if r.item.unit == "qingfeng"]
    indicators = body(demo_site, url, "unit-indicators")
    rows = [tr["data-indicator"] for tr in indicators.select("tr[data-indicator]")]
    assert rows == [view.indicator.id for view in board.indicators]


def test_the_top_three_marks_the_unit_when_it_is_among_them(demo_site):
    top = board_top = demo_board().latest_round.top()
    first = top[0].unit.id
    cards = body(demo_site, f"screen/units/{first}/", "top-three").select(".sc-top__card")
    assert [c["data-unit"] for c in cards] == [row.unit.id for row in board_top]
    assert "is-self" in cards[0]["class"]
    other = body(demo_site, "screen/units/qingfeng/", "top-three")
    assert not other.select(".is-self")


def test_unit_screens_false_leaves_the_units_rotations_out():
    board = demo_board(unit_screens=False)
    uris = [page.src_uri for page in page_screen.pages(board)]
    assert uris == ["screen.md", "screen/lobby.md"]


def test_screens_lists_every_rotation_with_address_and_qr_and_is_not_in_the_nav(demo_site):
    page = soup(demo_site, "screens/")
    rows = page.select("[data-rotation]")
    paths = [row["data-rotation"] for row in rows]
    units = [unit.id for unit in load.load_campaign(DEMO).units]
    assert paths == ["screen/", "screen/lobby/"] + [f"screen/units/{u}/" for u in units]
    for row in rows:
        link = row.select_one("a")["href"]
        assert (demo_site / "screens" / link / "index.html").resolve().is_file()
        assert row.select_one("code").get_text() == f"http://127.0.0.1:8000/{row['data-rotation']}"
        qr = demo_site / "screens" / row.select_one("img.bx-screens__qr")["src"]
        assert ElementTree.parse(qr).getroot().tag.endswith("svg")
    nav = [a.get_text(strip=True) for a in soup(demo_site, "").select(".md-tabs a, .md-nav a")]
    assert "全部大屏" not in nav and "大屏展示" in nav
    screen = soup(demo_site, "screen/")
    assert screen.select_one("a.sc-status__screens")["href"] == "../screens/"


# ---- 本期动态 on the home page, in the feeds and in data.json ----


def changes_section(site):
    return soup(site, "").select_one("[data-bx-block=changes]")


def test_the_home_page_lists_the_windows_changes_with_dates_and_leaves_empty_lists_out(demo_site):
    section = changes_section(demo_site)
    assert section["id"] == "changes-2014-10-20"
    window = [t["datetime"] for t in section.select(".bx-changes__window time")]
    assert window == ["2014-10-14", "2014-10-20"]
    kinds = [s["data-kind"] for s in section.select(".bx-changes__list")]
    # nothing found, no round
    assert kinds == ["completed", "overdue", "updates", "activities", "notices"]
    overdue = section.select_one("[data-kind=overdue]")
    assert [li["data-item"] for li in overdue.select("li")] == [
        "ZG-2014-038",
        "ZG-2014-036",
        "ZG-2014-031",
    ]
    assert overdue.select_one("li time").get_text() == "2014-10-20"  # deadline 10-19 + 1
    notices = [li["data-notice"] for li in section.select("[data-kind=notices] li")]
    assert notices == [
        "overdue-rectification-supervision",
        "site-visit-meeting",
        "q3-evaluation-results",
    ]


def test_the_public_home_page_lists_only_what_it_publishes(public_site):
    section = changes_section(public_site)
    notices = [li["data-notice"] for li in section.select("[data-kind=notices] li")]
    assert notices == ["site-visit-meeting", "q3-evaluation-results"]
    assert "3 条" not in section.select_one("[data-kind=notices] h3").get_text()
    data = json.loads((public_site / "data.json").read_text("utf-8"))
    assert data["changes"]["notices"] == notices


def test_a_quiet_window_says_so_in_a_plain_sentence():
    from bixue.pages.changes import render_changes

    board = demo_board(change_days=1)
    board = compute_board(board.campaign, board.as_of.replace(day=5))  # 2014-10-05: nothing
    parsed = BeautifulSoup(render_changes(board, ""), "html.parser")
    assert not parsed.select(".bx-changes__list")
    assert "本期没有新的动态" in parsed.select_one(".bx-changes__none").get_text()


def test_the_feeds_and_data_json_carry_the_window(demo_site):
    feed = json.loads((demo_site / "feed.json").read_text("utf-8"))
    (entry,) = [item for item in feed["items"] if "本期动态" in item["tags"]]
    assert entry["title"] == "本期动态（2014-10-14 至 2014-10-20）"
    assert entry["url"].endswith("/#changes-2014-10-20")
    assert "新增逾期 3 项" in entry["summary"]
    assert "ZG-2014-038" in entry["content_html"]
    atom = (demo_site / "feed.xml").read_text("utf-8")
    assert "本期动态（2014-10-14 至 2014-10-20）" in atom
    data = json.loads((demo_site / "data.json").read_text("utf-8"))["changes"]
    assert (data["first"], data["last"]) == ("2014-10-14", "2014-10-20")
    assert [i["id"] for i in data["became_overdue"]] == [
        "ZG-2014-038",
        "ZG-2014-036",
        "ZG-2014-031",
    ]
    assert data["rounds"] == [] and data["completed"][0]["date"] == "2014-10-16"


def test_the_changes_slide_lists_the_windows_events_newest_first(demo_site):
    slide = body(demo_site, "screen/lobby/", "changes")
    counts = {
        li["data-kind"]: li.select_one("b").get_text()
        for li in slide.select("[data-kind]")
        if li.name == "li"
    }
    assert counts == {
        "completed": "1",
        "overdue": "3",
        "update": "3",
        "notice": "3",
        "activity": "1",
    }
    days = [td.get_text() for td in slide.select(".sc-changes__day")]
    assert days == sorted(days, reverse=True) and len(days) == 11


def test_a_slide_every_rotation_shows_is_one_file_and_no_file_is_made_twice():
    from bixue import generate

    board = demo_board()
    rotations = page_screen.decks(board)
    assert len(rotations) > 5  # the main screen and one for each unit
    shared = [file.dest_uri for _, _, files in rotations for file in files]
    assert len(shared) > len(set(shared))  # the same slide in several rotations
    dests = [file.dest_uri for file in generate.all_files(board)]
    assert len(dests) == len(set(dests))
    assert set(shared) <= set(dests)
