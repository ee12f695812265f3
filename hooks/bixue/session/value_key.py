"""A digest of a block's inputs, made of the board's records, so that under `serve` a block
rendered from the same values as in the last build is taken from it (render.render_block).

A value's digest covers all of it: every field of a record, every item of a tuple, list,
frozenset or mapping, recursively, with each type's name (a Markup string is not a str: it is
not escaped). A frozen record's digest is made once, however many blocks show it, and kept by
the build session (`BuildSession.records`, by the record itself: a frozen record cannot change,
so its digest cannot go stale; only records that outlive a build: the loader's, and the board's
that say they are lent), so a record kept from the last build is not digested again: a whole
500-unit board is 66,000 records and takes under a second. Where each record was written
(`Origin`) is left out: no template shows it, and an edit that adds a line would otherwise change
every record below it.
A record kind may say it is not to be digested (`digested = False`: the Board, which any edit
changes). A function is its name: `serve` never loads the package's code again, and a block's
functions (a page's address from a record, a date of an item) read only what they are given; one
that holds values of its own (a closure) cannot be digested. A method is its record and its
name. A value of any other kind (an open file, a mutable object) makes the block unkeyable, and
it is rendered as always.
"""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import enum
import hashlib
import operator
import types
from fractions import Fraction
from pathlib import PurePath
from typing import Any, Callable, Dict, Mapping, Optional, Tuple

from markupsafe import Markup

from ..model import Origin
from .cache import Cache

_LEAVES = (
    int,
    float,
    bool,
    type(None),
    Fraction,
    decimal.Decimal,
    datetime.date,
    datetime.datetime,
)
_LEAF_KINDS = frozenset(_LEAVES)
SHORT = 256
"""A record of the build (not kept for the next) whose text is at most this long is not
digested: its text is as exact, and digesting 20,000 ledger rows' was a third of their cost."""


LOADED = Origin.__module__
"""The module of the records the loader makes (bixue.model): these outlive a build (an item of
an unchanged file is taken from the last load), so their digests are kept for the next. So are
the digests of the board's records that say `lent = True`: the next board takes them again
where they were computed from the same records (figures.board.compute_board's `like`). Other
records are made anew each build and their digests go with them."""


class Unkeyable(Exception):
    """A value this module cannot digest: what is rendered from it is rendered again."""


class Keys:
    """The digests of one build: records are digested once and held, so that no other object
    can take the address a digest is kept under."""

    def __init__(self, kept: Optional[Cache] = None) -> None:
        self._kept = kept
        """Digests of records from earlier builds, by the record (the session's)."""
        self._records: Dict[int, Tuple[Any, str]] = {}
        self._fields: Dict[type, Tuple[str, Callable[[Any], tuple], bool]] = {}
        """Each record kind's name, what reads its fields (but where it was written), and
        whether its records' digests are kept for the next build."""

    def digest(self, name: str, context: Mapping[str, Any]) -> str:
        """A digest of `name` and every value of `context`; Unkeyable if one cannot be."""
        text = name + "\0" + "\0".join(f"{key}={self._part(context[key])}" for key in context)
        return digest_text(text)

    def _part(self, value) -> str:
        kind = type(value)
        if kind is str:
            return repr(value)
        if kind in self._fields:  # a record's digest: held for the build, so looked up first
            found = self._records.get(id(value))
            return found[1] if found is not None else self._record(value)
        if kind is tuple or kind is list:
            return "(" + ",".join(map(self._part, value)) + ")"
        if kind in _LEAF_KINDS:
            return f"{kind.__name__}:{value!r}"
        if kind is dict or kind is types.MappingProxyType:
            items = (f"{self._part(key)}:{self._part(item)}" for key, item in value.items())
            return "{" + ",".join(items) + "}"
        if kind is frozenset:  # in no order: its members' digests sorted
            return "s{" + ",".join(sorted(map(self._part, value))) + "}"
        if kind is Markup:
            return "M" + repr(str(value))
        if kind is Origin:
            return "O"
        if isinstance(value, (enum.Enum, PurePath)):
            return f"{kind.__qualname__}:{value!r}"
        if kind is types.FunctionType and value.__closure__ is None:
            return f"F:{value.__module__}.{value.__qualname__}"
        if kind is types.MethodType:
            return f"B:{self._part(value.__self__)}.{self._part(value.__func__)}"
        return self._record(value)

    def _record(self, value) -> str:
        kept = self._records.get(id(value))
        if kept is not None:
            return kept[1]
        kind = self._fields.get(type(value)) or self._record_kind(type(value))
        if self._kept is None or not kind[2]:
            digest = self._digest_record(value, SHORT)
        else:  # a record the loader may keep for the next build: its digest is kept with it
            digest = self._kept.get(
                str(id(value)),
                lambda: (value, self._digest_record(value)),
                lambda last: last[0] is value,
            )[1]
        self._records[id(value)] = (value, digest)
        return digest

    def _digest_record(self, value, short: int = 0) -> str:
        """The record's kind and fields, digested when longer than `short` characters (a
        record made anew each build is held only for it: a short one is its own digest)."""
        kind = type(value)
        found = self._fields.get(kind) or self._record_kind(kind)
        text = f"{found[0]}({','.join(map(self._part, found[1](value)))})"
        return text if len(text) <= short else digest_text(text)

    def _record_kind(self, kind: type) -> Tuple[str, Callable[[Any], tuple], bool]:
        params = getattr(kind, "__dataclass_params__", None)
        if params is None or not params.frozen or getattr(kind, "digested", True) is False:
            raise Unkeyable(kind.__qualname__)
        names = [field.name for field in dataclasses.fields(kind)]
        if len(names) > 1:
            fields = operator.attrgetter(*names)
        else:
            fields = lambda record: tuple(getattr(record, name) for name in names)  # noqa: E731
        kept = kind.__module__ == LOADED or getattr(kind, "lent", False) is True
        found = self._fields[kind] = (f"{kind.__module__}.{kind.__qualname__}", fields, kept)
        return found


def digest_text(text: str) -> str:
    """A short digest of a text."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
