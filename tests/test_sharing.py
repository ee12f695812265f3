"""Sharing: case and notice pages, QR codes, Atom and JSON feeds, data.json, search, filters."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from datetime import date
from pathlib import Path

import pytest
from bixue import load, privacy
from bixue.exports import data_json as board_json
from bixue.exports import feeds
from bixue.figures.board import compute_board
from bixue.model import Campaign, Exemplar, Notice, Phase, Plan, RectificationItem, Unit
from bixue.pages import exemplars as page_exemplars
from bixue.pages import home as page_home
from bixue.pages import notices as page_notices
from bs4 import BeautifulSoup
from conftest import ROOT, soup

D = date.fromisoformat
ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://board.example.cn/2014/"


def small_campaign() -> Campaign:
    plan = Plan(
        title="测试<活动>",
        organization="测试片区",
        start=D("2014-03-01"),
        end=D("2014-12-31"),
        phases=(Phase("a", "动员", D("2014-03-01"), D("2014-12-31")),),
    )
    units = (Unit("north", "北站"), Unit("south", "南站"), Unit("east", "东站", contact="李彩丽"))
    cases = (
        Exemplar(
            "old", "旧案例", "north", D("2014-04-01"), "好做法", "旧的故事。", adopted_by=("south",)
        ),
        Exemplar(
            "new",
            "新<b>案例</b>",
            "south",
            D("2014-09-01"),
            "先进个人",
            "**新**的故事。",
            people=("欧阳娜娜",),
            tags=("文明服务",),
            adopted_by=("north", "east"),
        ),
        Exemplar(
            "secret",
            "内部案例",
            "east",
            D("2014-10-01"),
            "好做法",
            "内部故事。",
            internal=True,
            adopted_by=("north",),
        ),
    )
    notices = (
        Notice("plain", "普通通知", D("2014-10-01"), "正文。"),
        Notice("pinned", "置顶通知", D("2014-05-01"), "置顶正文。", pinned=True),
        Notice("hidden", "内部通报", D("2014-10-10"), "内部正文。", internal=True),
    )
    ledger = (
        RectificationItem("ZG-1", "east", "内部问题", "todo", D("2014-05-01"), internal=True),
    )
    return Campaign(plan, units, ledger=ledger, exemplars=cases, notices=notices)


def small_board(public=False, site_url=SITE):
    campaign = small_campaign()
    if public:
        campaign = privacy.publish(campaign)
    return compute_board(campaign, D("2014-10-20"), public, site_url)


def page_soup(pages, src_uri) -> BeautifulSoup:
    page = next(p for p in pages if p.src_uri == src_uri)
    return BeautifulSoup(page.markdown, "html.parser")


def test_learned_from_lists_published_cases_the_unit_adopted_newest_first():
    assert [c.slug for c in small_board().learned_from("north")] == ["secret", "new"]
    assert [c.slug for c in small_board(public=True).learned_from("north")] == ["new"]
    assert small_board().learned_from("nobody") == ()


def test_case_pages_exist_for_published_cases_only_and_stay_out_of_the_nav():
    pages = list(page_exemplars.pages(small_board(public=True)))
    assert {p.src_uri for p in pages} == {
        "exemplars/index.md",
        "exemplars/new.md",
        "exemplars/old.md",
    }
    assert [p.in_nav for p in pages if p.src_uri != "exemplars/index.md"] == [False, False]


def test_case_page_shows_unit_people_tags_story_and_adopters_escaped():
    html = page_soup(page_exemplars.pages(small_board()), "exemplars/new.md")
    facts = html.select_one(".bx-case__facts")
    assert facts.find("a", href="../../units/south/").text == "南站"
    assert "欧阳娜娜" in facts.text
    assert (
        facts.find("a", string="#文明服务")["href"]
        == "../?tag=%E6%96%87%E6%98%8E%E6%9C%8D%E5%8A%A1"
    )
    assert html.select_one(".bx-case__story strong").text == "新"
    adopters = html.select(".bx-case__adopters a")
    assert [(a["href"], a.text) for a in adopters] == [
        ("../../units/north/", "北站"),
        ("../../units/east/", "东站"),
    ]
    assert html.find("b") is None, "a title's markup must be shown as text"


def test_public_case_page_masks_people():
    html = page_soup(page_exemplars.pages(small_board(public=True)), "exemplars/new.md")
    assert "欧阳＊" in html.select_one(".bx-case__facts").text
    assert "娜娜" not in html.text


def test_qr_code_is_inline_svg_under_site_url_and_left_out_without_it():
    with_url = page_soup(page_exemplars.pages(small_board()), "exemplars/old.md")
    qr = with_url.select_one(".bx-case__qr svg")
    assert qr is not None and qr.find("path") is not None
    assert with_url.select_one(".bx-case__address").text == SITE + "exemplars/old/"
    without = page_soup(page_exemplars.pages(small_board(site_url="")), "exemplars/old.md")
    assert without.select_one(".bx-case__qr") is None


def test_index_cards_are_newest_first_with_filter_choices_from_the_cases():
    html = page_soup(page_exemplars.pages(small_board()), "exemplars/index.md")
    cards = html.select("li.bx-case-card")
    assert [c.select_one("a")["href"] for c in cards] == ["secret/", "new/", "old/"]
    assert json.loads(cards[1]["data-tags"]) == ["文明服务"]
    assert cards[1]["data-unit"] == "south"
    options = [o["value"] for o in html.select("select[name=category] option")]
    assert options == ["", "先进个人", "好做法"]
    units = [o["value"] for o in html.select("select[name=unit] option")]
    assert units == ["", "east", "south", "north"]


def test_notices_are_pinned_first_then_newest_and_internal_ones_left_out_in_public():
    pages = list(page_notices.pages(small_board(public=True)))
    html = page_soup(pages, "notices/index.md")
    titles = [a.text for a in html.select(".bx-notice__title")]
    assert titles == ["置顶通知", "普通通知"]
    assert html.select_one(".bx-notice--pinned .bx-pin").text.strip().endswith("置顶")
    assert "notices/hidden.md" not in {p.src_uri for p in pages}


def test_latest_blocks_link_relative_to_the_page_that_embeds_them():
    notices = page_home.BLOCKS["notices-latest"](small_board(), "")
    assert BeautifulSoup(notices, "html.parser").select_one("li a")["href"] == "notices/pinned/"
    cases = page_home.BLOCKS["exemplars-latest"](small_board(), "units/north/")
    first = BeautifulSoup(cases, "html.parser").select_one("a[href*='exemplars/secret']")
    assert first["href"] == "../../exemplars/secret/"


def atom_entries(board):
    text = feeds.atom_feed(board, feeds.entries(board))
    return ElementTree.fromstring(text.encode("utf-8")).findall(f"{ATOM}entry")


def test_atom_feed_has_absolute_links_and_escapes_titles():
    entries = atom_entries(small_board())
    links = [e.find(f"{ATOM}link[@rel='alternate']").get("href") for e in entries]
    assert links[:3] == [
        SITE + "notices/hidden/",
        SITE + "exemplars/secret/",
        SITE + "notices/plain/",
    ]
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    assert "新<b>案例</b>" in titles
    assert entries[0].findtext(f"{ATOM}published") == "2014-10-10T00:00:00+08:00"


def test_feeds_without_site_url_use_relative_links_and_stable_ids():
    entries = atom_entries(small_board(site_url=""))
    assert entries[0].find(f"{ATOM}link").get("href") == "notices/hidden/"
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert all(i.startswith("urn:uuid:") for i in ids) and len(set(ids)) == len(ids)
    assert ids == [e.findtext(f"{ATOM}id") for e in atom_entries(small_board(site_url=""))]


def test_json_feed_is_version_1_1_with_every_published_item():
    board = small_board(public=True)
    feed = json.loads(feeds.json_feed(board, feeds.entries(board)))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == SITE + "feed.json"
    urls = [item["url"] for item in feed["items"]]
    assert urls == [
        SITE + "notices/plain/",
        SITE + "exemplars/new/",
        SITE + "notices/pinned/",
        SITE + "exemplars/old/",
    ]
    assert "<strong>新</strong>" in feed["items"][1]["content_html"]


def test_data_json_counts_internal_items_but_names_no_internal_record():
    data = board_json.board_data(small_board(public=True))
    assert data["ledger"]["total"] == 1 and data["ledger"]["not_listed"] == 1
    assert [case["slug"] for case in data["exemplars"]] == ["new", "old"]
    assert [notice["slug"] for notice in data["notices"]] == ["pinned", "plain"]
    text = json.dumps(data, ensure_ascii=False)
    for secret in ("内部", "ZG-1", "李彩丽", "欧阳"):
        assert secret not in text
    assert data["time_progress_pct"] == "76.5%"


# Build tests on the demo campaign.


@pytest.fixture(scope="module")
def demo_data():
    return load.load_campaign(ROOT / "data", project_dir=ROOT)


def published(records):
    return [record for record in records if not record.internal]


def test_every_published_case_and_notice_has_its_page(demo_site, demo_data):
    for case in demo_data.exemplars:
        page = soup(demo_site, f"exemplars/{case.slug}/")
        assert page.select_one("article.bx-case")["data-bx-case"] == case.slug
        assert page.find("h1").text.strip().startswith(case.title)
    for notice in demo_data.notices:
        assert soup(demo_site, f"notices/{notice.slug}/").select_one("article.bx-notice-page")


def test_adopters_link_both_ways(demo_site, demo_data):
    for case in published(demo_data.exemplars):
        page = soup(demo_site, f"exemplars/{case.slug}/")
        adopters = [a["href"] for a in page.select(".bx-case__adopters a")]
        assert adopters == [f"../../units/{unit}/" for unit in case.adopted_by]
        for unit in case.adopted_by:
            unit_page = soup(demo_site, f"units/{unit}/")
            links = {a["href"] for a in unit_page.find_all("a", href=True)}
            assert f"../../exemplars/{case.slug}/" in links, f"units/{unit}/ lacks {case.slug}"


def test_covers_are_published_with_their_size(demo_site, demo_data):
    from PIL import Image

    for case in [c for c in demo_data.exemplars if c.cover]:
        img = soup(demo_site, f"exemplars/{case.slug}/").select_one(".bx-case__cover img")
        path = (demo_site / "exemplars" / case.slug / img["src"]).resolve()
        with Image.open(path) as shown:
            assert (int(img["width"]), int(img["height"])) == shown.size
        original = img.find_parent("a")["href"]
        assert (demo_site / "exemplars" / case.slug / original).resolve().is_file()


def feed_links(site: Path):
    atom = ElementTree.parse(site / "feed.xml").getroot()
    atom_links = [e.find(f"{ATOM}link").get("href") for e in atom.findall(f"{ATOM}entry")]
    items = json.loads((site / "feed.json").read_text(encoding="utf-8"))["items"]
    return atom_links, [item["url"] for item in items]


def expected_links(campaign, site_url, public):
    pick = published if public else list
    paths = [f"exemplars/{c.slug}/" for c in pick(campaign.exemplars)]
    paths += [f"notices/{n.slug}/" for n in pick(campaign.notices)]
    paths += [f"#changes-{campaign.plan.as_of}"]  # 本期动态 of the window ending on the as-of day
    paths += [
        f"projects/{project.id}/#progress-{step.date.isoformat()}"
        for project in pick(campaign.projects.projects)
        for step in project.progress
    ]
    # a task's counted targets: one entry for each day a count was reported
    paths += [
        f"projects/{project.id}/#targets"
        for project in pick(campaign.projects.projects)
        for day in sorted({day for t in project.targets for day, _ in t.done})
        if day <= campaign.plan.as_of
    ]
    paths += [f"activities/#activity-{a.id}" for a in pick(campaign.activities)]
    return sorted(site_url + path for path in paths)


def test_feeds_parse_and_hold_every_case_and_notice(demo_site, demo_data):
    atom_links, json_links = feed_links(demo_site)
    expected = expected_links(demo_data, "http://127.0.0.1:8000/", public=False)
    assert sorted(atom_links) == expected
    assert sorted(json_links) == expected


def test_public_feeds_hold_every_published_case_and_notice(public_site, demo_data):
    atom_links, json_links = feed_links(public_site)
    expected = expected_links(demo_data, "http://127.0.0.1:8000/", public=True)
    assert sorted(atom_links) == expected == sorted(json_links)


def persons(campaign):
    names = [unit.contact for unit in campaign.units]
    names += [item.owner for item in campaign.ledger]
    names += [person for case in campaign.exemplars for person in case.people]
    names += [name for p in campaign.projects.projects for name in (p.leader, p.owner)]
    if campaign.plan.mask_leading_group:
        names += [m for role in campaign.plan.leading_group for m in role.members]
    return {name for name in names if name}


MARKUP = re.compile(r"[*_`#>|\[\]()]|^\s*\d+\.\s")


def fragments(text: str):
    """The longest markup-free run of each line: what a page shows as one piece of text."""
    for line in text.split("\n"):
        pieces = [piece.strip() for piece in MARKUP.split(line)]
        yield max(pieces, key=len, default="")


def record_texts(record):
    keys = ("id", "slug", "title", "summary", "problem", "name")
    texts = [getattr(record, name, "") for name in keys]
    for name in ("body", "problem", "measures"):
        value = getattr(record, name, "")
        texts += fragments("\n".join(value) if isinstance(value, tuple) else value)
    return texts


def internal_texts(campaign):
    """Text of internal records that no published record also holds (a table may cite an id)."""
    records = (
        *campaign.exemplars,
        *campaign.notices,
        *campaign.ledger,
        *campaign.projects.projects,
    )
    shown = "\n".join(t for r in records if not r.internal for t in record_texts(r))
    secret = {t for r in records if r.internal for t in record_texts(r)}
    return {text for text in secret if len(text) >= 6 and text not in shown}


@pytest.mark.parametrize("name", ["feed.xml", "feed.json", "data.json", "search/search_index.json"])
def test_public_feeds_and_data_leak_no_person_and_no_internal_text(public_site, demo_data, name):
    text = (public_site / name).read_text(encoding="utf-8")
    if name.endswith(".json"):
        # Compare decoded text: JSON may escape non-ASCII; the search index splits words with ​.
        text = json.dumps(json.loads(text), ensure_ascii=False).replace("\u200b", "")
    assert internal_texts(demo_data), "the demo should have internal records to hide"
    for person in persons(demo_data):
        assert person not in text, f"{name} shows {person}"
    for secret in internal_texts(demo_data):
        assert secret not in text, f"{name} shows internal text {secret!r}"


def test_the_internal_build_does_show_internal_records_so_the_leak_check_can_see(
    demo_site, demo_data
):
    feed = json.loads((demo_site / "feed.json").read_text(encoding="utf-8"))
    text = json.dumps(feed, ensure_ascii=False)
    found = [secret for secret in internal_texts(demo_data) if secret in text]
    assert len(found) >= 10


def test_data_json_holds_the_computed_board(demo_site, demo_data):
    data = json.loads((demo_site / "data.json").read_text(encoding="utf-8"))
    assert data["as_of"] == "2014-10-20"
    assert [u["id"] for u in data["units"]] == [u.id for u in demo_data.units]
    latest = data["rounds"][-1]["ranking"]
    ranks = [row["rank"] for row in latest if row["rank"] is not None]
    assert ranks == sorted(ranks) and ranks[0] == 1
    assert data["ledger"]["total"] == len(demo_data.ledger)
    assert sum(data["ledger"]["by_status"].values()) == len(demo_data.ledger)


def test_search_index_makes_every_chinese_character_a_token(demo_site):
    """The index's separator splits before and after each Han character, as the browser's search
    does, so a phrase is found wherever it stands; no word cutter's marks are in the text."""
    index = json.loads((demo_site / "search/search_index.json").read_text(encoding="utf-8"))
    case = next(doc for doc in index["docs"] if doc["location"] == "exemplars/energy-saving/")
    assert "燃煤热水锅炉" in case["text"]
    assert "\u200b" not in json.dumps(index, ensure_ascii=False)
    tokens = [token for token in re.split(index["config"]["separator"], case["text"]) if token]
    han = [token for token in tokens if re.search(r"[\u4e00-\u9fff]", token)]
    assert han and all(len(token) == 1 for token in han)
    assert {"燃", "煤", "锅", "炉"} <= set(han)


