"""Charts in headless Chromium over the served demo: drawn, kept across navigation, themed."""

from __future__ import annotations

import pytest
from conftest import Server, built, free_port
from test_charts import MINIMAL_CAMPAIGN

CHART_PAGES = [
    "",
    "campaign/",
    "units/puyang-south/",
    "indicators/revenue/",
    "ranking/",
    "pairs/",
    "rectification/",
    "projects/",
    "projects/parking-expansion/",
]
DRAWN = "document.querySelectorAll('.bx-chart').length"
SVG = "document.querySelectorAll('.bx-chart .main-svg').length"

pytestmark = pytest.mark.browser


def wait_for_charts(page, at_least: int = 1) -> int:
    """Every chart of the page has its SVG (plotly draws after the network is idle)."""
    count = page.evaluate(DRAWN)
    assert count >= at_least
    page.wait_for_function(f"{SVG} >= 2 * {DRAWN} && {DRAWN} > 0", timeout=20_000)
    return count


def chart_text_colour(page) -> str:
    return page.evaluate(
        "getComputedStyle(document.querySelector('.bx-chart .xtick text, .bx-chart .ytick text'))"
        ".fill"
    )


@pytest.mark.parametrize("url", CHART_PAGES)
def test_every_chart_on_the_page_is_drawn_without_errors(served_demo, page, url):
    warnings = []  # plotly.js reports bad figure attributes as console.trace("WARN: …")
    page.on("console", lambda msg: warnings.append(msg.text) if "WARN" in msg.text else None)
    page.goto(served_demo.url + url)
    count = wait_for_charts(page)
    assert page.evaluate("document.querySelectorAll('.bx-chart.js-plotly-plot').length") == count
    assert page.js_errors == []
    assert warnings == []


