"""The ledger table on a phone (Chromium, 390 px): open items first by deadline, 已销号 folded
behind a button, no sideways scrolling; the desktop keeps 编号 order (test_ledger_table_browser)."""

from __future__ import annotations

import json

import pytest
from conftest import Server, built, free_port
from gen_campaign import Size, generate

pytestmark = pytest.mark.browser
ROWS = "[...document.querySelectorAll('#bx-ledger-table tbody tr')]"
READY = "document.querySelector('[data-bx-ledger-table][data-bx-ready]')"
OPENNESS = {"todo": 0, "doing": 0, "ongoing": 0, "done": 1, "verified": 2}


@pytest.fixture(scope="module")
def served_ledger(tmp_path_factory):
    """A generated campaign of 12 units and 180 items: four pages of the table on a desktop."""
    folder = tmp_path_factory.mktemp("ledger-phone")
    generate(folder / "data", Size(12, 180, 4, 3, 2, 2, False))
    port = free_port()
    site = built(folder / "site", folder / "data", BOARD_SITE_URL=f"http://127.0.0.1:{port}/")
    server = Server(site, port)
    server.rows = json.loads((site / "rectification" / "ledger.json").read_text("utf-8"))["rows"]
    yield server
    server.stop()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.js_errors = errors
    yield page
    context.close()


def open_first(rows) -> list:
    """Open items first, then 已完成, then 已销号; by deadline (none last), then 编号 order."""
    order = sorted(
        enumerate(rows),
        key=lambda pair: (OPENNESS[pair[1]["st"]], pair[1].get("d", "9999"), pair[0]),
    )
    return [row for _, row in order]


def shown(page) -> list:
    return page.evaluate(f"{ROWS}.map(tr => [tr.dataset.item, tr.dataset.status])")


def all_pages(page) -> list:
    found = shown(page)
    while not page.is_disabled(".bx-lt-pager [data-page=next]"):
        page.click(".bx-lt-pager [data-page=next]")
        found += shown(page)
    return found


def test_open_items_come_first_by_deadline_and_verified_ones_are_folded(served_ledger, phone):
    rows = served_ledger.rows
    verified = [row["id"] for row in rows if row["st"] == "verified"]
    unfolded = [row["id"] for row in open_first(rows)]
    assert verified and len(verified) < len(rows)
    phone.goto(served_ledger.url + "rectification/")
    phone.wait_for_function(READY)
    fold = phone.locator(".bx-lt-fold")
    assert fold.is_visible() and fold.inner_text() == f"显示已销号 {len(verified)} 项"
    assert fold.get_attribute("aria-expanded") == "false"
    listed = all_pages(phone)
    assert [item for item, _ in listed] == unfolded[: len(rows) - len(verified)]
    fold.click()
    assert fold.inner_text() == f"收起已销号 {len(verified)} 项"
    phone.goto(served_ledger.url + "rectification/")
    phone.wait_for_function(READY)
    phone.click(".bx-lt-fold")
    assert [item for item, _ in all_pages(phone)] == unfolded
    assert not phone.js_errors


def test_the_first_screen_holds_open_items_and_nothing_scrolls_sideways(served_ledger, phone):
    rows = served_ledger.rows
    phone.goto(served_ledger.url + "rectification/")
    phone.wait_for_function(READY)
    statuses = [status for _, status in shown(phone)]
    assert "verified" not in statuses
    assert statuses[0] in ("todo", "doing", "ongoing")
    deadlines = [row.get("d", "9999") for row in open_first(rows) if OPENNESS[row["st"]] == 0]
    assert deadlines[0] == min(deadlines)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    box = phone.locator("[data-bx-block=ledger-items] .bx-table-wrap")
    assert box.evaluate("b => b.scrollWidth <= b.clientWidth")


def test_a_chosen_sort_or_the_verified_filter_is_obeyed(served_ledger, phone):
    rows = served_ledger.rows
    phone.goto(served_ledger.url + "rectification/?status=verified")
    phone.wait_for_function(READY)
    verified = [r["id"] for r in open_first(rows) if r["st"] == "verified"]
    assert [item for item, _ in all_pages(phone)] == verified  # by deadline, none folded
    assert not phone.locator(".bx-lt-fold").is_visible()
    phone.goto(served_ledger.url + "rectification/?sort=deadline")
    phone.wait_for_function(READY)
    by_deadline = [r["id"] for r in sorted(rows, key=lambda r: r.get("d", "9999"))]
    assert [item for item, _ in shown(phone)] == [i for i in by_deadline if i not in verified][:50]


def test_a_link_to_a_verified_item_unfolds_it(served_ledger, phone):
    target = next(row["id"] for row in reversed(served_ledger.rows) if row["st"] == "verified")
    phone.goto(served_ledger.url + f"rectification/#item-{target}")
    phone.wait_for_function(READY)
    assert target in [item for item, _ in shown(phone)]
    assert phone.locator(".bx-lt-fold").inner_text().startswith("收起已销号")
