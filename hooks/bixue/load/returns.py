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
from .cells import as_date, as_text
from .facts import check_item_dates
from .fields import a_date, markdown, text
from .ledger import CLOSED, read_updates
from .ledger_xlsx import COMPUTED, HEADERS, LABELS, row_node
from .reading import Reading
from .returned import change_of, same_text, same_update
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
    taken: Dict[str, Tuple[date, str]] = dataclasses.field(default_factory=dict)
    """Item id -> the date of the template and the return cell that last updated it."""


@dataclasses.dataclass
class Opened:
    """A return's workbook, open: its template's date orders it among the others."""

    file: Path
    source: WorkbookSource
    sheets: List[Sheet]
    made_on: date


def with_returns(campaign: model.Campaign, reading: Reading) -> model.Campaign:
    """The campaign with the units' returns applied to its ledger, and recorded."""
    ledger, returns = apply_returns(reading, campaign.ledger)
    if not returns:
        return campaign
    return dataclasses.replace(campaign, ledger=ledger, returns=returns)


def apply_returns(
    reading: Reading, ledger: Tuple[model.RectificationItem, ...]
) -> Tuple[Tuple[model.RectificationItem, ...], Tuple[model.Return, ...]]:
    """The ledger with every return of data/returns/ applied, older templates first, and what
    each return changed."""
    folder = reading.data_folder(FOLDER)
    if folder is None or reading.unit_ids is None:  # units.yml's errors come first
        return ledger, ()
    ledger_folder = reading.relative(reading.data_dir / "rectifications") + "/"
    complete = not any(error.path.startswith(ledger_folder) for error in reading.errors)
    state = Applying({item.id: item for item in reversed(ledger)}, complete)
    opened = [
        made for made in map(lambda f: open_return(reading, f), workbook_files(folder)) if made
    ]
    opened.sort(key=lambda made: (made.made_on, made.file.name))
    found = [read_return(made, state) for made in opened]
    check_not_workbooks(reading, refused_files(folder))
    merged = tuple(state.updated.get(item.id, item) for item in ledger)
    return merged, tuple(made for made in found if made)


def open_return(reading: Reading, file: Path) -> Optional[Opened]:
    source, sheets = open_workbook(reading, file)
    if sheets is None:
        return None
    source.headers = {**LABELS, "updates.date": "整改进展", "updates.note": "整改进展"}
    made_on, _problem = as_date(note_value(sheets, model.RETURN_AS_OF))
    return Opened(file, source, sheets, made_on or date.min)


def read_return(opened: Opened, state: Applying) -> Optional[model.Return]:
    source, sheets, file = opened.source, opened.sheets, opened.file
    tables = [(sheet, header_row(sheet, NEEDED)) for sheet in sheets]
    tables = [(s, at) for s, at in tables if at is not None and s.name not in NOTE_SHEETS]
    if not tables:
        hint = "交回表的台账工作表前 10 行里要有表头“编号”和“状态”"
        source.reading.file_error(file, "这个交回表里没有台账工作表", hint)
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
            change = apply_row(source, node, (unit, opened.made_on), state)
            changed += [change] if change else []
    return model.Return(file.name, unit, rows, tuple(changed))


def note_value(sheets: Sequence[Sheet], label: str):
    """The value beside `label` in a 说明 sheet, or None."""
    return next(iter(note_cells(sheets, label)), (None, 0, None))[2]


def note_cells(sheets: Sequence[Sheet], label: str):
    """(sheet, row, value) of each 说明 row whose first cell is `label`."""
    return [
        (sheet, number, values[1])
        for sheet in sheets
        if sheet.name in NOTE_SHEETS
        for number, values in sheet.rows
        if len(values) > 1 and as_text(values[0]) == label and values[1] is not None
    ]


def return_unit(source: WorkbookSource, file: Path, sheets: Sequence[Sheet]) -> Optional[str]:
    """The unit a return is from: its 说明 sheet's 交回单位, else its file name 台账-单位.xlsx."""
    for sheet, number, value in note_cells(sheets, MARK)[:1]:
        unit = resolve_unit(source, value, line_of(sheet, number, 2), "unit")
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
    source: WorkbookSource, node: Node, sender: Tuple[str, date], state: Applying
) -> Optional[model.ReturnedItem]:
    """One row of a return applied to its item; what it changed, or None (nothing, or an
    error reported). `sender`: the unit and the date of its template."""
    item = returned_item(source, node, sender, state)
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
    source: WorkbookSource, node: Node, sender: Tuple[str, date], state: Applying
) -> Optional[model.RectificationItem]:
    """The ledger item a row returns (as earlier returns left it), or None once the error is
    reported. A later template's return overrides an earlier one's; two of one date clash."""
    unit, made_on = sender
    id_node = node.value.get("id")
    item_id = text(source, id_node, "id")
    if item_id is None:
        source.error(node.line, "id", "缺少编号", NEW_ITEMS)
        return None
    item = state.updated.get(item_id) or state.items.get(item_id)
    if item is None and state.complete:
        source.error(id_node.line, "id", f"整改台账里没有编号为 {item_id} 的事项", NEW_ITEMS)
    if item is None:
        return None
    if item.unit != unit:
        owner, sender_name = unit_label(source, item.unit), unit_label(source, unit)
        message = f"{item_id} 是{owner}的事项，不是{sender_name}的"
        source.error(id_node.line, "id", message, f"删掉这一行：{owner}的事项由{owner}交回")
        return None
    earlier_on, where = state.taken.get(item_id, (None, ""))
    if earlier_on == made_on:
        message = f"{item_id} 已经在 {where} 交回过"
        hint = "同一次发出的表，同一事项只留一份交回表：删掉其中一份"
        source.error(id_node.line, "id", message, hint)
        return None
    state.taken[item_id] = (made_on, f"{Path(source.path).name} 的 {source.cell(id_node.line)}")
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
