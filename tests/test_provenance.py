"""Where each figure came from (internal build): every place named holds the value shown; the
public build shows no path and no data file's name."""

from __future__ import annotations

import json
import re
from functools import cache

import openpyxl
import pytest
from conftest import ROOT, soup


@cache
def workbook(path: str):
    return openpyxl.load_workbook(ROOT / path, data_only=True)


def written_at(where: str) -> str:
    """The text at a place: a YAML line, or a workbook cell's value."""
    path, _, place = where.rpartition(":")
    if "!" in place:
        sheet, cell = place.split("!")
        value = workbook(path)[sheet][cell].value
        return "" if value is None else str(value)
    return (ROOT / path).read_text(encoding="utf-8").splitlines()[int(place) - 1]


def number_text(text: str) -> str:
    return text.replace(",", "").removesuffix(".0")


def test_indicator_values_and_targets_are_where_they_say(demo_site):
    page = soup(demo_site, "indicators/revenue/")
    checked = 0
    for row in page.select("[data-bx-block=indicators] tbody tr[data-unit]"):
        for cell_class in ("bx-latest",):
            cell = row.select_one(f"td.{cell_class}")
            shown = number_text(cell.get_text(strip=True).removesuffix("万元"))
            assert shown in number_text(written_at(cell["data-source"])), cell
            checked += 1
        target = row.select("td")[2]
        target_shown = re.match(r"[\d.]+", target.get_text(strip=True)).group()
        assert target_shown in written_at(target["data-source"])
        completion = row.select_one("td.bx-completion")
        assert completion["data-source"] == f"{cell['data-source']}；{target['data-source']}"
    assert checked == 10
    details = page.select("[data-sources=board-completion] li")
    assert len(details) == 10


def test_scores_are_where_they_say(demo_site):
    page = soup(demo_site, "ranking/")
    latest = page.select_one("[data-bx-block=ranking-latest]")
    cells = latest.select("td[data-criterion]")
    assert len(cells) == 40
    for cell in cells:
        # A score written on its row's line is named once, on the row's total.
        where = (
            cell.get("data-source")
            or cell.find_parent("tr").select_one("td.bx-total")["data-source"]
        )
        text = written_at(where)
        if ".yml:" in where:
            assert f"{cell['data-criterion']}: {cell.get_text(strip=True)}" in text
        else:
            assert number_text(text) == cell.get_text(strip=True)
    total = latest.select_one("tr[data-unit] td.bx-total")
    assert total["data-source"]


def test_ledger_items_and_files_are_named(demo_site):
    page = soup(demo_site, "rectification/")
    files = [code["data-source"] for code in page.select("[data-sources=ledger] code")]
    assert files == sorted(
        f"data/rectifications/{p.name}"
        for p in (ROOT / "data" / "rectifications").iterdir()
        if p.suffix in (".yml", ".xlsx")
    )
    for row in page.select("table.bx-ledger-overdue tr[data-item]"):
        where = row.select_one("td")["data-source"]
        assert row["data-item"] in written_at(where), where


def test_data_json_carries_the_same_places(demo_site):
    data = json.loads((demo_site / "data.json").read_text(encoding="utf-8"))
    page = soup(demo_site, "indicators/revenue/")
    revenue = next(i for i in data["indicators"] if i["id"] == "revenue")
    for row in revenue["units"]:
        cell = page.select_one(f"tr[data-unit={row['unit']}] td.bx-latest")
        assert row["source"]["latest"] == cell["data-source"]
    assert [s["path"] for s in data["ledger"]["sources"]]
    assert all("source" in r for r in data["rounds"][-1]["ranking"] if r["rank"] is not None)


def files_of(site):
    for path in site.rglob("*"):
        if path.suffix in (".html", ".json", ".xml"):
            yield path, path.read_text(encoding="utf-8")


DOWNLOAD_NAMES = {"ledger.xlsx", "indicators.xlsx", "evaluations.xlsx", "projects.xlsx"}
"""Names the public build uses for its own downloads and the layouts they follow."""


@pytest.mark.parametrize("marker", ['data-source="', 'data-sources="', "bx-sources"])
def test_the_public_build_shows_no_source(public_site, marker):
    assert [path for path, text in files_of(public_site) if marker in text] == []


def test_the_public_build_names_no_data_file(public_site):
    data_files = {p.name for p in (ROOT / "data").rglob("*") if p.is_file()} - DOWNLOAD_NAMES
    found = []
    for path, text in files_of(public_site):
        found += [(path.name, m) for m in re.findall(r"[\w.-]+\.(?:ya?ml|xlsx|md):\S*", text)]
        found += [(path.name, name) for name in data_files if name in text]
        found += [(path.name, "data/rectifications") for _ in [1] if "data/rectifications" in text]
    assert found == []
    data = json.loads((public_site / "data.json").read_text(encoding="utf-8"))
    assert "sources" not in data["ledger"]
    assert not [r for i in data["indicators"] for r in i["units"] if "source" in r]


def test_ledger_table_rows_name_their_place(demo_site):
    """Each row of the ledger table (HTML first page, and every row of its JSON) names the line
    or cell its item was read from, on the 编号 cell."""
    data = json.loads((demo_site / "rectification" / "ledger.json").read_text(encoding="utf-8"))
    for row in data["rows"]:
        assert row["id"] in written_at(row["src"]), row["src"]
    assert all(row["src"].startswith("data/rectifications/") for row in data["rows"])
    places = {row["id"]: row["src"] for row in data["rows"]}
    cells = soup(demo_site, "rectification/").select("#bx-ledger-table tbody th[data-source]")
    assert len(cells) == len(data["rows"]) == 43
    for cell in cells:
        assert cell["data-source"] == places[cell.get_text(strip=True)]
        assert cell["title"] == "来源：" + cell["data-source"]


def test_the_public_ledger_table_names_no_place(public_site):
    data = json.loads((public_site / "rectification" / "ledger.json").read_text(encoding="utf-8"))
    assert data["rows"] and not [row for row in data["rows"] if "src" in row]
    page = soup(public_site, "rectification/")
    assert page.select("#bx-ledger-table tbody th") and not page.select(
        "#bx-ledger-table th[title]"
    )
