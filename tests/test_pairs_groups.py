"""A group of three units in `pairs`: pairs/ shows its scores side by side with the gap chart a
pair gets, one bar trace per unit, the values those of the group's table."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, built, soup

GROUP = ("puyang-south", "fengquan", "hebi")


@pytest.fixture(scope="module")
def group_site(tmp_path_factory) -> Path:
    """The demo with its first pair grown to a group of three (and hebi's own pair dropped)."""
    root = tmp_path_factory.mktemp("group")
    data = root / "data"
    shutil.copytree(ROOT / "data", data)
    plan = (data / "campaign.yml").read_text(encoding="utf-8")
    plan = plan.replace("  - [puyang-south, fengquan]\n", f"  - [{', '.join(GROUP)}]\n")
    plan = plan.replace("  - [hebi, qingfeng]\n", "")
    (data / "campaign.yml").write_text(plan, encoding="utf-8")
    return built(root / "site", data)


def group_chart(site: Path):
    page = soup(site, "pairs/")
    section = page.select_one(f'[data-bx-block=pairs][data-pair="{"~".join(GROUP)}"]')
    chart = section.find_next("figure", class_="bx-chart-wrap")
    return section, chart


def test_a_group_of_three_gets_the_gap_chart_one_trace_per_unit(group_site):
    section, chart = group_chart(group_site)
    assert chart["data-bx-chart"] == "pair-scores"
    figure = json.loads(chart.select_one(".bx-chart")["data-figure"])
    head = [th.get_text(strip=True) for th in section.select(".bx-pair-scores thead th")][1:]
    names = [trace["name"] for trace in figure["data"]]
    assert len(names) == 3 and all(
        full.startswith(short) for short, full in zip(names, head, strict=True)
    )
    assert {trace["type"] for trace in figure["data"]} == {"bar"}
    totals = [td.get_text(strip=True) for td in section.select("tr[data-criterion=total] td")]
    assert [trace["text"][-1] for trace in figure["data"]] == totals
    assert figure["data"][0]["y"][-1].startswith("总分<br>")
    assert "最高" in chart.select_one(".bx-chart")["aria-label"]


def test_pairs_of_two_keep_their_chart(group_site):
    names = [f["data-bx-chart"] for f in soup(group_site, "pairs/").select("figure.bx-chart-wrap")]
    assert names == ["pair-scores"] * 4
