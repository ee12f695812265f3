"""The screen as an old TV browser runs it (Chromium / Android WebView 52): before the page's
scripts, everything 52 lacks is deleted and fetch forgets its options; the chart bundle cannot
load. Every rotation must still lay out, rotate, obey a remote, reload on a new build and draw
its charts. The CSS side (no grid, no flex gap) is checked here on the live page and by doiuse
in test_old_browsers.py."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import free_port, served_copy
from old_engine import REMOVED, emulate

pytestmark = pytest.mark.browser

CANVAS = "document.querySelector('.sc-canvas')"
CURRENT = "document.querySelector('.sc-slide.is-current')"
ROTATIONS = ("screen/", "screen/lobby/", "screen/units/hebi/")

SLIDE_STATE = f"""(() => {{
  const box = el => (r => [r.left, r.top, r.width, r.height])(el.getBoundingClientRect());
  const slide = {CURRENT};
  const charts = Array.from(slide.querySelectorAll('.sc-chart')).map(chart => {{
    const svg = chart.querySelector('svg');
    const bars = svg ? Array.from(svg.querySelectorAll('.sc-svg__bars rect')) : [];
    return {{
      svg: !!svg,
      width: svg ? svg.getBBox().width : 0,
      bars: bars.filter(bar => bar.getBBox().width > 0 && bar.getBBox().height > 0).length,
    }};
  }});
  const laidOut = Array.from(document.querySelectorAll('.sc-canvas, .sc-canvas *')).filter(el => {{
    const style = getComputedStyle(el);
    return style.display === 'grid' || style.display === 'inline-grid' ||
      (style.display.indexOf('flex') >= 0 && (style.rowGap !== 'normal' ||
       style.columnGap !== 'normal'));
  }}).map(el => el.className);
  return {{
    slide: slide.dataset.slide, box: box(slide), main: box(document.querySelector('.sc-main')),
    body: box(slide.querySelector('.sc-slide__body')), charts, laidOut,
  }};
}})()"""


def js(page, expression: str):
    """A value read back through JSON: Playwright's own way of returning arrays and objects
    needs what the old engine lacks."""
    return json.loads(page.evaluate(f"JSON.stringify({expression})"))


def open_rotation(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function(f"{CANVAS}.dataset.changes >= 1")
    page.wait_for_function(f"{CANVAS}.dataset.ready === {CANVAS}.dataset.index")


def key(page, code: int, name: str = "Unidentified") -> bool:
    """A remote's key as old boxes send it: a keyCode, often with no usable `key`. True when
    the board took it (prevented the default)."""
    return page.evaluate(
        "([code, name]) => !document.dispatchEvent(new KeyboardEvent('keydown', "
        "{key: name, keyCode: code, which: code, bubbles: true, cancelable: true}))",
        [code, name],
    )


def index(page) -> int:
    return int(page.evaluate(f"{CANVAS}.dataset.index"))


@pytest.mark.parametrize("rotation", ROTATIONS)
def test_every_slide_lays_out_whole_and_draws_its_charts_without_what_52_lacks(
    page, served_demo, rotation
):
    asked = emulate(page)
    open_rotation(page, f"{served_demo.url}{rotation}?interval=600")
    assert page.evaluate("typeof URLSearchParams") == "undefined"
    assert page.evaluate("typeof NodeList.prototype.forEach") == "undefined"
    assert len(js(page, "window.__gone")) == sum(map(len, REMOVED.values()))
    count = page.evaluate("document.querySelectorAll('.sc-slide').length")
    charts = 0
    for number in range(count):
        page.wait_for_function(f"{CANVAS}.dataset.ready === '{number}'")
        state = js(page, SLIDE_STATE)
        assert state["box"] == state["main"], state["slide"]  # the slide fills the stage
        assert state["body"][2] > 1500 and state["body"][3] > 600, state["slide"]
        assert state["laidOut"] == [], state["slide"]  # nothing leans on grid or flex gap
        for chart in state["charts"]:
            assert chart["svg"] and chart["width"] > 300 and chart["bars"] >= 1, state["slide"]
        charts += len(state["charts"])
        key(page, 39)
    if rotation == "screen/":
        assert charts >= 6  # four indicators, the ledger's statuses, the projects
    assert asked == [] and not page.js_errors


def test_slides_advance_on_time_and_a_remote_moves_pauses_and_resumes(page, served_demo):
    emulate(page)
    open_rotation(page, f"{served_demo.url}screen/?interval=1")
    page.wait_for_function(f"{CANVAS}.dataset.index === '1'", timeout=4000)
    assert key(page, 13)  # OK pauses
    assert page.evaluate(f"{CANVAS}.dataset.paused") == "true"
    at = index(page)
    page.wait_for_timeout(1500)
    assert index(page) == at
    assert key(page, 39) and index(page) == at + 1  # right
    assert key(page, 37) and index(page) == at  # left
    assert key(page, 40) and index(page) == at + 1  # down
    assert key(page, 461)  # webOS back on a paused board: resume
    assert page.evaluate(f"{CANVAS}.dataset.paused") == "false"
    assert not key(page, 461)  # back on a running board is the TV's own
    assert not key(page, 65, "a")
    assert key(page, 0, "MediaPlayPause")
    assert page.evaluate(f"{CANVAS}.dataset.paused") == "true"
    assert not page.js_errors


def test_the_pointer_hides_while_the_mouse_is_still(page, served_demo):
    emulate(page)
    open_rotation(page, f"{served_demo.url}screen/?interval=600")
    page.mouse.move(400, 300)
    assert page.evaluate("document.body.classList.contains('sc-idle')") is False
    page.wait_for_function("document.body.classList.contains('sc-idle')", timeout=5000)
    assert page.evaluate("getComputedStyle(document.querySelector('.sc-main')).cursor") == "none"
    page.mouse.move(420, 320)
    assert page.evaluate("document.body.classList.contains('sc-idle')") is False


@pytest.fixture
def fast_server(demo_with_short_reload, tmp_path):
    site, port = demo_with_short_reload
    with served_copy(site, port, tmp_path) as server:
        yield server


@pytest.fixture(scope="module")
def demo_with_short_reload(tmp_path_factory):
    """The demo built for a port chosen now; the screen checks its stamp every second."""
    from conftest import ROOT, built

    folder = tmp_path_factory.mktemp("old-screen")
    data = folder / "data"
    shutil.copytree(ROOT / "data", data)
    campaign = data / "campaign.yml"
    text = campaign.read_text(encoding="utf-8")
    assert "\n  reload: 300\n" in text
    campaign.write_text(text.replace("\n  reload: 300\n", "\n  reload: 1\n"), encoding="utf-8")
    port = free_port()
    return built(folder / "site", data, BOARD_SITE_URL=f"http://127.0.0.1:{port}/"), port


def test_stamps_are_asked_past_every_cache_and_a_new_one_reloads_the_page(page, fast_server):
    emulate(page)
    stamps = []
    page.on(
        "request",
        lambda r: (
            stamps.append((r.url, r.headers.get("cache-control")))
            if "build-stamp.json" in r.url
            else None
        ),
    )
    open_rotation(page, f"{fast_server.url}screen/?interval=600")
    page.evaluate("window.bixueMarker = 'same page'")
    page.wait_for_timeout(2500)
    assert page.evaluate("window.bixueMarker") == "same page"
    assert len(stamps) >= 2
    assert len({url for url, _ in stamps}) == len(stamps)  # a new query each time
    assert all("?t=" in url and header == "no-cache" for url, header in stamps)
    (fast_server.site / "build-stamp.json").write_text(json.dumps({"build": "a-new-build"}))
    page.wait_for_function("window.bixueMarker === undefined", timeout=6000)
    page.wait_for_function(f"{CANVAS} && {CANVAS}.dataset.changes >= 1")
    assert not page.js_errors


def test_without_the_server_it_keeps_rotating_the_last_board(page, fast_server):
    emulate(page)
    open_rotation(page, f"{fast_server.url}screen/?interval=1")
    page.wait_for_timeout(2500)  # the bodies prefetched
    fast_server.stop()
    page.wait_for_function(f"{CANVAS}.dataset.offline === 'true'", timeout=5000)
    changes = int(page.evaluate(f"{CANVAS}.dataset.changes"))
    page.wait_for_timeout(2500)
    assert int(page.evaluate(f"{CANVAS}.dataset.changes")) > changes
    assert page.is_visible(".sc-slide.is-current .sc-slide__title")
    assert page.evaluate(f"{CURRENT}.querySelector('.sc-slide__body').children.length") > 0
