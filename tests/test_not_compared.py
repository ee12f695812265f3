"""Campaigns that compare less: `ranking.black_list: false` (only the 红榜), tabs of pages without
data left out of the navigation, units with `compare: false` (listed, never ranked or counted)."""

from __future__ import annotations

import dataclasses

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
