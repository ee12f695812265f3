"""Known persons named in free text: every occurrence of every person name the data holds."""

from __future__ import annotations

import re
from typing import Callable, Iterable

from ..model import PERSON, Campaign
from .declared import strings


def person_names(campaign: Campaign) -> set:
    """Every value of every person field, internal records included: a name is a name
    anywhere. One letter alone (a surname written for a person) is not looked for: it is in
    every text."""
    names = {found.text for found in strings(campaign, False) if found.kind == PERSON}
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
