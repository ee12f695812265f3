"""Paged tables in Chromium: the next page comes from the JSON, a filter finds any unit."""

from __future__ import annotations

import pytest
from conftest import Server, built, free_port
from gen_campaign import Size, generate

pytestmark = pytest.mark.browser
FIRST_BOX = "document.querySelector('[data-bx-paged][data-bx-ready]')"
ROWS = "[...document.querySelector('[data-bx-paged] tbody').rows].map(tr => tr.dataset.unit)"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("paged-site")
    generate(folder / "data", Size(60, 80, 2, 2, 2, 1, False))
    port = free_port()
    site = built(folder / "site", folder / "data", BOARD_SITE_URL=f"http://127.0.0.1:{port}/")
    server = Server(site, port)
    yield server
    server.stop()


def test_the_next_page_and_the_filter_of_a_long_indicator_table(served, page):
    page.goto(served.url + "indicators/ind-1/")
    page.wait_for_function(FIRST_BOX)
    ids = [f"u{n:03d}" for n in range(1, 61)]
    assert page.evaluate(ROWS) == ids[:50]
    page.click("[data-bx-paged] .bx-paged-bar [data-page=next]")
    page.wait_for_function(f"{ROWS}.length === 10")
    assert page.evaluate(ROWS) == ids[50:]
    assert "第 2 / 2 页" in page.inner_text("[data-bx-paged] .bx-paged-bar")
    page.fill("[data-bx-paged] .bx-paged-bar input", "u057")
    page.wait_for_function(f"{ROWS}.length === 0")
    name = page.evaluate("document.querySelector('[data-bx-paged] tbody a').textContent")
    page.fill("[data-bx-paged] .bx-paged-bar input", name)
    page.wait_for_function(f"{ROWS}.length >= 1")
    assert all(row in ids for row in page.evaluate(ROWS))
    assert not page.js_errors


def test_the_pairs_beyond_the_first_ten_page_as_lists(served, page):
    page.goto(served.url + "pairs/")
    page.wait_for_function(FIRST_BOX)
    items = "document.querySelectorAll('[data-bx-paged-body] > section').length"
    assert page.evaluate(items) == 10
    page.click("[data-bx-paged] .bx-paged-bar [data-page=next]")
    page.wait_for_function(
        "document.querySelector('[data-bx-paged-body] > section').dataset.pair.startsWith('u041')"
    )
    assert page.evaluate(items) == 10
    assert not page.js_errors