def test_a_page_without_charts_does_not_load_plotly(served_demo, page):
    loaded = []
    page.on("request", lambda request: loaded.append(request.url))
    page.goto(served_demo.url + "notices/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in loaded if url.endswith("plotly.min.js")]
    assert page.evaluate("typeof window.Plotly") == "undefined"


def test_charts_are_drawn_after_instant_navigation_with_plotly_loaded_once(served_demo, page):
    loaded = []
    page.on("request", lambda request: loaded.append(request.url))
    page.goto(served_demo.url)
    wait_for_charts(page)
    page.evaluate("window.bxSamePage = true")
    page.locator("a.md-tabs__link", has_text="评比排名").click()
    page.wait_for_url("**/ranking/")
    page.wait_for_selector("[data-bx-chart=ranking-totals]", state="attached")
    count = wait_for_charts(page)
    assert page.evaluate("window.bxSamePage") is True, "instant navigation fell back to a load"
    assert page.evaluate("document.querySelectorAll('.js-plotly-plot').length") == count
    assert [url for url in loaded if url.endswith("plotly.min.js")] == [
        served_demo.url + "assets/plotly.min.js"
    ]
    # plotly's own rules (its <style> in head is dropped by the navigation) still apply
    position = "getComputedStyle(document.querySelector('.bx-chart .main-svg')).position"
    assert page.evaluate(position) == "absolute"
    assert page.js_errors == []


def test_switching_the_palette_rethemes_the_charts(served_demo, page):
    page.emulate_media(color_scheme="light")
    page.goto(served_demo.url + "ranking/")
    wait_for_charts(page)
    light = chart_text_colour(page)
    page.click("label[for='__palette_1']")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    page.wait_for_function(
        "c => getComputedStyle(document.querySelector('.bx-chart .xtick text')).fill !== c",
        arg=light,
    )
    dark = chart_text_colour(page)
    assert _brightness(dark) > _brightness(light) + 100
    assert page.js_errors == []


def _brightness(rgb: str) -> float:
    red, green, blue = (float(part) for part in rgb[rgb.index("(") + 1 : -1].split(",")[:3])
    return (red + green + blue) / 3


def test_charts_fit_a_phone_and_follow_the_window(served_demo, page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(served_demo.url + "indicators/revenue/")
    wait_for_charts(page)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    widths = "[...document.querySelectorAll('.bx-chart .main-svg')].map(s => s.width.baseVal.value)"
    assert max(page.evaluate(widths)) <= 390
    page.set_viewport_size({"width": 1200, "height": 900})
    page.wait_for_function(f"Math.max(...{widths}) > 500")


def test_a_single_unit_campaign_draws_its_timeline_and_nothing_broken(tmp_path, page):
    data = tmp_path / "data"
    data.mkdir()
    (data / "campaign.yml").write_text(MINIMAL_CAMPAIGN, encoding="utf-8")
    (data / "units.yml").write_text("- {id: solo, name: 独立服务区}\n", encoding="utf-8")
    port = free_port()
    site = built(tmp_path / "site", data, BOARD_SITE_URL=f"http://127.0.0.1:{port}/")
    server = Server(site, port)
    try:
        page.goto(server.url + "campaign/")
        assert wait_for_charts(page) == 1
        page.goto(server.url)
        page.wait_for_load_state("networkidle")
        assert page.evaluate(DRAWN) == 0 and page.js_errors == []
    finally:
        server.stop()


FIRST_DRAWN = """() => new Promise(done => {
  const count = () => document.querySelectorAll('.bx-chart .main-svg').length;
  new MutationObserver((_, observer) => {
    if (!count()) return;
    observer.disconnect();
    done([count(), document.querySelectorAll('.bx-chart').length]);
  }).observe(document, {childList: true, subtree: true});
})"""


def test_charts_are_drawn_one_at_a_time_so_the_first_shows_before_the_last(served_demo, page):
    """The pairs page's charts are drawn a task each: when the first has its SVG, the others
    are still to come (drawn in one go, the first showed only once the last was done)."""
    page.goto(served_demo.url + "pairs/", wait_until="commit")
    drawn, charts = page.evaluate(FIRST_DRAWN)
    assert charts >= 3 and drawn < 2 * charts  # two SVG layers a chart
    assert wait_for_charts(page, 3) == charts


OVERLAPS = """() => {
  const kinds = ['xtick', 'ytick', 'bartext', 'shape-label', 'legendtext', 'annotation', 'gtitle'];
  const kind = t => kinds.find(k => t.closest('.' + k) || t.classList.contains(k)) || 'other';
  const overlaps = [];
  for (const chart of document.querySelectorAll('.bx-chart')) {
    const texts = [...chart.querySelectorAll('.main-svg text')]
      .filter(t => t.textContent.trim() && t.getBoundingClientRect().width > 0)
      .map(t => [t.textContent, t.getBoundingClientRect(), kind(t)]);
    for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
      const [a, p, k] = texts[i], [b, q, l] = texts[j];
      if (k.endsWith('tick') && l.endsWith('tick')) continue;  // plotly's automargin spaces these
      const apart = p.right - 1 <= q.left || q.right - 1 <= p.left
        || p.bottom - 1 <= q.top || q.bottom - 1 <= p.top;
      if (!apart) overlaps.push(`${a} (${k}) / ${b} (${l})`);
    }
  }
  return overlaps;
}"""


@pytest.mark.parametrize("url", ["indicators/revenue/", "projects/", "units/puyang-south/"])
def test_on_a_phone_no_chart_text_sits_on_another(served_demo, page, url):
    """The labels of the target and time-progress lines sat on the bars' value labels."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(served_demo.url + url)
    wait_for_charts(page)
    page.evaluate("document.querySelectorAll('.bx-chart').forEach(c => c.scrollIntoView())")
    page.wait_for_function(f"{SVG} >= 2 * {DRAWN}")
    assert page.evaluate(OVERLAPS) == []
    if url == "indicators/revenue/":
        key = page.evaluate("document.querySelector('.bx-chart .gtitle').textContent")
        assert "实线：目标 100%" in key and "虚线：序时进度" in key
    page.set_viewport_size({"width": 1200, "height": 900})  # wide: the labels are on the lines
    page.goto(served_demo.url + url)
    wait_for_charts(page)
    if url == "indicators/revenue/":
        labels = "[...document.querySelectorAll('.bx-chart .shape-label')].map(l => l.textContent)"
        assert any("序时进度" in label for label in page.evaluate(labels))
