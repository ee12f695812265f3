"""Ledger items of an unchanged YAML file are taken from the last load (a build session's `items`),
but only when nothing about them could have changed: every check still holds on a reload."""

from __future__ import annotations

import re

import pytest
from bixue import load
from bixue.errors import DataErrors
from bixue.session.build_session import BuildSession

LEDGER = "rectifications/2014-inspections.yml"


@pytest.fixture
def session() -> BuildSession:
    """What one serve session keeps from one load to the next."""
    return BuildSession(serving=True)


def loaded(data, session):
    return load.load_campaign(data, kept=session)


def errors_of(data, session) -> str:
    with pytest.raises(DataErrors) as raised:
        loaded(data, session)
    return str(raised.value)


def test_a_reload_of_unchanged_files_takes_the_same_items(data_copy, session):
    first = loaded(data_copy, session)
    again = loaded(data_copy, session)
    assert session.items.reused > 0
    assert again.ledger == first.ledger
    reused = {id(item) for item in first.ledger} & {id(item) for item in again.ledger}
    from_yaml = [item for item in again.ledger if item.origin.path.endswith(".yml")]
    without_photos = [item for item in from_yaml if not item.photo_before + item.photo_after]
    assert 0 < len(without_photos) < len(again.ledger)  # a workbook's items are read again too
    assert reused == {id(item) for item in without_photos}


def test_an_edited_item_is_read_again_and_the_others_kept(data_copy, session):
    first = {item.id: item for item in loaded(data_copy, session).ledger}
    path = data_copy / LEDGER
    path.write_text(path.read_text(encoding="utf-8").replace("王建新", "王建国", 1), "utf-8")
    again = {item.id: item for item in loaded(data_copy, session).ledger}
    assert again["ZG-2014-028"].owner == "王建国"
    assert again["ZG-2014-028"] is not first["ZG-2014-028"]
    # the file's other items (without photos, which are checked again) are the same records
    same_file = [
        key
        for key, item in first.items()
        if item.origin.path.endswith(LEDGER) and not item.photo_before + item.photo_after
    ]
    assert len(same_file) > 5
    kept = [key for key in same_file if again[key] is first[key]]
    assert kept == [key for key in same_file if key != "ZG-2014-028"]


def test_a_duplicate_id_is_reported_on_every_load_though_both_items_are_kept(data_copy, session):
    loaded(data_copy, session)
    copy = data_copy / "rectifications/2014-zz-copy.yml"
    copy.write_text((data_copy / LEDGER).read_text(encoding="utf-8"), "utf-8")
    assert "'ZG-2014-028' 重复了" in errors_of(data_copy, session)
    assert "'ZG-2014-028' 重复了" in errors_of(
        data_copy, session
    )  # the first file's items were kept


def test_an_item_of_a_unit_no_longer_listed_is_read_again_and_reported(data_copy, session):
    loaded(data_copy, session)
    units = data_copy / "units.yml"
    text = units.read_text(encoding="utf-8")
    start = text.index("- id: puyang-south")
    units.write_text(text[:start] + text[text.index("- id:", start + 1) :], "utf-8")
    lines = errors_of(data_copy, session).splitlines()
    missing = "units.yml 里没有这个单位：'puyang-south'"
    assert [line for line in lines if LEDGER in line and missing in line]


def test_an_item_with_an_error_is_read_again_and_reported_again(data_copy, session):
    path = data_copy / LEDGER
    path.write_text(
        path.read_text(encoding="utf-8").replace("found: 2014-04-10", "found: 2014-13-10", 1),
        "utf-8",
    )
    assert "found" in errors_of(data_copy, session)
    assert "found" in errors_of(data_copy, session)


def test_indicators_of_an_unchanged_file_are_kept_and_checked_again_when_the_units_change(
    data_copy, session
):
    first = loaded(data_copy, session).indicators.indicators
    again = loaded(data_copy, session).indicators.indicators
    assert (session.indicators.made, session.indicators.reused) == (0, len(first))
    assert again == first
    units = data_copy / "units.yml"
    text = units.read_text(encoding="utf-8")
    units.write_text(text.replace("- id: qingfeng\n", "- id: qingfeng-x\n", 1), "utf-8")
    assert "data/indicators.yml" in errors_of(data_copy, session).replace(str(data_copy), "data")
    units.write_text(text, "utf-8")
    back = loaded(data_copy, session).indicators.indicators
    assert back == first


def test_a_duplicate_indicator_id_is_reported_on_every_load(data_copy, session):
    path = data_copy / "indicators.yml"
    text = path.read_text(encoding="utf-8")
    second_id = re.findall(r"(?m)^  - id: (\S+)$", text)[1]
    path.write_text(
        text.replace(
            f"  - id: {second_id}\n",
            "  - id: " + re.findall(r"(?m)^  - id: (\S+)$", text)[0] + "\n",
            1,
        ),
        "utf-8",
    )
    first = errors_of(data_copy, session)
    assert "重复了" in first
    assert errors_of(data_copy, session) == first
