"""The screen (大屏): its slides from a small board, its charts, and the page in a real build."""

from __future__ import annotations

import datetime
import json
import re
from xml.etree import ElementTree

from bixue import charts
from bixue.charts import screen as screen_charts
from bixue.figures.board import compute_board
from bixue.model import (
    SLIDE_NAMES,
    UNIT_SLIDE_NAMES,
    Campaign,
    Criterion,
    Evaluations,
    Exemplar,
    Indicator,
    Indicators,
    Notice,
    Phase,
    Plan,
    RectificationItem,
    Round,
    Screen,
    Slide,
    Unit,
)
from bixue.pages import screen as page_screen
from bs4 import BeautifulSoup
from conftest import soup

DAY = datetime.date
AS_OF = DAY(2014, 6, 30)
UNITS = tuple(Unit(f"u{n}", f"第{n}服务区", short=f"{n}区") for n in range(1, 7))


def scores(*totals):
    return {f"u{n}": {"a": total} for n, total in enumerate(totals, start=1) if total is not None}


def item(number, status, deadline, internal=False, completed=None):
    return RectificationItem(
        id=f"ZG-{number:03d}", unit=f"u{(number % 5) + 1}", problem=f"问题{number}",
        status=status, deadline=deadline, completed=completed, internal=internal,
    )  # fmt: skip


LEDGER = (
    item(1, "todo", DAY(2014, 6, 1)),  # overdue 29 days
    item(2, "doing", DAY(2014, 6, 20)),  # overdue 10 days
    item(3, "doing", DAY(2014, 6, 30)),  # due today: due soon, not overdue
    item(4, "todo", DAY(2014, 7, 3)),  # due soon (3 days)
    item(5, "todo", DAY(2014, 7, 4)),  # beyond warn_days
    item(6, "done", DAY(2014, 6, 1), completed=DAY(2014, 5, 30)),
    item(7, "verified", DAY(2014, 6, 1), completed=DAY(2014, 6, 2)),
    item(8, "doing", DAY(2014, 6, 25), internal=True),  # overdue, internal
)


def make_campaign(slides=None, **changes) -> Campaign:
    plan = Plan(
        title="测试活动",
        short_title="测试",
        organization="测试片区",
        start=DAY(2014, 3, 1),
        end=DAY(2014, 12, 31),
        phases=(Phase("p1", "提升改造", DAY(2014, 3, 1), DAY(2014, 12, 31)),),
        pairs=(("u1", "u2"), ("u3", "u4")),
        screen=Screen(interval=12, reload=60, slides=slides or Screen().slides),
    )
    fields = dict(
        plan=plan,
        units=UNITS,
        indicators=Indicators(
            periods=("Q1", "Q2"),
            indicators=(
                Indicator(
                    "rev",
                    "营业收入",
                    "万元",
                    targets={u.id: 100 for u in UNITS},
                    values={"u1": {"Q1": 30, "Q2": 60}, "u2": {"Q1": 20}},
                ),
                Indicator(
                    "sat",
                    "满意度",
                    "%",
                    cumulative=False,
                    targets={u.id: 90 for u in UNITS},
                    values={"u1": {"Q2": 95}},
                ),
            ),
        ),  # fmt: skip
        evaluations=Evaluations(
            criteria=(Criterion("a", "文明服务", 100),),
            rounds=(
                Round("r1", "第一轮", DAY(2014, 4, 1), scores(80, 95, 70, 75, None)),
                Round("r2", "第二轮", DAY(2014, 6, 1), scores(90, 85, 85, 60, 50)),
            ),
        ),
        ledger=LEDGER,
        exemplars=(
            Exemplar("old", "旧案例", "u1", DAY(2014, 4, 1), "好做法", "正文", summary="摘要一"),
            Exemplar(
                "new", "新案例", "u2", DAY(2014, 6, 1), "创新案例", "正文", adopted_by=("u3",)
            ),
            Exemplar("secret", "内部案例", "u3", DAY(2014, 5, 1), "好做法", "正文", internal=True),
        ),
        notices=tuple(
            Notice(f"n{n}", f"通知{n}", DAY(2014, 6, n), "正文", pinned=n == 1) for n in range(1, 6)
        ),
    )
    fields.update(changes)
    return Campaign(**fields)


def make_board(slides=None, public=False, site_url="https://board.example/", **changes):
    return compute_board(make_campaign(slides, **changes), AS_OF, public, site_url)


def screen_soup(board) -> BeautifulSoup:
    return BeautifulSoup(page_screen.render_screen(board), "html.parser")


