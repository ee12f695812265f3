"""Ids made from names (财金股 -> caijingu): pinyin without tones, ASCII letters and digits kept
lowercased, everything else dropped; a collision in a list takes -2, -3 in list order."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable, List, Optional, Sequence

ID_FORM = re.compile(r"[a-z0-9-]+")
SLUG_CHARS = 40
FALLBACK = "id"
"""The id of a name with no letter, digit or Han character at all (`——`)."""


def syllables(name: str) -> List[str]:
    """The pieces an id is made of: each Han character's pinyin, each run of ASCII letters and
    digits, lowercased; nothing else. pypinyin is imported at the first name to convert: its
    dictionaries take about 0.1 s and 57 MB, and a campaign that gives every id needs none."""
    from pypinyin import Style, lazy_pinyin

    narrowed = unicodedata.normalize("NFKC", name)
    pieces = lazy_pinyin(narrowed, style=Style.NORMAL, errors=lambda rest: list(rest))
    found = []
    for piece in pieces:
        found.extend(re.findall(r"[a-z0-9]+", piece.lower().replace("ü", "v")))
    return found


def made_id(name: str, limit: Optional[int] = None) -> str:
    """The id made from a name; `limit`: at most so many characters, cut between syllables."""
    made = ""
    for piece in syllables(name):
        if limit is not None and made and len(made) + len(piece) > limit:
            break
        made += piece
    if limit is not None:
        made = made[:limit]
    return made or FALLBACK


def made_ids(names: Sequence[str], taken: Iterable[str] = ()) -> List[str]:
    """An id for each name in list order, none equal to another or to a `taken` one."""
    used = set(taken)
    ids = []
    for name in names:
        ids.append(free_id(made_id(name), used))
        used.add(ids[-1])
    return ids


def free_id(base: str, used: set) -> str:
    """`base`, or the first of base-2, base-3 … not yet used."""
    if base not in used:
        return base
    number = 2
    while f"{base}-{number}" in used:
        number += 1
    return f"{base}-{number}"


def slug_of(stem: str) -> str:
    """A Markdown file's slug: its name as it is when it is one already, else made from it."""
    return stem if ID_FORM.fullmatch(stem) else made_id(stem, SLUG_CHARS)
