"""Campaigns that compare less: `ranking.black_list: false` (only the 红榜), tabs of pages without
data left out of the navigation, units with `compare: false` (listed, never ranked or counted)."""

from __future__ import annotations

import dataclasses
import json
from fractions import Fraction

from bixue import charts
from bixue.figures.board import compute_board
from bixue.model import Slide
from bixue.pages import screen as page_screen
from boards import AS_OF
from conftest import built, soup
from test_load import campaign_copy
from test_screen import make_board, make_campaign, screen_soup


def test_without_a_black_list_only_the_red_list_is_shown():
    campaign = make_campaign((Slide("ranking"),))
    plan = dataclasses.replace(campaign.plan, black_list=False)
    board = compute_board(dataclasses.replace(campaign, plan=plan), AS_OF)
    red, black = page_screen.red_black(board.latest_round, black_list=False)
    assert [r.unit.id for r in red] == ["u1", "u2", "u3"] and black == ()
    chart = charts.home_top_bottom(board).to_dict()
    assert [t["name"] for t in chart["data"]] == ["红榜"]
    assert chart["layout"]["title"]["text"].startswith("红榜（")
    parsed = screen_soup(board)
    assert parsed.select(".sc-board--red li") and not parsed.select(".sc-board--black")
    with_black = screen_soup(make_board((Slide("ranking"),)))
    assert with_black.select(".sc-board--black li")  # the default keeps both


def test_campaign_yml_turns_the_black_list_off(tmp_path):
    from bixue.load import load_campaign

    data = campaign_copy(tmp_path)
    text = (data / "campaign.yml").read_text(encoding="utf-8")
    (data / "campaign.yml").write_text(text + "ranking: {black_list: false}\n", encoding="utf-8")
    assert load_campaign(data).plan.black_list is False


def test_tabs_of_pages_without_data_are_left_out_of_the_navigation(tmp_path):
    data = campaign_copy(tmp_path)
    text = (data / "campaign.yml").read_text(encoding="utf-8")
    (data / "campaign.yml").write_text(text.replace("pairs:\n  - [north, south]\n", ""), "utf-8")
    (data / "evaluations.yml").unlink()
    site = built(tmp_path / "site", data)
    tabs = [a.get_text(strip=True) for a in soup(site, "").select(".md-tabs a")]
    assert "结对比学" not in tabs and "评比排名" not in tabs
    assert "指标进度" in tabs and "整改台账" in tabs
    assert (site / "pairs" / "index.html").exists()  # still there for old links


# ---- units that are not compared ----

HELPED = "- id: east-2\n  name: 示例东停车区\n  compare: false\n"


def helped_campaign(tmp_path):
    data = campaign_copy(tmp_path)
    units = (data / "units.yml").read_text(encoding="utf-8")
    units = units.replace("- id: east-2\n  name: 示例东停车区\n", HELPED)
    (data / "units.yml").write_text(units, encoding="utf-8")
    return data


def test_a_unit_not_compared_takes_no_rank_no_indicator_row_and_no_denominator(tmp_path):
    from bixue.load import load_campaign

    before = compute_board(load_campaign(campaign_copy(tmp_path / "a")), AS_OF)
    assert "east-2" in [row.unit.id for row in before.latest_round.rows]  # 未参评 until now
    campaign = load_campaign(helped_campaign(tmp_path / "b"))
    board = compute_board(campaign, AS_OF)
    assert [unit.id for unit in board.compared_units] == ["north", "south"]
    for view in board.rounds:
        assert "east-2" not in [row.unit.id for row in view.rows], view.round.id
    for view in board.indicators:
        assert "east-2" not in [row.unit.id for row in view.rows], view.indicator.id
    assert [v.completion for v in board.indicators] == [v.completion for v in before.indicators]
    assert board.ledger_by_unit["east-2"].total == 1  # it still owns its ledger item
    assert board.ledger_stats == before.ledger_stats


def test_the_pages_list_it_but_rank_and_measure_it_nowhere(tmp_path):
    site = built(tmp_path / "site", helped_campaign(tmp_path))
    row = soup(site, "units/").select_one("tr[data-unit=east-2]")
    assert row.select_one("[data-compare=false]").get_text(strip=True) == "不参与比较"
    for url in ("ranking/", "indicators/", "pairs/"):
        assert not soup(site, url).select("[data-unit=east-2]"), url
    page = soup(site, "units/east-2/")
    assert page.select_one("[data-bx-block=unit-facts] [data-compare=false]")
    headings = [h2.get_text(strip=True).rstrip("¶") for h2 in page.select("h2")]
    assert "评比成绩" not in headings and "指标进度" not in headings and "整改事项" in headings


def test_scores_values_and_pairs_naming_it_are_errors(tmp_path):
    from conftest import load_errors

    data = helped_campaign(tmp_path)
    scores = (data / "evaluations.yml").read_text(encoding="utf-8")
    scores = scores.replace(
        "      south: {service: 28, facilities: 0}\n",
        "      south: {service: 28, facilities: 0}\n      east-2: {service: 20, facilities: 10}\n",
    )
    (data / "evaluations.yml").write_text(scores, encoding="utf-8")
    plan = (data / "campaign.yml").read_text(encoding="utf-8")
    (data / "campaign.yml").write_text(
        plan.replace("  - [north, south]\n", "  - [north, south]\n  - [north, east-2]\n"),
        encoding="utf-8",
    )
    found = [str(error) for error in load_errors(data)]
    assert len(found) == 2
    assert (
        found[0].startswith("data/campaign.yml:")
        and "pairs: 示例东停车区（east-2）不参与比较" in found[0]
    )
    assert found[1].startswith("data/evaluations.yml:") and "scores.east-2:" in found[1]


