"""WCAG 2.1 A/AA in both palettes (axe-core), and every control by keyboard with a visible ring."""

from __future__ import annotations

import pytest
from conftest import soup

pytestmark = pytest.mark.browser

axe_sync = pytest.importorskip("axe_playwright_python.sync_playwright")

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGE_KINDS = [
    "",
    "campaign/",
    "units/",
    "unit",
    "indicators/",
    "indicators/revenue/",
    "ranking/",
    "pairs/",
    "rectification/",
    "exemplars/",
    "case",
    "notices/",
    "notice",
    "projects/",
    "project",
    "task",
    "activities/",
    "achievements/",
    "glossary/",
    "screen/",
    "screens/",
    "screen/lobby/",
    "unit-screen",
]
FIRST_LINK = {"unit": ("units/", "a.bx-unit"), "case": ("exemplars/", "a.bx-case-card__link")}
FIRST_LINK["notice"] = ("notices/", "a.bx-notice__title")
FIRST_LINK["project"] = ("projects/", "a.bx-project")
FIRST_LINK["task"] = ("projects/", "tr[data-kind=task] a.bx-project")
FIRST_LINK["unit-screen"] = ("screens/", "a[href*='screen/units/']")


def page_url(site, kind: str) -> str:
    """A page kind's URL; a unit, a case and a notice are the first linked from their index."""
    if kind not in FIRST_LINK:
        return kind
    index, selector = FIRST_LINK[kind]
    href = soup(site, index).select_one(selector)["href"]
    return index + href.removeprefix("./")


@pytest.fixture(scope="module")
def axe():
    return axe_sync.Axe()


def open_context(browser, scheme: str, width: int = 1366, height: int = 768):
    """A fresh context (no palette remembered in localStorage) preferring `scheme`."""
    return browser.new_context(
        viewport={"width": width, "height": height}, color_scheme=scheme, locale="zh-CN"
    )


def serious_violations(axe, page) -> list:
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [
        (rule["id"], node["target"], node["failureSummary"][:200])
        for rule in results.response["violations"]
        if rule["impact"] in ("serious", "critical")
        for node in rule["nodes"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_serious_wcag_violation(served_wide, browser, axe, kind, scheme):
    """Every page kind, with every folded part (chart data, older notes) opened, in one palette."""
    context = open_context(browser, scheme)
    page = context.new_page()
    page.goto(served_wide.url + page_url(served_wide.site, kind), wait_until="networkidle")
    if not (kind.startswith("screen/") or kind == "unit-screen"):
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.dataset.mdColorScheme") == expected
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    page.wait_for_timeout(200)
    violations = serious_violations(axe, page)
    context.close()
    assert not violations, "\n".join(map(str, violations))


@pytest.mark.parametrize("kind", ["", "ranking/", "rectification/", "activities/"])
def test_no_serious_wcag_violation_on_a_phone(served_wide, browser, axe, kind):
    """Stacked and sticky tables at 390 px: the scrollers a finger swipes are keyboard regions."""
    context = open_context(browser, "light", 390, 844)
    page = context.new_page()
    page.goto(served_wide.url + kind, wait_until="networkidle")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    page.wait_for_timeout(200)
    violations = serious_violations(axe, page)
    context.close()
    assert not violations, "\n".join(map(str, violations))


RING = """() => {
  const focused = document.activeElement;
  let shown = focused;
  if (focused.matches('input.md-option')) {
    shown = focused.closest('[data-md-component=palette]').querySelector('label:not([hidden])');
  }
  const style = getComputedStyle(shown);
  const box = shown.getBoundingClientRect();
  return {
    tag: focused.tagName, text: (focused.textContent || focused.getAttribute('aria-label') || '')
      .trim().slice(0, 30),
    ring: style.outlineStyle !== 'none' ? parseFloat(style.outlineWidth) : 0,
    area: box.width * box.height,
  };
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("url", ["", "exemplars/"])
def test_every_tab_stop_shows_a_ring(served_wide, browser, url, scheme):
    """The first 45 Tab stops (header, palette switch, search, tabs, content) are visible and
    ringed at least 2 px wide."""
    context = open_context(browser, scheme)
    page = context.new_page()
    page.goto(served_wide.url + url, wait_until="networkidle")
    unseen = []
    for _ in range(45):
        page.keyboard.press("Tab")
        stop = page.evaluate(RING)
        if stop["ring"] < 2 or stop["area"] < 4:
            unseen.append(stop)
    context.close()
    assert not unseen


def tab_to(page, script: str, limit: int = 120) -> None:
    """Press Tab until `script` (a JS expression about document.activeElement) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const e = document.activeElement; return {script}; }})()"):
            return
    raise AssertionError(f"not reached by Tab: {script}")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_palette_switch_by_keyboard(served_wide, browser, scheme):
    context = open_context(browser, scheme)
    page = context.new_page()
    page.goto(served_wide.url, wait_until="networkidle")
    before = page.evaluate("document.body.dataset.mdColorScheme")
    tab_to(page, "e.matches('input.md-option')")
    page.keyboard.press("Enter")
    after = page.evaluate("document.body.dataset.mdColorScheme")
    context.close()
    assert {before, after} == {"default", "slate"}


