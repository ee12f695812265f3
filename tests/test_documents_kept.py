"""Cases and notices whose bytes are unchanged are not read again on a reload (serve): the same
reading is taken, with its errors, and an edited one is read again."""

from __future__ import annotations

import pytest
from bixue import load
from bixue.errors import DataErrors
from bixue.session.build_session import BuildSession

CASE = "exemplars/energy-saving.md"


@pytest.fixture
def session() -> BuildSession:
    """What one serve session keeps from one load to the next."""
    return BuildSession(serving=True)


def errors_of(data, session) -> str:
    with pytest.raises(DataErrors) as raised:
        load.load_campaign(data, kept=session)
    return str(raised.value)


def test_an_unchanged_case_is_not_read_again_and_an_edited_one_is(data_copy, session):
    first = {case.slug: case for case in load.load_campaign(data_copy, kept=session).exemplars}
    again = {case.slug: case for case in load.load_campaign(data_copy, kept=session).exemplars}
    assert again == first
    assert again["energy-saving"].body is first["energy-saving"].body  # the same reading

    path = data_copy / CASE
    path.write_text(path.read_text(encoding="utf-8") + "\n补记：已推广。\n", "utf-8")
    edited = {case.slug: case for case in load.load_campaign(data_copy, kept=session).exemplars}
    assert edited["energy-saving"].body.endswith("补记：已推广。")
    assert edited["love-station"].body is first["love-station"].body


def test_a_case_with_an_error_reports_it_on_every_load(data_copy, session):
    path = data_copy / CASE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("---\n", "---\ntitel: 错字\n", 1), "utf-8")
    first = errors_of(data_copy, session)
    assert "titel" in first
    assert errors_of(data_copy, session) == first
    path.write_text(text, "utf-8")
    assert load.load_campaign(data_copy, kept=session).exemplars


def test_an_unchanged_case_or_notice_is_the_same_record_until_its_unit_is_renamed(
    data_copy, session
):
    first = load.load_campaign(data_copy, kept=session)
    again = load.load_campaign(data_copy, kept=session)
    cases = {case.slug: case for case in first.exemplars}
    for case in again.exemplars:  # a case with a cover is read again: the cover may have changed
        assert (case is cases[case.slug]) == (not case.cover), case.slug
    assert [a is b for a, b in zip(first.notices, again.notices, strict=True)] == [True] * len(
        first.notices
    )

    # love-station names its unit by its name: renamed in units.yml, the name names no unit.
    case = data_copy / "exemplars/love-station.md"
    unit = next(c.unit for c in first.exemplars if c.slug == "love-station")
    name = next(u.name for u in first.units if u.id == unit)
    text = case.read_text(encoding="utf-8")
    case.write_text(text.replace(f"unit: {unit}", f"unit: {name}", 1), "utf-8")
    assert (
        next(
            c.unit
            for c in load.load_campaign(data_copy, kept=session).exemplars
            if c.slug == "love-station"
        )
        == unit
    )
    units = data_copy / "units.yml"
    units.write_text(
        units.read_text(encoding="utf-8").replace(f"name: {name}", f"name: {name}东", 1), "utf-8"
    )
    errors = errors_of(data_copy, session)
    assert f"love-station.md:3: unit: units.yml 里没有这个单位：'{name}'" in errors, errors