# ---- groups of up to four in pairs ----


def grouped_campaign(tmp_path, group: str = "[north, south, east-2]"):
    data = campaign_copy(tmp_path)
    plan = (data / "campaign.yml").read_text(encoding="utf-8")
    plan = plan.replace("  - [north, south]\n", f"  - {group}\n")
    (data / "campaign.yml").write_text(plan + "unit_screens: true\n", encoding="utf-8")
    return data


def test_a_group_of_three_is_shown_side_by_side(tmp_path):
    site = built(tmp_path / "site", grouped_campaign(tmp_path))
    pairs = soup(site, "pairs/")
    (section,) = pairs.select("[data-bx-block=pairs]")
    assert section["data-pair"] == "north~south~east-2"
    head = [th.get_text(strip=True) for th in section.select(".bx-pair-scores thead th")]
    assert head == ["评比项目", "示例北服务区", "示例南服务区", "示例东停车区"]  # no 差值 column
    total = [td.get_text(strip=True) for td in section.select("tr[data-criterion=total] td")]
    assert len(total) == 3  # the latest round has no scores yet: three 未参评 columns
    ranks = [td.get_text(strip=True) for td in section.select("tr[data-criterion=rank] td")]
    assert ranks == ["未参评"] * 3
    unit = soup(site, "units/east-2/").select_one("[data-bx-block=unit-pairs] li")
    assert [a.get_text() for a in unit.select("a")] == ["示例北服务区", "示例南服务区"]
    listed = soup(site, "campaign/").select_one("[data-bx-block=pair-list] li")
    assert listed["data-group-size"] == "3" and len(listed.select("a")) == 3
    screen = soup(site, "screen/units/south/")
    slides = [
        screen,
        *(soup(site, str(p.relative_to(site))) for p in (site / "screen-slides").rglob("*.html")),
    ]
    duel = next(page.select_one(".sc-duel") for page in slides if page.select_one(".sc-duel"))
    sides = [th["data-unit"] for th in duel.select("thead th[data-unit]")]
    assert sides == ["south", "north", "east-2"]  # the unit first, then its group


def test_a_group_of_five_is_an_error(tmp_path):
    from conftest import load_errors

    data = grouped_campaign(tmp_path, "[north, south, east-2, north, south]")
    (error,) = [str(e) for e in load_errors(data)]
    assert "pairs: 每一组必须是两到四个单位，实际为 5 个" in error


# ---- indicators of the whole campaign ----

WHOLE_INDICATOR = """\
  - id: star-kindergartens
    name: 片区园评上省三级
    unit: 所
    scope: whole
    target: 2
    values: {2014-Q1: 0, 2014-Q2: 1}
"""


def whole_campaign(tmp_path, indicator: str = WHOLE_INDICATOR):
    data = campaign_copy(tmp_path)
    text = (data / "indicators.yml").read_text(encoding="utf-8")
    (data / "indicators.yml").write_text(text + indicator, encoding="utf-8")
    plan = (data / "campaign.yml").read_text(encoding="utf-8")
    (data / "campaign.yml").write_text(plan + "terms: {whole: 全片区}\n", encoding="utf-8")
    return data


def test_an_indicator_of_the_whole_is_one_row_under_the_whole_term(tmp_path):
    from bixue.load import load_campaign

    data = whole_campaign(tmp_path)
    board = compute_board(load_campaign(data), AS_OF)
    view = next(v for v in board.indicators if v.indicator.id == "star-kindergartens")
    ((row),) = view.rows
    assert (row.unit.name, row.latest, row.target) == ("全片区", 1, 2)
    assert row.completion == Fraction(1, 2) and view.completion == Fraction(1, 2)
    assert row.behind is False  # 50% against 39.9%
    site = built(tmp_path / "site", data)
    page = soup(site, "indicators/star-kindergartens/")
    rows = page.select("[data-bx-block=indicator-latest] tbody tr, table tbody tr[data-unit]")
    names = {
        tr.select_one(".bx-unit").get_text(strip=True) for tr in rows if tr.select_one(".bx-unit")
    }
    assert names == {"全片区"} and not page.select("a.bx-unit[href*='units//']")
    for unit in ("north", "south"):  # no unit page shows it
        assert not soup(site, f"units/{unit}/").select("[data-indicator=star-kindergartens]")
    data_json = json.loads((site / "data.json").read_text(encoding="utf-8"))
    entry = next(i for i in data_json["indicators"] if i["id"] == "star-kindergartens")
    assert entry["scope"] == "whole" and entry["completion_pct"] == "50.0%"


def test_an_indicator_of_the_whole_has_one_target(tmp_path):
    from conftest import load_errors

    data = whole_campaign(tmp_path, WHOLE_INDICATOR.replace("target: 2", "target: {north: 2}"))
    (error,) = [str(e) for e in load_errors(data)]
    assert "target: scope: whole 的指标只写一个目标数" in error
