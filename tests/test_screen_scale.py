"""The screen at 400 units: the rotation's page stays light and long lists page through."""

from __future__ import annotations

import datetime
import random

import pytest
from bixue.figures.board import compute_board
from bixue.model import (
    Campaign,
    Criterion,
    Evaluations,
    Indicator,
    Indicators,
    Notice,
    Phase,
    Plan,
    RectificationItem,
    Round,
    Unit,
)
from bixue.pages import screen as page_screen
from bixue.pages import screens_index
from bs4 import BeautifulSoup

DAY = datetime.date
UNITS = 400
MAX_ELEMENTS = 30_000
STATUSES = ("todo", "doing", "done", "verified")


def generated_campaign(size: int = UNITS) -> Campaign:
    """A campaign of `size` units in pairs, 20 items each, 4 rounds, 2 indicators, 100 notices."""
    rng = random.Random(11)
    units = tuple(Unit(f"u{n:03d}", f"第{n}服务区", short=f"{n}区") for n in range(size))
    ids = [u.id for u in units]
    rounds = tuple(
        Round(
            f"r{k}",
            f"第{k}轮评比",
            DAY(2014, 3 * k, 10),
            {i: {"a": rng.randint(60, 100)} for i in ids},
        )
        for k in range(1, 5)
    )
    ledger = tuple(
        RectificationItem(
            id=f"ZG-{n:05d}", unit=ids[n % size], problem=f"问题{n}：停车场标线模糊",
            status=STATUSES[n % 4], deadline=DAY(2014, 6, 1) + datetime.timedelta(days=n % 200),
            completed=DAY(2014, 6, 1) if STATUSES[n % 4] in ("done", "verified") else None,
        )
        for n in range(size * 20)
    )  # fmt: skip
    indicators = tuple(
        Indicator(f"i{k}", f"指标{k}", "万元", targets={i: 100 for i in ids},
                  values={i: {"Q1": rng.randint(0, 60), "Q2": rng.randint(30, 120)} for i in ids})
        for k in range(2)
    )  # fmt: skip
    plan = Plan(
        title="大规模测试活动",
        organization="测试局",
        start=DAY(2014, 1, 1),
        end=DAY(2014, 12, 31),
        phases=(Phase("p", "全年", DAY(2014, 1, 1), DAY(2014, 12, 31)),),
        pairs=tuple((ids[n], ids[n + 1]) for n in range(0, size - 1, 2)),
    )
    return Campaign(
        plan=plan,
        units=units,
        indicators=Indicators(("Q1", "Q2"), indicators),
        evaluations=Evaluations((Criterion("a", "综合", 100),), rounds),
        ledger=ledger,
        notices=tuple(
            Notice(f"n{n}", f"通知{n}", DAY(2014, 10, 1 + n % 20), "正文") for n in range(100)
        ),
    )


@pytest.fixture(scope="module")
def board():
    return compute_board(generated_campaign(), DAY(2014, 10, 20), site_url="http://board.example/")


def elements(html: str) -> int:
    return len(BeautifulSoup(html, "html.parser").find_all(True))


def test_the_campaign_screen_page_is_light_and_the_largest_slide_fits_the_budget(board):
    rotation = page_screen.rotations(board)[0]
    deck, files = page_screen.render_deck(board, rotation)
    assert len(deck.encode("utf-8")) < 60_000
    biggest = max(files, key=lambda file: len(file.content))
    # At any moment the page holds its deck and one slide's body.
    assert elements(deck) + elements(biggest.content) <= MAX_ELEMENTS
    assert len(biggest.content.encode("utf-8")) < 1_000_000