def slide_names(parsed: BeautifulSoup):
    return [section["data-slide"] for section in parsed.select(".sc-slide")]


def test_every_rotation_is_a_page_outside_the_nav_on_the_screen_template_and_out_of_search():
    pages = list(page_screen.pages(make_board()))
    uris = [page.src_uri for page in pages]
    assert uris == ["screen.md"] + [f"screen/units/{unit.id}.md" for unit in UNITS]
    for page in pages:
        assert page.in_nav is False
        front = page.markdown.split("---\n")[1]
        assert 'template: "screen.html"' in front.splitlines()
        assert re.search(r"search:\n\s+exclude: true", front)


def test_slides_follow_the_campaigns_order_and_each_entry_may_set_its_own_seconds():
    slides = (Slide("ranking", 30), Slide("overview"), Slide("notices", 7))
    parsed = screen_soup(make_board(slides))
    assert slide_names(parsed) == ["ranking", "overview", "notices"]
    assert [s["data-seconds"] for s in parsed.select(".sc-slide")] == ["30", "12", "7"]
    deck = parsed.select_one(".sc-slides")
    assert (deck["data-interval"], deck["data-reload"]) == ("12", "60")


def test_exemplars_get_a_slide_per_published_case_and_indicators_one_per_indicator():
    parsed = screen_soup(make_board((Slide("exemplars"), Slide("indicators")), public=True))
    assert [s["data-case"] for s in parsed.select("[data-slide=exemplars]")] == ["new", "old"]
    assert [s["data-indicator"] for s in parsed.select("[data-slide=indicators]")] == ["rev", "sat"]


def test_a_case_slide_has_a_qr_code_to_its_page_only_when_site_url_is_known():
    with_url = screen_soup(make_board((Slide("exemplars"),)))
    case = with_url.select_one("[data-case=new]")
    assert case.select_one(".sc-case__qr svg") is not None
    assert "新案例" in case.select_one(".sc-case__title").get_text()
    assert "3区" in case.select_one(".sc-case__adopters").get_text()
    without = screen_soup(make_board((Slide("exemplars"),), site_url=""))
    assert without.select(".sc-case") and not without.select(".sc-case__qr, svg")


def test_slides_with_nothing_to_show_are_left_out_and_an_empty_rotation_shows_the_overview():
    bare = dict(evaluations=None, indicators=None, ledger=(), exemplars=(), notices=())
    everything = tuple(Slide(name) for name in page_screen.SLIDES)
    board = make_board(everything, **bare)
    assert slide_names(screen_soup(board)) == ["overview", "pairs", "changes"]
    nothing = make_board((Slide("ranking"), Slide("notices")), **bare)
    assert slide_names(screen_soup(nothing)) == ["overview"]


def test_ranking_lists_the_latest_round_with_change_arrows_levels_and_the_unranked():
    parsed = screen_soup(make_board((Slide("ranking"),)))
    rows = parsed.select(".sc-rank-table tbody tr")
    assert [row["data-unit"] for row in rows] == ["u1", "u2", "u3", "u4", "u5", "u6"]
    cells = [[td.get_text(" ", strip=True) for td in row.select("td")] for row in rows]
    assert cells[0][:3] == ["1", "90", "▲ 1"]  # second in the last round, first now
    assert cells[1][:3] == ["2", "85", "▼ 1"]
    assert cells[2][:3] == ["2", "85", "▲ 2"]  # a tie shares the rank
    assert cells[4][:3] == ["5", "50", "新"]  # not ranked in the last round
    assert cells[5][0] == "未参评" and "is-absent" in rows[5]["class"]


def test_red_and_black_lists_take_the_top_and_bottom_places_ties_included():
    board = make_board()
    red, black = page_screen.red_black(board.latest_round, 2)
    assert [r.unit.id for r in red] == ["u1", "u2", "u3"]  # second place is shared
    assert [r.unit.id for r in black] == ["u4", "u5"]  # the unranked u6 is on neither
    red, black = page_screen.red_black(board.latest_round, 1)
    assert [r.unit.id for r in red] == ["u1"] and [r.unit.id for r in black] == ["u5"]
    parsed = screen_soup(make_board((Slide("ranking"),)))
    assert [li["data-unit"] for li in parsed.select(".sc-board--red li")] == ["u1", "u2", "u3"]


def test_the_home_pages_red_and_black_chart_lists_the_screens_units():
    board = make_board()
    red, black = page_screen.red_black(board.latest_round)
    data = charts.home_top_bottom(board).to_dict()["data"]
    assert [t["name"] for t in data] == ["红榜", "黑榜"]
    assert data[0]["y"] == [f"第{r.rank}名 {r.unit.label}" for r in red]
    assert data[1]["y"] == [f"第{r.rank}名 {r.unit.label}" for r in black]
    assert len(data[0]["y"]) == 3 and len(data[1]["y"]) == 2  # u2 and u3 share second place


