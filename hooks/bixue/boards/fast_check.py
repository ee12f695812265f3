"""A quick yes/no check of a document against data.json's schema, for the portal's hundreds of
boards: jsonschema took ~30 ms a board (most of 300 boards' 10 s); this compiled check takes
under a millisecond, and jsonschema still explains every document it rejects."""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Callable

Check = Callable[[object], bool]

KEYWORDS = frozenset(
    {"type", "required", "properties", "additionalProperties", "items", "enum", "const"}
    | {"minimum", "minLength", "pattern", "allOf"}
)
"""Every checking keyword this module knows; tests hold the schema to them (annotations such as
description are not checks)."""
ANNOTATIONS = frozenset({"$schema", "$id", "title", "description"})
PYTHON_TYPES = MappingProxyType(
    {
        "object": (dict,),
        "array": (list,),
        "string": (str,),
        "integer": (int,),
        "number": (int, float),
        "boolean": (bool,),
        "null": (type(None),),
    }
)
"""Exact Python types (a bool is no integer here); an integral float fails the quick check and
goes to jsonschema, which accepts it."""


def compile_schema(node: dict) -> Check:
    """A function telling whether a value meets `node` (a schema with every $ref inlined)."""
    unknown = set(node) - KEYWORDS - ANNOTATIONS
    if unknown:
        raise ValueError(f"schema keyword not supported by the quick check: {sorted(unknown)}")
    checks = [make(key, value) for key, value in node.items() if key in KEYWORDS]
    if len(checks) == 1:
        return checks[0]
    return lambda value: all(check(value) for check in checks)


def make(key: str, value) -> Check:
    return MAKERS[key](value)


def of_type(names) -> Check:
    chosen = [names] if isinstance(names, str) else names
    allowed = frozenset(kind for name in chosen for kind in PYTHON_TYPES[name])
    return lambda v: type(v) in allowed


def required(keys) -> Check:
    return lambda v: not isinstance(v, dict) or all(key in v for key in keys)


def properties(schemas) -> Check:
    compiled = tuple((key, compile_schema(sub)) for key, sub in schemas.items())

    def check(v) -> bool:
        if type(v) is not dict:
            return True
        for key, check_one in compiled:
            if key in v and not check_one(v[key]):
                return False
        return True

    return check


def additional(sub) -> Check:
    check = compile_schema(sub)
    return lambda v: type(v) is not dict or all(map(check, v.values()))


def items(sub) -> Check:
    check = compile_schema(sub)
    return lambda v: type(v) is not list or all(map(check, v))


def number(v) -> bool:
    return type(v) in (int, float)


def pattern(text) -> Check:
    search = re.compile(text).search
    return lambda v: not isinstance(v, str) or search(v) is not None


MAKERS = MappingProxyType(
    {
        "type": of_type,
        "required": required,
        "properties": properties,
        "additionalProperties": additional,
        "items": items,
        "enum": lambda options: lambda v: any(v == o and type(v) is type(o) for o in options),
        "const": lambda wanted: lambda v: v == wanted and type(v) is type(wanted),
        "minimum": lambda low: lambda v: not number(v) or v >= low,
        "minLength": lambda low: lambda v: not isinstance(v, str) or len(v) >= low,
        "pattern": pattern,
        "allOf": lambda subs: (lambda checks: lambda v: all(c(v) for c in checks))(
            [compile_schema(sub) for sub in subs]
        ),
    }
)
