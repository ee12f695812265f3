"""The screen says what the pages say of the data's dates: 逾期未报 on the indicator slides, and
整改台账更新至 on the rectification slide when the ledger's newest date is not the as-of day."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup
from conftest import soup


def slide_bodies(site, kind: str) -> list:
    """(shell, body) of each slide of a kind on the main screen; the body is fetched from data-src
    by screen.js when the rotation reaches it."""
    deck = soup(site, "screen/")
    found = []
    for shell in deck.select(f"section[data-slide={kind}]"):
        path = site / "screen" / shell["data-src"]
        found.append((shell, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")))
    return found


def test_indicator_slides_name_the_units_overdue_with_their_report(demo_site):
    data = json.loads((demo_site / "data.json").read_text(encoding="utf-8"))
    slides = {
        shell["data-indicator"]: body for shell, body in slide_bodies(demo_site, "indicators")
    }
    assert set(slides) == {indicator["id"] for indicator in data["indicators"]}
    flagged = 0
    for indicator in data["indicators"]:
        late = [row for row in indicator["units"] if row["overdue_report"]]
        note = slides[indicator["id"]].select_one("[data-report=overdue]")
        if not late:
            assert note is None, indicator["id"]
            continue
        flagged += 1
        assert note.select_one(".sc-flag").get_text(strip=True) == "逾期未报"
        assert (
            note.select_one(".sc-due").get_text(strip=True) == f"应报至 {indicator['period_due']}"
        )
        chips = [chip.get_text(" ", strip=True) for chip in note.select(".sc-chip")]
        assert [chip["data-unit"] for chip in note.select(".sc-chip")] == [r["unit"] for r in late]
        for chip, row in zip(chips, late, strict=True):
            assert chip.endswith(f"报至 {row['latest_period']}"), chip
    assert flagged, "the demo has a unit 逾期未报"


def test_the_rectification_slide_says_when_the_ledger_was_last_updated(demo_site):
    page_date = soup(demo_site, "rectification/").select_one("[data-source-date=ledger]")
    assert page_date.get_text(strip=True).startswith("整改台账更新至 ")
    [(shell, _)] = slide_bodies(demo_site, "rectification")
    shown = shell.select_one(".sc-slide__title [data-source-date=ledger]")
    assert shown.get_text(strip=True) == page_date.get_text(strip=True)
    data = json.loads((demo_site / "data.json").read_text(encoding="utf-8"))
    month, day = data["ledger"]["updated"].split("-")[1:]
    assert shown.get_text(strip=True) == f"整改台账更新至 {int(month)}月{int(day)}日"


def test_a_unit_screen_marks_its_overdue_reports(demo_site):
    data = json.loads((demo_site / "data.json").read_text(encoding="utf-8"))
    late = {
        (row["unit"], indicator["id"]): row["latest_period"]
        for indicator in data["indicators"]
        for row in indicator["units"]
        if row["overdue_report"]
    }
    assert late
    for unit in {unit for unit, _ in late} | {data["units"][0]["id"]}:
        deck = soup(demo_site, f"screen/units/{unit}/")
        [shell] = deck.select("section[data-slide=unit-indicators]")
        path = demo_site / "screen" / "units" / unit / shell["data-src"]
        body = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        marked = {
            (unit, flag.find_parent("tr")["data-indicator"]): flag.get_text(strip=True)
            for flag in body.select("[data-report=overdue]")
        }
        mine = {key: f"逾期未报 · 报至 {period}" for key, period in late.items() if key[0] == unit}
        assert marked == mine, unit
