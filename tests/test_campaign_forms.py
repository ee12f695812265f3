"""data/campaign.xlsx read through the same value forms as every other file: ids left blank made
from names, dates typed as text, 是/否, units and records by name, percent cells, merged cells,
per_period counts; a hand-written id of the wrong form is one error suggesting the made id."""

from __future__ import annotations

import datetime
import io
import re
from pathlib import Path

import openpyxl
from bixue.__main__ import main
from bixue.load import load_campaign
from bixue.load.campaign_layout import table
from bixue.outputs.campaign_starter import starter_xlsx
from conftest import ROOT, load_errors, minimal_campaign


def starter(tmp_path: Path) -> openpyxl.Workbook:
    (tmp_path / "data").mkdir()
    return openpyxl.load_workbook(io.BytesIO(starter_xlsx(2026)))


def saved(tmp_path: Path, book: openpyxl.Workbook) -> Path:
    book.save(tmp_path / "data" / "campaign.xlsx")
    return tmp_path / "data"


def as_clerk_writes(book: openpyxl.Workbook) -> openpyxl.Workbook:
    """The starter filled in as a clerk would: no ids, names everywhere, dates and 是/否 typed
    as text, a percent cell, a merged cell, monthly counts."""
    for name in ("单位", "阶段", "指标", "评比内容", "评比", "大屏"):
        for row in range(2, book[name].max_row + 1):
            book[name].cell(row, 1).value = None
    settings = book["活动"]
    for row in range(2, settings.max_row + 1):
        label = settings.cell(row, 1).value
        typed = {"开始日期": "2026/1/1", "结束日期": "2026年12月31日", "单位大屏": "否"}
        if label in typed:
            settings.cell(row, 2).value = typed[label]
    book["阶段"]["C2"], book["阶段"]["D2"] = "2026.1.1", "2026-12-31"
    book["领导小组"]["B2"] = "张伟，李强"
    book["结对"]["A2"], book["结对"]["B2"] = "办公室", "财务科"
    book["时期"]["A3"] = "2026-Q2"
    indicators = book["指标"]
    indicators["F2"] = "是"  # 当期数: each quarter's own count
    indicators.append(["", "群众满意率", "%", "越高越好", "否", None, 90])
    indicators["A3"] = None
    for row in (2, 3):
        book["指标目标"].cell(row, 1).value = "便民服务次数"
    values = book["指标数值"]
    values["D1"] = "2026-Q2"
    values["A2"], values["B2"], values["C2"], values["D2"] = "便民服务次数", "办公室", 30, 20
    values.append(["群众满意率", "办公室", 0.95, 0.97])
    values.append([None, "财务科", "92%", 0.9])
    values.merge_cells("A3:A4")  # one 指标 cell over both units' rows (a WPS habit)
    for cell in ("C3", "D3", "D4"):
        values[cell].number_format = "0%"
    book["评分"]["A2"] = "第一季度评比"
    book["评比"]["C2"] = "2026-3-31"
    return book


