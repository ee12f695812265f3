"""Known persons named in free text: every occurrence of every person name the data holds."""

from __future__ import annotations

import dataclasses
import re
from typing import Callable, Iterable, Mapping

from ..model import Campaign, Origin, Screen

IDENTIFIERS = frozenset(
    "id slug unit status direction cover photo_before photo_after adopted_by pairs data_dir "
    "periods".split()
)
"""Fields that hold ids, paths, fixed words or keys of other fields (period labels key the
values), never text a reader sees as written."""


def person_names(campaign: Campaign) -> set:
    """Every person value of the data, internal records included: a name is a name anywhere.
    One letter alone (a surname written for a person) is not looked for: it is in every text."""
    names = {unit.contact for unit in campaign.units}
    names.update(item.owner for item in campaign.ledger)
    names.update(person for case in campaign.exemplars for person in case.people)
    names.update(member for role in campaign.plan.leading_group for member in role.members)
    return {name.strip() for name in names if len("".join(name.split())) >= 2}


def kept_names(campaign: Campaign) -> set:
    """Names published in full: the leading group's, only while it is not masked."""
    if campaign.plan.mask_leading_group:
        return set()
    return {member.strip() for role in campaign.plan.leading_group for member in role.members}


def name_pattern(name: str) -> str:
    """A name as it may be typed: Chinese names with any spaces between their characters
    (王　伟 is how a two-character name is padded), Latin ones in any case, whole words."""
    if name[0].isascii():
        words = (re.escape(word) for word in name.split())
        return r"(?<![A-Za-z])(?i:" + r"\s+".join(words) + r")(?![A-Za-z])"
    return r"\s*".join(re.escape(char) for char in name if not char.isspace())


def masker(names: Iterable[str], kept: set, mask: Callable[[str], str]) -> Callable[[str], str]:
    """A function that masks every occurrence of the names in a text, longest name first, so
    that a kept name holding a shorter one stays whole."""
    ordered = sorted(set(names), key=lambda name: (-len(name), name))
    if not ordered:
        return lambda text: text
    patterns = [f"(?P<n{index}>{name_pattern(name)})" for index, name in enumerate(ordered)]
    combined = re.compile("|".join(patterns))

    def replace(match: re.Match) -> str:
        name = ordered[int(match.lastgroup[1:])]
        return match.group() if name in kept else mask(name)

    return lambda text: combined.sub(replace, text) if text else text


def mask_free_text(campaign: Campaign, mask: Callable[[str], str], known: set) -> Campaign:
    """The campaign with every name of `known` masked in every text a reader sees, but the
    leading group's while they are published in full."""
    kept = {name for name in kept_names(campaign) if name in known}
    return mapped(campaign, masker(known, kept, mask))


def mapped(record, text: Callable[[str], str]):
    """A copy of a record with `text` applied to each of its texts, nested records included."""
    changes = {}
    for field in dataclasses.fields(record):
        if field.name not in IDENTIFIERS:
            value = getattr(record, field.name)
            new = mapped_value(value, text)
            if new is not value:
                changes[field.name] = new
    return dataclasses.replace(record, **changes) if changes else record


def mapped_value(value, text: Callable[[str], str]):
    if isinstance(value, str):
        return text(value)
    if isinstance(value, tuple):
        return tuple(mapped_value(item, text) for item in value)
    if isinstance(value, (Origin, Screen, Mapping)) or value is None:
        return value
    if dataclasses.is_dataclass(value):
        return mapped(value, text)
    return value
