"""Ids made from names (data model v3): pinyin without tones, ASCII kept lowercased, the rest
dropped; -2, -3 on collisions in list order; a hand-written id always wins."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from bixue.load import load_campaign
from bixue.load.ids import ID_FORM, SLUG_CHARS, made_id, made_ids, slug_of
from conftest import ROOT, load_errors, minimal_campaign
from hypothesis import given, settings
from hypothesis import strategies as st

NAMES = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.sampled_from("（）·—、，。：２０ＡＢ　\t"),
    ),
    max_size=30,
)


@pytest.mark.parametrize(
    "name,made",
    [
        ("财金股", "caijingu"),
        ("办公室 A2", "bangongshia2"),
        ("Ｂ区（２号）", "bqu2hao"),
        ("绿化队", "lvhuadui"),
        ("——", "id"),
    ],
)
def test_names_make_these_ids(name, made):
    assert made_id(name) == made


@settings(max_examples=300, deadline=None)
@given(NAMES)
def test_a_made_id_is_always_url_safe_and_the_same_each_time(name):
    assert ID_FORM.fullmatch(made_id(name))
    assert made_id(name) == made_id(name)


@settings(max_examples=200, deadline=None)
@given(st.lists(NAMES, max_size=12), st.sets(st.sampled_from(["caijingu", "id", "a", "id-2"])))
def test_made_ids_never_meet_each_other_or_a_hand_written_one(names, taken):
    ids = made_ids(names, taken)
    assert len(set(ids)) == len(ids) and not set(ids) & taken
    assert all(ID_FORM.fullmatch(made) for made in ids)


def test_collisions_take_2_and_3_in_list_order():
    assert made_ids(["财金股", "财金股", "才金谷", "其他"]) == [
        "caijingu",
        "caijingu-2",
        "caijingu-3",
        "qita",
    ]


@settings(max_examples=200, deadline=None)
@given(NAMES)
def test_a_slug_is_cut_between_syllables_within_40(name):
    slug = slug_of(name + "通知")
    assert len(slug) <= SLUG_CHARS and ID_FORM.fullmatch(slug)
    assert made_id(name + "通知").startswith(slug)


def test_units_without_ids_take_made_ones_and_hand_written_ids_win(tmp_path):
    data = minimal_campaign(tmp_path)
    units = "- id: caijingu\n  name: 办公室\n- name: 财金股\n- name: 财金股二\n  short: 财金股\n"
    (data / "units.yml").write_text(units, encoding="utf-8")
    for name in (
        "indicators.yml",
        "evaluations.yml",
        "rectifications/first.yml",
        "rectifications/second.yml",
    ):
        (data / name).unlink()
    (data / "exemplars" / "smile-service.md").unlink()
    plan = (data / "campaign.yml").read_text(encoding="utf-8")
    (data / "campaign.yml").write_text(
        plan.replace("- [north, south]", "- [财金股二, 办公室]"), encoding="utf-8"
    )
    campaign = load_campaign(data)
    assert [unit.id for unit in campaign.units] == ["caijingu", "caijingu-2", "caijingu-3"]
    assert campaign.plan.pairs == (("caijingu-3", "caijingu"),)


def test_a_bad_hand_written_id_is_an_error_suggesting_the_made_one(tmp_path):
    data = minimal_campaign(tmp_path)
    units = (data / "units.yml").read_text(encoding="utf-8")
    (data / "units.yml").write_text(units.replace("id: north", "id: 北区"), encoding="utf-8")
    (error,) = [error for error in load_errors(data) if error.path == "data/units.yml"]
    assert str(error) == (
        "data/units.yml:1: id: id 不合格：'北区'（只能用小写字母、数字和 -，它会出现在网址里，"
        "如 beiqu；也可以不写 id，由名称生成）"
    )


def test_two_chinese_file_names_with_one_slug_take_2(tmp_path):
    data = minimal_campaign(tmp_path)
    notice = (data / "notices" / "kickoff.md").read_text(encoding="utf-8")
    for name in ("开会.md", "开会!.md", "kaihui.md"):
        (data / "notices" / name).write_text(notice, encoding="utf-8")
    slugs = sorted(notice.slug for notice in load_campaign(data).notices)
    assert slugs == ["kaihui", "kaihui-2", "kaihui-3", "kickoff"]


@pytest.mark.parametrize("ids_given,imported", [(True, False), (False, True)])
def test_pypinyin_is_imported_only_for_a_name_without_an_id(tmp_path, ids_given, imported):
    """Its dictionaries cost about 0.1 s and 57 MB of every build: a campaign that gives every
    id (the demo does) never loads them."""
    data = minimal_campaign(tmp_path)
    if not ids_given:
        units = (data / "units.yml").read_text(encoding="utf-8")
        (data / "units.yml").write_text(units + "- name: 财金股\n", encoding="utf-8")
    script = (
        "import sys; from pathlib import Path; from bixue.load import load_campaign\n"
        f"campaign = load_campaign(Path({str(data)!r}))\n"
        "print(campaign.units[-1].id, 'pypinyin' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    last_id, loaded = result.stdout.split()
    assert loaded == str(imported)
    assert (last_id == "caijingu") is not ids_given