def test_the_first_round_shows_no_rank_change_at_all():
    evaluations = make_campaign().evaluations
    single = Evaluations(evaluations.criteria, evaluations.rounds[:1])
    parsed = screen_soup(make_board((Slide("ranking"),), evaluations=single))
    changes = [c.get_text(strip=True) for c in parsed.select(".sc-rank-table .sc-change")]
    assert changes and set(changes) == {"—"}


def test_rectification_lists_exactly_the_listed_overdue_and_due_soon_items_most_late_first():
    internal = screen_soup(make_board((Slide("rectification"),)))
    overdue = [tr["data-item"] for tr in internal.select("[data-list=overdue] tbody tr")]
    assert overdue == ["ZG-001", "ZG-002", "ZG-008"]
    due_soon = [tr["data-item"] for tr in internal.select("[data-list=due-soon] tbody tr")]
    assert due_soon == ["ZG-003", "ZG-004"]
    public = screen_soup(make_board((Slide("rectification"),), public=True))
    assert [tr["data-item"] for tr in public.select("[data-list=overdue] tr[data-item]")] == [
        "ZG-001",
        "ZG-002",
    ]
    values = [v.get_text("", strip=True) for v in public.select(".sc-tile__value")]
    assert values == ["25.0%", "12.5%", "3项", "2项"]  # figures count internal items too


def test_long_lists_are_split_into_pages_the_screen_turns():
    assert page_screen.chunks(list(range(7)), 3) == [(0, 1, 2), (3, 4, 5), (6,)]
    assert page_screen.chunks([], 3) == []
    parsed = screen_soup(make_board((Slide("notices"),)))
    pager = parsed.select_one("[data-pager=notices]")
    pages = pager.select(".sc-page")
    assert pager["data-pages"] == "2" and len(pages) == 2
    assert [len(page.select(".sc-notice")) for page in pages] == [3, 2]
    assert "is-current" in pages[0]["class"] and "is-current" not in pages[1]["class"]
    assert pages[0].select_one(".sc-notice--pinned .sc-pin").get_text() == "置顶"


def test_overview_tiles_show_the_boards_headline_figures():
    parsed = screen_soup(make_board((Slide("overview"),)))
    tiles = {
        tile.select_one(".sc-tile__label").get_text(): tile.select_one(".sc-tile__value")
        for tile in parsed.select(".sc-tile")
    }
    assert tiles["序时进度"].get_text() == "39.9%"
    assert tiles["当前阶段"].get_text() == "提升改造"
    assert tiles["逾期事项"].get_text("", strip=True) == "3项"
    podium = [li.select_one(".sc-podium__unit").get_text() for li in parsed.select("li")]
    assert podium == ["第1服务区", "第2服务区", "第3服务区"]


def test_pairs_compare_both_units_rank_and_ledger_completion():
    parsed = screen_soup(make_board((Slide("pairs"),)))
    first = parsed.select(".sc-pair")[0]
    sides = [side["data-unit"] for side in first.select(".sc-pair__side")]
    assert sides == ["u1", "u2"]
    assert first.select_one(".sc-pair__total").get_text("", strip=True) == "90分"
    assert "整改完成率" in first.select_one(".sc-pair__rate").get_text()


def test_indicator_chart_is_the_boards_figure_restyled_large_and_sized_for_the_canvas():
    board = make_board()
    figure = screen_charts.indicator_chart(board, board.indicators[0])
    layout = figure["layout"]
    assert (layout["width"], layout["height"]) == screen_charts.INDICATOR_SIZE
    assert layout["font"]["size"] >= 28 and "title" not in layout and "template" not in layout
    (bars,) = figure["data"]
    assert bars["x"] == [u.label for u in UNITS]
    assert bars["y"] == [0.6, 0.2, None, None, None, None]
    assert bars["textfont"]["size"] >= 28
    labels = [shape["label"]["text"] for shape in layout["shapes"]]
    assert "序时进度 39.9%" in labels


def test_status_chart_lies_on_its_side_with_symbol_and_name_for_every_status():
    figure = screen_charts.status_chart(make_board())
    (bars,) = figure["data"]
    assert bars["orientation"] == "h"
    assert bars["y"] == ["○ 未启动", "◐ 整改中", "● 已完成", "✔ 已销号", "∞ 长期坚持"]
    assert bars["x"] == [3, 3, 1, 1, 0]
    assert figure["layout"]["yaxis"]["autorange"] == "reversed"


