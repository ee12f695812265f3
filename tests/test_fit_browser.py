"""Tables that fit: no sideways scrolling on the office desktop, units kept in view on a phone."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

FIT_PAGES = [
    "",
    "units/",
    "units/puyang/",
    "indicators/",
    "indicators/revenue/",
    "ranking/",
    "pairs/",
    "projects/",
    "projects/service-training/",
    "activities/",
    "achievements/",
    "glossary/",
]
"""On the six-criteria campaign (conftest.served_wide): its ranking has the widest table."""

OVERFLOWS = """() => {
  document.querySelectorAll('details').forEach(d => d.open = true);
  const boxes = [document.scrollingElement,
                 ...document.querySelectorAll('.bx-table-wrap, .bx-table-scroll')];
  return boxes.filter(box => box.scrollWidth > box.clientWidth).map(box => {
    const block = box.closest('[data-bx-block], [data-bx-chart]');
    const name = block ? block.dataset.bxBlock || block.dataset.bxChart : box.tagName;
    return `${name}: ${box.scrollWidth} > ${box.clientWidth}`;
  });
}"""


def overflows(browser, url: str, width: int, height: int) -> list:
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    found = page.evaluate(OVERFLOWS)
    context.close()
    return found


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=["1366", "1920"])
@pytest.mark.parametrize("url", FIT_PAGES)
def test_every_column_fits_without_sideways_scrolling(served_wide, browser, url, size):
    assert overflows(browser, served_wide.url + url, *size) == []


def test_the_whole_ledger_fits_at_1920(served_wide, browser):
    assert overflows(browser, served_wide.url + "rectification/", 1920, 1080) == []


def test_the_page_itself_never_scrolls_sideways_on_a_phone(served_wide, browser):
    for url in [*FIT_PAGES, "rectification/"]:
        found = overflows(browser, served_wide.url + url, 390, 844)
        assert not [text for text in found if text.startswith("HTML")], url


def test_a_phone_keeps_the_unit_in_view_while_a_wide_table_scrolls(served_wide, browser):
    # The ranking and units tables are records on a phone (tests/test_readers_browser.py); the
    # ledger's table by unit still scrolls, its units kept in view.
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    page = context.new_page()
    page.goto(served_wide.url + "rectification/", wait_until="networkidle")
    block = page.locator("[data-bx-block=ledger-by-unit]")
    box = block.locator(".bx-table-wrap")
    assert box.evaluate("b => b.scrollWidth > b.clientWidth")
    unit = block.locator("tbody th[scope=row]").first
    left = box.evaluate("b => b.getBoundingClientRect().left")
    box.evaluate("b => b.scrollLeft = b.scrollWidth")
    page.wait_for_timeout(100)
    assert abs(unit.evaluate("e => e.getBoundingClientRect().left") - left) <= 2
    assert box.get_attribute("tabindex") == "0" and box.get_attribute("role") == "region"
    context.close()


def test_a_phone_shows_the_ledger_as_stacked_records(served_wide, browser):
    """Each cell on its own line under its heading's name, the row as wide as the screen."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    page = context.new_page()
    page.goto(served_wide.url + "rectification/", wait_until="networkidle")
    box = page.locator("[data-bx-block=ledger-items] .bx-table-wrap")
    assert box.evaluate("b => b.scrollWidth <= b.clientWidth")
    row = box.locator("tbody tr").first
    labels = row.evaluate(
        "r => [...r.children].map(c => getComputedStyle(c, '::before').content.replace(/\"/g, ''))"
    )
    headings = box.locator("thead th").evaluate_all(
        "hs => hs.map(h => h.firstChild.textContent.trim())"
    )
    lefts = row.evaluate(
        "r => [...r.children].map(c => Math.round(c.getBoundingClientRect().left))"
    )
    context.close()
    assert labels == headings
    assert len(set(lefts)) == 1
