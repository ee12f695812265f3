"""Loading a campaign: what the model holds, where records were written, and what is refused."""

from __future__ import annotations

import codecs
import shutil
from datetime import date
from pathlib import Path

import pytest
from bixue import model
from bixue.errors import DataError, DataErrors
from bixue.load import load_campaign, mdsafety

VALID = Path(__file__).parent / "golden" / "valid-minimal" / "data"


def campaign_copy(tmp_path: Path, files: dict[str, str] | None = None) -> Path:
    """The valid minimal campaign under tmp_path/data, some files (relative to data/) replaced."""
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    for name, content in (files or {}).items():
        (data / name).write_text(content, encoding="utf-8")
    return data


def edited(name: str, old: str, new: str) -> dict[str, str]:
    """One file of the valid campaign with `old` replaced by `new`."""
    text = (VALID / name).read_text(encoding="utf-8")
    assert old in text
    return {name: text.replace(old, new)}


def error_lines(data: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_campaign(data)
    return [str(error) for error in caught.value.errors]


@pytest.fixture(scope="module")
def valid() -> model.Campaign:
    return load_campaign(VALID)


def test_the_plan(valid):
    plan = valid.plan
    assert (plan.start, plan.end, plan.as_of) == (
        date(2014, 3, 1),
        date(2014, 12, 31),
        date(2014, 6, 30),
    )
    assert [phase.id for phase in plan.phases] == ["mobilization", "practice"]
    assert plan.phases[1].start == date(2014, 3, 16)  # written as a quoted string
    assert plan.leading_group[1] == model.LeaderRole("成员", ("高路", "欧阳娜娜"))
    assert plan.pairs == (("north", "south"),)
    assert plan.screen == model.Screen(
        20, 300, (model.Slide("overview"), model.Slide("ranking", 30), model.Slide("rectification"))
    )
    assert (plan.mask_leading_group, plan.warn_days) == (False, 3)


def test_defaults_when_optional_sections_are_left_out(tmp_path):
    text = (VALID / "campaign.yml").read_text(encoding="utf-8")
    data = campaign_copy(tmp_path, {"campaign.yml": text.split("screen:")[0]})
    plan = load_campaign(data).plan
    assert (plan.screen, plan.mask_leading_group, plan.warn_days) == (model.Screen(), False, 3)


def test_units_keep_their_order(valid):
    assert [unit.id for unit in valid.units] == ["north", "south", "east-2"]
    assert valid.unit("north").contact == "张三"


def test_a_single_target_is_given_to_every_unit(valid):
    revenue, complaints = valid.indicators.indicators
    assert revenue.targets == {"north": 1200, "south": 1200, "east-2": 1200}
    assert complaints.targets == {"north": 2, "south": 2, "east-2": 1}
    assert (complaints.direction, complaints.cumulative) == ("down", False)
    assert revenue.values["north"] == {"2014-Q1": 280, "2014-Q2": 610}


def test_an_empty_value_is_not_reported(tmp_path):
    data = campaign_copy(tmp_path, edited("indicators.yml", "2014-Q2: 610", "2014-Q2: "))
    assert load_campaign(data).indicators.indicators[0].values["north"] == {"2014-Q1": 280}


def test_evaluations(valid):
    evaluations = valid.evaluations
    assert [criterion.max for criterion in evaluations.criteria] == [30, 20]
    first, second = evaluations.rounds
    assert first.scores["north"] == {"service": 26, "facilities": 18.5}
    assert second.scores == {}
    assert evaluations.levels[0] == model.Level(45, "五星")


def test_the_ledger_spans_files_in_name_order(valid):
    assert [item.id for item in valid.ledger] == [f"ZG-2014-00{n}" for n in range(1, 6)]
    ongoing = valid.ledger[2]
    assert (ongoing.status, ongoing.deadline, ongoing.internal) == ("ongoing", None, True)


def test_an_item_in_full(valid):
    item = valid.ledger[0]
    assert (item.status, item.completed) == ("done", date(2014, 4, 15))
    assert item.measures == "1. 增加保洁频次；\n2. 更换防滑垫。\n"
    assert [update.date for update in item.updates] == [date(2014, 4, 15), date(2014, 3, 25)]
    assert (item.photo_before, item.photo_after) == (
        "rectifications/photos/before.jpg",
        "rectifications/photos/after.jpg",
    )


def test_origins_name_the_file_and_lines(valid):
    item = valid.ledger[1]
    assert (item.origin.path, item.origin.line) == ("data/rectifications/first.yml", 20)
    assert item.origin.line_of("problem") == 22
    assert item.origin.line_of("owner") == 20  # not written: the record's line
    assert valid.unit("south").origin.line_of("name") == 7
    assert valid.plan.origin.line_of("requirements") == 29


def test_exemplars_and_notices(valid):
    (exemplar,) = valid.exemplars
    assert (exemplar.slug, exemplar.unit, exemplar.cover) == (
        "smile-service",
        "south",
        "exemplars/covers/smile.jpg",
    )
    assert exemplar.body == "南服务区推行微笑服务。\n\n每月评选“微笑之星”。"
    assert exemplar.origin.line_of("body") == 13
    assert exemplar.origin.line_of("adopted_by") == 10
    (notice,) = valid.notices
    assert (notice.slug, notice.pinned, notice.internal) == ("kickoff", True, False)
    assert notice.origin.line_of("body") == 6


def test_a_notice_may_have_no_body(tmp_path):
    notice = "---\ntitle: 放假\ndate: 2014-05-01\n---\n"
    data = campaign_copy(tmp_path, {"notices/kickoff.md": notice})
    assert load_campaign(data).notices[0].body == ""


def test_bars_and_angle_brackets_in_a_name_load_as_written(tmp_path):
    data = campaign_copy(tmp_path, edited("units.yml", "示例北服务区", "'北区 | 东<一> a < b'"))
    assert load_campaign(data).unit("north").name == "北区 | 东<一> a < b"


def test_a_bom_and_crlf_load_fine_with_right_lines(tmp_path):
    data = campaign_copy(tmp_path)
    for name in ("units.yml", "exemplars/smile-service.md"):
        text = (VALID / name).read_text(encoding="utf-8").replace("\n", "\r\n")
        (data / name).write_bytes(codecs.BOM_UTF8 + text.encode())
    campaign = load_campaign(data)
    assert campaign.unit("south").origin.line == 6
    assert campaign.exemplars[0].origin.line_of("body") == 13
    assert campaign.exemplars[0].body == "南服务区推行微笑服务。\n\n每月评选“微笑之星”。"


def test_paths_are_relative_to_the_project(tmp_path):
    data = campaign_copy(tmp_path, edited("units.yml", "short: 北区", "short: [北区]"))
    with pytest.raises(DataErrors) as caught:
        load_campaign(data, project_dir=tmp_path.parent)
    paths = {error.path for error in caught.value.errors}
    assert paths == {f"{tmp_path.name}/data/units.yml"}


def test_a_missing_data_folder(tmp_path):
    assert error_lines(tmp_path / "data") == ["data: 找不到数据文件夹"]


def test_a_misnamed_required_file_gets_a_hint(tmp_path):
    data = campaign_copy(tmp_path)
    (data / "units.yml").rename(data / "units.yaml")
    assert error_lines(data) == [
        "data/units.yml: 缺少这个文件（必需）（把 units.yaml 改名为 units.yml）"
    ]


def test_an_unknown_key_without_a_close_match_lists_the_keys(tmp_path):
    data = campaign_copy(tmp_path, edited("units.yml", "  short: 北区\n", "  colour: 红\n"))
    assert error_lines(data) == [
        "data/units.yml:3: colour: 未知的键（可用的键：id, name, short, group, contact, compare）"
    ]


def test_a_unit_without_a_readable_id_stops_reference_checks(tmp_path):
    data = campaign_copy(tmp_path, edited("units.yml", "- id: south\n", "- id:\n"))
    assert error_lines(data) == ["data/units.yml:6: id: 不能为空"]


def test_a_bad_criterion_max_does_not_make_its_scores_unknown(tmp_path):
    data = campaign_copy(tmp_path, edited("evaluations.yml", "max: 30", "max: 0"))
    assert error_lines(data) == ["data/evaluations.yml:2: criteria.max: 满分必须大于 0，实际为 0"]


def test_errors_of_every_file_come_at_once(tmp_path):
    item = "- {id: X, unit: north, problem: p, status: todo, due: 2014-01-01}\n"
    files = {
        **edited("units.yml", "  group: 东片\n  contact: 张三\n", "  group: 东片\n  group: 西片\n"),
        **edited("campaign.yml", "  warn_days: 3", "  warn_days: -1"),
        "rectifications/second.yml": item,
    }
    assert [line.split(": ")[:2] for line in error_lines(campaign_copy(tmp_path, files))] == [
        ["data/campaign.yml:41", "ledger.warn_days"],
        ["data/rectifications/second.yml:1", "due"],
        ["data/rectifications/second.yml:1", "deadline"],
        ["data/units.yml:5", "group"],
    ]


def test_data_error_text():
    assert str(DataError("data/a.yml", 12, "status", "错了", "这样改")) == (
        "data/a.yml:12: status: 错了（这样改）"
    )
    assert str(DataError("data/a.yml", 3, "", "内容是空的")) == "data/a.yml:3: 内容是空的"
    assert str(DataError("data/a.yml", 0, "", "缺少这个文件")) == "data/a.yml: 缺少这个文件"


def test_data_errors_are_sorted_under_a_header():
    errors = DataErrors(
        [DataError("data/b.yml", 1, "x", "b1"), DataError("data/a.yml", 9, "", "a9")]
        + [DataError("data/a.yml", 10, "", "a10")]
    )
    assert str(errors).splitlines() == [
        "数据有 3 处错误，站点未生成/未改动：",
        "data/a.yml:9: a9",
        "data/a.yml:10: a10",
        "data/b.yml:1: x: b1",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "温度<5度",
        "a < b，c > d",
        "写成 `<div>` 就是代码",
        "[链接](https://example.com) 和 <https://example.com>",
        "{数量} 与 {1,2}",
        "邮件 <a@example.com>",
        "比例 1/2、a/b=c 和 <https://example.com/a/b=c>",
        "data: 2014 年的数据",
    ],
)
def test_plain_markdown_is_safe(text):
    assert mdsafety.unsafe_markdown(text) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("卫生间<script>alert(1)</script>", "不能写 HTML 标签 <script>"),
        (
            '<img src="x.jpg" onerror="alert(1)">',
            '不能写 HTML 标签 <img src="x.jpg" onerror="alert(1)">',
        ),
        ("<div>", "不能写 HTML 标签 <div>"),
        ("a`\n\n<script>x</script>\n\n`b", "不能写 HTML 标签 <script>"),
        ("<!-- 注释 -->", "不能写 HTML 标签 <!-"),
        ("<img src=x onerror=alert(1)", "不能写 HTML 标签 <img src="),
        ("<img/src=x/onerror=alert(1)>", "不能写 HTML 标签 <img/src=x/onerror=alert(1)>"),
        ("<img/src=x/onerror=alert(1)", "不能写 HTML 标签 <img/src="),
        ("<svg/onload=alert(1)>", "不能写 HTML 标签 <svg/onload=alert(1)>"),
        ("换行<br/>", "不能写 HTML 标签 <br/>"),
        ("[x](javascript:alert(1))", "链接不能用 javascript: 地址"),
        ("[x]( JavaScript:alert(1))", "链接不能用 javascript: 地址"),
        ("[x](java\tscript:alert(1))", "链接不能用 javascript: 地址"),
        ("[x](&#106;avascript:alert(1))", "链接不能用 javascript: 地址"),
        ("<javascript:alert(1)>", "链接不能用 javascript: 地址"),
        ("[x]: vbscript:msgbox", "链接不能用 vbscript: 地址"),
        ("![x](data:image/png;base64,AAAA)", "链接不能用 data: 地址"),
        ('段落\n{: onclick="alert(1)" }', '不能用 {: onclick="alert(1)" } 这种属性写法'),
        ("标题 { onclick=alert(1) }", "不能用 { onclick=alert(1) } 这种属性写法"),
        ("标题 {#top .big}", "不能用 {#top .big} 这种属性写法"),
    ],
)
def test_unsafe_markdown_is_found(text, message):
    assert [problem[1] for problem in mdsafety.unsafe_markdown(text)] == [message]


def test_unsafe_markdown_in_a_body_names_its_line(tmp_path):
    front = "---\ntitle: t\nunit: south\ndate: 2014-05-12\ncategory: 好做法\n---\n"
    story = front + "\n第一段。\n\n<div>x</div>\n"
    data = campaign_copy(tmp_path, {"exemplars/smile-service.md": story})
    (line,) = error_lines(data)
    assert line.startswith("data/exemplars/smile-service.md:10: body: 不能写 HTML 标签 <div>")


@pytest.mark.parametrize(
    "name", ["indicators.yaml", "evaluations.yaml", "exemplars/case.markdown", "notices/n.MD"]
)
def test_optional_files_under_a_near_miss_name_are_errors_not_skipped(tmp_path, name):
    data = tmp_path / "data"
    shutil.copytree(Path(__file__).parents[1] / "data", data)
    (data / name).write_text("x: 1\n", encoding="utf-8")
    if name.endswith(".yaml"):
        (data / name).with_suffix(".yml").unlink()
    with pytest.raises(DataErrors) as raised:
        load_campaign(data)
    assert [e.path for e in raised.value.errors] == [f"data/{name}"]
