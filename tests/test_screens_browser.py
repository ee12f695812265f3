"""Named and unit rotations in headless Chromium: they fit 1920×1080, rotate, fetch their slides,
page long lists round by round, keep the board when the server goes and reload on a new build."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import ROOT, built, free_port, served_copy
from test_screen_browser import CANVAS, OUTSIDE_CANVAS, current

pytestmark = pytest.mark.browser

ROTATIONS = ["screen/lobby/", "screen/units/hebi/", "screen/units/puyang-south/"]
MIN_TEXT_PX = 24
"""The smallest type of screen.css (ids, the status line): read from across a room."""
EXTRA_NOTICES = 12

SMALLEST_TEXT = """(() => {
  const slide = document.querySelector('.sc-slide.is-current');
  const sizes = [...document.querySelectorAll('.sc-header *'), ...slide.querySelectorAll('*')]
    .filter(el => !el.closest('svg, .sc-page:not(.is-current)') && el.offsetParent !== null)
    .filter(el => [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
    .map(el => [parseFloat(getComputedStyle(el).fontSize), el.className, el.textContent.trim()]);
  return sizes.sort((a, b) => a[0] - b[0])[0];
})()"""


SPILLED_TILES = """[...document.querySelectorAll('.sc-slide.is-current .sc-tile')].filter(tile => {
  const box = tile.getBoundingClientRect();
  return [...tile.children].some(part => part.getBoundingClientRect().right > box.right + 1);
}).map(tile => tile.textContent.trim())"""
"""Tiles whose figure runs past their right edge (100.0% in a half-width tile, say)."""


def open_rotation(page, base_url: str, path: str, query: str = "interval=600") -> None:
    page.goto(f"{base_url}{path}?{query}")
    page.wait_for_function(f"{CANVAS}.dataset.ready === {CANVAS}.dataset.index")


def wait_ready(page, index: int, timeout: float = 5000) -> None:
    page.wait_for_function(f"{CANVAS}.dataset.ready === '{index}'", timeout=timeout)


@pytest.mark.parametrize("path", ROTATIONS)
def test_every_slide_fits_the_canvas_in_type_read_from_across_the_room(page, served_demo, path):
    open_rotation(page, served_demo.url, path)
    count = page.evaluate("document.querySelectorAll('.sc-slide').length")
    spilled, small = {}, {}
    for index in range(count):
        wait_ready(page, index)
        name = current(page)["slide"] + str(index)
        spilled[name] = page.evaluate(OUTSIDE_CANVAS) + page.evaluate(SPILLED_TILES)
        size, kind, text = page.evaluate(SMALLEST_TEXT)
        if size < MIN_TEXT_PX:
            small[name] = (size, kind, text)
        page.keyboard.press("ArrowRight")
    assert not any(spilled.values()), spilled
    assert not small, small
    scroll = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
    )
    assert scroll[0] <= 1920 and scroll[1] <= 1080
    assert not page.js_errors


@pytest.mark.parametrize("path", ROTATIONS[:2])
def test_it_rotates_fetching_each_body_and_emptying_the_one_that_left(page, served_demo, path):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    open_rotation(page, served_demo.url, path, "interval=1")
    wait_ready(page, 1, 4000)
    wait_ready(page, 2, 4000)
    bodies = page.evaluate(
        "[...document.querySelectorAll('.sc-slide')].map(s => s.querySelector('.sc-slide__body')"
        ".children.length)"
    )
    assert bodies[2] > 0 and bodies[0] == 0 and bodies[1] == 0  # only the current one is whole
    assert any("/screen-slides/" in url for url in requested)
    assert all(url.startswith(served_demo.url) for url in requested)
    assert not page.js_errors


def test_the_unit_rotation_starts_at_a_named_slide_and_keys_move(page, served_demo):
    open_rotation(page, served_demo.url, "screen/units/hebi/", "slide=unit-ledger&interval=600")
    assert current(page)["slide"] == "unit-ledger"
    assert page.is_visible(".sc-slide.is-current [data-list=due-soon] tr[data-item]")
    page.keyboard.press("ArrowRight")
    wait_ready(page, 3)
    assert current(page)["slide"] == "unit-indicators"
    page.keyboard.press(" ")
    assert current(page)["paused"] == "true"


# ---- A site of our own: more notices than a slide has time for, a server we can stop ----


@pytest.fixture(scope="module")
def notices_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("screens")
    data = folder / "data"
    shutil.copytree(ROOT / "data", data)
    for n in range(EXTRA_NOTICES):
        text = f"---\ntitle: 第{n + 1}号补充通知\ndate: 2014-09-{n + 1:02d}\n---\n\n正文{n + 1}。\n"
        (data / "notices" / f"extra-{n + 1:02d}.md").write_text(text, encoding="utf-8")
    return built(folder / "site", data)


@pytest.fixture
def own_server(notices_build, tmp_path):
    with served_copy(notices_build, free_port(), tmp_path) as server:
        yield server


PLAN = "document.querySelector('.sc-slide.is-current [data-pager]').planned"


def test_a_long_list_shows_its_first_page_then_the_next_ones_round_by_round(page, own_server):
    open_rotation(page, own_server.url, "screen/units/hebi/", "slide=notices&interval=2")
    pages = page.evaluate("document.querySelector('.sc-slide.is-current').dataset.loaded")
    assert pages == "true"
    count = int(page.get_attribute(".sc-slide.is-current [data-pager]", "data-pages"))
    assert count == 6  # 17 notices, 3 a page
    plans = [page.evaluate(PLAN)]
    slides = page.evaluate("document.querySelectorAll('.sc-slide').length")
    for _ in range(3):
        for _ in range(slides):
            page.keyboard.press("ArrowRight")
        page.wait_for_function(f"{CANVAS}.dataset.ready === {CANVAS}.dataset.index")
        plans.append(page.evaluate(PLAN))
    assert plans == [[0, 1], [0, 2], [0, 3], [0, 4]]
    page.wait_for_function(
        "document.querySelector('.sc-slide.is-current [data-pager]').dataset.page === '4'",
        timeout=2500,
    )


def test_without_the_server_a_unit_rotation_keeps_every_slide(page, own_server):
    open_rotation(page, own_server.url, "screen/units/hebi/", "interval=600")
    slides = page.evaluate("document.querySelectorAll('.sc-slide').length")
    # Every body fetched ahead of its turn and kept.
    page.wait_for_function(f"{CANVAS}.dataset.kept === '{slides}'")
    own_server.stop()
    for index in range(1, slides):
        page.keyboard.press("ArrowRight")
        wait_ready(page, index)
        assert page.evaluate(
            "document.querySelector('.sc-slide.is-current .sc-slide__body').children.length"
        )
    page.evaluate("window.bixueMarker = 'kept'")
    (own_server.site / "build-stamp.json").write_text(json.dumps({"build": "while-away"}))
    assert page.evaluate("window.bixueMarker") == "kept"
    assert not [e for e in page.js_errors if "screen-slides" in e]


def test_a_unit_rotation_reloads_after_a_new_build(page, own_server):
    open_rotation(page, own_server.url, "screen/units/hebi/", "interval=600&reload=1")
    page.evaluate("window.bixueMarker = 'same page'")
    page.wait_for_timeout(2500)
    assert page.evaluate("window.bixueMarker") == "same page"
    (own_server.site / "build-stamp.json").write_text(json.dumps({"build": "a-new-build"}))
    page.wait_for_function("window.bixueMarker === undefined", timeout=6000)
    page.wait_for_function(f"{CANVAS} && {CANVAS}.dataset.changes >= 1")
    assert page.evaluate("document.querySelector('.sc-header h1').textContent") == "鹤壁服务区"
