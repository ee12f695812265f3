"""What readers see in Chromium: a phone's ledger record opens with its state and deadline, the
home page's units are one tap away at 390 px, tile notes are no smaller than 14 px, and the
screen's data date is as large as its clock (issue 33)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def opened(browser, url: str, width: int, height: int):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    return context, page


def test_a_phone_ledger_record_opens_with_state_and_deadline(served_demo, browser):
    context, page = opened(browser, served_demo.url + "rectification/", 390, 844)
    row = page.locator("[data-bx-block=ledger-items] tbody tr").first
    tops = row.evaluate(
        "r => [...r.children].map(c => [c.className, Math.round(c.getBoundingClientRect().top)])"
    )
    wide = page.evaluate(
        "() => [...document.querySelectorAll('[data-bx-block=ledger-items] tbody *')]"
        ".filter(e => e.getBoundingClientRect().right > innerWidth + 1).length"
    )
    context.close()
    first = min(tops, key=lambda cell: cell[1])
    assert "bx-ledger-status-cell" in first[0]
    assert wide == 0


@pytest.mark.parametrize("width, height", [(390, 844), (1366, 768)])
def test_home_reaches_every_unit_and_prints_notes_at_14px(served_demo, browser, width, height):
    context, page = opened(browser, served_demo.url, width, height)
    chips = page.locator("[data-bx-block=unit-chips] a").evaluate_all(
        "as => as.map(a => [a.getAttribute('href'), a.getBoundingClientRect().height])"
    )
    notes = page.locator(".bx-tile__note").evaluate_all(
        "ns => ns.map(n => parseFloat(getComputedStyle(n).fontSize))"
    )
    context.close()
    assert len(chips) == 10 and all("/units/" in href for href, _ in chips)
    assert min(size for _, size in chips) >= 40
    assert notes and min(notes) >= 14


def test_the_screen_shows_the_data_date_as_large_as_the_clock(served_demo, browser):
    context, page = opened(browser, served_demo.url + "screen/", 1920, 1080)
    sizes = page.evaluate(
        "() => ['.sc-header__asof time', '.sc-clock'].map(s => "
        "document.querySelector(s).getBoundingClientRect().height)"
    )
    context.close()
    date, clock = sizes
    assert date >= clock * 0.95


@pytest.mark.parametrize("url, lead", [("ranking/", "名次变化"), ("units/", "逾期")])
def test_a_phone_reads_units_and_ranking_as_records(served_wide, browser, url, lead):
    """Under 600 px no cell of these tables is wider than the screen, and a record's first line
    holds the unit and what a reader asks first (名次变化 on the ranking, 逾期 on units)."""
    context, page = opened(browser, served_wide.url + url, 390, 844)
    table = page.locator("table.bx-records").first
    wide = table.evaluate(
        "t => [...t.querySelectorAll('tbody *')]"
        ".filter(e => e.getBoundingClientRect().right > innerWidth + 1).length"
    )
    first_line = table.locator("tbody tr").first.evaluate(
        "r => { const top = Math.min(...[...r.children].map(c => c.getBoundingClientRect().top));"
        " return [...r.children].filter(c => Math.abs(c.getBoundingClientRect().top - top) < 4)"
        ".map(c => c.getAttribute('data-label') || c.className); }"
    )
    context.close()
    assert wide == 0
    assert lead in first_line and any("bx-unit-cell" in name for name in first_line)


def test_a_phone_reads_a_case_before_its_qr_code_and_can_copy_its_link(served_demo, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_demo.url[:-1])
    page = context.new_page()
    page.goto(served_demo.url + "exemplars/energy-saving/", wait_until="networkidle")
    story = page.locator(".bx-case__story").evaluate("e => e.getBoundingClientRect().bottom")
    code = page.locator(".bx-case__qr").evaluate("e => e.getBoundingClientRect().top")
    page.locator("button[data-bx-copy]").click()
    page.wait_for_timeout(300)
    copied = page.evaluate("() => navigator.clipboard.readText()")
    status = page.locator(".bx-copy-link__status").inner_text()
    context.close()
    assert story <= code
    assert copied.endswith("/exemplars/energy-saving/") and status.startswith("已复制")


def test_at_200_percent_zoom_the_ranking_clips_nothing(served_wide, browser):
    """A 1366 px laptop at 200% zoom lays the page out at 683 CSS px: every cell of the ranking
    within the screen, none cut off inside a box."""
    context, page = opened(browser, served_wide.url + "ranking/", 683, 384)
    clipped = page.evaluate(
        "() => [...document.querySelectorAll('table.bx-ranking tbody > tr > *')]"
        ".filter(c => c.getBoundingClientRect().right > innerWidth + 1"
        " || c.scrollWidth > c.clientWidth + 1).length"
    )
    boxes = page.evaluate(
        "() => [...document.querySelectorAll('.bx-table-wrap')]"
        ".filter(b => b.querySelector('.bx-ranking') && b.scrollWidth > b.clientWidth + 1).length"
    )
    context.close()
    assert clipped == 0 and boxes == 0
