"""returns/*.xlsx: a unit's ledger workbook (made by `templates`, pre-filled with its open items)
filled in and sent back. It updates those items of the ledger by 编号 and never adds rows:
状态 and 完成日期 are the return's, 整改措施 the return's unless left blank, 整改进展 the
ledger's entries plus the return's new ones; every other column stays the ledger's."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from .. import model
from .cells import as_text
from .facts import check_item_dates
from .fields import a_date, markdown, text
from .ledger import CLOSED, read_updates
from .ledger_xlsx import COMPUTED, HEADERS, LABELS, row_node
from .reading import Reading
from .tables import data_rows, header_columns, header_row, resolve_unit
from .workbook import NOTE_SHEETS, Sheet, WorkbookSource, line_of, open_workbook
from .workbook_files import check_not_workbooks, refused_files, workbook_files
from .yamlfile import INVALID, Node

FOLDER = "returns"
MARK = model.RETURN_MARK
NEEDED = ("编号", "状态")
FILE_UNIT = re.compile(r"^台账-(.+?)(?:\s*[(（]\d+[)）])?$")
"""台账-办公室.xlsx, as `templates` names a unit's workbook (a browser may add (1))."""
NEW_ITEMS = "交回表只更新台账里已有的事项；新发现的问题请写进总台账（data/rectifications/）"


@dataclasses.dataclass
class Applying:
    """The ledger as the returns read so far have left it."""

    items: Dict[str, model.RectificationItem]
    complete: bool = True
    """The ledger was read without an error: an id missing from it is the return's slip."""
    updated: Dict[str, model.RectificationItem] = dataclasses.field(default_factory=dict)
    taken: Dict[str, str] = dataclasses.field(default_factory=dict)
    """Item id -> the return cell that already updated it."""


def apply_returns(
    reading: Reading, ledger: Tuple[model.RectificationItem, ...]
) -> Tuple[Tuple[model.RectificationItem, ...], Tuple[model.Return, ...]]:
    """The ledger with every return of data/returns/ applied, and what each return changed."""
    folder = reading.data_folder(FOLDER)
    if folder is None or reading.unit_ids is None:  # units.yml's errors come first
        return ledger, ()
    ledger_folder = reading.relative(reading.data_dir / "rectifications") + "/"
    complete = not any(error.path.startswith(ledger_folder) for error in reading.errors)
    state = Applying({item.id: item for item in reversed(ledger)}, complete)
    found = [read_return(reading, file, state) for file in workbook_files(folder)]
    check_not_workbooks(reading, refused_files(folder))
    merged = tuple(state.updated.get(item.id, item) for item in ledger)
    return merged, tuple(made for made in found if made)


def read_return(reading: Reading, file: Path, state: Applying) -> Optional[model.Return]:
    source, sheets = open_workbook(reading, file)
    if sheets is None:
        return None
    source.headers = {**LABELS, "updates.date": "整改进展", "updates.note": "整改进展"}
    tables = [(sheet, header_row(sheet, NEEDED)) for sheet in sheets]
    tables = [(s, at) for s, at in tables if at is not None and s.name not in NOTE_SHEETS]
    if not tables:
        hint = "交回表的台账工作表前 10 行里要有表头“编号”和“状态”"
        reading.file_error(file, "这个交回表里没有台账工作表", hint)
        return None
    unit = return_unit(source, file, sheets)
    if unit is None:
        return None
    rows, changed = 0, []
    for sheet, at in tables:
        columns = header_columns(source, sheet, at, HEADERS, COMPUTED)
        source.columns[sheet.index] = columns
        for number, values in data_rows(sheet, at):
            rows += 1
            node = row_node(source, sheet, number, values, columns)
            change = apply_row(source, node, unit, state)
            changed += [change] if change else []
    return model.Return(file.name, unit, rows, tuple(changed))


def return_unit(source: WorkbookSource, file: Path, sheets: Sequence[Sheet]) -> Optional[str]:
    """The unit a return is from: its 说明 sheet's 交回单位, else its file name 台账-单位.xlsx."""
    for sheet in sheets:
        for number, values in sheet.rows if sheet.name in NOTE_SHEETS else ():
            if len(values) > 1 and as_text(values[0]) == MARK and values[1] is not None:
                unit = resolve_unit(source, values[1], line_of(sheet, number, 2), "unit")
                return unit if unit is not INVALID else None
    named = FILE_UNIT.match(file.stem)
    unit = unit_named(source, named.group(1)) if named else None
    if unit is None:
        hint = "交回用 templates 为这个单位生成的工作簿，或把文件改名为 台账-单位名称.xlsx"
        source.reading.file_error(file, "看不出这个交回表是哪个单位的", hint)
    return unit


def unit_named(source: WorkbookSource, written: str) -> Optional[str]:
    """The unit a file name names (id, name or short name), or None: no error of its own."""
    for unit in source.reading.units:
        if written in (unit.id, unit.name, unit.short):
            return unit.id
    return None


