"""Ids of activity records left without one: the date and the title's pinyin (pypinyin)."""

from __future__ import annotations

import datetime
import re
from typing import Iterable, List, Tuple

from pypinyin import Style, lazy_pinyin

LONGEST = 40
"""Characters of the title's part at most, cut at a syllable."""


def syllables(title: str) -> List[str]:
    """Han characters by their pinyin without tones, ASCII letters and digits lowercased, the
    rest dropped."""
    words = lazy_pinyin(title, style=Style.NORMAL, errors=lambda chars: list(chars))
    found = (re.sub(r"[^a-z0-9]", "", word.lower()) for word in words)
    return [word for word in found if word]


def cut(words: Iterable[str], limit: int = LONGEST) -> str:
    made = ""
    for word in words:
        if len(made) + len(word) > limit:
            break
        made += word
    return made


def made_id(day: datetime.date, title: str) -> str:
    """2014-04-15 and 观摩交流 -> `2014-04-15-guanmojiaoliu`."""
    words = cut(syllables(title))
    return f"{day.isoformat()}-{words}" if words else day.isoformat()


def numbered(made: List[Tuple[str, bool]]) -> List[str]:
    """The ids in list order, each (id, written by hand); a made id taken before takes `-2`,
    `-3`: an id written by hand always wins."""
    taken = {value for value, by_hand in made if by_hand}
    found = []
    for value, by_hand in made:
        if not by_hand:
            base, count = value, 1
            while value in taken:
                count += 1
                value = f"{base}-{count}"
        taken.add(value)
        found.append(value)
    return found