def test_long_lists_page_through_ten_at_a_time(board):
    rotation = page_screen.rotations(board)[0]
    _, files = page_screen.render_deck(board, rotation)
    ranking = next(f for f in files if f.dest_uri.startswith("screen-slides/ranking-"))
    pager = BeautifulSoup(ranking.content, "html.parser").select_one("[data-pager=ranking]")
    pages = pager.select(".sc-page")
    assert pager["data-pages"] == str(UNITS // 10) and len(pages) == UNITS // 10
    assert [len(page.select("tbody tr")) for page in pages] == [10] * (UNITS // 10)
    assert pages[0].select_one("tbody tr .sc-rank").get_text() == "1"


def test_a_units_rotation_is_light_too(board):
    rotation = next(r for r in page_screen.rotations(board) if r.unit and r.unit.id == "u123")
    deck, files = page_screen.render_deck(board, rotation)
    assert len(deck.encode("utf-8")) < 20_000
    assert max(elements(f.content) for f in files) + elements(deck) <= MAX_ELEMENTS
    names = [f.dest_uri.split("/")[1].rsplit("-", 1)[0] for f in files]
    assert names == list(page_screen.UNIT_SLIDES)


def test_screens_lists_every_rotation_without_inlining_their_qr_codes(board):
    (page,) = screens_index.pages(board)
    assert len(page.markdown.encode("utf-8")) < 1_000_000
    assert elements(page.markdown) <= MAX_ELEMENTS
    parsed = BeautifulSoup(page.markdown, "html.parser")
    assert len(parsed.select("[data-rotation]")) == UNITS + 1 and not parsed.select("svg")
    assert len(list(screens_index.files(board))) == UNITS + 1


def test_rank_charts_at_400_units_draw_ten_lines_and_about_ten_rank_ticks(board):
    from bixue.charts import scores

    bump = scores.ranking_bump(board).to_dict()
    ranked = [row.unit.label for row in board.latest_round.ranked()]
    assert [trace["name"] for trace in bump["data"]] == [*ranked[:5], *ranked[-5:]]
    assert bump["layout"]["yaxis"]["dtick"] == 50  # 400 ranks: a tick every 50th
    rounds = scores.unit_rounds(board, "u123").to_dict()
    assert rounds["layout"]["yaxis2"]["dtick"] == 50
    assert "最新一轮前五名和后五名" in bump["layout"]["meta"]["summary"]


def test_the_ledger_by_unit_chart_at_400_units_draws_the_20_with_most_unfinished(board):
    from bixue.charts import ledger

    figure = ledger.ledger_by_unit(board).to_dict()
    shown = figure["data"][0]["y"]
    assert len(shown) == ledger.MAX_BARS
    unfinished = {u.label: board.ledger_by_unit[u.id] for u in board.campaign.units}
    left = sorted((s.total - s.finished for s in unfinished.values()), reverse=True)
    assert [unfinished[label].total - unfinished[label].finished for label in shown] == left[:20]
    assert "最多的 20 个单位" in figure["layout"]["title"]["text"]
    assert figure["layout"]["height"] < 1000


def test_unit_bar_charts_at_400_units_draw_the_ten_at_each_end(board):
    from bixue.charts import MAX_BARS, indicators, scores

    totals = scores.ranking_totals(board).to_dict()
    ranked = [f"{row.rank}. {row.unit.label}" for row in board.latest_round.ranked()]
    assert all(trace["x"] == [*ranked[:10], *ranked[-10:]] for trace in totals["data"])
    assert "（前 10 名和后 10 名，共 400 个单位）" in totals["layout"]["title"]["text"]

    view = board.indicators[0]
    completion = indicators.indicator_completion(board, view).to_dict()
    shown = completion["data"][0]["x"]
    assert len(shown) == MAX_BARS
    by_label = {row.unit.label: row.completion for row in view.rows}
    ordered = sorted((c for c in by_label.values() if c is not None), reverse=True)
    assert [by_label[label] for label in shown] == [*ordered[:10], *ordered[-10:]]
    title = completion["layout"]["title"]["text"]
    assert "完成率最高和最低的各 10 个单位（共 400 个单位）" in title


def test_a_chart_description_names_ten_units_and_counts_the_rest(board):
    from bixue.charts import describe

    view = board.indicators[0]
    behind = [row.unit.label for row in view.rows if row.behind]
    assert len(behind) > describe.NAMED
    text = describe.indicator_completion(board, view)
    assert f"{'、'.join(behind[:10])}等 {len(behind)} 个单位" in text
    assert behind[10] not in text.split("等")[0]
