"""The portal in headless Chromium: sorting by a figure, filtering by name and by state, and no
request outside loopback (the `page` fixture fails on one)."""

from __future__ import annotations

import copy
import datetime

import pytest
from bixue.boards import portal, reading
from headless import Server
from portal_boards import demo_data, write_board

pytestmark = pytest.mark.browser

NAMES = (
    "[...document.querySelectorAll('#boards tbody tr:not([hidden]) th')]"
    ".map(t => t.textContent.trim())"
)


@pytest.fixture(scope="module")
def served_portal(tmp_path_factory):
    out = tmp_path_factory.mktemp("portal")
    base = demo_data("2014-10-20")
    sources = []
    for name, rate in (("乙局", 0.5), ("甲局", 0.9), ("丙局", 0.1)):
        data = copy.deepcopy(base)
        data["short_title"], data["organization"] = name, f"县{name}"
        data["ledger"]["completion_rate"] = rate
        sources.append(str(write_board(out / name, data)))
    sources.append(str(out / "missing"))
    entries = reading.read_boards(sources)
    portal.write_portal(out, entries, "看板一览", datetime.datetime(2014, 10, 21))
    server = Server(out)
    yield server
    server.stop()


def test_sorting_and_filtering(page, served_portal):
    page.goto(served_portal.url)
    header = page.locator("#boards thead th", has_text="整改完成率")
    header.locator("button").click()
    assert page.evaluate(NAMES)[:3] == ["丙局", "乙局", "甲局"]
    assert header.get_attribute("aria-sort") == "ascending"
    header.locator("button").click()
    assert page.evaluate(NAMES)[:3] == ["甲局", "乙局", "丙局"]
    assert header.get_attribute("aria-sort") == "descending"
    page.fill("#filter", "县乙")
    assert page.evaluate(NAMES) == ["乙局"]
    assert page.text_content("#shown") == "显示 1 个看板"
    page.fill("#filter", "")
    page.select_option("#state", "unreadable")
    (only,) = page.evaluate(NAMES)
    assert only.endswith("missing")
