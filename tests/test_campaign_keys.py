"""Every key this round added to the YAML plan (working days and breaks, the 黑榜 switch, stale
days, archive keep, units not compared, groups of three and four, indicators of the whole and
counted from the honours, tasks with counted targets) has its place in campaign.xlsx: the plan
downloaded and read back gives the same records, and the cells read as the clerk means them."""

from __future__ import annotations

import datetime
import shutil

import openpyxl
from bixue import model
from bixue.load import load_campaign
from bixue.load.plan_parts import load_plan_parts
from bixue.outputs.campaign_workbook import campaign_xlsx
from conftest import ROOT
from test_campaign_workbook import PLAN_FILES, fields_of

MORE_PLAN = """
time_progress:
  by: workdays
  breaks:
    - {name: 暑假, start: 2014-07-10, end: 2014-08-20}
ranking: {black_list: false}
stale_days: 30
archive: {keep: 5}
"""
HELPED = """- id: youeryuan
  name: 濮阳南幼儿园
  compare: false
"""
MORE_INDICATORS = """  - id: provincial-kindergartens
    name: 评上省级示范园
    unit: 所
    scope: whole
    target: 2
    values: {2014-Q1: 0, 2014-Q2: 1}
  - id: papers
    name: 省级以上论文
    unit: 篇
    target: 1
    source: {achievements: {kind: 论文, level: 省级}}
  - id: visits-attended
    name: 参加观摩
    unit: 次
    target: 1
    source: {activities: attended, kind: 观摩}
"""


def richer_demo(tmp_path):
    """The demo's data with every key of this round written in YAML."""
    data = tmp_path / "yaml" / "data"
    shutil.copytree(ROOT / "data", data)
    plan = (data / "campaign.yml").read_text(encoding="utf-8")
    plan = plan.replace("  - [puyang-south, fengquan]\n", "  - [puyang-south, fengquan, nanle]\n")
    plan = plan.replace("  - [nanle, weihui]\n", "  - [weihui, hebi, qingfeng, qixian]\n")
    (data / "campaign.yml").write_text(plan + MORE_PLAN, encoding="utf-8")
    units = (data / "units.yml").read_text(encoding="utf-8")
    (data / "units.yml").write_text(units + HELPED, encoding="utf-8")
    indicators = (data / "indicators.yml").read_text(encoding="utf-8")
    (data / "indicators.yml").write_text(indicators + MORE_INDICATORS, encoding="utf-8")
    return data


def in_workbook(tmp_path, data):
    """The same data with the downloaded campaign.xlsx in place of the YAML plan."""
    moved = tmp_path / "book" / "data"
    shutil.copytree(data, moved)
    for name in PLAN_FILES:
        (moved / name).unlink()
    stamp = datetime.datetime(2014, 10, 20)
    (moved / "campaign.xlsx").write_bytes(campaign_xlsx(load_plan_parts(data), stamp))
    return moved


def test_every_key_of_this_round_reads_back_from_the_download(tmp_path):
    data = richer_demo(tmp_path)
    from_yaml = load_campaign(data)
    plan = from_yaml.plan
    assert plan.time_progress.by == model.WORKDAYS and plan.time_progress.breaks
    assert (plan.black_list, plan.stale_days, plan.archive_keep) == (False, 30, 5)
    assert ("puyang-south", "fengquan", "nanle") in plan.pairs
    assert not from_yaml.units[-1].compare
    whole, papers, visits = from_yaml.indicators.indicators[-3:]
    assert whole.scope == model.WHOLE and papers.source.level == "省级"
    assert visits.source.kind == "观摩"
    assert any(project.targets for project in from_yaml.projects.projects)
    from_book = load_campaign(in_workbook(tmp_path, data))
    assert fields_of(from_book) == fields_of(from_yaml)


def test_the_cells_of_these_keys_read_as_written(tmp_path):
    moved = in_workbook(tmp_path, richer_demo(tmp_path))
    book = openpyxl.load_workbook(moved / "campaign.xlsx")
    settings = {row[0]: row[1] for row in book["活动"].iter_rows(min_row=2, values_only=True)}
    assert settings["序时进度"] == "按工作日" and settings["列黑榜"] == "否"
    assert settings["未更新提示天数"] == 30 and settings["往期保留份数"] == 5
    summer = [datetime.datetime(2014, 7, 10), datetime.datetime(2014, 8, 20)]
    assert [c.value for c in book["假期"][2]] == ["暑假", *summer]
    pairs = [tuple(c.value for c in row) for row in book["结对"].iter_rows(min_row=2)]
    assert sorted(sum(cell is not None for cell in row) for row in pairs) == [2, 2, 2, 3, 4]
    assert pairs[0][:3] == ("濮阳南停车区", "凤泉停车区", "南乐停车区")
    units = {row[1]: row[5] for row in book["单位"].iter_rows(min_row=2, values_only=True)}
    assert units["濮阳南幼儿园"] == "否"
    headers = [c.value for c in book["指标"][1]]
    rows = {
        row[1]: dict(zip(headers, row, strict=True))
        for row in book["指标"].iter_rows(min_row=2, values_only=True)
    }
    assert rows["评上省级示范园"]["范围"] == "整体" and rows["评上省级示范园"]["目标"] == 2
    assert rows["省级以上论文"]["来源"] == "荣誉成果：论文：省级"
    assert rows["参加观摩"]["来源"] == "参加活动：观摩"
    values = [row for row in book["指标数值"].iter_rows(min_row=2, values_only=True)]
    assert ("provincial-kindergartens", "整体", 0, 1, None, None) in values
    assert not [row for row in values if row[0] in ("papers", "visits-attended")]
    assert book["目标任务"].max_row > 1
    # A clerk writes them by hand the same way: 主办活动 alone, 荣誉成果 with a level only.
    book["指标"].cell(row=len(rows), column=headers.index("来源") + 1, value="荣誉成果：市级")
    book.save(moved / "campaign.xlsx")
    papers = load_campaign(moved).indicators.indicators[-2]
    found = (papers.source.log, papers.source.kind, papers.source.level)
    assert found == ("achievements", "", "市级")


def test_slips_in_these_cells_name_the_cell(tmp_path):
    from bixue.errors import DataErrors

    moved = in_workbook(tmp_path, richer_demo(tmp_path))
    book = openpyxl.load_workbook(moved / "campaign.xlsx")
    headers = [c.value for c in book["指标"][1]]
    last = book["指标"].max_row
    book["指标"].cell(row=last, column=headers.index("来源") + 1, value="参加会议")
    values = book["指标数值"]
    for row in values.iter_rows(min_row=2):
        if row[0].value == "provincial-kindergartens":
            row[1].value = "濮阳南停车区"
    book.save(moved / "campaign.xlsx")
    try:
        load_campaign(moved)
    except DataErrors as errors:
        said = [f"{e.cell} {e.message} {e.hint}" for e in errors.errors]
    else:
        raise AssertionError("no error")
    assert any("指标!K" in line and "参加会议" in line for line in said), said
    assert any("范围为整体的指标只有一组数值" in line and "整体" in line for line in said), said
    assert len(said) == 2, said
