"""公示期 on notices: the notice, the home page, the screen, feeds and data.json, before, during
and after it; landlines published, mobiles refused."""

from __future__ import annotations

import dataclasses
import datetime
import json

import pytest
from bixue import build
from bixue.errors import DataErrors
from bixue.figures.board import compute_board
from bixue.pages import home, notices
from bs4 import BeautifulSoup
from conftest import ROOT, load_errors, minimal_campaign, soup

SLUG = "q3-evaluation-results"
PERIOD = "公示期：2014年10月15日至2014年10月21日"
OBJECTION = "如有异议请于公示期内向片区“双互”办公室（电话 0393-1234567）反映。"


@pytest.fixture(scope="module")
def campaign():
    return build.load_board(ROOT, {}, "").campaign


def notice_page(campaign, day: str) -> BeautifulSoup:
    board = compute_board(campaign, datetime.date.fromisoformat(day))
    page = next(p for p in notices.make(board).pages if p.src_uri == f"notices/{SLUG}.md")
    return BeautifulSoup(page.markdown, "html.parser")


@pytest.mark.parametrize(
    ("day", "state", "status"),
    [
        ("2014-10-14", "upcoming", "公示将于2014年10月15日开始"),
        ("2014-10-15", "open", "正在公示，还有 6 天"),
        ("2014-10-21", "open", "正在公示，今天截止"),
        ("2014-10-22", "closed", "公示期已结束"),
    ],
)
def test_the_notice_says_its_period_before_during_and_after(campaign, day, state, status):
    box = notice_page(campaign, day).select_one("[data-publicity]")
    assert box["data-publicity"] == state
    assert box.select_one(".bx-publicity__status").get_text(strip=True) == status
    assert box.select_one(".bx-publicity__period").get_text(strip=True) == f"{PERIOD}，{OBJECTION}"


def test_the_home_page_lists_it_only_while_it_runs(campaign):
    for day, shown in (("2014-10-14", False), ("2014-10-18", True), ("2014-10-22", False)):
        board = compute_board(campaign, datetime.date.fromisoformat(day))
        html = BeautifulSoup(home.render_notices(board, ""), "html.parser")
        badges = [b.find_parent("li").a["href"] for b in html.select(".bx-badge--publicity")]
        assert badges == ([f"notices/{SLUG}/"] if shown else [])


def test_an_open_notice_is_on_the_home_page_even_past_the_newest_five(campaign):
    old = dataclasses.replace(
        next(n for n in campaign.notices if n.slug == SLUG),
        pinned=False,
        date=datetime.date(2014, 3, 1),
    )
    fresh = tuple(
        dataclasses.replace(
            old, slug=f"new-{i}", publicity=None, date=datetime.date(2014, 10, i + 1)
        )
        for i in range(7)
    )
    board = compute_board(
        dataclasses.replace(campaign, notices=(old, *fresh)), datetime.date(2014, 10, 20)
    )
    assert old in home.latest_notices(board)


def test_the_built_site_shows_it_everywhere(demo_site):
    assert soup(demo_site, f"notices/{SLUG}/").select_one("[data-publicity=open]")
    item = soup(demo_site, "notices/").select_one(".bx-badge--publicity").find_parent("li")
    assert item.select_one("a.bx-notice__title")["href"].endswith(f"{SLUG}/")
    assert soup(demo_site, "").select_one("[data-bx-block=notices-latest] .bx-badge--publicity")
    slides = [p for p in (demo_site / "screen-slides").glob("notices-*.html")]
    screen = [soup(demo_site, "screen/")] + [
        BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser") for p in slides
    ]
    found = [s.select_one(f"[data-notice={SLUG}] [data-publicity=open]") for s in screen]
    line = next(tag for tag in found if tag)
    assert "正在公示" in line.get_text() and OBJECTION in line.get_text()
    feed = json.loads((demo_site / "feed.json").read_text(encoding="utf-8"))
    entry = next(item for item in feed["items"] if item["url"].endswith(f"notices/{SLUG}/"))
    period = BeautifulSoup(entry["content_html"], "html.parser").select_one(".bx-publicity__period")
    assert period.get_text(strip=True) == f"{PERIOD}，{OBJECTION}"
    data = json.loads((demo_site / "data.json").read_text(encoding="utf-8"))
    publicity = next(n for n in data["notices"] if n["slug"] == SLUG)["publicity"]
    assert (publicity["start"], publicity["end"], publicity["state"]) == (
        "2014-10-15",
        "2014-10-21",
        "open",
    )


def test_the_public_build_publishes_the_landline(public_site):
    box = soup(public_site, f"notices/{SLUG}/").select_one(".bx-publicity__period")
    assert "0393-1234567" in box.get_text()


def test_a_mobile_number_as_contact_is_refused_in_public(data_copy):
    notice = data_copy / "notices" / f"{SLUG}.md"
    notice.write_text(
        notice.read_text(encoding="utf-8").replace("0393-1234567", "138 1234 5678"),
        encoding="utf-8",
    )
    build.load_board(ROOT, {"BOARD_DATA": str(data_copy)}, "")  # the internal build takes it
    with pytest.raises(DataErrors) as caught:
        build.load_board(ROOT, {"BOARD_DATA": str(data_copy), "BOARD_PROFILE": "public"}, "")
    (error,) = caught.value.errors
    assert error.path.endswith(f"notices/{SLUG}.md") and error.line == 5
    assert "手机号码" in error.message and "138 1234 5678" in error.message


def write_notice(data, publicity: str) -> None:
    (data / "notices").mkdir(exist_ok=True)
    text = f"---\ntitle: 表彰公示\ndate: 2014-06-01\npublicity:\n{publicity}---\n正文\n"
    (data / "notices" / "award.md").write_text(text, encoding="utf-8")


def test_an_end_before_the_start_is_one_error(tmp_path):
    data = minimal_campaign(tmp_path)
    write_notice(data, "  start: 2014-06-07\n  end: 2014-06-01\n")
    (error,) = load_errors(data)
    assert (error.path, error.line, error.field) == ("data/notices/award.md", 6, "publicity.end")
    assert "写反" in error.hint


def test_a_misspelt_key_is_named_with_the_key_meant(tmp_path):
    data = minimal_campaign(tmp_path)
    write_notice(data, "  start: 2014-06-01\n  end: 2014年6月7日\n  contcat: 办公室\n")
    errors = load_errors(data)
    assert any("contact" in f"{e.message}{e.hint}" for e in errors), errors
