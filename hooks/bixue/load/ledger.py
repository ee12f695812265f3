"""rectifications/*.yml: the rectification ledger (整改台账), one list of items per file."""

from __future__ import annotations

from datetime import date
from typing import Dict, List, Optional, Tuple

from .. import model
from .facts import check_item_dates
from .fields import (
    a_date,
    boolean,
    mapping,
    markdown,
    sequence,
    text,
    unit_ref,
)
from .images import image_path
from .ledger_xlsx import read_ledger_workbook
from .reading import Reading, Source, note_unique, origin, read_kept, units_against
from .statuses import read_status
from .workbook_files import check_not_workbooks, is_workbook, refused_files, workbook_files
from .yamlfile import INVALID, Node

ITEM_REQUIRED = ("id", "unit", "problem", "status")
ITEM_OPTIONAL = (
    *("measures", "source", "category", "owner", "found", "deadline", "completed"),
    *("updates", "photos", "internal"),
)
CLOSED = ("done", "verified")


def load_ledger(reading: Reading) -> Tuple[model.RectificationItem, ...]:
    """Every item of every file (YAML and workbooks), files in name order; ids are unique across
    files.

    Files named `*.yaml` are reported by `reading.check_misnamed`."""
    folder = reading.data_folder("rectifications")
    reading.kept.items.start_build()
    if folder is None:
        return ()
    seen: Dict[str, str] = {}
    items: List[Optional[model.RectificationItem]] = []
    # Every name ending .yml is read or reported: a folder or a link so named is an error.
    yaml_files = list(folder.glob("*.yml"))
    for file in sorted([*yaml_files, *workbook_files(folder)]):
        if is_workbook(file):
            items += read_ledger_workbook(
                reading, file, lambda src, node: read_item(src, node, seen)
            )
            continue
        source, root = reading.read(file)
        against = f"{source.path}\0{units_against(reading)}"
        nodes = sequence(source, root, "")
        items += [read_item_kept(source, node, seen, against) for node in nodes]
    check_not_workbooks(reading, refused_files(folder))
    return tuple(item for item in items if item)


def read_item_kept(
    source: Source, node: Node, seen: Dict[str, str], against: str
) -> Optional[model.RectificationItem]:
    """read_item, or the item read from the same node in the last load (reading.read_kept,
    `Kept.items`): a YAML file is read again only when its bytes change, and then only in the
    items whose text changed (yaml_pieces), so under `serve` an edit to one of 20,000 items
    leaves the others unchecked (a second a rebuild). An item with photos is read again: its
    photos are files that may have changed."""
    item, reused = read_kept(
        source.reading.kept.items,
        source,
        node,
        against,
        lambda: read_item(source, node, seen),
        lambda item: not (item.photo_before or item.photo_after),
    )
    if reused:  # its id still counts against the other items'
        note_unique(source, seen, item.id, node.value.get("id"), "id")
    return item


def read_item(
    source: Source, node: Node, seen: Dict[str, str]
) -> Optional[model.RectificationItem]:
    entries = mapping(source, node, "", ITEM_REQUIRED, ITEM_OPTIONAL)
    if entries is None:
        return None
    get = entries.get
    item_id = text(source, get("id"), "id")
    note_unique(source, seen, item_id, get("id"), "id")
    status = read_status(source, get("status"), "status")
    deadline, completed = read_status_dates(source, node, entries, status)
    words = {key: text(source, get(key), key) or "" for key in ("source", "category", "owner")}
    photos = read_photos(source, get("photos"))
    found = a_date(source, get("found"), "found")
    check_item_dates(source, entries, found, {"deadline": deadline, "completed": completed})
    return model.RectificationItem(
        id=item_id,
        unit=unit_ref(source, get("unit"), "unit"),
        problem=markdown(source, get("problem"), "problem"),
        status=status,
        deadline=deadline,
        measures=markdown(source, get("measures"), "measures") or "",
        **words,
        found=found,
        completed=completed,
        updates=read_updates(source, get("updates")),
        photo_before=photos.get("before", ""),
        photo_after=photos.get("after", ""),
        internal=bool(boolean(source, get("internal"), "internal")),
        origin=origin(source, node),
    )


def given(entries: Dict[str, Node], key: str) -> bool:
    return entries.get(key) is not None and entries[key].value is not None


def unread(entries: Dict[str, Node], key: str) -> bool:
    """Reported already (a cell that could not be read, a column whose header was misspelt)."""
    return entries[key].value is INVALID


def read_status_dates(
    source: Source, node: Node, entries: Dict[str, Node], status: Optional[str]
) -> Tuple[Optional[date], Optional[date]]:
    """The deadline (all but ongoing) and the completion date (done and verified only)."""
    deadline = a_date(source, entries.get("deadline"), "deadline")
    completed = a_date(source, entries.get("completed"), "completed")
    if status is None:
        return deadline, completed
    shown = source.status_shown(status)
    if status != "ongoing" and not given(entries, "deadline"):
        source.error(node.line, "deadline", f"状态为 {shown}的事项必须写整改时限")
    if status in CLOSED and not given(entries, "completed"):
        source.error(node.line, "completed", f"状态为 {shown}的事项必须写完成日期")
    if status not in CLOSED and given(entries, "completed") and not unread(entries, "completed"):
        done, verified = source.status_word("done"), source.status_word("verified")
        hint = f"删掉 {source.term('completed')}，或者把 {source.term('status')} 改为 {done}"
        message = f"状态为 {shown}的事项不能写完成日期，只有 {done} 和 {verified} 才写"
        source.error(entries["completed"].line, "completed", message, hint)
    return deadline, completed


def read_updates(
    source: Source, node: Optional[Node], name: str = "updates"
) -> Tuple[model.Update, ...]:
    """The progress log, newest first."""
    updates = []
    for item in sequence(source, node, name):
        entries = mapping(source, item, name, ("date", "note"))
        if entries is not None:
            when = a_date(source, entries.get("date"), f"{name}.date")
            note = markdown(source, entries.get("note"), f"{name}.note") or ""
            updates.append(model.Update(when, note))
    return tuple(sorted(updates, key=lambda update: update.date or date.min, reverse=True))


def read_photos(source: Source, node: Optional[Node]) -> Dict[str, str]:
    entries = mapping(source, node, "photos", (), ("before", "after")) or {}
    paths = {
        key: image_path(source, entries.get(key), f"photos.{key}") for key in ("before", "after")
    }
    return {key: path for key, path in paths.items() if path}
