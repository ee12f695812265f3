"""Value forms the same everywhere (data model v3): dates, 是/否, units by name, status words, lists
typed as one text — each read as the clerk meant, in YAML and in workbook cells."""

from __future__ import annotations

import datetime

import pytest
import workbooks
from bixue.load import load_campaign
from bixue.load.statuses import WORDS, status_problem
from conftest import load_errors, minimal_campaign

LEDGER_HEADERS = ["编号", "责任单位", "问题", "整改时限", "状态", "完成日期", "内部"]


def ledger_yaml(data, text: str) -> None:
    (data / "rectifications" / "second.yml").write_text(text, encoding="utf-8")


def item(campaign, item_id):
    return next(entry for entry in campaign.ledger if entry.id == item_id)


def test_yaml_takes_the_date_forms_of_cells_and_yes_no(tmp_path):
    data = minimal_campaign(tmp_path)
    ledger_yaml(
        data,
        "- id: A-1\n  unit: north\n  problem: 灯不亮。\n  found: 2014-3-2\n"
        "  deadline: 2014/6/30\n  status: 已整改\n  completed: 2014年6月3日\n  internal: 是\n"
        "- id: A-2\n  unit: north\n  problem: 门坏了。\n  deadline: 2014.6.30\n"
        "  status: 推进中\n  internal: 否\n",
    )
    campaign = load_campaign(data)
    first, second = item(campaign, "A-1"), item(campaign, "A-2")
    assert first.found == datetime.date(2014, 3, 2)
    assert first.deadline == second.deadline == datetime.date(2014, 6, 30)
    assert first.completed == datetime.date(2014, 6, 3)
    assert (first.status, second.status) == ("done", "doing")
    assert (first.internal, second.internal) == (True, False)


def test_an_impossible_date_in_another_form_is_one_error(tmp_path):
    data = minimal_campaign(tmp_path)
    ledger_yaml(
        data, "- id: A-1\n  unit: north\n  problem: 灯。\n  deadline: 2014/2/30\n  status: todo\n"
    )
    (error,) = load_errors(data)
    assert str(error) == (
        "data/rectifications/second.yml:4: deadline: 日期不存在：'2014/2/30'（检查月份和日子）"
    )


@pytest.mark.parametrize("code,word", [(c, w) for c, words in WORDS.items() for w in words])
def test_every_status_word_reads_in_yaml_and_in_a_cell(tmp_path, code, word):
    data = minimal_campaign(tmp_path)
    closed = code in ("done", "verified")
    extra = "  completed: 2014-06-01\n" if closed else ""
    ledger_yaml(
        data,
        "- id: A-1\n  unit: north\n  problem: 灯。\n  deadline: 2014-07-01\n"
        f"  status: {word}\n{extra}",
    )
    row = ["X-1", "南区", "门。", "2014-07-01", word, "2014-06-01" if closed else None, None]
    workbooks.write(data / "rectifications" / "台账.xlsx", {"台账": [LEDGER_HEADERS, row]})
    campaign = load_campaign(data)
    assert item(campaign, "A-1").status == item(campaign, "X-1").status == code


@pytest.mark.parametrize("code,word", [(c, w) for c, words in WORDS.items() for w in words])
def test_a_word_not_in_the_table_is_answered_by_meaning_not_spelling(code, word):
    """已整改了 is 已完成, never 整改中; 未整改了 is 未启动; 整改中了 is 整改中 …"""
    _message, hint = status_problem(word + "了")
    assert hint == f"是不是 {WORDS[code][0]}？"


def test_a_status_word_golden_message(tmp_path):
    data = minimal_campaign(tmp_path)
    ledger_yaml(
        data,
        "- id: A-1\n  unit: north\n  problem: 灯。\n  deadline: 2014-07-01\n  status: 整改完毕\n",
    )
    (error,) = load_errors(data)
    assert str(error) == (
        "data/rectifications/second.yml:5: status: "
        "必须是 未启动、整改中、已完成、已销号、长期坚持 之一，"
        "实际为 '整改完毕'（是不是 已完成？）"
    )


