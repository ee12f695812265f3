"""The campaign's own words (terms), indicators for some units only (applies_to) and growth
targets (baseline + growth): loaded, computed and shown as the contract says."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from bixue.errors import DataErrors
from bixue.figures.board import compute_board
from bixue.load import load_campaign
from bixue.model import Terms
from conftest import ROOT, built, soup
from test_load import campaign_copy, edited

DEMO = ROOT / "data"
GROWTH = """  - id: forest
    name: 森林面积
    unit: 亩
    applies_to: {group: 东片}
    baseline: 2600
    growth: 10
    values:
      north: {2014-Q1: 1500}
"""


def indicators_with(extra: str) -> dict:
    text = (ROOT / "tests/golden/valid-minimal/data/indicators.yml").read_text(encoding="utf-8")
    return {"indicators.yml": text + extra}


def test_terms_default_and_as_written(tmp_path):
    assert load_campaign(campaign_copy(tmp_path / "a")).plan.terms == Terms("全部单位", "分组")
    data = campaign_copy(
        tmp_path / "b", edited("campaign.yml", "as_of:", "terms: {whole: 全乡}\nas_of:")
    )
    assert load_campaign(data).plan.terms == Terms("全乡", "分组")


def test_growth_sets_the_target_and_applies_to_a_group_leaves_the_others_out(tmp_path):
    campaign = load_campaign(campaign_copy(tmp_path, indicators_with(GROWTH)))
    forest = campaign.indicators.indicators[-1]
    assert forest.applies_to == ("north", "south")
    assert forest.targets == {"north": 2860, "south": 2860}  # 2600 × 1.1, exact
    board = compute_board(campaign, campaign.plan.as_of)
    view = board.indicators[-1]
    assert [row.unit.id for row in view.rows] == ["north", "south"]  # east-2: counted nowhere
    assert view.completion == pytest.approx(1500 / 2860)  # south reported nothing: not counted


def test_applies_to_a_list_keeps_units_yml_order(tmp_path):
    extra = GROWTH.replace("{group: 东片}", "[east-2, north]").replace(
        "north: {2014-Q1", "north: {2014-Q1"
    )
    campaign = load_campaign(campaign_copy(tmp_path, indicators_with(extra)))
    assert campaign.indicators.indicators[-1].applies_to == ("north", "east-2")


@pytest.mark.parametrize(
    "old,new,message",
    [
        (
            "    growth: 10\n",
            "    growth: 10\n    target: 3000\n",
            "target: 写了 growth 就不能再写 target",
        ),
        ("    growth: 10\n", "", "growth: 写了 baseline 就要写 growth"),
        ("{group: 东片}", "{group: 西片}", "没有单位属于这个分组：'西片'"),
        (
            "      north: {2014-Q1: 1500}",
            "      east-2: {2014-Q1: 1500}",
            "这个指标不适用于 'east-2'",
        ),
        ("baseline: 2600", "baseline: 0", "基期数必须大于 0"),
    ],
)
def test_growth_and_applies_to_errors(tmp_path, old, new, message):
    assert old in GROWTH
    data = campaign_copy(tmp_path, indicators_with(GROWTH.replace(old, new)))
    with pytest.raises(DataErrors) as caught:
        load_campaign(data)
    assert any(message in str(error) for error in caught.value.errors), str(caught.value)


def test_the_indicators_page_shows_the_baseline_and_growth_plainly(tmp_path):
    site = built(tmp_path / "site", campaign_copy(tmp_path, indicators_with(GROWTH)))
    block = soup(site, "indicators/forest/").select_one("[data-indicator=forest]")
    assert block.select_one(".bx-growth").get_text() == "基期 2600 亩，目标增长 10% → 目标 2860 亩"
    assert block.select_one(".bx-applies").get_text() == "适用于 北区、南区（2 个单位）"
    assert [tr["data-unit"] for tr in block.select("tbody tr")] == ["north", "south"]
    unit_page = soup(site, "units/east-2/")
    assert not unit_page.select("[data-indicator=forest], tr[data-indicator=forest]")
    assert "森林面积" not in unit_page.get_text()


# ---- terms everywhere: no fixed 片区 anywhere in a campaign that does not say it ----


@pytest.fixture(scope="module")
def township_site(tmp_path_factory):
    """The demo with every 片区 of its data rewritten and terms 全乡 / 条线."""
    data = tmp_path_factory.mktemp("township") / "data"
    shutil.copytree(DEMO, data)
    for file in data.rglob("*"):
        if file.suffix in (".yml", ".md"):
            file.write_text(file.read_text(encoding="utf-8").replace("片区", "乡"), "utf-8")
    campaign = data / "campaign.yml"
    text = campaign.read_text(encoding="utf-8")
    text = re.sub(
        r"terms:\n  whole: .*\n  group: .*\n", "terms: {whole: 全乡, group: 条线}\n", text
    )
    campaign.write_text(text, encoding="utf-8")
    return built(tmp_path_factory.mktemp("township-site") / "site", data)


def built_texts(site: Path):
    for file in site.rglob("*"):
        if file.suffix in (".html", ".json", ".xml", ".csv", ".js", ".css", ".txt"):
            yield file, file.read_text(encoding="utf-8", errors="replace")
        elif file.suffix == ".xlsx":
            with zipfile.ZipFile(file) as book:
                yield file, "".join(book.read(name).decode("utf-8") for name in book.namelist())


def test_no_built_file_says_a_fixed_pianqu(township_site):
    found = [str(file) for file, text in built_texts(township_site) if "片区" in text]
    assert not found


def test_the_campaigns_words_are_used_instead(township_site):
    home = soup(township_site, "").select_one("[data-bx-block=headline]").get_text()
    assert "全乡合计" in home
    assert "全乡完成率" in soup(township_site, "indicators/").get_text()
    facts = soup(township_site, "units/hebi/").select_one("[data-bx-block=unit-facts]")
    assert "条线" in facts.get_text()
    screen = soup(township_site, "screen/").select_one("[data-slide=indicators]").get_text()
    assert "全乡完成率" in screen


def test_no_code_or_template_holds_a_fixed_pianqu():
    package = ROOT / "hooks" / "bixue"
    files = [*package.rglob("*.py"), *package.rglob("*.html"), *(ROOT / "overrides").rglob("*")]
    assert not [f for f in files if f.is_file() and "片区" in f.read_text(encoding="utf-8")]


def test_the_indicators_workbook_lists_only_the_units_an_indicator_applies_to():
    import io

    from bixue.outputs import score_sheets
    from openpyxl import load_workbook

    campaign = load_campaign(DEMO)
    board = compute_board(campaign, campaign.plan.as_of)
    book = load_workbook(io.BytesIO(score_sheets.indicators_xlsx(board)))
    rows = list(book["便利店销售额"].iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in rows] == [
        "濮阳服务区",
        "鹤壁服务区",
        "清丰服务区",
        "浚县服务区",
        "新乡东服务区",
    ]
    assert rows[0][-1] == 220  # 200 × 1.1


def test_a_workbook_value_for_a_unit_the_indicator_does_not_concern_is_an_error(tmp_path):
    from openpyxl import Workbook

    data = campaign_copy(tmp_path, indicators_with(GROWTH.split("    values:")[0]))
    book = Workbook()
    sheet = book.active
    sheet.title = "森林面积"
    for row in (["单位", "2014-Q1"], ["north", 1500], ["east-2", 900], ["south", None]):
        sheet.append(row)
    book.save(data / "indicators.xlsx")
    with pytest.raises(DataErrors) as caught:
        load_campaign(data)
    assert [str(e) for e in caught.value.errors] == [
        "data/indicators.xlsx:森林面积!A3: 单位: 这个指标不适用于 'east-2'"
        "（把它加进 indicators.yml 的 applies_to，或者删掉这一行）"
    ]
