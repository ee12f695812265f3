"""Records whose id is left out get one made from their short name or name (load.ids); every made
id is noted on the reading, for `check.sh` to list."""

from __future__ import annotations

import re
from typing import Dict, List, Optional

from . import mdsafety
from .fields import text
from .ids import ID_FORM, free_id, made_id
from .reading import Source
from .yamlfile import Node


def name_of(entries: Dict[str, Node]) -> Optional[str]:
    """The short name, else the name, an id is made from; None when neither is written."""
    for key in ("short", "name", "title"):
        node = entries.get(key)
        if node is not None and isinstance(node.value, str) and node.value.strip():
            return node.value.strip()
    return None


def suggested(entries: Dict[str, Node]) -> str:
    """The id made from a record's names, for the error of a badly written id; "" without one."""
    name = name_of(entries)
    return made_id(name) if name else ""


def with_ids(source: Source, items: List[Node], kind: str) -> List[Node]:
    """`items` with an `id` made for each mapping that has a name and no id; hand-written ids
    win, made ones take -2, -3 in list order where they would meet another."""
    taken = {
        str(item.value["id"].value)
        for item in items
        if isinstance(item.value, dict) and "id" in item.value
    }
    return [with_id(source, item, kind, taken) for item in items]


def with_id(source: Source, item: Node, kind: str, taken: set) -> Node:
    if not isinstance(item.value, dict) or "id" in item.value:
        return item
    name = name_of(item.value)
    if name is None:
        return item  # the missing name (and id) are reported by the record's reader
    made = free_id(made_id(name), taken)
    taken.add(made)
    line = next(item.value[key].line for key in ("short", "name", "title") if key in item.value)
    source.reading.made_ids.append((source.where(line), kind, name, made))
    return Node({"id": Node(made, line, made), **item.value}, item.line, item.text)


ROUND_ID = re.compile(r"[A-Za-z0-9-]+")
"""A round's id may keep its capitals (2014-Q1, as periods are written): it is shown, never part
of a web address."""


def written_id(source: Source, entries: Dict[str, Node], name: str, form=ID_FORM) -> Optional[str]:
    """The record's `id` as written by hand (or made), an error suggesting the id made from its
    name when it is not of `form`; the id is kept either way, so nothing else is reported."""
    node = entries.get("id")
    value = text(source, node, name)
    if value is None or form.fullmatch(value):
        return value
    letters = "字母" if form is ROUND_ID else "小写字母"
    hint = f"只能用{letters}、数字和 -"
    made = suggested(entries)
    if made:
        hint += f"，如 {made}；也可以不写 id，由名称生成"
    source.error(node.line, name, f"id 不合格：'{mdsafety.shorten(value)}'", hint)
    return value