def apply_row(
    source: WorkbookSource, node: Node, unit: str, state: Applying
) -> Optional[model.ReturnedItem]:
    """One row of a return applied to its item; what it changed, or None (nothing, or an
    error reported)."""
    item = returned_item(source, node, unit, state)
    if item is None:
        return None
    entries = node.value
    status = entries.get("status")
    if status is None or status.value is None:
        source.error(node.line, "status", "必须填写状态", "从下拉列表选一个状态")
        return None
    completed = a_date(source, entries.get("completed"), "completed")
    if status.value is INVALID or not dates_agree(source, node, status.value, completed, item):
        return None
    merged = merged_item(source, entries, item, status.value, completed)
    state.updated[item.id] = merged
    return change_of(item, merged)


def returned_item(
    source: WorkbookSource, node: Node, unit: str, state: Applying
) -> Optional[model.RectificationItem]:
    """The ledger item a row returns, or None once the error is reported."""
    id_node = node.value.get("id")
    item_id = text(source, id_node, "id")
    if item_id is None:
        source.error(node.line, "id", "缺少编号", NEW_ITEMS)
        return None
    item = state.items.get(item_id)
    if item is None and state.complete:
        source.error(id_node.line, "id", f"整改台账里没有编号为 {item_id} 的事项", NEW_ITEMS)
    if item is None:
        return None
    if item.unit != unit:
        owner, sender = unit_label(source, item.unit), unit_label(source, unit)
        message = f"{item_id} 是{owner}的事项，不是{sender}的"
        source.error(id_node.line, "id", message, f"删掉这一行：{owner}的事项由{owner}交回")
        return None
    if item_id in state.taken:
        message = f"{item_id} 已经在 {state.taken[item_id]} 交回过"
        source.error(id_node.line, "id", message, "同一事项只留一份交回表：删掉其中一份")
        return None
    state.taken[item_id] = f"{Path(source.path).name} 的 {source.cell(id_node.line)}"
    return item


def unit_label(source: WorkbookSource, unit_id: str) -> str:
    return source.reading.unit_labels.get(unit_id) or unit_id


def dates_agree(
    source: WorkbookSource,
    node: Node,
    status: str,
    completed: Optional[date],
    item: model.RectificationItem,
) -> bool:
    """完成日期 goes with 已完成 and 已销号 only, and never before the item was found."""
    shown = source.status_shown(status)
    before = len(source.reading.errors)
    if status in CLOSED and completed is None:
        source.error(node.line, "completed", f"状态为 {shown}的事项必须写完成日期")
    if status not in CLOSED and completed is not None:
        message = f"状态为 {shown}的事项不能写完成日期，只有 已完成 和 已销号 才写"
        source.error(node.value["completed"].line, "completed", message, "删掉完成日期")
    check_item_dates(source, node.value, item.found, {"completed": completed})
    return len(source.reading.errors) == before


def merged_item(
    source: WorkbookSource,
    entries: Dict[str, Node],
    item: model.RectificationItem,
    status: str,
    completed: Optional[date],
) -> model.RectificationItem:
    measures = markdown(source, entries.get("measures"), "measures")
    if not measures or same_text(measures, item.measures):
        measures = item.measures
    added = [
        update
        for update in read_updates(source, entries.get("updates"))
        if not any(same_update(update, kept) for kept in item.updates)
    ]
    updates = sorted((*item.updates, *added), key=lambda u: u.date or date.min, reverse=True)
    return dataclasses.replace(
        item, status=status, completed=completed, measures=measures, updates=tuple(updates)
    )


BULLET = re.compile(r"^[ \t]*[•*-][ \t]*", re.M)


def same_text(written: str, kept: str) -> bool:
    """The same words: the template writes Markdown bullets as • and may change spacing."""
    return squeezed(written) == squeezed(kept)


def squeezed(text_: str) -> str:
    return re.sub(r"\s+", "", BULLET.sub("-", text_ or ""))


def same_update(update: model.Update, kept: model.Update) -> bool:
    return update.date == kept.date and same_text(update.note, kept.note)


def change_of(
    item: model.RectificationItem, merged: model.RectificationItem
) -> Optional[model.ReturnedItem]:
    change = model.ReturnedItem(
        item.id,
        (item.status, merged.status),
        (item.completed, merged.completed),
        merged.measures is not item.measures,
        len(merged.updates) - len(item.updates),
    )
    unchanged = change.status[0] == change.status[1] and change.completed[0] == change.completed[1]
    return None if unchanged and not change.measures and not change.updates else change


def change_lines(returned: model.Return) -> List[str]:
    """`台账-办公室.xlsx: ZG-2012-003 整改中 → 已完成，完成日期 2012-10-15` per item changed."""
    if not returned.changed:
        return [f"{returned.file}: 没有改动（{returned.rows} 项）"]
    return [f"{returned.file}: {change_text(change)}" for change in returned.changed]


def change_text(change: model.ReturnedItem) -> str:
    before, after = (model.STATUS_NAMES[code] for code in change.status)
    parts = [f"{before} → {after}" if before != after else ""]
    if change.completed[0] != change.completed[1]:
        day = change.completed[1]
        parts.append(f"完成日期 {day.isoformat()}" if day else "完成日期已删去")
    parts.append("整改措施已更新" if change.measures else "")
    parts.append(f"整改进展 +{change.updates} 条" if change.updates else "")
    return f"{change.id} " + "，".join(part for part in parts if part)