def test_chart_data_is_one_tab_stop_after_its_chart(served_wide, browser):
    """The chart is an image named by its message; the next Tab stop opens its data with Enter."""
    context = open_context(browser, "light")
    page = context.new_page()
    page.goto(served_wide.url, wait_until="networkidle")
    chart = page.locator("[data-bx-chart=home-progress] .bx-chart")
    assert chart.get_attribute("role") == "img"
    assert "整改完成率" in chart.get_attribute("aria-label")
    next_stop = """(() => {
      const chart = document.querySelector('[data-bx-chart=home-progress] .bx-chart');
      const stops = [...document.querySelectorAll('a[href], summary, button, input, select')];
      return stops.find(s => chart.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING);
    })()"""
    assert page.evaluate(f"{next_stop}.closest('figure').dataset.bxChart") == "home-progress"
    tab_to(page, "e.matches('[data-bx-chart=home-progress] summary')")
    assert page.evaluate(RING)["ring"] >= 2
    page.keyboard.press("Enter")
    table = page.locator("[data-bx-chart=home-progress] details table")
    assert table.is_visible()
    context.close()


def test_case_filter_by_keyboard(served_wide, browser):
    context = open_context(browser, "light")
    page = context.new_page()
    page.goto(served_wide.url + "exemplars/", wait_until="networkidle")
    shown = "document.querySelectorAll('.bx-case-card:not([hidden])').length"
    everything = page.evaluate(shown)
    tab_to(page, "e.matches('.bx-case-filter select')")
    assert page.evaluate(RING)["ring"] >= 2
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(100)
    chosen = page.evaluate(shown)
    tab_to(page, "e.matches('.bx-case-filter [type=reset], .bx-case-filter button')")
    page.keyboard.press("Enter")
    page.wait_for_timeout(100)
    after_reset = page.evaluate(shown)
    context.close()
    assert 0 < chosen < everything
    assert after_reset == everything


def test_screen_keys(served_wide, browser):
    """The screen needs no pointer: → shows the next slide, ← the one before."""
    context = open_context(browser, "light", 1920, 1080)
    page = context.new_page()
    page.goto(served_wide.url + "screen/", wait_until="networkidle")
    current = "[...document.querySelectorAll('.is-current[data-slide], [data-slide].is-current')]"
    current += ".map(e => e.dataset.slide).join()"
    first = page.evaluate(current)
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(300)
    second = page.evaluate(current)
    page.keyboard.press("ArrowLeft")
    page.wait_for_timeout(300)
    back = page.evaluate(current)
    context.close()
    assert first and second and first != second
    assert back == first
