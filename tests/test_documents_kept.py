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
