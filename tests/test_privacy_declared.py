"""The public profile is driven by what each record declares: a record kind it has never seen is
masked and checked, and no field that names a person or holds text can go undeclared."""

from __future__ import annotations

import dataclasses
import inspect
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Mapping, Tuple

from bixue import model, privacy
from bixue.model import (
    PERSON,
    PRIVACY,
    Campaign,
    Notice,
    Origin,
    markdown_field,
    person_field,
    text_field,
)
from test_privacy import campaign


@dataclass(frozen=True)
class Stop:
    """A part of a visit with no origin of its own: it is written under the visit's `stops`."""

    place: str = text_field()


@dataclass(frozen=True)
class Visit:
    """A record kind the privacy package has never heard of: a study visit (学习交流)."""

    id: str
    host: str = person_field("")
    guests: Tuple[str, ...] = person_field(())
    report: str = markdown_field("")
    stops: Tuple[Stop, ...] = ()
    internal: bool = False
    origin: Origin = Origin("data/visits.yml", 1)


@dataclass(frozen=True)
class CampaignWithVisits(Campaign):
    """The campaign as it would be once visits are read: a new field, nothing else."""

    visits: Tuple[Visit, ...] = ()
    visits_by_unit: Mapping[str, Visit] = field(default_factory=dict)


def with_visits(*visits: Visit, by_unit=None, **plan_fields) -> CampaignWithVisits:
    data = campaign(**plan_fields)
    fields = {f.name: getattr(data, f.name) for f in dataclasses.fields(data)}
    return CampaignWithVisits(**fields, visits=visits, visits_by_unit=by_unit or {})


def visit(**fields) -> Visit:
    origin = Origin("data/visits.yml", 3, {"host": 4, "report": 6, "stops": 9})
    return Visit(**{"id": "v-1", "origin": origin, **fields})


def test_a_new_record_kind_has_its_persons_masked_and_its_names_masked_in_every_text():
    shown = visit(
        host="孙建华",
        guests=("欧阳娜娜", "Zhang San"),
        report="孙建华带队，高路介绍经验，王建国讲话",
        stops=(Stop("李彩丽负责的停车区"),),
    )
    public = privacy.publish(with_visits(shown, by_unit={"a": visit(host="孙建华")}))
    masked = public.visits[0]
    assert (masked.id, masked.host, masked.guests) == ("v-1", "孙＊", ("欧阳＊", "Z＊"))
    # Names from the old kinds (高路, 李彩丽) are masked in the new kind's texts; the leading
    # group's (王建国) stay while it is published in full.
    assert masked.report == "孙＊带队，高＊介绍经验，王建国讲话"
    assert masked.stops[0].place == "李＊负责的停车区"
    assert public.visits_by_unit["a"].host == "孙＊"


def test_a_person_of_a_new_record_kind_is_masked_in_the_old_kinds_texts():
    data = with_visits(visit(host="孙建华", internal=True))
    item = dataclasses.replace(data.ledger[0], measures="孙建华督办")
    public = privacy.publish(dataclasses.replace(data, ledger=(item, *data.ledger[1:])))
    assert public.ledger[0].measures == "孙＊督办"


def test_a_new_record_kind_is_checked_for_numbers_and_links_where_it_was_written():
    hidden = Notice("secret", "内部通知", date(2014, 5, 1), "内部", internal=True)
    shown = visit(
        host="孙建华 13812345678",
        report="第一段\n\n见[通知](../../notices/secret/)",
        stops=(Stop("东门，电话 139-1234-5678，见 ../../notices/secret/"),),
    )
    quiet = visit(id="v-2", report="联系 13712345678", internal=True)
    data = dataclasses.replace(with_visits(shown, quiet), notices=(hidden,))
    errors = privacy.check_public_text(data)
    # The internal visit is not checked; a link in plain text (stops) is not a link.
    assert [(e.path, e.line, e.field) for e in errors] == [
        ("data/visits.yml", 4, "host"),
        ("data/visits.yml", 9, "stops"),
        ("data/visits.yml", 6, "report"),
    ]
    assert ["手机号码" in e.message for e in errors] == [True, True, False]
    assert "secret" in errors[2].message


def test_the_leading_group_masked_on_request_is_masked_in_a_new_kind_too():
    public = privacy.publish(with_visits(visit(report="王建国讲话"), mask_leading_group=True))
    assert public.visits[0].report == "王＊讲话"


PERSON_WORDS = frozenset(
    "owner leader people person member contact host guest author staff manager reporter "
    "inspector chair secretary head chief officer director responsible".split()
)
"""Words of a field's name that say it holds a person."""

NOT_PERSONS = frozenset({"Activity.host", "Activity.guests", "Activity.people"})
"""Names that say person but hold no name: the units that hosted and came, the head count."""

UNDECLARED = frozenset(
    "Phase.id NamedScreen.id Slide.name Plan.pairs Unit.id Indicator.id Indicator.unit "
    "Indicator.direction Indicator.applies_to Indicators.periods Criterion.id Round.id "
    "RectificationItem.id RectificationItem.unit RectificationItem.status "
    "RectificationItem.photo_before RectificationItem.photo_after Exemplar.slug Exemplar.unit "
    "Exemplar.cover Exemplar.adopted_by Notice.slug ProjectGroup.id Project.id Project.group "
    "Project.unit Project.photos Project.kind TimeProgress.by Indicator.scope "
    "Activity.id Activity.host Activity.guests Activity.photos "
    "Achievement.unit Achievement.level LogSource.log LogSource.role LogSource.level".split()
)
"""Strings published as written, never masked: ids, slugs, unit ids, paths, fixed words (a
slide's name, a direction, a unit of measure), period labels that key the values."""


def model_fields():
    """(record name, field) of every record kind of the model, but Origin (never published)."""
    records = inspect.getmembers(model, dataclasses.is_dataclass)
    return [
        (name, f) for name, kind in records if kind is not Origin for f in dataclasses.fields(kind)
    ]


def test_every_field_whose_name_says_person_is_declared_a_person():
    def says_person(name: str) -> bool:
        return any(word.rstrip("s") in PERSON_WORDS for word in name.split("_"))

    named = {f"{record}.{f.name}" for record, f in model_fields() if says_person(f.name)}
    declared = {f"{record}.{f.name}" for record, f in model_fields() if f.metadata.get(PRIVACY)}
    persons = {
        f"{record}.{f.name}" for record, f in model_fields() if f.metadata.get(PRIVACY) == PERSON
    }
    assert named >= {"Unit.contact", "RectificationItem.owner", "Exemplar.people"}
    assert {"LeaderRole.members", "Project.leader", "Project.owner"} <= named
    assert named - persons == NOT_PERSONS, "declare these person_field() in model.py"
    assert persons <= declared


def test_every_field_holding_strings_is_declared_or_known_to_hold_ids_paths_or_words():
    def holds_strings(kind: str) -> bool:
        return bool(re.search(r"\bstr\b", re.sub(r"Mapping\[str,", "", kind)))

    strings = {f"{record}.{f.name}" for record, f in model_fields() if holds_strings(str(f.type))}
    undeclared = {
        f"{record}.{f.name}" for record, f in model_fields() if not f.metadata.get(PRIVACY)
    }
    assert len(strings) > 60
    assert strings & undeclared == UNDECLARED, (
        "declare text_field(), markdown_field() or person_field() in model.py, or list an id here"
    )
