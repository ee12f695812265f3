"""The hostile campaign in Chromium: nothing runs, images with any file name load, and charts
show names with markup as the text they are."""

from __future__ import annotations

import hostile
import pytest
from conftest import Server, built, free_port

pytestmark = pytest.mark.browser

PAGES = [
    "",
    "units/alpha/",
    "ranking/",
    "rectification/",
    "exemplars/",
    "exemplars/hostile/",
    "notices/hostile/",
    "campaign/",
    "indicators/",
    "indicators/revenue/",
    "pairs/",
    "screen/",
]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile-served")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    site = built(folder / "site", hostile.write_campaign(folder / "data"), BOARD_SITE_URL=url)
    server = Server(site, port)
    yield server
    server.stop()


def test_no_script_from_the_data_runs_on_any_page(page, served):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for url in PAGES:
        page.goto(served.url + url)
        page.wait_for_load_state("networkidle")
        # an injected element would be in the live DOM, whatever the parser of the tests saw
        injected = page.evaluate(
            """() => [...document.querySelectorAll('*')].filter(el =>
                [...el.attributes].some(a => a.name.startsWith('on'))
                || (el.tagName === 'IMG' && el.getAttribute('src') === 'x')
                || (el.tagName === 'A' && el.href && new URL(el.href).hostname === 'evil.example')
              ).map(el => el.outerHTML.slice(0, 80))"""
        )
        assert injected == [], url
    assert dialogs == []
    assert page.js_errors == []


def test_images_whose_names_hold_markup_spaces_hash_and_percent_load(page, served):
    for url in ("rectification/", "exemplars/hostile/"):
        page.goto(served.url + url)
        page.wait_for_load_state("networkidle")
        # lazy images load once scrolled to; decode() waits for the file or fails
        sizes = page.evaluate(
            """async () => Promise.all([...document.querySelectorAll('main img')].map(
                async img => { img.loading = 'eager'; img.scrollIntoView();
                    try { await img.decode(); } catch (e) {}
                    return [img.getAttribute('src'), img.naturalWidth]; }))"""
        )
        assert sizes and all(width == 320 for _src, width in sizes), (url, sizes)
        assert any("%23" in src and "%25" in src and "%20" in src for src, _ in sizes)


def test_a_chart_draws_a_name_with_markup_as_its_text(page, served):
    page.goto(served.url + "ranking/")
    page.wait_for_selector(".bx-chart svg.main-svg")
    ticks = page.evaluate(
        "() => [...document.querySelectorAll('.bx-chart .xtick text, .bx-chart .ytick text')]"
        ".map(t => t.textContent)"
    )
    assert any('"><img src=x onerror=alert(1)>' in tick for tick in ticks), ticks
    links = page.evaluate("() => document.querySelectorAll('.bx-chart a').length")
    assert links == 0