def test_charts_are_drawn_as_svg_at_build_time_one_bar_a_category():
    board = make_board((Slide("indicators"), Slide("rectification")))
    charts = screen_soup(board).select(".sc-chart")
    assert len(charts) == 3
    for chart in charts:
        assert not chart.has_attr("data-figure")
        assert chart["role"] == "img" and chart["aria-label"]
        assert chart.select_one("svg.sc-svg")["aria-hidden"] == "true"
    status = screen_charts.status_chart(board)["data"][0]
    labels = [text.get_text() for text in charts[-1].select(".sc-svg__labels text")]
    assert labels == status["y"]


# ---- The page in a real build of the demo ----


def test_the_built_screen_page_is_standalone_no_material_header_nav_or_search(demo_site):
    page = soup(demo_site, "screen/")
    assert page.select_one(".sc-canvas") is not None
    assert not page.select(".md-header, .md-nav, .md-search, .md-footer, [data-md-component]")
    scripts = [script.get("src", "") for script in page.select("script")]
    assert scripts == ["../assets/screen.js"]  # charts are SVG: no chart library on a TV
    assert not any("search" in src or "bundle" in src for src in scripts)
    assert [link["href"] for link in page.select("link[rel=stylesheet]")] == [
        "../assets/screen.css"
    ]
    assert page.select_one(".sc-canvas")["data-stamp"] == "../build-stamp.json"
    for asset in ("assets/screen.css", "assets/screen.js"):
        assert (demo_site / asset).is_file()


def test_the_built_screen_shows_title_as_of_phase_and_time_progress(demo_site):
    header = soup(demo_site, "screen/").select_one(".sc-header")
    assert header.select_one("h1").get_text() == "濮鹤片区“互学互比”"
    assert header.select_one(".sc-header__asof time").get_text() == "2014年10月20日"
    assert header.select_one(".sc-header__phase").get_text() == "提升改造"
    assert "76.5%" in header.select_one(".sc-header__progress").get_text()


def test_the_built_screen_has_every_configured_slide_and_the_nav_links_to_it(demo_site):
    page = soup(demo_site, "screen/")
    names = slide_names(page)
    assert names[:2] == ["overview", "ranking"] and names[-2:] == ["changes", "activities"]
    assert set(names) == {*SLIDE_NAMES, "changes", "projects", "activities"}
    covers = [
        (fragment, img["src"])
        for fragment, body in slide_bodies(demo_site, "screen/")
        for img in body.select(".sc-case__cover")
    ]
    assert covers
    for fragment, src in covers:
        assert (fragment.parent / src).resolve().is_file()
    home_nav = [a.get_text(strip=True) for a in soup(demo_site, "").select(".md-tabs a")]
    assert "大屏展示" in home_nav


def test_the_public_screen_shows_no_internal_case_or_item(public_site):
    page = soup(public_site, "screen/")
    cases = [section["data-case"] for section in page.select("[data-slide=exemplars]")]
    assert cases and "night-patrol" not in cases
    texts = [page.get_text()] + [
        body.get_text() for _, body in slide_bodies(public_site, "screen/")
    ]
    assert not [text for text in texts if "内部交流材料" in text]


def test_every_slide_name_of_the_data_model_has_a_renderer():
    names = {*SLIDE_NAMES, *UNIT_SLIDE_NAMES, "changes"}
    # projects (重点项目) comes with projects.yml, activities (学习交流) with the activity log;
    # until then the name shows nothing.
    assert names <= set(page_screen.SLIDES) <= names | {"projects", "top-three", "activities"}
    assert set(page_screen.UNIT_SLIDES) <= set(page_screen.SLIDES)


def slide_bodies(site, url):
    """(file, parsed body) of every slide of the rotation at url, as screen.js fetches them."""
    page = soup(site, url)
    for section in page.select(".sc-slide[data-src]"):
        fragment = (site / url / section["data-src"]).resolve()
        yield fragment, BeautifulSoup(fragment.read_text(encoding="utf-8"), "html.parser")


def test_the_screen_is_left_out_of_the_sitemap_and_the_search_index(demo_site):
    sitemap = ElementTree.parse(demo_site / "sitemap.xml")
    locations = [
        loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    assert any(loc.endswith("/ranking/") for loc in locations)
    assert not any(loc.endswith("/screen/") for loc in locations)
    index = json.loads((demo_site / "search" / "search_index.json").read_text("utf-8"))
    assert not [doc for doc in index["docs"] if doc["location"].startswith("screen/")]
