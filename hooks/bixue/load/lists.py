"""Person and unit lists as clerks type them: a YAML list, or one text split at ，、,;."""

from __future__ import annotations

from typing import List, Optional, Tuple

from . import forms
from .fields import sequence, skipped, text
from .reading import Source
from .yamlfile import Node


def listed(source: Source, node: Optional[Node], name: str) -> List[Node]:
    """A person or unit list: a YAML list, whose items may each be typed as one text with ，、,;
    (`[林美华，黄志强]`), or one such text (`林美华、黄志强`)."""
    if not skipped(node) and isinstance(node.value, str):
        items = [node]
    else:
        items = sequence(source, node, name)
    return [piece for item in items for piece in split_node(item)]


def split_node(item: Node) -> List[Node]:
    if not isinstance(item.value, str):
        return [item]
    return [Node(piece, item.line, piece) for piece in forms.split_list(item.value)]


def listed_texts(source: Source, node: Optional[Node], name: str) -> Tuple[str, ...]:
    values = (text(source, item, name) for item in listed(source, node, name))
    return tuple(value for value in values if value is not None)
