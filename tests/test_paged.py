"""Tables that grow with the units: 50 rows in the page, every row in the JSON beside it."""

from __future__ import annotations

import json
import re

import pytest
from bixue import build, generate
from bixue.charts import scores as charts_scores
from bixue.pages import indicator_page, paged
from bixue.pages import ledger as page_ledger
from bixue.pages import pairs as page_pairs
from bixue.pages import ranking as page_ranking
from bs4 import BeautifulSoup
from conftest import ROOT
from gen_campaign import Size
from gen_campaign import generate as generate_campaign
from hypothesis import given, settings
from hypothesis import strategies as st


@pytest.fixture(scope="module")
def board(tmp_path_factory):
    data = tmp_path_factory.mktemp("paged") / "data"
    generate_campaign(data, Size(60, 80, 2, 2, 2, 2, False))
    return build.load_board(ROOT, {"BOARD_DATA": str(data)}, "")


def test_a_long_table_keeps_fifty_rows_and_pages_the_rest(board):
    markdown, files = indicator_page.page(board, board.indicators[0])
    html = BeautifulSoup(markdown, "html.parser")
    box = html.select_one("[data-bx-paged]")
    assert box["data-total"] == "60" and box["data-page-size"] == "50"
    first = box.select("tbody tr")
    assert len(first) == 50
    data = json.loads(next(f for f in files if f.dest_uri == box_uri(box)).content)
    assert len(data["rows"]) == 60
    units = [BeautifulSoup(row, "html.parser").tr["data-unit"] for row in data["rows"]]
    assert units == [unit.id for unit in board.campaign.units]
    assert [tr["data-unit"] for tr in first] == units[:50]
    assert board.campaign.units[55].name in data["text"][55]


def box_uri(box) -> str:
    return "indicators/ind-1/" + box["data-bx-paged"]


def test_an_earlier_round_shows_its_first_ten_rows_and_pages_the_rest(board):
    markdown, files = page_ranking._page(board)
    html = BeautifulSoup(markdown, "html.parser")
    latest, earlier = (
        html.select_one(f'[data-bx-paged="{v.round.id}.json"]') for v in board.rounds[::-1]
    )
    assert latest["data-page-size"] == "50" and len(latest.select("tbody tr")) == 50
    assert earlier["data-page-size"] == "10" and len(earlier.select("tbody tr")) == 10
    data = json.loads(next(f for f in files if f.dest_uri == "ranking/r1.json").content)
    assert len(data["rows"]) == 60


def test_past_twelve_units_the_bump_chart_draws_the_latest_rounds_first_and_last_five(board):
    figure = charts_scores.ranking_bump(board).to_dict()
    ranked = [row.unit.label for row in board.latest_round.ranked()]
    assert [trace["name"] for trace in figure["data"]] == [*ranked[:5], *ranked[-5:]]
    assert figure["layout"]["title"]["text"] == "历次排名变化：最新一轮前五名和后五名"


def test_the_page_and_its_files_come_from_one_rendering(board):
    assert page_ranking._page(board) is page_ranking._page(board)
    names = {f.dest_uri for f in generate.all_files(board)}
    assert {f"ranking/{view.round.id}.json" for view in board.rounds} <= names
    assert "pairs/pairs.json" in names


def test_pairs_past_the_first_ten_are_a_paged_list(board):
    markdown, files = page_pairs._page(board)
    html = BeautifulSoup(markdown, "html.parser")
    assert len(html.select(".bx-chart")) == page_pairs.CHARTED
    box = html.select_one("[data-bx-paged]")
    assert box["data-total"] == "20"
    assert len(box.select("[data-bx-paged-body] > section")) == page_pairs.CHARTED
    data = json.loads(files[0].content)
    assert len(data["rows"]) == 20


def test_the_ledger_by_unit_table_of_sixty_units_is_paged(board):
    markdown, files = page_ledger._rendered(board)
    html = BeautifulSoup(markdown, "html.parser")
    box = html.select_one('[data-bx-paged="by-unit.json"]')
    assert box["data-total"] == "60" and len(box.select("tbody tr")) == 50
    data = json.loads(next(f for f in files if f.dest_uri == page_ledger.BY_UNIT_JSON).content)
    assert len(data["rows"]) == 60
    assert page_ledger.BY_UNIT_JSON in {f.dest_uri for f in generate.all_files(board)}


def test_a_short_table_is_left_whole():
    html = "<table><tbody>\n<tr><td>1</td></tr>\n<tr><td>2</td></tr>\n</tbody></table>"
    files: paged.Files = {}
    assert paged.table(html, "x.json", "", files) == html and not files


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["<tbody>", "</tbody>", " ", "\n", "\u3000", "<tr>", "x", "行"])))
def test_the_table_body_is_found_where_the_regular_expression_found_it(parts):
    """paged.body replaced a regular expression that was slow on long tables."""
    html = "".join(parts)
    found = re.search(r"(<tbody>\s*)(.*?)(\s*</tbody>)", html, re.S)
    assert paged.body(html) == (found.span(2) if found else None)
