"""The screen (大屏) in headless Chromium: fitting any display, rotation, keys, charts, reloads."""

from __future__ import annotations

import json
import re
import shutil
import time

import pytest
from conftest import ROOT, Server, built, free_port, served_copy

pytestmark = pytest.mark.browser

DISPLAYS = [(1920, 1080), (3840, 2160), (1366, 768), (1080, 1920)]
SCREEN_YML = """screen:
  interval: 3
  reload: 1
  slides:
    - {name: overview, seconds: 1}
    - ranking
    - rectification
"""
"""The demo's screen block replaced for the tests of their own site: short times, own seconds."""

CANVAS = "document.querySelector('.sc-canvas')"
CURRENT = "document.querySelector('.sc-slide.is-current')"
CANVAS_BOX = f"(r => [r.left, r.top, r.right, r.bottom])({CANVAS}.getBoundingClientRect())"


def current(page) -> dict:
    return page.evaluate(f"({{...{CANVAS}.dataset}})")


def open_screen(page, base_url: str, query: str = "interval=600") -> None:
    """The screen at `query`, its current slide shown whole (a slide but the first fetches its
    body from screen-slides/ first)."""
    page.goto(f"{base_url}screen/?{query}")
    page.wait_for_function(f"{CANVAS}.dataset.changes >= 1")
    page.wait_for_function(f"{CANVAS}.dataset.ready === {CANVAS}.dataset.index")


def wait_for_index(page, index: int, timeout: float = 5000) -> None:
    page.wait_for_function(f"{CANVAS}.dataset.index === '{index}'", timeout=timeout)


def wait_for_ready(page, index: int, timeout: float = 10000) -> None:
    """The slide is current and its body is in (fetched from screen-slides/ unless it is first)."""
    page.wait_for_function(f"{CANVAS}.dataset.ready === '{index}'", timeout=timeout)


# ---- The demo as the conftest serves it ----


@pytest.mark.parametrize("width,height", DISPLAYS, ids=[f"{w}x{h}" for w, h in DISPLAYS])
def test_the_canvas_fits_the_display_whole_without_scrollbars_or_white_edges(
    page, served_demo, width, height
):
    page.set_viewport_size({"width": width, "height": height})
    open_screen(page, served_demo.url)
    left, top, right, bottom = page.evaluate(CANVAS_BOX)
    assert left >= -0.5 and top >= -0.5 and right <= width + 0.5 and bottom <= height + 0.5
    # Scaled as far as the display allows: it touches both sides or both edges.
    assert abs(right - left - width) < 1 or abs(bottom - top - height) < 1
    assert abs((right - left) / (bottom - top) - 16 / 9) < 0.01
    scroll = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
    )
    assert scroll[0] <= width and scroll[1] <= height
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(11, 20, 34)"
    assert not page.js_errors


def test_no_slide_spills_out_of_the_canvas(page, served_demo):
    open_screen(page, served_demo.url)
    count = page.evaluate("document.querySelectorAll('.sc-slide').length")
    spilled = {}
    for index in range(count):
        wait_for_ready(page, index)
        spilled[current(page)["slide"] + str(index)] = page.evaluate(OUTSIDE_CANVAS)
        page.keyboard.press("ArrowRight")
    assert not any(spilled.values()), spilled


OUTSIDE_CANVAS = f"""(() => {{
  const canvas = {CANVAS}.getBoundingClientRect();
  const slide = {CURRENT};
  // What a box shows: itself, cut to every ancestor that clips (a clamped summary, say).
  const shown = el => {{
    let [l, t, r, b] = (x => [x.left, x.top, x.right, x.bottom])(el.getBoundingClientRect());
    for (let up = el.parentElement; up && up !== slide; up = up.parentElement) {{
      if (getComputedStyle(up).overflow === 'visible') continue;
      const c = up.getBoundingClientRect();
      [l, t] = [Math.max(l, c.left), Math.max(t, c.top)];
      [r, b] = [Math.min(r, c.right), Math.min(b, c.bottom)];
    }}
    return [l, t, r, b];
  }};
  return [...slide.querySelectorAll('*')].filter(el => {{
    if (el.closest('.sc-page:not(.is-current)')) return false;
    const [l, t, r, b] = shown(el);
    if (r - l <= 0 || b - t <= 0) return false;
    return l < canvas.left - 1 || t < canvas.top - 1 ||
           r > canvas.right + 1 || b > canvas.bottom + 1;
  }}).map(el => el.tagName + '.' + (el.getAttribute('class') || ''));
}})()"""


