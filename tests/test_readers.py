"""What every reader is shown alike: missed targets flagged (超标, 未达标), one label per count,
a stale board saying so, the glossary, tiles coloured by state and leading to their rows."""

from __future__ import annotations

import datetime
import json

import pytest
from bixue import figures
from bixue.figures import glossary
from bixue.model import Indicator
from conftest import built, soup

D = datetime.date.fromisoformat
CAP = Indicator("complaints", "投诉", "件", direction="down")
LEVEL = Indicator("satisfaction", "满意度", "%", cumulative=False)
TOTAL = Indicator("revenue", "收入", "万元")


@pytest.mark.parametrize(
    "indicator, latest, target, missed",
    [
        (CAP, 8, 6, "over"),
        (CAP, 6, 6, ""),
        (CAP, None, 6, ""),
        (LEVEL, 93, 95, "short"),
        (LEVEL, 95, 95, ""),
        (TOTAL, 10, 95, ""),  # cumulative: held against time progress instead (落后)
        (Indicator("x", "x", direction="down", cumulative=False), 7, 6, "over"),
    ],
)
def test_missed_target(indicator, latest, target, missed):
    assert figures.missed_target(indicator, latest, target) == missed


def test_days_stale_counts_from_the_build_day():
    assert figures.days_stale(D("2014-10-20"), D("2014-11-03"), 14) == 14
    assert figures.days_stale(D("2014-10-20"), D("2014-11-02"), 14) == 0
    assert figures.days_stale(D("2014-10-20"), D("2015-10-20"), 0) == 0  # 0: never
    assert figures.days_stale(D("2014-10-20"), None, 14) == 0


def test_the_build_day_is_source_date_epochs():
    today = D("2030-01-01")
    assert figures.build_day("1400000000", today) == D("2014-05-13")
    assert figures.build_day(None, today) == today
    assert figures.build_day("", today) == today


def rows_of(site, url: str) -> dict:
    table = soup(site, url).select_one("table.bx-indicator")
    return {row["data-unit"]: row for row in table.select("tbody tr")}


def test_demo_complaints_over_the_cap_are_flagged_never_a_good_bar(demo_site):
    # 有效投诉 (lower is better, cap 6): 濮阳 has 8, 浚县 7.
    rows = rows_of(demo_site, "indicators/complaints/")
    puyang = rows["puyang"]
    assert puyang.select_one(".bx-completion").get_text(" ", strip=True) == "8 / 上限 6 · 超标"
    assert not puyang.select(".bx-bar")
    assert puyang.select_one(".bx-state [data-missed]").get_text(strip=True) == "▲ 超标"
    assert "bx-row--behind" in puyang["class"]
    assert rows["puyang-south"].select_one(".bx-state").get_text(strip=True) == "✓ 达到目标"


def test_demo_satisfaction_below_its_level_is_not_a_dash(demo_site, tmp_path):
    rows = rows_of(demo_site, "indicators/satisfaction/")
    data = json.loads((demo_site / "data.json").read_text(encoding="utf-8"))
    [satisfaction] = [i for i in data["indicators"] if i["id"] == "satisfaction"]
    for entry in satisfaction["units"]:
        state = rows[entry["unit"]].select_one(".bx-state").get_text(strip=True)
        if entry["latest"] is not None and entry["latest"] < entry["target"]:
            assert (state, entry["missed"]) == ("▼ 未达标", "未达标")
        elif entry["latest"] is not None:
            assert (state, entry["missed"]) == ("✓ 达到目标", None)
    assert any(entry["missed"] for entry in satisfaction["units"])


def test_demo_unit_page_and_screens_flag_missed_targets(demo_site):
    row = soup(demo_site, "units/puyang/").select_one("tr[data-indicator=complaints]")
    assert row.select_one(".bx-state").get_text(strip=True) == "▲ 超标"
    unit_screen = soup(demo_site, "screen/units/puyang/")
    flags = [
        flag.get_text(" ", strip=True)
        for path in sorted((demo_site / "screen-slides").glob("*.html"))
        for flag in soup(demo_site, "screen-slides/" + path.name).select("[data-missed]")
    ]
    assert "▲ 超标" in flags and "▼ 未达标" in flags
    assert unit_screen.select_one(".sc-header__asof time")


