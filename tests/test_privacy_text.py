"""The public build's checks on free text: numbers in any form, names wherever written, links."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from bixue import privacy
from bixue.model import Campaign, Exemplar, Notice, Origin, RectificationItem, Update
from bixue.privacy import numbers
from test_privacy import campaign


@pytest.mark.parametrize(
    "written",
    [
        "１３８１２３４５６７８",
        "138\u00a01234\u00a05678",
        "138\u30001234\u30005678",
        "138\u20091234\u20095678",
        "138–1234—5678",
        "138－1234－5678",
        "138‐1234‑5678",
        "138.1234.5678",
        "1 3 8 1 2 3 4 5 6 7 8",
        "138\u200b1234\u200b5678",
        "１３８ １２３４ ５６７８",
    ],
)
def test_a_mobile_number_is_found_however_it_is_typed(written):
    found = list(numbers.find_numbers(f"请联系 {written} 了解"))
    assert [(kind, shown) for _, kind, shown in found] == [("手机号码", written)]


@pytest.mark.parametrize(
    "written",
    ["４１０９２８１９８００１０１１２３Ｘ", "410928 19800101 123x", "410928-1980-0101-123X"],
)
def test_an_id_number_is_found_however_it_is_typed(written):
    assert [kind for _, kind, _ in numbers.find_numbers(f"身份证 {written}。")] == [
        "18位身份证号码"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "营业收入 1200 万元，投诉 12345 件，编号 ZG-2014-001",
        "2014-10-13 至 2014-12-31",
        "流水号 1234567890123456789",
        "第 13、14、15、16、17 名",
        "得分 89.5、90.5、91",
    ],
)
def test_ordinary_numbers_and_dates_are_not_numbers_of_a_person(text):
    assert list(numbers.find_numbers(text)) == []


def test_a_full_width_number_in_a_story_is_refused_on_its_own_line():
    data = campaign()
    case = Exemplar(
        "smile",
        "微笑服务",
        "a",
        date(2014, 5, 1),
        "好做法",
        "第一行\n\n电话１３８ １２３４ ５６７８",
        origin=Origin("data/exemplars/smile.md", 1, {"body": 8}),
    )
    errors = privacy.check_public_text(dataclasses.replace(data, exemplars=(case,)))
    assert [(e.path, e.line, e.field) for e in errors] == [("data/exemplars/smile.md", 10, "body")]
    assert "１３８ １２３４ ５６７８" in errors[0].message


def named_campaign(**plan_fields) -> Campaign:
    data = campaign(**plan_fields)
    item = RectificationItem(
        "ZG-9",
        "a",
        "李彩丽反映卫生间异味，欧阳 娜娜已到场",
        "doing",
        date(2014, 5, 1),
        measures="由王建国督办，高　路负责",
        updates=(Update(date(2014, 5, 2), "李彩丽回访"),),
    )
    case = dataclasses.replace(
        data.exemplars[0],
        title="李彩丽的微笑",
        summary="Zhang San 与 ZHANG SAN",
        body="王建国表扬高路",
    )
    notice = Notice("n", "表扬欧阳娜娜", date(2014, 5, 1), "欧阳娜娜、李彩丽")
    people = (*data.exemplars[0].people, "Zhang San")
    case = dataclasses.replace(case, people=people)
    return dataclasses.replace(
        data, ledger=data.ledger + (item,), exemplars=(case,), notices=(notice,)
    )


def test_every_known_name_is_masked_in_every_text_but_the_leading_group():
    public = privacy.publish(named_campaign())
    item, case, notice = public.ledger[-1], public.exemplars[0], public.notices[0]
    assert item.problem == "李＊反映卫生间异味，欧阳＊已到场"
    assert item.measures == "由王建国督办，高＊负责"
    assert item.updates[0].note == "李＊回访"
    assert (case.title, case.summary, case.body) == ("李＊的微笑", "Z＊ 与 Z＊", "王建国表扬高＊")
    assert (notice.title, notice.body) == ("表扬欧阳＊", "欧阳＊、李＊")
    assert public.plan.leading_group[0].members == ("王建国",)


def test_the_leading_group_is_masked_in_free_text_too_when_asked():
    public = privacy.publish(named_campaign(mask_leading_group=True))
    assert public.ledger[-1].measures == "由王＊督办，高＊负责"
    assert public.exemplars[0].body == "王＊表扬高＊"


def test_ids_and_paths_are_never_rewritten():
    data = named_campaign()
    item = dataclasses.replace(data.ledger[0], id="li-cai-li", photo_before="李彩丽.jpg")
    public = privacy.publish(dataclasses.replace(data, ledger=(item,)))
    assert (public.ledger[0].id, public.ledger[0].photo_before) == ("li-cai-li", "李彩丽.jpg")


@pytest.mark.parametrize(
    ("link", "line"),
    [
        ("[见通知](../../notices/secret/)", 10),
        ("[见通知](../secret.md)", 10),
        ("[见通知](/notices/secret/index.html)", 10),
        ("[见通知](http://board.example/notices/secret/#top)", 10),
        ("[见通知][ref]\n\n[ref]: ../notices/secret/", 12),
        ("<http://board.example/notices/secret/>", 10),
    ],
)
def test_a_link_to_an_internal_notice_is_refused_naming_file_and_line(link, line):
    data = campaign()
    hidden = Notice("secret", "内部通知", date(2014, 5, 1), "内部", internal=True)
    story = Exemplar(
        "smile",
        "微笑服务",
        "a",
        date(2014, 5, 1),
        "好做法",
        f"第一行\n\n{link}",
        origin=Origin("data/exemplars/smile.md", 1, {"body": 8}),
    )
    errors = privacy.check_public_text(
        dataclasses.replace(data, exemplars=(story,), notices=(hidden,))
    )
    assert [(e.path, e.line, e.field) for e in errors] == [
        ("data/exemplars/smile.md", line, "body")
    ]
    assert "secret" in errors[0].message and "internal" in errors[0].message


def test_links_to_published_pages_and_other_sites_are_fine():
    data = campaign()
    hidden = Notice("secret", "内部通知", date(2014, 5, 1), "内部", internal=True)
    shown = Notice(
        "open", "通知", date(2014, 5, 1), "[通知](../open/) [外站](http://x.example/secret/)"
    )
    data = dataclasses.replace(data, notices=(hidden, shown))
    assert privacy.check_public_text(data) == []


def test_a_person_written_as_one_character_masks_no_free_text():
    data = named_campaign()
    unit = dataclasses.replace(data.units[0], id="b", contact="王")
    public = privacy.publish(dataclasses.replace(data, units=(*data.units, unit)))
    assert public.units[1].contact == "王＊" and public.exemplars[0].body == "王建国表扬高＊"


def test_a_link_to_an_internal_notice_in_a_project_progress_note_is_refused():
    from bixue.model import Project, Projects

    hidden = Notice("secret", "内部通知", date(2014, 5, 1), "内部", internal=True)
    step = Update(date(2014, 5, 2), "见[通知](../../notices/secret/)")
    project = Project("p1", "道路改造", progress=(step,), origin=Origin("data/projects.yml", 4))
    data = dataclasses.replace(campaign(), notices=(hidden,), projects=Projects((), (project,)))
    errors = privacy.check_public_text(data)
    assert [(e.path, e.field) for e in errors] == [("data/projects.yml", "progress")]
    assert "secret" in errors[0].message
