"""Records whose id is left out get one made from their short name or name (load.ids); every made
id is noted on the reading, for `check.sh` to list."""

from __future__ import annotations

from typing import Dict, List, Optional

from .ids import free_id, made_id
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