def test_demo_indicator_slides_say_which_way_is_better(demo_site):
    words = [
        slide.select_one(".sc-direction").get_text(strip=True)
        for path in sorted((demo_site / "screen-slides").glob("*.html"))
        for slide in soup(demo_site, "screen-slides/" + path.name).select("[data-indicator]")
        if slide.select_one(".sc-direction")
    ]
    assert "越低越好" in words and "越高越好" in words


def test_demo_done_counts_never_share_the_status_label(demo_site):
    page = soup(demo_site, "rectification/")
    tile = page.select_one(".bx-tile")
    assert tile.select_one(".bx-tile__note").get_text(strip=True).startswith("已完成（含已销号）25")
    status = page.select_one('[data-status="done"] .bx-ledger-count__name').get_text(strip=True)
    assert status.endswith("已完成")
    formulas = [p.get_text(" ", strip=True) for p in page.select("[data-formula]")]
    assert len(formulas) == 1 and "完成率 = (已完成 + 已销号) ÷ 总数" in formulas[0]
    heads = [th.get_text(strip=True) for th in soup(demo_site, "units/").select("th")]
    assert "已完成（含已销号）" in heads and "已完成" not in heads


def test_demo_tiles_lead_to_their_rows_and_explain_their_terms(demo_site):
    tiles = {
        tile.select_one(".bx-tile__label").get_text(strip=True): tile
        for tile in soup(demo_site, "").select("[data-bx-block=headline] .bx-tile")
    }
    assert tiles["逾期事项"].select_one("a")["href"] == "rectification/?overdue=1#台账明细"
    assert tiles["临期事项"].select_one("a")["href"] == "rectification/?soon=1#台账明细"
    assert tiles["营业收入完成率"].select_one("a")["href"] == "indicators/revenue/"
    assert tiles["逾期事项"].select_one("abbr")["title"] == glossary.TERMS["逾期"]
    # Coloured by state against time progress (76.5%): revenue 72.3% behind; never by category.
    assert "bx-tile--behind" in tiles["营业收入完成率"]["class"]
    assert tiles["整改完成率"]["class"] == ["bx-tile"]


def test_every_page_links_the_glossary_and_it_explains_each_term(demo_site):
    for url in ("", "rectification/", "units/puyang/", "ranking/"):
        bar = soup(demo_site, url).select_one(".bx-asof")
        assert bar.select_one("a.bx-asof__glossary")["href"].endswith("glossary/")
        assert bar.select_one("abbr")["title"] == glossary.TERMS["序时进度"]
    page = soup(demo_site, "glossary/")
    terms = {div["data-term"]: div for div in page.select("[data-term]")}
    for term in ("序时进度", "销号", "销号率", "临期", "长期坚持", "—", "公开版", "完成率", "超标"):
        assert terms[term].select_one("dd").get_text(strip=True) == glossary.TERMS[term]
    assert {li["data-legend"] for li in page.select("[data-legend]")} >= {"good", "bad"}


def test_a_stale_board_says_so_on_every_page_and_screen(tmp_path):
    # 2014-11-05 is 16 days after the demo's as-of date, 2014-10-20; the default limit is 14.
    site = built(tmp_path / "site", SOURCE_DATE_EPOCH="1415145600")
    for url in ("", "rectification/", "units/puyang/", "glossary/"):
        assert (
            soup(site, url).select_one(".bx-stale").get_text(strip=True) == "⚠ 数据已 16 天未更新"
        )
    for url in ("screen/", "screen/units/puyang/"):
        assert (
            soup(site, url).select_one(".sc-stale").get_text(strip=True) == "⚠ 数据已 16 天未更新"
        )


def test_a_fresh_board_says_nothing(demo_site):
    # conftest builds at 2014-05-13: before the as-of date.
    assert not soup(demo_site, "").select(".bx-stale")
    assert not soup(demo_site, "screen/").select(".sc-stale")


def test_each_unit_page_has_its_own_changes(demo_site):
    # As of 2014-10-20 (7 days): 浚县's ZG-2014-038 became overdue, 卫辉 had a progress note.
    xunxian = soup(demo_site, "units/xunxian/").select_one("[data-bx-block=changes]")
    assert [li["data-item"] for li in xunxian.select("[data-kind=overdue] li")] == ["ZG-2014-038"]
    weihui = soup(demo_site, "units/weihui/").select_one("[data-bx-block=changes]")
    assert not weihui.select("[data-kind=overdue]")
    assert [li["data-item"] for li in weihui.select("[data-kind=updates] li")] == ["ZG-2014-037"]


