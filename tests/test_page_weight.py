"""No page grows without bound (issue 11): a wide campaign's pages all stay light, the long case
list is paged like the long tables, and the indicators are a page each."""

from __future__ import annotations

import json

import pytest
from bixue import build, generate
from bixue.pages import exemplars as page_exemplars
from bixue.pages import paged
from bs4 import BeautifulSoup
from conftest import ROOT
from gen_campaign import Size
from gen_campaign import generate as generate_campaign

SIZE = Size(units=100, items=400, cases=400, notices=20, rounds=8, indicators=20, monthly=True)
PAGE_BOUND = 300_000
"""Bytes of a page's generated Markdown (its HTML; the theme adds some 25 KB). Before issue 11
this campaign's indicators page was 1.9 MB, the case index 390 KB and the ranking 354 KB; the
heaviest page now is the ledger's, 236 KB."""


@pytest.fixture(scope="module")
def board(tmp_path_factory):
    data = tmp_path_factory.mktemp("weight") / "data"
    generate_campaign(data, SIZE)
    return build.load_board(ROOT, {"BOARD_DATA": str(data)}, "")


@pytest.fixture(scope="module")
def pages(board):
    return {page.src_uri: page.markdown for page in generate.all_pages(board)}


def test_every_page_of_a_wide_campaign_stays_under_the_bound(pages):
    sizes = {uri: len(text.encode("utf-8")) for uri, text in pages.items()}
    heavy = {uri: size for uri, size in sizes.items() if size > PAGE_BOUND}
    assert heavy == {}
    assert len(pages) > SIZE.units + SIZE.cases + SIZE.indicators


def test_every_indicator_has_its_page_and_the_overview_links_to_each(board, pages):
    overview = BeautifulSoup(pages["indicators.md"], "html.parser")
    links = [a["href"] for a in overview.select(".bx-indicator-overview tbody th a")]
    assert links == [f"ind-{n}/" for n in range(1, SIZE.indicators + 1)]
    for view, link in zip(board.indicators, links, strict=True):
        page = BeautifulSoup(pages[f"indicators/{link.rstrip('/')}.md"], "html.parser")
        key = view.indicator.id
        assert page.select_one(f"[data-bx-block=indicators][data-indicator={key}]")
        assert page.select_one(f"[data-bx-block=indicator-periods][data-indicator={key}]")
        charts = [figure["data-bx-chart"] for figure in page.select("figure.bx-chart-wrap")]
        assert charts == ["completion", "periods"]


def test_the_case_index_holds_the_newest_fifty_and_pages_every_case(board, pages):
    index = BeautifulSoup(pages[page_exemplars.INDEX_SRC], "html.parser")
    box = index.select_one(f'[data-bx-paged="{page_exemplars.CASES_JSON.split("/")[1]}"]')
    assert box["data-total"] == str(SIZE.cases) and box["data-noun"] == "个案例"
    cards = box.select("ul.bx-case-cards[data-bx-paged-body] > li.bx-case-card")
    assert len(cards) == paged.PAGE_SIZE
    files = {file.dest_uri: file for file in page_exemplars.files(board)}
    rows = json.loads(files[page_exemplars.CASES_JSON].content)["rows"]
    views = page_exemplars.case_views(board)
    hrefs = [BeautifulSoup(row, "html.parser").a["href"] for row in rows]
    assert hrefs == [f"{view.case.slug}/" for view in views]
    assert [card.a["href"] for card in cards] == hrefs[: paged.PAGE_SIZE]
    # The filters offer every case's category and unit, not only the first page's.
    units = {o["value"] for o in index.select("select[name=unit] option")} - {""}
    assert units == {view.unit.id for view in views}


def test_the_case_index_by_unit_is_paged_too(board, pages):
    index = BeautifulSoup(pages[page_exemplars.INDEX_SRC], "html.parser")
    box = index.select_one('[data-bx-paged="by-unit.json"]')
    assert len(box.select("tbody tr")) == paged.PAGE_SIZE
    files = {file.dest_uri: file for file in page_exemplars.files(board)}
    rows = json.loads(files[page_exemplars.BY_UNIT_JSON].content)["rows"]
    assert len(rows) == int(box["data-total"]) > paged.PAGE_SIZE