def test_a_workbook_written_as_a_clerk_writes_it_reads_as_meant(tmp_path):
    data = saved(tmp_path, as_clerk_writes(starter(tmp_path)))
    campaign = load_campaign(data)
    assert [unit.id for unit in campaign.units] == ["bangongshi", "caiwuke"]
    plan = campaign.plan
    assert (plan.start, plan.end) == (datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
    assert [(p.id, p.start) for p in plan.phases] == [("dongyuanbushu", datetime.date(2026, 1, 1))]
    assert plan.leading_group[0].members == ("张伟", "李强")
    assert plan.pairs == (("bangongshi", "caiwuke"),) and plan.unit_screens is False
    assert [screen.id for screen in plan.screens] == ["datingzhanshiping"]
    assert [(s.name, s.seconds) for s in plan.screens[0].screen.slides] == [
        ("overview", None),
        ("ranking", 20),
    ]
    served, pleased = campaign.indicators.indicators
    assert (served.id, served.per_period) == ("bianminfuwucishu", True)
    assert served.counts["bangongshi"] == {"2026-Q1": 30, "2026-Q2": 20}
    assert served.values["bangongshi"] == {"2026-Q1": 30, "2026-Q2": 50}
    assert served.targets == {"bangongshi": 120, "caiwuke": 80}
    assert (pleased.id, pleased.cumulative) == ("qunzhongmanyilv", False)
    assert pleased.values == {
        "bangongshi": {"2026-Q1": 95, "2026-Q2": 97},
        "caiwuke": {"2026-Q1": 92, "2026-Q2": 90},
    }
    evaluations = campaign.evaluations
    assert [c.id for c in evaluations.criteria] == ["wenmingfuwu"]
    (first,) = evaluations.rounds
    assert (first.id, first.date) == ("diyijidupingbi", datetime.date(2026, 3, 31))
    assert first.scores == {"bangongshi": {"wenmingfuwu": 92}}
    made = {(kind, made_id) for _where, kind, _name, made_id in campaign.made_ids}
    assert {("单位", "bangongshi"), ("评比内容", "wenmingfuwu"), ("轮次", "diyijidupingbi")} <= made


def test_the_indicator_sheet_and_its_note_carry_per_period():
    book = openpyxl.load_workbook(io.BytesIO(starter_xlsx(2026)))
    headers = [cell.value for cell in book["指标"][1]]
    assert headers == list(table("指标").headers()) and "当期数" in headers
    notes = dict(row for row in book["说明"].iter_rows(values_only=True))
    assert "累加" in notes["指标·当期数"]
    lists = {str(v.sqref): v.formula1 for v in book["指标"].data_validations.dataValidation}
    assert lists["F2:F501"] == '"是,否"'


def test_the_download_gives_back_a_per_period_indicators_own_counts(tmp_path):
    from bixue.load.plan_parts import PlanParts
    from bixue.outputs.campaign_workbook import campaign_xlsx

    campaign = load_campaign(saved(tmp_path, as_clerk_writes(starter(tmp_path))))
    parts = PlanParts(
        campaign.plan,
        campaign.units,
        campaign.indicators,
        campaign.evaluations,
        campaign.projects,
    )
    book = openpyxl.load_workbook(io.BytesIO(campaign_xlsx(parts, datetime.datetime(2026, 1, 1))))
    rows = list(book["指标数值"].iter_rows(values_only=True))
    assert rows[1] == ("bianminfuwucishu", "bangongshi", 30, 20)
    assert list(book["指标"].iter_rows(values_only=True))[1][4:6] == ("是", "是")


def wrong_ids(book: openpyxl.Workbook) -> openpyxl.Workbook:
    book["阶段"]["A2"] = "Dong Yuan"
    book["指标"]["A2"] = "便民"
    book["评比内容"]["A2"] = "Fu_Wu"
    book["评比"]["A2"] = "第1轮"
    for sheet, cell in (("指标目标", "A2"), ("指标目标", "A3"), ("指标数值", "A2")):
        book[sheet][cell] = "便民"
    book["评分"]["A2"] = "第1轮"
    book["评分"]["C1"] = "Fu_Wu"
    return book


def test_a_hand_written_id_of_the_wrong_form_is_one_error_suggesting_the_made_id(tmp_path):
    data = saved(tmp_path, wrong_ids(starter(tmp_path)))
    found = [(e.cell, e.message, e.hint) for e in load_errors(data)]
    made = {
        "阶段!A2": "dongyuanbushu",
        "指标!A2": "bianminfuwucishu",
        "评比内容!A2": "wenmingfuwu",
        "评比!A2": "diyijidupingbi",
    }
    assert [cell for cell, _message, _hint in found] == list(made)
    for (cell, message, hint), suggestion in zip(found, made.values(), strict=True):
        assert message.startswith("id 不合格") and f"如 {suggestion}；" in hint, cell


def test_slides_may_be_named_by_the_titles_the_screen_shows(tmp_path):
    data = minimal_campaign(tmp_path)
    plan = data / "campaign.yml"
    written = "    - overview\n    - {name: ranking, seconds: 30}\n    - rectification\n"
    typed = "    - 总体态势\n    - {name: 评比排名, seconds: 30}\n    - 整改台账\n"
    plan.write_text(plan.read_text("utf-8").replace(written, typed), "utf-8")
    slides = load_campaign(data).plan.screen.slides
    assert [(s.name, s.seconds) for s in slides] == [
        ("overview", None),
        ("ranking", 30),
        ("rectification", None),
    ]
    plan.write_text(plan.read_text("utf-8").replace("整改台账", "整改台帐"), "utf-8")
    (error,) = load_errors(data)
    assert error.message.startswith("必须是 overview") and error.hint == "是不是 整改台账？"


def guide_steps() -> dict:
    """The 上手指南 of README.md: step number -> (title, text)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    guide = readme.split("## 上手指南", 1)[1].split("\n## ", 1)[0]
    return {
        n: (title, rest)
        for n, title, rest in re.findall(r"^(\d+)\. \*\*(.+?)\*\*：(.*)$", guide, re.M)
    }


def test_new_says_the_next_steps_of_the_guide_in_its_words(tmp_path, capsys):
    assert main(["new", str(tmp_path / "我的公示栏")]) == 0
    said = capsys.readouterr().out
    printed = re.findall(r"^  (\d+)\. (.+?)：(.*)$", said, re.M)
    steps = guide_steps()
    assert [number for number, _title, _rest in printed] == ["2", "3", "4", "5", "6"]
    for number, title, rest in printed:
        assert title == steps[number][0], number
        for command in re.findall(r"(?:bash scripts/\w+\.sh|export BOARD_DATA=)", rest):
            assert command in steps[number][1], (number, command)
    assert len(steps) == 10 and "bash scripts/new.sh" in steps["1"][1]


def monthly(book: openpyxl.Workbook, header) -> openpyxl.Workbook:
    """The starter with months typed as text in 时期 and a header Excel made into a date."""
    book["时期"]["A2"], book["时期"]["A3"] = "9月", "10月"
    values = book["指标数值"]
    values["C1"], values["D1"] = header, "10月"
    values["C2"], values["D2"] = 30, 45
    return book


def test_a_date_header_reads_as_the_month_of_the_period_sheet(tmp_path):
    data = saved(tmp_path, monthly(starter(tmp_path), datetime.datetime(2026, 9, 1)))
    (served,) = load_campaign(data).indicators.indicators
    assert served.values["bangongshi"] == {"9月": 30, "10月": 45}


def test_a_date_header_naming_no_period_is_one_error_as_typed(tmp_path):
    data = saved(tmp_path, monthly(starter(tmp_path), datetime.datetime(2026, 11, 1)))
    (error,) = load_errors(data)
    assert error.cell == "指标数值!C1"
    assert error.message == (
        "表头 '2026年11月' 被 Excel 存成了日期 2026-11-01，“时期”工作表 里没有对应的时期"
    )
