"""The ledger page: on a small board built from model records, and on the demo builds."""

from __future__ import annotations

import dataclasses
import datetime
import re
from pathlib import Path

import pytest
from bixue import load
from bixue.figures.board import compute_board
from bixue.model import (
    STATUS_NAMES,
    STATUSES,
    Campaign,
    Phase,
    Plan,
    RectificationItem,
    Unit,
    Update,
)
from bixue.pages import ledger as page_ledger
from bixue.render import STATUS_SYMBOLS
from bs4 import BeautifulSoup
from conftest import ROOT, soup
from PIL import Image

AS_OF = datetime.date(2014, 6, 30)
URL = "rectification/"


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def item(item_id, status, deadline="2014-07-31", **fields) -> RectificationItem:
    return RectificationItem(
        id=item_id,
        unit=fields.pop("unit", "north"),
        problem=fields.pop("problem", f"问题 {item_id}"),
        status=status,
        deadline=day(deadline) if deadline else None,
        **fields,
    )


SMALL_LEDGER = (
    item("A-1", "todo", "2014-06-29"),
    item("A-2", "doing", "2014-06-30"),
    item("A-3", "doing", "2014-07-03", unit="south"),
    item("A-4", "doing", "2014-07-04"),
    item("A-5", "done", "2014-06-01", completed=day("2014-06-05")),
    item("A-6", "verified", "2014-06-01", completed=day("2014-05-30"), unit="south"),
    item("A-7", "ongoing", None),
    item("A-8", "todo", "2014-06-10", internal=True, problem="内部问题甲"),
    item("A-9", "doing", "2014-07-01", internal=True, problem="内部问题乙"),
    item(
        "A-10",
        "doing",
        "2014-08-31",
        updates=(Update(day("2014-06-20"), "第二次进展"), Update(day("2014-06-01"), "第一次进展")),
    ),
)


def small_board(public=False, ledger=SMALL_LEDGER, units=None):
    plan = Plan(
        title="测试活动",
        organization="测试单位",
        start=day("2014-01-01"),
        end=day("2014-12-31"),
        phases=(Phase("p1", "阶段一", day("2014-01-01"), day("2014-12-31")),),
    )
    units = units or (Unit("north", "北区"), Unit("south", "南区"))
    return compute_board(Campaign(plan, units, ledger=ledger), AS_OF, public=public)


def block(board, render) -> BeautifulSoup:
    return BeautifulSoup(render(board, URL), "html.parser")


def row_ids(html: BeautifulSoup) -> list:
    return [row["data-item"] for row in html.select("tbody tr[data-item]")]


def test_overdue_holds_open_items_past_their_deadline_longest_first():
    html = block(small_board(), page_ledger.render_overdue)
    assert row_ids(html) == ["A-8", "A-1"]
    assert "逾期的内部事项" not in html.get_text()


def test_due_on_the_as_of_day_is_due_soon_not_overdue():
    html = block(small_board(), page_ledger.render_due_soon)
    assert row_ids(html) == ["A-2", "A-9", "A-3"]
    assert "今天到期" in html.select_one('tr[data-item="A-2"]').get_text()


def test_public_tables_leave_internal_items_out_and_say_how_many():
    board = small_board(public=True)
    overdue = block(board, page_ledger.render_overdue)
    assert row_ids(overdue) == ["A-1"]
    assert "另有 1 项逾期的内部事项未列出" in overdue.get_text()
    items = block(board, page_ledger.render_items)
    assert "A-8" not in row_ids(items) and "A-9" not in row_ids(items)
    summary = block(board, page_ledger.render_summary)
    assert summary.select_one(".bx-ledger-unlisted")["data-unlisted"] == "2"
    assert "另有 2 项内部事项未公开" in summary.get_text()
    page = page_ledger.render_ledger_page(board)
    assert "内部问题" not in page


def test_counts_name_every_status_with_its_symbol_and_sum_to_the_total():
    summary = block(small_board(), page_ledger.render_summary)
    counts = {li["data-status"]: li for li in summary.select(".bx-ledger-count")}
    for status in STATUSES:
        text = counts[status].get_text(" ", strip=True)
        assert STATUS_NAMES[status] in text and STATUS_SYMBOLS[status] in text
    values = {
        s: int(li.select_one(".bx-ledger-count__value").get_text()) for s, li in counts.items()
    }
    assert values == {"todo": 2, "doing": 5, "done": 1, "verified": 1, "ongoing": 1, "total": 10}
    assert sum(values[s] for s in STATUSES) == values["total"]


def test_rates_count_internal_items_too():
    summary = block(small_board(public=True), page_ledger.render_summary)
    tiles = [tile.get_text(" ", strip=True) for tile in summary.select(".bx-tile")]
    assert any(t.startswith("整改完成率 20.0%") for t in tiles), tiles
    assert any(t.startswith("销号率 10.0%") for t in tiles), tiles


