"""A YAML file that is one list, read again item by item: under `serve` an edit to one ledger item
of 5,000 in a file read the whole 2 MB file again, a second or more each rebuild. An item whose
text and first line are what they were in the last reading is that reading's node again, so the
item read from it is kept too (reading.read_kept).

A piece is the text from one `- ` at the start of a line to the next. Its reading is the whole
file's when nothing ties an item to another: anchors and aliases are refused anyway, a quoted or
flow value running into the next piece leaves its own piece unreadable, and a line at column 0
that neither starts an item nor is a comment (a document marker, a directive, a key) leaves the
file to be read whole. Any error, in a piece or the file, and the file is read whole, so errors
always read as they do for the whole file."""

from __future__ import annotations

import re
from typing import Dict, List, Mapping, Optional, Tuple

from ..errors import DataError
from .yamlfile import Node, parse_yaml

Pieces = Dict[str, Node]
"""Each item's node by its first line and text (key)."""

_ITEM = re.compile(r"^-(?= |$)", re.M)
_OTHER_AT_LINE_START = re.compile(r"^(?:[^ \n#-]|-[^ \n])", re.M)
_OTHER_BREAKS = re.compile("[\r\x85\u2028\u2029\t]")
"""Line breaks other than \\n (lines would be counted otherwise) and tabs."""


def read_in_pieces(
    text: str, path: str, last: Mapping[str, Node]
) -> Tuple[Optional[Node], List[DataError], Pieces]:
    """(root, errors) as parse_yaml(text, path) gives them, and the pieces for the next reading;
    items whose piece is in `last` are not read again."""
    pieces = split(text)
    if pieces is None or not last:
        return read_whole(text, path, pieces)
    items: List[Node] = []
    now: Pieces = {}
    for key, line, piece in pieces:
        node = last.get(key)
        if node is None:
            node = read_one(piece, path, line)
            if node is None:
                return read_whole(text, path, pieces)
        now[key] = node
        items.append(node)
    return Node(items, pieces[0][1]), [], now


def split(text: str) -> Optional[List[Tuple[str, int, str]]]:
    """(key, first line, text) of each item of a file that is one list at column 0, or None."""
    if _OTHER_BREAKS.search(text) or _OTHER_AT_LINE_START.search(text):
        return None
    starts = [found.start() for found in _ITEM.finditer(text)]
    if not starts or not all(map(_blank_or_comment, text[: starts[0]].split("\n"))):
        return None
    line = 1 + text.count("\n", 0, starts[0])
    pieces = []
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        piece = text[start:end]
        pieces.append((f"{line}\n{piece}", line, piece))
        line += piece.count("\n")
    return pieces


def _blank_or_comment(line: str) -> bool:
    rest = line.lstrip(" ")
    return not rest or rest.startswith("#")


def read_one(piece: str, path: str, line: int) -> Optional[Node]:
    """The item a piece holds, or None when it has an error or is not one item."""
    root, errors = parse_yaml(piece, path, line)
    if errors or root is None or not isinstance(root.value, list) or len(root.value) != 1:
        return None
    return root.value[0]


def read_whole(
    text: str, path: str, pieces: Optional[List[Tuple[str, int, str]]]
) -> Tuple[Optional[Node], List[DataError], Pieces]:
    """The file read as one; its items noted by piece when it read without an error and each
    item lies in its piece."""
    root, errors = parse_yaml(text, path)
    if errors or pieces is None or root is None or not isinstance(root.value, list):
        return root, errors, {}
    items = root.value
    if len(items) != len(pieces) or root.line != pieces[0][1]:
        return root, errors, {}
    ends = [line for _, line, _ in pieces[1:]] + [float("inf")]
    for item, (_, line, _), end in zip(items, pieces, ends, strict=True):
        if not line <= item.line < end:
            return root, errors, {}
    return root, errors, {key: item for (key, _, _), item in zip(pieces, items, strict=True)}
