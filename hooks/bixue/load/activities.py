"""activities.yml or activities.xlsx: the activity log (学习交流), one record per visit or
meeting."""

from __future__ import annotations

import dataclasses
from types import MappingProxyType
from typing import Callable, Dict, List, Optional, Tuple

from .. import model
from ..errors import DataError
from . import log_ids
from .datafiles import present
from .fields import (
    UNIT_ID,
    a_date,
    boolean,
    integer,
    mapping,
    markdown,
    sequence,
    text,
    unit_ref,
)
from .images import image_path
from .log_xlsx import LIST_SEPARATORS, Table, read_table_workbook
from .reading import Reading, Source, origin
from .workbook_files import check_not_workbooks, named_workbook, refused_files
from .yamlfile import INVALID, Node

REQUIRED = ("date", "kind", "title", "host")
OPTIONAL = ("id", "guests", "people", "summary", "photos", "internal")
TABLE = Table(
    headers=MappingProxyType(
        {
            "编号": "id",
            "日期": "date",
            "类型": "kind",
            "主题": "title",
            "主办单位": "host",
            "参加单位": "guests",
            "人数": "people",
            "内容": "summary",
            "照片": "photos",
            "内部": "internal",
        }
    ),
    needed=("日期", "主题"),
    required=REQUIRED,
    dates=("date",),
    numbers=("people",),
    units=("host",),
    unit_lists=("guests",),
    lists=("photos",),
    booleans=("internal",),
    what="活动记录",
)


def load_log(
    reading: Reading, stem: str, table: Table, read_record: Callable
) -> Tuple[List, Optional[Source]]:
    """The records of data/STEM.yml (a list) or data/STEM.xlsx (both: an error), each checked
    by `read_record(source, node)`; and the YAML file's source, if read."""
    file = reading.data_dir / f"{stem}.yml"
    workbook = named_workbook(reading, stem)
    check_not_workbooks(reading, refused_files(reading.data_dir, stem))
    if present(workbook) and present(file):
        message = f"{reading.relative(file)} 和 {reading.relative(workbook)} 不能同时存在"
        reading.file_error(workbook, message, "只写在一处：删掉其中一个")
        return [], None
    if present(workbook):
        return read_table_workbook(reading, workbook, table, read_record), None
    if not present(file):
        return [], None
    source, root = reading.read(file)
    found = [read_record(source, node) for node in sequence(source, root, "")]
    return [record for record in found if record], source


def load_activities(reading: Reading) -> Tuple[model.Activity, ...]:
    """Every activity in file order, ids made for those without one."""
    records, _ = load_log(reading, "activities", TABLE, read_activity)
    return with_ids(reading, records)


def with_ids(reading: Reading, records: List[model.Activity]) -> Tuple[model.Activity, ...]:
    """Made ids for records without one (read with id ""); a hand-written id twice is an
    error."""
    seen: Dict[str, model.Activity] = {}
    for record in records:
        if record.id and record.id in seen:
            where = where_written(seen[record.id])
            message = f"'{record.id}' 重复了：{where} 已经用过"
            reading.errors.append(error_at(record, "id", message))
        seen.setdefault(record.id, record)
    made = [(r.id or log_ids.made_id(r.date, r.title), bool(r.id)) for r in records]
    ids = log_ids.numbered(made)
    return tuple(dataclasses.replace(r, id=value) for r, value in zip(records, ids, strict=True))


def where_written(record) -> str:
    at = record.origin
    return f"{at.path}:{at.cell_of('id') or at.line_of('id')}"


def error_at(record, key: str, message: str) -> DataError:
    at = record.origin
    return DataError(at.path, at.line_of(key), at.label_of(key), message, cell=at.cell_of(key))


def read_activity(source: Source, node: Node) -> Optional[model.Activity]:
    entries = mapping(source, node, "", REQUIRED, OPTIONAL)
    if entries is None:
        return None
    get = entries.get
    values = {
        "day": a_date(source, get("date"), "date"),
        "kind": text(source, get("kind"), "kind"),
        "title": text(source, get("title"), "title"),
        "host": unit_ref(source, get("host"), "host"),
    }
    activity_id = read_id(source, get("id"), values["day"], values["title"])
    # Every field is checked, even of a record already wrong: all errors at once.
    more = {
        "guests": read_guests(source, get("guests"), values["host"]),
        "people": integer(source, get("people"), "people", 0),
        "summary": markdown(source, get("summary"), "summary") or "",
        "photos": read_photos(source, get("photos")),
        "internal": bool(boolean(source, get("internal"), "internal")),
    }
    if None in values.values() or activity_id is None:
        return None
    return model.Activity(
        id=activity_id,
        date=values["day"],
        kind=values["kind"],
        title=values["title"],
        host=values["host"],
        **more,
        origin=origin(source, node),
    )


def read_id(source: Source, node: Optional[Node], day, title) -> Optional[str]:
    """The id written by hand, "" when left out (made later), None when written wrong."""
    value = text(source, node, "id")
    if value is None:
        return None if node is not None and node.value is INVALID else ""
    if UNIT_ID.fullmatch(value):
        return value
    made = log_ids.made_id(day, title) if day and title else ""
    hint = "只能用小写字母、数字和 -" + (f"；可以写 {made}，或者不写编号" if made else "")
    source.error(node.line, "id", f"编号不合格：'{value}'", hint)
    return None


def listed_words(node: Optional[Node]) -> List[Node]:
    """A list of units, or one text holding them (`龙潭、城关`), as nodes."""
    if node is None or not isinstance(node.value, str):
        return [] if node is None or node.value is None else [node]
    words = (word.strip() for word in LIST_SEPARATORS.split(node.value))
    return [Node(word, node.line, word) for word in words if word]


def read_guests(source: Source, node: Optional[Node], host: Optional[str]) -> Tuple[str, ...]:
    items = node and (sequence(source, node, "guests") if isinstance(node.value, list) else None)
    found: List[str] = []
    for item in items if items is not None else listed_words(node):
        unit = unit_ref(source, item, "guests")
        if unit is None:
            continue
        if unit == host:
            source.error(item.line, "guests", f"'{unit}' 是主办单位，不用再写进参加单位")
        elif unit in found:
            source.error(item.line, "guests", f"'{unit}' 写了两次")
        else:
            found.append(unit)
    return tuple(found)


def read_photos(source: Source, node: Optional[Node]) -> Tuple[str, ...]:
    listed = node is not None and isinstance(node.value, list)
    items = sequence(source, node, "photos") if listed else listed_words(node)
    paths = (image_path(source, item, "photos") for item in items)
    return tuple(path for path in paths if path)
