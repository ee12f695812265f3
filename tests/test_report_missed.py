"""The 通报 flags 超标 and 未达标 where it names the units behind, as the pages do."""

from __future__ import annotations

import json

import docx
from conftest import soup

AS_OF = "2014-10-20"


def indicator_line(site, name: str) -> str:
    document = docx.Document(site / "downloads" / f"通报-{AS_OF}.docx")
    [line] = [p.text for p in document.paragraphs if p.text.startswith(name + "（")]
    return line


def missed_rows(site, indicator_id: str, word: str) -> list:
    data = json.loads((site / "data.json").read_text(encoding="utf-8"))
    names = {unit["id"]: unit["name"] for unit in data["units"]}
    [indicator] = [i for i in data["indicators"] if i["id"] == indicator_id]
    return [(names[r["unit"]], r) for r in indicator["units"] if r["missed"] == word]


def number(value) -> str:
    return f"{value:g}"


def test_a_down_indicator_over_its_cap_is_flagged_as_the_page_shows_it(demo_site):
    over = missed_rows(demo_site, "complaints", "超标")
    assert over, "the demo's 有效投诉 has units over the cap"
    line = indicator_line(demo_site, "有效投诉")
    page = soup(demo_site, "indicators/complaints/")
    named = []
    for name, row in over:
        shown = page.select_one(f"tr[data-unit={row['unit']}] .bx-completion")
        assert shown.get_text(" ", strip=True).startswith(
            f"{number(row['latest'])} / 上限 {number(row['target'])}"
        )
        named.append(f"{name}（{number(row['latest'])} / 上限 {number(row['target'])}）")
    assert f"超标的单位 {len(over)} 个：" + "、".join(named) in line
    assert "未达标" not in line


def test_a_level_indicator_under_its_target_is_flagged(demo_site):
    short = missed_rows(demo_site, "satisfaction", "未达标")
    assert short, "the demo's 顾客满意度 has units under the level"
    line = indicator_line(demo_site, "顾客满意度")
    named = [
        f"{name}（{number(row['latest'])} / 目标 {number(row['target'])}）" for name, row in short
    ]
    assert f"未达标的单位 {len(short)} 个：" in line
    for text in named:
        assert text in line
    assert "超标" not in line


def test_indicators_without_a_missed_target_name_none(demo_site):
    line = indicator_line(demo_site, "营业收入")
    assert "超标" not in line and "未达标" not in line
