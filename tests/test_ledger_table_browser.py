"""The ledger as a client-side table in Chromium: filters, search, sort, pages of 50, URL state."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlparse

import pytest
from conftest import Server, built, free_port, soup
from gen_campaign import Size, generate

pytestmark = pytest.mark.browser
ROWS = "[...document.querySelectorAll('#bx-ledger-table tbody tr')]"
READY = "document.querySelector('[data-bx-ledger-table][data-bx-ready]')"


@pytest.fixture(scope="module")
def served_ledger(tmp_path_factory):
    """A generated campaign of 12 units and 180 items: four pages of the table."""
    folder = tmp_path_factory.mktemp("ledger-table")
    generate(folder / "data", Size(12, 180, 4, 3, 2, 2, False))
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    site = built(folder / "site", folder / "data", BOARD_SITE_URL=url)
    server = Server(site, port)
    server.site = site
    server.rows = json.loads((site / "rectification" / "ledger.json").read_text("utf-8"))
    yield server
    server.stop()


def open_table(page, server, query: str = "") -> None:
    page.goto(server.url + "rectification/" + query)
    page.wait_for_function(READY)


def shown(page) -> list:
    return page.evaluate(f"{ROWS}.map(tr => tr.dataset.item)")


def query_of(page) -> dict:
    return {key: values[0] for key, values in parse_qs(urlparse(page.url).query).items()}


def test_without_scripts_the_first_page_of_rows_is_in_the_html(served_ledger):
    html = soup(served_ledger.site, "rectification/")
    rows = html.select("#bx-ledger-table tbody tr")
    ids = [row["id"] for row in served_ledger.rows["rows"]]
    assert [row["data-item"] for row in rows] == ids[:50]
    assert len(ids) == 180
    assert html.select_one(".bx-lt-controls")["hidden"] is not None
    assert html.select_one(".bx-lt-controls label select[name=unit]")
    assert html.select_one("[data-bx-block=ledger-items] .bx-table-wrap").has_attr(
        "data-search-exclude"
    )


def test_paging_through_fifty_rows_at_a_time_keeps_the_page_in_the_url(served_ledger, page):
    ids = [row["id"] for row in served_ledger.rows["rows"]]
    open_table(page, served_ledger)
    assert shown(page) == ids[:50]
    page.click(".bx-lt-pager [data-page=next]")
    assert shown(page) == ids[50:100]
    assert query_of(page) == {"page": "2"}
    page.reload()
    page.wait_for_function(READY)
    assert shown(page) == ids[50:100]
    assert "第 2 / 4 页" in page.inner_text(".bx-lt-pager")
    assert not page.js_errors


def test_filters_combine_and_a_shared_link_restores_them(served_ledger, page):
    data = served_ledger.rows
    unit = data["units"][3][0]
    expected = [
        row["id"]
        for row in data["rows"]
        if data["units"][row["u"]][0] == unit and row["st"] in ("doing",)
    ]
    open_table(page, served_ledger)
    page.select_option(".bx-lt-controls select[name=unit]", unit)
    page.select_option(".bx-lt-controls select[name=status]", "doing")
    assert shown(page) == expected
    assert query_of(page) == {"unit": unit, "status": "doing"}
    page.goto("about:blank")
    open_table(page, served_ledger, f"?unit={unit}&status=doing")
    assert shown(page) == expected
    assert page.input_value("select[name=unit]") == unit
    assert f"符合条件 {len(expected)} 项" in page.inner_text(".bx-lt-status")


def test_overdue_and_due_soon_filters_and_text_search(served_ledger, page):
    rows = served_ledger.rows["rows"]
    open_table(page, served_ledger, "?overdue=1")
    overdue = [row["id"] for row in rows if "od" in row]
    assert shown(page) == overdue[:50] and overdue
    assert page.evaluate(f"{ROWS}.every(tr => tr.classList.contains('bx-row--overdue'))")
    page.uncheck("input[name=overdue]")
    page.check("input[name=soon]")
    assert shown(page) == [row["id"] for row in rows if "dl" in row][:50]
    page.uncheck("input[name=soon]")
    word = "消防器材"
    page.fill("input[name=q]", word)
    assert shown(page) == [row["id"] for row in rows if word in row["p"]][:50]
    assert query_of(page)["q"] == word


def test_sorting_by_deadline_and_by_days_overdue(served_ledger, page):
    rows = served_ledger.rows["rows"]
    open_table(page, served_ledger, "?sort=deadline")
    deadlines = page.evaluate(
        f"{ROWS}.map(tr => tr.querySelector('[data-field=deadline]')?.textContent || '')"
    )
    by_deadline = sorted(rows, key=lambda row: row.get("d", "9999"))
    assert shown(page) == [row["id"] for row in by_deadline][:50]
    assert deadlines == sorted(deadlines)
    page.select_option("select[name=sort]", "overdue")
    longest = max(row.get("od", -1) for row in rows)
    assert page.evaluate(f"{ROWS}[0].querySelector('.bx-flag--overdue').textContent").endswith(
        f"逾期 {longest} 天"
    )


def test_a_link_to_an_item_beyond_the_first_page_shows_its_row(served_ledger, page):
    target = served_ledger.rows["rows"][120]["id"]
    page.goto(served_ledger.url + f"rectification/#item-{target}")
    page.wait_for_function(READY)
    assert target in shown(page)


def test_rows_drawn_by_the_script_read_as_the_built_rows(served_demo, demo_site, page):
    static = soup(demo_site, "rectification/").select("#bx-ledger-table tbody tr")
    page.goto(served_demo.url + "rectification/")
    page.wait_for_function(READY)
    drawn = page.evaluate(f"{ROWS}.map(tr => [tr.dataset.item, tr.className, tr.textContent])")
    assert [item for item, _, _ in drawn] == [row["data-item"] for row in static]
    for (item, classes, text), row in zip(drawn, static, strict=True):
        assert classes == " ".join(row.get("class", [])), item
        assert "".join(text.split()) == "".join(row.get_text().split()), item
    assert not page.js_errors
