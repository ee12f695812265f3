"""Mobile and resident ID numbers found in text, in any form a person can type or paste."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator, List, Tuple

DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\u30fc\uff70\ufe58\ufe63\uff0d")
"""Dashes beside Unicode's Pd class that a pasted number may hold (minus sign, katakana bar)."""

# Between two digits a person may put spaces, dashes or dots, once normalised; two at most,
# so that a list of separate small numbers never joins up into one long number.
SEP = r"[ .\-]{0,2}"
MOBILE = re.compile(rf"(?<!\d)1{SEP}[3-9](?:{SEP}\d){{9}}(?!\d)")
RESIDENT_ID = re.compile(rf"(?<![\dX])\d(?:{SEP}\d){{16}}{SEP}[\dX](?![\dX])", re.I)
KINDS = ((RESIDENT_ID, "18位身份证号码"), (MOBILE, "手机号码"))
"""IDs first: the eleven digits inside an ID number are not a mobile number as well."""


def fold(char: str) -> str:
    """One character as the number check reads it: compatibility forms (１, Ｘ, ①) as ASCII,
    every space as ' ', every dash as '-', invisible format characters dropped."""
    if char == "\n":
        return char
    category = unicodedata.category(char)
    if category.startswith("Z") or char in "\t\v\f\r\x85":
        return " "
    if category == "Pd" or char in DASHES:
        return "-"
    if category == "Cf":
        return ""
    folded = unicodedata.normalize("NFKC", char)
    return "".join(fold(piece) if piece != char else piece for piece in folded)


def normalised(text: str) -> Tuple[str, List[int]]:
    """The folded text and, for each of its characters, the index it came from in `text`."""
    pieces, origins = [], []
    for index, char in enumerate(text):
        for piece in fold(char):
            pieces.append(piece)
            origins.append(index)
    return "".join(pieces), origins


def find_numbers(text: str) -> Iterator[Tuple[int, str, str]]:
    """(line offset in `text`, what kind, the number as written) of every number, in order."""
    folded, origins = normalised(text)
    found: List[Tuple[range, str]] = []
    for pattern, kind in KINDS:
        for match in pattern.finditer(folded):
            if not any(match.start() in span for span, _ in found):
                found.append((range(match.start(), match.end()), kind))
    for span, kind in sorted(found, key=lambda pair: pair[0].start):
        start, end = origins[span.start], origins[span.stop - 1] + 1
        yield text.count("\n", 0, start), kind, text[start:end]
