"""长辈版 (large text, 适老化): a switch on every page of the board, by keyboard, announced, kept
across pages and visits; text 24 px and more with line height 1.3 and more; WCAG AA in both
palettes and no sideways scrolling at 1366 px or on a phone in that mode."""

from __future__ import annotations

import pytest
from conftest import soup
from test_a11y_browser import PAGE_KINDS, page_url, serious_violations
from test_fit_browser import FIT_PAGES, OVERFLOWS

pytestmark = pytest.mark.browser

axe_sync = pytest.importorskip("axe_playwright_python.sync_playwright")

BOARD_KINDS = [kind for kind in PAGE_KINDS if "screen" not in kind]
"""The screen is for TVs and has no switch: its type is already read from three metres."""
BUTTON = "[data-bx-large-toggle]"
LARGE = "document.documentElement.hasAttribute('data-bx-large')"
BODY_SIZE = "parseFloat(getComputedStyle(document.querySelector('.md-content__inner')).fontSize)"
TEXT_SIZES = """() => {
  const shown = [...document.querySelectorAll('.md-content p, .md-content li, .md-content td')]
    .filter(el => el.offsetParent && el.textContent.trim() && !el.closest('.bx-chart'));
  const sizes = shown.map(el => {
    const style = getComputedStyle(el);
    const size = parseFloat(style.fontSize);
    return [el.tagName, size, parseFloat(style.lineHeight) / size];
  });
  return sizes;
}"""


def large_context(browser, width=1366, height=768, scheme="light"):
    """A context whose board was switched to 长辈版 on an earlier visit."""
    context = browser.new_context(
        viewport={"width": width, "height": height}, color_scheme=scheme, locale="zh-CN"
    )
    context.add_init_script("localStorage.setItem('bixue.large', '1')")
    return context


@pytest.mark.parametrize("kind", BOARD_KINDS)
def test_every_page_kind_has_the_switch_and_it_works_by_keyboard(served_wide, browser, kind):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="zh-CN")
    page = context.new_page()
    page.goto(served_wide.url + page_url(served_wide.site, kind), wait_until="networkidle")
    button = page.locator(BUTTON)
    assert button.count() == 1 and button.get_attribute("aria-pressed") == "false"
    assert page.evaluate(BODY_SIZE) < 24
    button.focus()
    page.keyboard.press("Enter")
    assert page.evaluate(LARGE) and button.get_attribute("aria-pressed") == "true"
    page.wait_for_function("document.querySelector('.bx-large__status').textContent !== ''")
    assert "长辈版" in page.inner_text(".bx-large__status")
    sizes = page.evaluate(TEXT_SIZES)
    assert sizes, kind
    small = [(tag, size) for tag, size, _ in sizes if size < 18]
    assert not small, small  # tables and notes scaled with the body: none under 18 px
    body = page.evaluate(BODY_SIZE)
    assert body >= 24
    tight = [(tag, ratio) for tag, _, ratio in sizes if ratio < 1.3]
    assert not tight, tight
    page.keyboard.press("Space")
    assert not page.evaluate(LARGE) and button.get_attribute("aria-pressed") == "false"
    assert page.evaluate("localStorage.getItem('bixue.large')") is None
    context.close()


def test_the_choice_is_kept_across_instant_navigation_and_the_next_visit(served_wide, browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="zh-CN")
    page = context.new_page()
    page.goto(served_wide.url, wait_until="networkidle")
    page.click(BUTTON)
    page.click(".md-tabs a[href$='ranking/']")
    page.wait_for_url("**/ranking/")
    page.wait_for_selector("[data-bx-block=ranking-latest]")
    assert page.evaluate(LARGE)
    assert page.locator(BUTTON).get_attribute("aria-pressed") == "true"
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1  # instant
    second = context.new_page()
    second.goto(served_wide.url + "units/", wait_until="domcontentloaded")
    assert second.evaluate(LARGE)
    assert second.locator(BUTTON).get_attribute("aria-pressed") == "true"
    context.close()


def test_chart_labels_grow_with_the_text(served_wide, browser):
    sizes = []
    for large in (False, True):
        context = large_context(browser) if large else browser.new_context(locale="zh-CN")
        page = context.new_page()
        page.goto(served_wide.url + "ranking/", wait_until="networkidle")
        page.wait_for_selector(".bx-chart .xtick text, .bx-chart .ytick text")
        sizes.append(
            page.evaluate(
                "parseFloat(document.querySelector('.bx-chart .xtick text, .bx-chart .ytick text')"
                ".style.fontSize)"
            )
        )
        context.close()
    assert sizes[1] >= 18 and sizes[1] >= 1.4 * sizes[0]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", BOARD_KINDS)
def test_no_serious_wcag_violation_in_large_text(served_wide, browser, kind, scheme):
    context = large_context(browser, scheme=scheme)
    page = context.new_page()
    page.goto(served_wide.url + page_url(served_wide.site, kind), wait_until="networkidle")
    assert page.evaluate(LARGE)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert serious_violations(axe_sync.Axe(), page) == []
    context.close()


@pytest.mark.parametrize("url", FIT_PAGES)
def test_large_text_fits_1366_without_sideways_scrolling(served_wide, browser, url):
    context = large_context(browser)
    page = context.new_page()
    page.goto(served_wide.url + url, wait_until="networkidle")
    assert page.evaluate(OVERFLOWS) == []
    context.close()


@pytest.mark.parametrize("url", [*FIT_PAGES, "rectification/", "exemplars/", "notices/"])
def test_large_text_on_a_phone_never_scrolls_the_page_sideways(served_wide, browser, url):
    context = large_context(browser, 390, 844)
    page = context.new_page()
    page.goto(served_wide.url + url, wait_until="networkidle")
    found = page.evaluate(OVERFLOWS)
    assert not [text for text in found if text.startswith("HTML")], found
    context.close()


def test_the_switch_is_in_the_bar_on_every_built_page(demo_site):
    for url in ("", "ranking/", "units/puyang/", "rectification/"):
        button = soup(demo_site, url).select_one(f".bx-asof {BUTTON}")
        assert button.name == "button" and button["type"] == "button"
        assert button["aria-pressed"] == "false" and button.get_text(strip=True) == "长辈版"