# In the browser: QR codes decoded, the index filtered, a story found by search.


def decode_qr(png: bytes) -> list:
    """The texts of every QR code in a PNG image."""
    import io

    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        return [result.text for result in zxingcpp.read_barcodes(image.convert("L"))]


@pytest.mark.browser
def test_every_case_qr_code_decodes_to_its_address(demo_site, demo_data, page):
    for case in published(demo_data.exemplars):
        svg = soup(demo_site, f"exemplars/{case.slug}/").select_one(".bx-case__qr svg")
        page.set_content(
            f'<body style="margin:20px;background:#fff"><div style="width:300px">{svg}</div>'
        )
        png = page.locator("div").screenshot()
        assert decode_qr(png) == [f"http://127.0.0.1:8000/exemplars/{case.slug}/"]


def visible_cards(page):
    """Paths of the cards a reader sees (checked by layout, not by attribute)."""
    return page.eval_on_selector_all(
        "li.bx-case-card .bx-case-card__link",
        "links => links.filter(a => a.checkVisibility()).map(a => a.pathname)",
    )


@pytest.mark.browser
def test_filtering_the_case_index_by_category_unit_and_tag(served_demo, demo_data, page):
    cases = demo_data.exemplars  # served_demo is the internal build
    page.goto(served_demo.url + "exemplars/")
    assert len(visible_cards(page)) == len(cases)
    page.select_option(".bx-case-filter select[name=category]", "好做法")
    wanted = sorted(f"/exemplars/{c.slug}/" for c in cases if c.category == "好做法")
    assert sorted(visible_cards(page)) == wanted and wanted
    assert "category=" in page.url
    page.select_option(".bx-case-filter select[name=category]", "")
    page.select_option(".bx-case-filter select[name=unit]", "hebi")
    assert visible_cards(page) == [f"/exemplars/{c.slug}/" for c in cases if c.unit == "hebi"]
    page.click(".bx-case-filter button[type=reset]")
    page.wait_for_function("document.querySelectorAll('li.bx-case-card[hidden]').length === 0")
    assert page.js_errors == []


