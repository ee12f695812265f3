"""data.json has a version and meets its shipped JSON Schema, in both profiles; a wrong document
fails the schema with the place named."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest
from bixue.boards import schema
from bixue.exports import data_json


def validator():
    document = json.loads(data_json.SCHEMA_FILE.read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(document)
    return jsonschema.Draft202012Validator(document)


@pytest.fixture(scope="module")
def both(demo_site, public_site):
    return [
        json.loads((site / "data.json").read_text("utf-8")) for site in (demo_site, public_site)
    ]


def test_the_demo_s_internal_and_public_data_json_meet_the_schema(both):
    internal, public = both
    assert (internal["profile"], public["profile"]) == ("internal", "public")
    for data in both:
        assert data["version"] == data_json.VERSION == 1
        assert list(validator().iter_errors(data)) == []
        assert schema.problems(data, schema.load_validator()) == []


def test_indicator_rows_carry_their_values_up_to_the_latest_period(both):
    row = both[1]["indicators"][0]["units"][0]
    assert list(row["values"])[-1] == row["latest_period"]
    assert row["values"][row["latest_period"]] == row["latest"]


@pytest.mark.parametrize(
    "spoil, where",
    [
        (lambda d: d.pop("as_of"), "as_of"),
        (lambda d: d["ledger"].update(overdue=-1), "ledger.overdue"),
        (lambda d: d["units"][2].update(id=7), "units[2].id"),
        (lambda d: d.update(as_of="20.10.2014"), "as_of"),
        (lambda d: d["rounds"][0]["ranking"][1].update(rank="一"), "rounds[0].ranking[1].rank"),
    ],
)
def test_a_wrong_document_fails_and_the_reason_names_the_place(both, spoil, where):
    data = copy.deepcopy(both[0])
    spoil(data)
    assert not validator().is_valid(data)
    (reason,) = schema.problems(data, schema.load_validator())
    assert reason.startswith("不符合格式：") and where in reason, reason


def test_an_unknown_version_is_refused_before_the_schema(both):
    data = copy.deepcopy(both[0])
    data["version"] = 2
    assert schema.problems(data, schema.load_validator()) == [
        "data.json 的版本不认识：version 为 2（本程序读取版本 1）"
    ]
    del data["version"]
    assert "没有 version" in schema.problems(data, schema.load_validator())[0]


def test_the_quick_check_knows_every_keyword_of_the_schema_and_agrees_with_jsonschema(both):
    from bixue.boards import fast_check

    whole = schema.load_validator()
    for data in both:
        assert whole.quick(data)
    for spoil in (
        lambda d: d["ledger"]["by_unit"].update(x={"total": 1}),
        lambda d: d["indicators"][0]["units"][0]["values"].update(Q9="多"),
        lambda d: d.update(profile="secret"),
        lambda d: d["changes"]["found"].append({"id": "", "date": "2014-10-01"}),
        lambda d: d["units"].append(True),
        lambda d: d.update(version=True),
    ):
        data = copy.deepcopy(both[0])
        spoil(data)
        assert not whole.quick(data) and not whole.full.is_valid(data)
    with pytest.raises(ValueError, match="oneOf"):
        fast_check.compile_schema({"oneOf": []})