def test_units_by_name_or_short_name_in_yaml(tmp_path):
    data = minimal_campaign(tmp_path)
    ledger_yaml(
        data,
        "- id: A-1\n  unit: 示例东停车区\n  problem: 灯。\n  deadline: 2014-07-01\n  status: todo\n"
        "- id: A-2\n  unit: 南区\n  problem: 门。\n  deadline: 2014-07-01\n  status: todo\n",
    )
    indicators = (data / "indicators.yml").read_text(encoding="utf-8")
    (data / "indicators.yml").write_text(
        indicators.replace("south: {2014-Q1: 300}", "南区: {2014-Q1: 300}"), encoding="utf-8"
    )
    campaign = load_campaign(data)
    assert (item(campaign, "A-1").unit, item(campaign, "A-2").unit) == ("east-2", "south")
    revenue = campaign.indicators.indicators[0]
    assert revenue.values["south"] == {"2014-Q1": 300}


def test_an_ambiguous_short_name_is_an_error_naming_the_candidates(tmp_path):
    data = minimal_campaign(tmp_path)
    units = (data / "units.yml").read_text(encoding="utf-8")
    (data / "units.yml").write_text(units + "  short: 北区\n", encoding="utf-8")
    ledger_yaml(
        data, "- id: A-1\n  unit: 北区\n  problem: 灯。\n  deadline: 2014-07-01\n  status: todo\n"
    )
    (error,) = load_errors(data)
    assert str(error) == (
        "data/rectifications/second.yml:2: unit: '北区' 是几个单位共用的简称："
        "示例北服务区（north）、示例东停车区（east-2）（写单位全称或 id）"
    )


def test_lists_typed_as_one_text_are_lists(tmp_path):
    data = minimal_campaign(tmp_path)
    plan = (data / "campaign.yml").read_text(encoding="utf-8")
    plan = plan.replace("members: [高路, 欧阳娜娜]", "members: [林美华，黄志强; 郑文斌]")
    plan = plan.replace("- [north, south]", "- [north，south]")
    (data / "campaign.yml").write_text(plan, encoding="utf-8")
    case = data / "exemplars" / "smile-service.md"
    text = case.read_text(encoding="utf-8").replace("people: [李四]", "people: 李四、王五")
    case.write_text(
        text.replace("adopted_by: [north]", "adopted_by: 北区，示例东停车区"), encoding="utf-8"
    )
    campaign = load_campaign(data)
    assert campaign.plan.leading_group[1].members == ("林美华", "黄志强", "郑文斌")
    assert campaign.plan.pairs == (("north", "south"),)
    (exemplar,) = campaign.exemplars
    assert exemplar.people == ("李四", "王五")
    assert exemplar.adopted_by == ("north", "east-2")


def test_percent_text_reads_as_the_number_it_shows(tmp_path):
    data = minimal_campaign(tmp_path)
    indicators = (data / "indicators.yml").read_text(encoding="utf-8")
    (data / "indicators.yml").write_text(
        indicators.replace("2014-Q2: 610", "2014-Q2: 610%"), encoding="utf-8"
    )
    revenue = load_campaign(data).indicators.indicators[0]
    assert revenue.values["north"]["2014-Q2"] == 610


def test_direction_may_be_written_as_the_templates_word_it(tmp_path):
    data = minimal_campaign(tmp_path)
    text = (data / "indicators.yml").read_text(encoding="utf-8")
    text = text.replace("direction: up", "direction: 越高越好").replace(
        "direction: down", "direction: 越低越好"
    )
    (data / "indicators.yml").write_text(text, encoding="utf-8")
    revenue, complaints = load_campaign(data).indicators.indicators
    assert (revenue.direction, complaints.direction) == ("up", "down")