def test_slides_advance_on_time_and_the_timer_bar_runs_down(page, served_demo):
    open_screen(page, served_demo.url, "interval=1")
    start = time.monotonic()
    wait_for_index(page, 1, 4000)
    first = time.monotonic() - start
    wait_for_index(page, 2, 4000)
    second = time.monotonic() - start - first
    assert 0.5 < first < 2.0 and 0.7 < second < 1.6
    shown = page.evaluate("[...document.querySelectorAll('.sc-slide.is-current')].length")
    assert shown == 1
    page.wait_for_timeout(400)
    scale = page.evaluate("getComputedStyle(document.querySelector('.sc-timer__fill')).transform")
    assert scale != "none"
    assert not page.js_errors


def test_arrow_keys_move_and_space_pauses(page, served_demo):
    open_screen(page, served_demo.url, "interval=1")
    page.keyboard.press(" ")
    assert current(page)["paused"] == "true"
    assert page.is_visible(".sc-status__paused")
    index = int(current(page)["index"])
    page.wait_for_timeout(2500)
    assert int(current(page)["index"]) == index  # paused: stays however long
    page.keyboard.press("ArrowRight")
    assert int(current(page)["index"]) == index + 1
    for _ in range(index + 1):
        page.keyboard.press("ArrowLeft")
    assert current(page)["slide"] == "overview"
    page.keyboard.press("ArrowLeft")
    last = page.evaluate("document.querySelectorAll('.sc-slide').length") - 1
    assert int(current(page)["index"]) == last  # wraps round
    page.keyboard.press(" ")
    assert not page.is_visible(".sc-status__paused")
    wait_for_index(page, 0, 3000)  # running again: on to the first slide


def test_start_slide_by_name_or_number(page, served_demo):
    open_screen(page, served_demo.url, "slide=notices&interval=600")
    assert current(page)["slide"] == "notices"
    open_screen(page, served_demo.url, "slide=2&interval=600")
    assert current(page)["index"] == "1"


def test_every_chart_is_drawn_on_its_slide_and_leaves_with_it(page, served_demo):
    """Charts are SVG written at build time: there when the slide is, gone when it leaves."""
    open_screen(page, served_demo.url)
    count = page.evaluate("document.querySelectorAll('.sc-slide').length")
    drawn = 0
    for index in range(count):
        wait_for_ready(page, index)
        sizes = page.evaluate(
            f"[...{CURRENT}.querySelectorAll('.sc-chart svg')].map(s => s.getBBox().width)"
        )
        assert all(width > 300 for width in sizes)
        drawn += len(sizes)
        page.keyboard.press("ArrowRight")
        if sizes:
            leftover = page.evaluate(
                f"[...document.querySelectorAll('.sc-slide')][{index}]"
                ".querySelectorAll('.sc-chart').length"
            )
            assert leftover == 0
    assert drawn >= 6  # four indicators, the ledger's statuses and the projects in the demo
    assert page.evaluate("typeof window.Plotly") == "undefined"
    assert not page.js_errors


def test_long_lists_turn_their_pages_within_the_slide(page, served_demo):
    open_screen(page, served_demo.url, "slide=rectification&interval=2")
    pager = "document.querySelector('.sc-slide.is-current [data-pager=overdue]')"
    assert page.evaluate(f"{pager}.dataset.page") == "0"
    page.wait_for_function(f"{pager} && {pager}.dataset.page === '1'", timeout=2500)
    at = page.evaluate(f"{pager}.querySelector('.sc-pages__at').textContent")
    assert at == "2"


def test_the_screen_requests_nothing_outside_and_never_the_search_index(page, served_demo):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    open_screen(page, served_demo.url, "interval=600")
    for _ in range(page.evaluate("document.querySelectorAll('.sc-slide').length")):
        page.keyboard.press("ArrowRight")
    page.wait_for_timeout(300)
    assert requested and all(url.startswith(served_demo.url) for url in requested)
    assert not [url for url in requested if "search" in url]
    assert not page.outside_requests


