"""Masking persons and refusing phone and ID numbers in the public build."""

from __future__ import annotations

from datetime import date

import pytest
from bixue import privacy
from bixue.model import Campaign, Exemplar, LeaderRole, Origin, Phase, Plan, RectificationItem, Unit


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("李彩丽", "李＊"),
        ("高路", "高＊"),
        ("欧阳娜娜", "欧阳＊"),
        ("司马光", "司马＊"),
        ("Zhang San", "Z＊"),
        ("zhang", "z＊"),
        ("", ""),
    ],
)
def test_mask_person_keeps_the_surname_and_hides_the_length(name, masked):
    assert privacy.mask_person(name) == masked


def test_a_two_character_name_starting_like_a_double_surname_keeps_one_character():
    # 欧阳 alone is a whole name (surname 欧), not a double surname with no given name
    assert privacy.mask_person("欧阳") == "欧＊"


def campaign(**plan_fields) -> Campaign:
    plan = Plan(
        "活动",
        "中心",
        date(2014, 3, 1),
        date(2014, 12, 31),
        (Phase("a", "动员部署", date(2014, 3, 1), date(2014, 3, 31)),),
        leading_group=(LeaderRole("组长", ("王建国",)),),
        **plan_fields,
    )
    items = (
        RectificationItem(
            "ZG-1",
            "a",
            "卫生间异味",
            "doing",
            date(2014, 5, 1),
            owner="李彩丽",
            origin=Origin("data/rectifications/a.yml", 3, {"problem": 5}),
        ),
        RectificationItem("ZG-2", "a", "联系13812345678", "doing", date(2014, 5, 1), internal=True),
    )
    cases = (
        Exemplar(
            "smile", "微笑服务", "a", date(2014, 5, 1), "好做法", "故事", people=("欧阳娜娜",)
        ),
    )
    return Campaign(
        plan, (Unit("a", "濮阳南停车区", contact="高路"),), ledger=items, exemplars=cases
    )


def test_publish_masks_every_person_field_but_the_leading_group():
    public = privacy.publish(campaign())
    assert public.units[0].contact == "高＊"
    assert public.ledger[0].owner == "李＊"
    assert public.exemplars[0].people == ("欧阳＊",)
    assert public.plan.leading_group[0].members == ("王建国",)


def test_publish_masks_the_leading_group_when_asked():
    public = privacy.publish(campaign(mask_leading_group=True))
    assert public.plan.leading_group[0].members == ("王＊",)


def test_phone_and_id_numbers_in_published_text_are_refused_with_file_and_line():
    data = campaign()
    bad_item = RectificationItem(
        "ZG-3",
        "a",
        "请拨打 138-1234-5678 或核对 41092819800101123X",
        "todo",
        date(2014, 5, 1),
        origin=Origin("data/rectifications/a.yml", 10, {"problem": 12}),
    )
    data = Campaign(data.plan, data.units, ledger=data.ledger + (bad_item,))
    errors = privacy.check_public_text(data)
    assert [(e.path, e.line, e.field) for e in errors] == [
        ("data/rectifications/a.yml", 12, "problem"),
        ("data/rectifications/a.yml", 12, "problem"),
    ]
    assert "手机号码" in errors[0].message and "身份证" in errors[1].message


def test_internal_records_and_ordinary_numbers_are_not_refused():
    data = campaign()  # ZG-2 is internal and holds a mobile number
    assert privacy.check_public_text(data) == []
    assert not privacy.MOBILE.search("营业收入 1200 万元，投诉 12345 件，编号 ZG-2014-001")
    assert not privacy.RESIDENT_ID.search("流水号 1234567890123456789")


def test_each_published_text_is_checked_once_including_levels_and_periods():
    from bixue.model import Evaluations, Indicators, Level, Round

    data = campaign()
    evaluations = Evaluations(
        (),
        (Round("q1", "第一季度 13812345678", date(2014, 4, 1), {}),),
        (Level(90, "13912345678"),),
    )
    indicators = Indicators(("2014-Q1", "13712345678"), ())
    data = Campaign(data.plan, data.units, indicators, evaluations)
    # A level has no origin of its own: it is found under its file's `levels`.
    found = sorted(e.field for e in privacy.check_public_text(data))
    assert found == ["levels", "name", "periods"]