def test_home_links_every_unit(demo_site):
    links = soup(demo_site, "").select("[data-bx-block=unit-chips] a")
    units = [path.name for path in (demo_site / "units").iterdir() if path.is_dir()]
    assert sorted(a["data-unit"] for a in links) == sorted(units)
    assert all(a["href"] == f"units/{a['data-unit']}/" for a in links)


def test_public_projects_slide_says_internal_projects_are_counted(public_site):
    notes = soup(public_site, "screen/").select(".sc-unlisted")
    [note] = [note for note in notes if "内部项目" in note.get_text()]
    assert note["data-unlisted"] == "1"


def test_a_unit_ledger_lists_open_items_first_and_folds_closed_ones(demo_site):
    folded_somewhere = False
    for unit in ("xunxian", "puyang", "puyang-south", "hebi", "qingfeng"):
        block = soup(demo_site, f"units/{unit}/").select_one("[data-bx-block=unit-ledger]")
        tables = block.select("table")
        first = [tr.select("td")[1].get_text(strip=True) for tr in tables[0].select("tbody tr")]
        open_count = sum(1 for status in first if status.endswith(("未启动", "整改中")))
        assert all(s.endswith(("未启动", "整改中")) for s in first[:open_count])
        deadlines = [tr.select("td")[2].get_text(strip=True) for tr in tables[0].select("tbody tr")]
        assert deadlines[:open_count] == sorted(deadlines[:open_count])
        assert not any(status.endswith("已销号") for status in first)
        folded = block.select_one("details.bx-closed")
        if folded:
            statuses = [tr.select("td")[1].get_text(strip=True) for tr in folded.select("tbody tr")]
            assert statuses and all(s.endswith("已销号") for s in statuses)
            assert folded["data-closed"] == str(len(statuses))
            folded_somewhere = True
    assert folded_somewhere


def test_table_headers_explain_their_terms(demo_site):
    heads = {
        abbr.get_text(strip=True): abbr["title"]
        for url in ("rectification/", "units/", "ranking/", "indicators/revenue/")
        for abbr in soup(demo_site, url).select("thead abbr.bx-term")
    }
    assert heads["名次变化"] == glossary.TERMS["名次变化"]
    assert heads["销号率"] == glossary.TERMS["销号率"]
    assert heads["进度状态"] == glossary.TERMS["进度状态"]
    assert heads["完成率"] == glossary.TERMS["完成率"]


def test_a_case_page_carries_its_link_preview_and_a_copy_button(demo_site):
    page = soup(demo_site, "exemplars/energy-saving/")
    title = page.select_one("h1").contents[0].strip()  # the heading without its permalink
    summary = page.select_one(".bx-case__summary").get_text(strip=True)
    assert page.select_one('meta[property="og:title"]')["content"] == title
    assert page.select_one('meta[name="description"]')["content"] == summary
    assert page.select_one('meta[property="og:image"]')["content"].endswith(".jpg")
    button = page.select_one("[data-bx-share] button[data-bx-copy]")
    assert button.get_text(strip=True) == "复制链接"
    assert button["data-bx-copy"].endswith("/exemplars/energy-saving/")


def test_public_counts_with_internal_items_say_so(public_site, demo_site):
    hidden = soup(public_site, "").select_one("[data-bx-block=headline] .bx-unlisted")
    assert hidden and int(hidden["data-unlisted"]) > 0
    slides = [soup(public_site, "screen/")] + [
        soup(public_site, "screen-slides/" + path.name)
        for path in sorted((public_site / "screen-slides").glob("*.html"))
    ]
    said = {note["data-unlisted"] for slide in slides for note in slide.select(".sc-unlisted")}
    assert hidden["data-unlisted"] in said
    assert not soup(demo_site, "").select(".bx-unlisted")  # internal build lists every item


def test_one_colour_convention_on_web_and_screen():
    """A rank rise is green and a fall red in both stylesheets (the screen used to flip them)."""
    from conftest import ROOT

    screen = (ROOT / "docs/assets/screen.css").read_text(encoding="utf-8")
    web = (ROOT / "docs/assets/bixue.css").read_text(encoding="utf-8")

    def rule(css: str, selector: str) -> str:
        start = css.index(selector + " {")
        return css[start : css.index("}", start)]

    assert "--sc-green" in rule(screen, ".sc-change--up")
    assert "--sc-red" in rule(screen, ".sc-change--down")
    assert "--bx-ahead" in rule(web, ".bx-change--up")
    assert "--bx-behind" in rule(web, ".bx-change--down")
