"""Records walked by what their fields declare (person, text, Markdown), whatever their kind."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date
from typing import Callable, List, NamedTuple, Optional

from ..model import PERSON, PRIVACY, UNPUBLISHED, Origin

NOWHERE = Origin("data", 1)
"""Where a string is said to be when no record around it knows where it was written."""
SCALARS = (int, float, date, type(None))
"""Values that hold no string: a walk steps over them at once (a mapping of figures can hold
thousands)."""
BODY = "body"
"""The field whose text is the rest of its file line for line (a story's or a notice's
Markdown): a line within it is a line of the file. Other texts are values under a key, whose
lines YAML may fold or a workbook may not have."""


class Found(NamedTuple):
    """One string a record holds, located by the nearest record that has an origin and that
    record's field (a ledger item's update is written under its `updates`)."""

    origin: Origin
    field: str
    kind: str
    """What its own field declares: PERSON, TEXT, MARKDOWN, or "" (an id, a path, a word)."""
    text: str

    @property
    def line(self) -> int:
        return self.origin.line_of(self.field)


def kind_of(field: dataclasses.Field) -> str:
    return field.metadata.get(PRIVACY, "")


def is_record(value) -> bool:
    """A record of the campaign: a dataclass instance, but not an Origin, which says where a
    record was written and is never published."""
    return dataclasses.is_dataclass(value) and not isinstance(value, (type, Origin))


def strings(record, published: bool) -> List[Found]:
    """Every string a record holds, its nested records', tuples' and mappings' included (not
    mapping keys: they repeat ids). With `published`, only those the public build publishes:
    none of a record marked internal, none of a field declared unpublished."""
    found: List[Found] = []
    add_record(record, published, NOWHERE, "", found)
    return found


def add_record(record, published: bool, origin: Origin, at: str, found: List[Found]) -> None:
    if published and getattr(record, "internal", False) is True:
        return
    own = getattr(record, "origin", None)
    if isinstance(own, Origin):
        origin, at = own, ""
    for field in dataclasses.fields(record):
        kind = kind_of(field)
        if not (published and kind == UNPUBLISHED):
            value = getattr(record, field.name)
            add_value(value, kind, published, origin, at or field.name, found)


def add_value(value, kind: str, published: bool, origin: Origin, at: str, found: List[Found]):
    if isinstance(value, str):
        found.append(Found(origin, at, kind, value))
    elif isinstance(value, SCALARS):
        return
    elif isinstance(value, (tuple, Mapping)):
        for item in value.values() if isinstance(value, Mapping) else value:
            if not isinstance(item, SCALARS):
                add_value(item, kind, published, origin, at, found)
    elif is_record(value):
        add_record(value, published, origin, at, found)


Change = Callable[[str], str]


def mapped(record, person: Change, text: Change):
    """A copy of a record with `person` applied to each string of its person fields and `text`
    to each string of its text and Markdown fields, nested records' included."""
    changes = {}
    for field in dataclasses.fields(record):
        value = getattr(record, field.name)
        kind = kind_of(field)
        change = person if kind == PERSON else None if kind in ("", UNPUBLISHED) else text
        new = mapped_value(value, change, person, text)
        if new is not value:
            changes[field.name] = new
    return dataclasses.replace(record, **changes) if changes else record


def mapped_value(value, change: Optional[Change], person: Change, text: Change):
    """`value` with `change` applied to its strings and its records mapped; `value` itself
    when nothing changed."""
    if isinstance(value, str):
        return change(value) if change else value
    if isinstance(value, SCALARS):
        return value
    if isinstance(value, tuple):
        items = tuple(mapped_value(item, change, person, text) for item in value)
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if isinstance(value, Mapping):
        if all(isinstance(item, SCALARS) for item in value.values()):
            return value
        items = {key: mapped_value(item, change, person, text) for key, item in value.items()}
        return value if all(items[key] is item for key, item in value.items()) else items
    if is_record(value):
        return mapped(value, person, text)
    return value
