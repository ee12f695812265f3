"""achievements.yml or achievements.xlsx: honours and achievements (荣誉成果) by unit and level."""

from __future__ import annotations

from types import MappingProxyType
from typing import List, Optional, Tuple

from .. import model
from .activities import listed_words, load_log
from .fields import a_date, boolean, choice, mapping, sequence, text, unit_ref
from .log_xlsx import Table
from .reading import Reading, Source, origin
from .yamlfile import Node

REQUIRED = ("date", "unit", "title", "kind", "level")
OPTIONAL = ("grade", "people", "internal")
TABLE = Table(
    headers=MappingProxyType(
        {
            "日期": "date",
            "单位": "unit",
            "名称": "title",
            "类别": "kind",
            "级别": "level",
            "等次": "grade",
            "人员": "people",
            "内部": "internal",
        }
    ),
    needed=("日期", "名称"),
    required=REQUIRED,
    dates=("date",),
    units=("unit",),
    lists=("people",),
    booleans=("internal",),
    what="荣誉成果",
)


def load_achievements(reading: Reading) -> Tuple[model.Achievement, ...]:
    records, _ = load_log(reading, "achievements", TABLE, read_achievement)
    return tuple(records)


def read_achievement(source: Source, node: Node) -> Optional[model.Achievement]:
    entries = mapping(source, node, "", REQUIRED, OPTIONAL)
    if entries is None:
        return None
    get = entries.get
    values = {
        "date": a_date(source, get("date"), "date"),
        "unit": unit_ref(source, get("unit"), "unit"),
        "title": text(source, get("title"), "title"),
        "kind": text(source, get("kind"), "kind"),
        "level": choice(source, get("level"), "level", model.ACHIEVEMENT_LEVELS),
    }
    # Every field is checked, even of a record already wrong: all errors at once.
    more = {
        "grade": text(source, get("grade"), "grade") or "",
        "people": read_people(source, get("people")),
        "internal": bool(boolean(source, get("internal"), "internal")),
    }
    if None in values.values():
        return None
    return model.Achievement(**values, **more, origin=origin(source, node))


def read_people(source: Source, node: Optional[Node]) -> Tuple[str, ...]:
    """A list of names, or one text holding them (`林美华、黄志强`)."""
    listed = node is not None and isinstance(node.value, list)
    items: List[Node] = sequence(source, node, "people") if listed else listed_words(node)
    names = (text(source, item, "people") for item in items)
    return tuple(name for name in names if name)