def test_by_unit_rows_and_total():
    html = block(small_board(), page_ledger.render_by_unit)
    south = html.select_one('tbody tr[data-unit="south"]')
    cells = {td["data-field"]: td.get_text(strip=True) for td in south.select("td")}
    assert cells["total"] == "2" and cells["finished"] == "1"
    assert cells["completion"] == "50.0%" and cells["closure"] == "50.0%"
    assert south.select_one("a")["href"] == "../units/south/"


def test_updates_show_newest_first():
    html = block(small_board(), page_ledger.render_items)
    row = html.select_one('tr[data-item="A-10"]')
    assert [t.get_text() for t in row.select(".bx-ledger-updates time")] == [
        "2014-06-20",
        "2014-06-01",
    ]


def test_text_from_the_data_cannot_break_the_tables():
    units = (Unit("north", "北<b>区</b>|A"),)
    ledger = (item("X|<1>", "todo", "2014-06-01", problem="温度<5度 | <script>x()</script>"),)
    html = block(small_board(ledger=ledger, units=units), page_ledger.render_overdue)
    assert not html.select("script, b")
    row = html.select_one("tbody tr")
    assert len(row.select("td")) == 7
    assert row.select("td")[1].get_text(strip=True) == "北<b>区</b>|A"


def test_photos_of_internal_items_stay_out_of_the_public_site(tmp_path):
    for name, colour in (("open.jpg", "blue"), ("secret.jpg", "red")):
        Image.new("RGB", (40, 30), colour).save(tmp_path / name)
    ledger = (
        item("P-1", "done", completed=AS_OF, photo_before="open.jpg"),
        item("P-2", "done", completed=AS_OF, photo_after="secret.jpg", internal=True),
    )
    plan_board = small_board(ledger=ledger)
    campaign = dataclasses.replace(plan_board.campaign, data_dir=str(tmp_path))
    dests = {
        public: {f.dest_uri for f in page_ledger.files(compute_board(campaign, AS_OF, public))}
        for public in (False, True)
    }
    assert "media/secret.jpg" in dests[False] and "media/open.jpg" in dests[False]
    # the public build names images by their content: one image, the open item's
    (published,) = [dest for dest in dests[True] if dest.startswith("media/")]
    html = block(compute_board(campaign, AS_OF, True), page_ledger.render_items)
    assert [img["src"] for img in html.select("img")] == ["../" + published]
    assert html.select_one("figcaption").get_text() == "整改前"


def test_a_campaign_without_a_ledger_still_has_the_page():
    board = small_board(ledger=())
    page = page_ledger.render_ledger_page(board)
    assert "暂无整改事项" in page
    assert page_ledger.files(board) == []


# The demo build. Expected sets come from the data through the model, not from the page.


@pytest.fixture(scope="module")
def demo():
    return load.load_campaign(ROOT / "data", project_dir=ROOT)


def is_open(record) -> bool:
    return record.status in ("todo", "doing")


def table_ids(page: BeautifulSoup, block_name: str) -> list:
    return [tr["data-item"] for tr in page.select(f'[data-bx-block="{block_name}"] tbody tr')]


def test_demo_overdue_table_is_exactly_the_overdue_items(demo_site, demo):
    as_of = demo.plan.as_of
    expected = {i.id for i in demo.ledger if is_open(i) and i.deadline and i.deadline < as_of}
    assert expected
    shown = table_ids(soup(demo_site, URL), "ledger-overdue")
    assert len(shown) == len(set(shown)) and set(shown) == expected


def test_demo_due_soon_table_is_exactly_the_due_soon_items(demo_site, demo):
    start = demo.plan.as_of
    end = start + datetime.timedelta(days=demo.plan.warn_days)
    expected = {
        i.id for i in demo.ledger if is_open(i) and i.deadline and start <= i.deadline <= end
    }
    assert expected
    assert set(table_ids(soup(demo_site, URL), "ledger-due-soon")) == expected


def test_demo_counts_and_rates(demo_site, demo):
    page = soup(demo_site, URL)
    counts = {
        li["data-status"]: int(li.select_one(".bx-ledger-count__value").get_text())
        for li in page.select(".bx-ledger-count")
    }
    assert counts["total"] == len(demo.ledger) == sum(counts[s] for s in STATUSES)
    assert all(counts[s] == sum(i.status == s for i in demo.ledger) for s in STATUSES)
    finished = sum(i.status in ("done", "verified") for i in demo.ledger)
    expected = f"{finished / len(demo.ledger) * 100:.1f}%"
    tiles = [
        t.get_text(" ", strip=True)
        for t in page.select('[data-bx-block="ledger-summary"] .bx-tile')
    ]
    assert any(t.startswith(f"整改完成率 {expected}") for t in tiles), tiles
    rates = page.select('[data-bx-block="ledger-by-unit"] td[data-field="completion"]')
    assert rates and all(re.fullmatch(r"\d{1,3}\.\d%|—", td.get_text(strip=True)) for td in rates)


