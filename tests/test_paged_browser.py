"""Paged tables in Chromium: the next page comes from the JSON, a filter finds any unit, the case
index's filters choose from every case."""

from __future__ import annotations

import pytest
from bixue.load import load_campaign
from conftest import Server, built, free_port
from gen_campaign import Size, generate

pytestmark = pytest.mark.browser
FIRST_BOX = "document.querySelector('[data-bx-paged][data-bx-ready]')"
ROWS = "[...document.querySelector('[data-bx-paged] tbody').rows].map(tr => tr.dataset.unit)"
CASES = 80


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    folder = tmp_path_factory.mktemp("paged-site")
    generate(folder / "data", Size(60, 80, CASES, 2, 2, 1, False))
    return folder / "data"


@pytest.fixture(scope="module")
def served(data):
    port = free_port()
    site = built(data.parent / "site", data, BOARD_SITE_URL=f"http://127.0.0.1:{port}/")
    server = Server(site, port)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def cases(data):
    """The generated cases, newest first."""
    return sorted(load_campaign(data).exemplars, key=lambda case: case.date, reverse=True)


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


CARDS = "[...document.querySelectorAll('li.bx-case-card:not([hidden]) a')].map(a => a.pathname)"


def test_a_category_chosen_on_the_case_index_finds_cases_past_the_first_page(served, cases, page):
    category = cases[-1].category  # the oldest case's: it is not on the first page
    wanted = sorted(f"/exemplars/{c.slug}/" for c in cases if c.category == category)
    page.goto(served.url + "exemplars/")
    page.wait_for_function(FIRST_BOX)
    assert len(page.evaluate(CARDS)) == 50
    page.select_option(".bx-case-filter select[name=category]", category)
    count = f"显示 {len(wanted)} / {CASES} 个"
    page.wait_for_function(f"document.querySelector('.bx-case-count').textContent === '{count}'")
    assert len(wanted) <= 50 and sorted(page.evaluate(CARDS)) == wanted
    assert "category=" in page.url
    page.click(".bx-case-filter button[type=reset]")
    page.wait_for_function(
        f"document.querySelector('.bx-case-count').textContent === '共 {CASES} 个'"
    )
    page.wait_for_function(f"{CARDS}.length === 50")
    assert not page.js_errors


def test_a_shared_link_to_a_filtered_case_index_shows_every_match(served, cases, page):
    unit = cases[-1].unit
    wanted = sorted(f"/exemplars/{c.slug}/" for c in cases if c.unit == unit)
    page.goto(served.url + f"exemplars/?unit={unit}")
    page.wait_for_function(
        f"document.querySelector('.bx-case-count').textContent.startsWith('显示 {len(wanted)} ')"
    )
    assert sorted(page.evaluate(CARDS)) == wanted
    assert not page.js_errors