@pytest.mark.browser
def test_a_tag_link_opens_the_index_filtered_after_instant_navigation(served_demo, demo_data, page):
    case = next(c for c in published(demo_data.exemplars) if c.tags)
    page.goto(served_demo.url + f"exemplars/{case.slug}/")
    page.click(f".bx-case__tags a:text-is('#{case.tags[0]}')")
    page.wait_for_url("**/exemplars/?tag=*")
    page.wait_for_selector(".bx-case-filter:not([hidden])")
    tagged = sorted(f"/exemplars/{c.slug}/" for c in demo_data.exemplars if case.tags[0] in c.tags)
    assert sorted(visible_cards(page)) == tagged
    assert page.input_value(".bx-case-filter select[name=tag]") == case.tags[0]
    assert page.js_errors == []


@pytest.mark.browser
def test_searching_words_from_a_story_finds_its_case(served_demo, page):
    # Words of 冬季增设姜汤，夏季增设绿豆汤 (love-station's story, not its title or summary).
    # Two words typed apart, each found in the story's text.
    page.goto(served_demo.url)
    page.click(".md-search__input")
    page.keyboard.type("姜汤 绿豆")
    first = page.wait_for_selector(".md-search-result__item a.md-search-result__link")
    assert first.evaluate("a => new URL(a.href).pathname") == "/exemplars/love-station/"
    assert page.js_errors == []


def test_every_page_announces_the_feeds(demo_site):
    for url in ("", "exemplars/", "notices/mobilization-plan/"):
        head = soup(demo_site, url).head
        links = {link["type"]: link["href"] for link in head.find_all("link", rel="alternate")}
        for kind, name in (
            ("application/atom+xml", "feed.xml"),
            ("application/feed+json", "feed.json"),
        ):
            assert (demo_site / url / links[kind]).resolve() == (demo_site / name).resolve()