def test_demo_by_unit_counts_every_item_of_each_unit(demo_site, demo):
    page = soup(demo_site, URL)
    for unit in demo.units:
        row = page.select_one(f'[data-bx-block="ledger-by-unit"] tbody tr[data-unit="{unit.id}"]')
        total = row.select_one('td[data-field="total"]').get_text(strip=True)
        assert int(total) == sum(i.unit == unit.id for i in demo.ledger)


def test_demo_whole_ledger_on_one_page_with_links_marks_and_photos(demo_site, demo):
    page = soup(demo_site, URL)
    assert set(table_ids(page, "ledger-items")) == {i.id for i in demo.ledger}
    for record in demo.ledger:
        row = page.select_one(f'tr[data-item="{record.id}"][id]')
        link = row.select_one('[data-field="unit"] a')["href"]
        assert link == f"../units/{record.unit}/"
        late = bool(record.completed and record.deadline and record.completed > record.deadline)
        assert bool(row.select("[data-late]")) == late, record.id
        if record.photo_before:
            assert [c.get_text() for c in row.select("figcaption")][0] == "整改前"


def test_demo_photos_have_their_real_size_and_link_the_original(demo_site):
    page = soup(demo_site, URL)
    figures = page.select(".bx-ledger-photo")
    assert figures
    for figure in figures:
        img = figure.select_one("img")
        shown = (demo_site / URL / img["src"]).resolve()
        with Image.open(shown) as opened:
            assert (int(img["width"]), int(img["height"])) == opened.size
        original = (demo_site / URL / figure.select_one("a")["href"]).resolve()
        assert original.is_file() and not original.name.endswith(".web.jpg")


def test_demo_links_to_the_downloads(demo_site):
    links = [a["href"] for a in soup(demo_site, URL).select(".bx-ledger-downloads a")]
    assert links == ["../downloads/ledger.xlsx", "../downloads/ledger.csv"]
    assert all((demo_site / "downloads" / Path(link).name).is_file() for link in links)


def test_public_page_lists_no_internal_item_and_says_how_many(public_site, demo):
    internal = [i for i in demo.ledger if i.internal]
    assert internal
    page = soup(public_site, URL)
    text = page.get_text()
    assert all(i.id not in text for i in internal)
    assert all(i.problem[:12] not in text for i in internal)
    assert f"另有 {len(internal)} 项内部事项未公开" in text
    assert set(table_ids(page, "ledger-items")) == {i.id for i in demo.ledger if not i.internal}


@pytest.mark.browser
def test_phone_keeps_the_page_still_and_stacks_the_ledger_into_records(served_demo, page):
    # Eight columns of text would need screens of sideways scrolling: on a phone each item is a
    # record, every cell under its heading's name (ledger.css).
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(served_demo.url + URL)
    found = page.evaluate(
        "() => { const wrap = document.querySelector("
        "'[data-bx-block=ledger-items] .bx-table-wrap');"
        " const cell = wrap.querySelector('tbody tr > :nth-child(2)');"
        " return [document.documentElement.scrollWidth, document.documentElement.clientWidth,"
        " wrap.scrollWidth, wrap.clientWidth, getComputedStyle(cell).display,"
        " getComputedStyle(cell, '::before').content]; }"
    )
    page_scroll, page_client, table_scroll, table_client, display, label = found
    assert page_scroll <= page_client
    assert table_scroll <= table_client
    assert display == "block" and label == '"责任单位"'
    assert not page.js_errors


@pytest.mark.browser
def test_a_photo_opens_its_original(served_demo, page):
    page.goto(served_demo.url + URL)
    # The table's script draws its rows again once ledger.json is read: an image taken before
    # is no longer in the page.
    page.wait_for_function("document.querySelector('[data-bx-ledger-table][data-bx-ready]')")
    photo = page.locator(".bx-ledger-photo img").first
    page.wait_for_function(
        "() => { const i = document.querySelector('.bx-ledger-photo img');"
        " if (!i) return false; i.scrollIntoView({block: 'center'});"
        " return i.complete && i.naturalWidth > 0; }"
    )
    size = photo.evaluate("i => [i.naturalWidth, i.naturalHeight, i.width / i.height]")
    assert size[0] / size[1] == pytest.approx(size[2], rel=0.02)
    href = page.locator(".bx-ledger-photo a").first.get_attribute("href")
    photo.click()
    page.wait_for_url("**/media/**")
    assert page.url.endswith(href.replace("../", ""))