# ---- A site of our own: its server is stopped and its build stamp rewritten ----


@pytest.fixture(scope="module")
def screen_build(tmp_path_factory):
    """The demo with a short screen block, built for a loopback port chosen now."""
    folder = tmp_path_factory.mktemp("screen")
    data = folder / "data"
    shutil.copytree(ROOT / "data", data)
    campaign = data / "campaign.yml"
    text = campaign.read_text(encoding="utf-8")
    text = re.sub(r"^screen:\n(?:  .*\n)+", SCREEN_YML, text, flags=re.M)
    campaign.write_text(text, encoding="utf-8")
    port = free_port()
    site = built(folder / "site", data, BOARD_SITE_URL=f"http://127.0.0.1:{port}/")
    return site, port


@pytest.fixture
def own_server(screen_build, tmp_path):
    """A fresh copy of the site served on its port; the test may stop and restart it."""
    site, port = screen_build
    with served_copy(site, port, tmp_path) as server:
        yield server


def test_a_slide_keeps_its_own_seconds_and_the_rest_the_interval(page, own_server):
    open_screen(page, own_server.url, "")
    start = time.monotonic()
    wait_for_index(page, 1, 4000)
    assert time.monotonic() - start < 2.0  # overview: seconds 1
    page.wait_for_timeout(2000)
    assert current(page)["slide"] == "ranking"  # interval 3
    wait_for_index(page, 2, 3000)


def test_the_page_reloads_after_a_new_build_stamp_and_not_otherwise(page, own_server):
    open_screen(page, own_server.url, "interval=600")
    page.evaluate("window.bixueMarker = 'same page'")
    page.wait_for_timeout(3000)  # three checks of an unchanged stamp
    assert page.evaluate("window.bixueMarker") == "same page"
    (own_server.site / "build-stamp.json").write_text(json.dumps({"build": "a-new-build"}))
    page.wait_for_function("window.bixueMarker === undefined", timeout=6000)
    page.wait_for_function(f"{CANVAS} && {CANVAS}.dataset.changes >= 1")
    assert page.evaluate("window.bixueMarker") is None


def test_without_the_server_it_keeps_the_board_and_marks_it_offline(page, own_server):
    open_screen(page, own_server.url, "interval=1")
    page.wait_for_timeout(1500)
    own_server.stop()
    (own_server.site / "build-stamp.json").write_text(json.dumps({"build": "while-away"}))
    page.wait_for_function(f"{CANVAS}.dataset.offline === 'true'", timeout=5000)
    assert page.is_visible(".sc-status__offline")
    assert "离线" in page.inner_text(".sc-status__offline")
    changes = int(current(page)["changes"])
    page.wait_for_timeout(2500)
    assert int(current(page)["changes"]) > changes  # still rotating the last board
    assert page.is_visible(".sc-slide.is-current .sc-slide__title")
    assert page.evaluate("document.querySelector('.sc-header h1').textContent")
    # Back online with a new build: the mark goes and the new board is loaded.
    page.evaluate("window.bixueMarker = 'kept'")
    restarted = Server(own_server.site, int(own_server.url.rsplit(":", 1)[1].strip("/")))
    try:
        page.wait_for_function("window.bixueMarker === undefined", timeout=8000)
        page.wait_for_function(f"{CANVAS} && {CANVAS}.dataset.offline === 'false'")
    finally:
        restarted.stop()


def test_the_nav_link_loads_the_screen_in_full_not_inside_materials_frame(page, served_demo):
    page.goto(served_demo.url)
    page.click(".md-tabs a:text('大屏展示')")
    page.wait_for_function(f"{CANVAS} && {CANVAS}.dataset.changes >= 1")
    assert page.url == f"{served_demo.url}screen/"
    assert page.evaluate("document.querySelector('.md-header, .md-container')") is None
    assert not page.js_errors


def test_a_phone_held_upright_gets_a_hint_and_a_way_back(page, served_demo):
    page.set_viewport_size({"width": 390, "height": 844})
    open_screen(page, served_demo.url)
    assert page.is_visible(".sc-phone-hint")
    assert page.get_attribute(".sc-phone-hint a", "href") == "../"
    page.set_viewport_size({"width": 1920, "height": 1080})
    assert not page.is_visible(".sc-phone-hint")
