"""Ids of activity records left without one: the date and the title's pinyin (pypinyin)."""

from __future__ import annotations

import datetime
from typing import List, Tuple

from . import ids

LONGEST = 40
"""Characters of the title's part at most, cut at a syllable."""


def made_id(day: datetime.date, title: str) -> str:
    """2014-04-15 and 观摩交流 -> `2014-04-15-guanmojiaoliu` (ids.made_id for the title)."""
    words = ids.made_id(title, LONGEST) if ids.syllables(title) else ""
    return f"{day.isoformat()}-{words}" if words else day.isoformat()


def numbered(made: List[Tuple[str, bool]]) -> List[str]:
    """The ids in list order, each (id, written by hand); a made id taken before takes `-2`,
    `-3`: an id written by hand always wins."""
    taken = {value for value, by_hand in made if by_hand}
    found = []
    for value, by_hand in made:
        if not by_hand:
            value = ids.free_id(value, taken)
        taken.add(value)
        found.append(value)
    return found
