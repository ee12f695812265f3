"""Workbooks to hand out (模板): a ledger template with drop-down lists and date columns, one per
unit pre-filled with its open items, an indicators workbook and the score sheets. Internal only."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Sequence

from ..contents import GeneratedFile, Output
from ..figures.board import Board, in_id_order
from ..model import RETURN_AS_OF, RETURN_MARK, STATUS_NAMES, RectificationItem, Unit
from . import examples, log_templates, projects_template, score_sheets, xlsx_stream
from .downloads import DATE_FORMAT, plain_text
from .xlsx_stream import TEXT_FORMAT
from .xlsx_write import stream_bytes

FOLDER = "downloads/templates"
PROJECTS = f"{FOLDER}/projects.xlsx"
ROWS = 500
"""Rows given the drop-down lists and date formats."""
OPEN = ("todo", "doing", "ongoing")
LEDGER_COLUMNS = (
    ("编号", 14, "必填。整个台账里不能重复，如 {id}。"),
    ("责任单位", 18, "必填。从下拉列表选单位；也可以写单位简称或 id。"),
    ("问题", 44, "必填。发现的问题。"),
    ("整改措施", 44, "采取的整改措施。"),
    ("问题来源", 10, "如 自查、互学互比、上级检查、群众反馈。"),
    ("类别", 10, "如评比内容的名称。"),
    ("责任人", 9, "姓名；公开版只显示姓，名字换成＊。"),
    ("发现日期", 12, "日期，如 {dates}。"),
    ("整改时限", 12, "日期。除“长期坚持”外都必须填。"),
    ("状态", 10, "必填。从下拉列表选：未启动、整改中、已完成、已销号、长期坚持。"),
    ("完成日期", 12, "日期。只有“已完成”和“已销号”才填，而且必须填。"),
    ("整改进展", 44, "每行一条，日期、空格、进展：{day} 已制定整改方案。"),
    ("内部", 6, "是：公开版不列出这一项（统计照算）；空白为否。"),
)
"""Header, width and what the 说明 sheet says of it (`{id}`, `{dates}`, `{day}`: the campaign's
own, outputs.examples); the headers are the loader's."""
DATE_COLUMNS = ("发现日期", "整改时限", "完成日期")


@dataclass(frozen=True)
class Template:
    name: str
    """File name for `python -m bixue templates OUT/`."""
    dest_uri: str
    """Where the internal site offers it."""
    title: str
    make: Callable[[], bytes]
    unit: str = ""
    """The unit a pre-filled ledger is for."""


def templates(board: Board) -> List[Template]:
    """Every template for the campaign as it stands (nothing for the public build)."""
    if board.public:
        return []
    found = [
        Template(
            "台账模板.xlsx", f"{FOLDER}/ledger.xlsx", "整改台账模板", lambda: ledger_template(board)
        )
    ]
    open_items = open_items_by_unit(board)
    options = unit_options(board)
    found += [
        unit_template(board, unit, open_items.get(unit.id, []), options)
        for unit in board.campaign.units
    ]
    campaign = board.campaign
    if campaign.indicators and campaign.indicators.indicators:
        make = lambda: score_sheets.indicators_xlsx(board, blank=True)  # noqa: E731
        found.append(
            Template("indicators.xlsx", f"{FOLDER}/indicators.xlsx", "指标数值报送表", make)
        )
    if campaign.evaluations and campaign.evaluations.rounds:
        make = lambda: score_sheets.scores_xlsx(board, blank=True)  # noqa: E731
        found.append(Template("evaluations.xlsx", f"{FOLDER}/evaluations.xlsx", "各轮评分表", make))
    make = lambda: projects_template.projects_template(board)  # noqa: E731
    found.append(Template("projects.xlsx", PROJECTS, "重点项目表模板", make))
    make = lambda: log_templates.activities_template(board)  # noqa: E731
    found.append(Template("activities.xlsx", f"{FOLDER}/activities.xlsx", "学习交流记录模板", make))
    make = lambda: log_templates.achievements_template(board)  # noqa: E731
    found.append(Template("achievements.xlsx", f"{FOLDER}/achievements.xlsx", "荣誉成果模板", make))
    return found


def open_items_by_unit(board: Board) -> Dict[str, List[RectificationItem]]:
    """Each unit's open items in id order: the ledger sorted once, not once per unit."""
    found: Dict[str, List[RectificationItem]] = {}
    for row in in_id_order(row for row in board.ledger if row.item.status in OPEN):
        found.setdefault(row.item.unit, []).append(row.item)
    return found


def unit_template(
    board: Board,
    unit: Unit,
    items: Sequence[RectificationItem],
    options: Optional[xlsx_stream.Sheet] = None,
) -> Template:
    """The unit's open items, for it to update and send back."""
    name = f"台账-{safe_name(unit.name)}.xlsx"
    dest = f"{FOLDER}/ledger-{unit.id}.xlsx"
    make = lambda: ledger_template(board, items, options=options, unit=unit)  # noqa: E731
    return Template(name, dest, unit.label, make, unit.id)


def files(board: Board) -> List[GeneratedFile]:
    return [GeneratedFile(t.dest_uri, content=t.make()) for t in templates(board)]


def safe_name(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "-", name).strip("-") or "unit"


def ledger_template(
    board: Board,
    items: Sequence[RectificationItem] = (),
    purpose: str = "",
    options: Optional[xlsx_stream.Sheet] = None,
    unit: Optional[Unit] = None,
) -> bytes:
    """The ledger layout with `items` filled in; `purpose` replaces the 说明 sheet's first line.
    `options` is the hidden sheet of unit names, made once for many templates. With `unit`, the
    workbook is that unit's to send back: its 说明 sheet names it (model.RETURN_MARK)."""
    headers = [name for name, _width, _note in LEDGER_COLUMNS]
    first_blank = len(items) + 2
    blank = {
        index: (DATE_FORMAT if name in DATE_COLUMNS else TEXT_FORMAT, first_blank, ROWS + 1)
        for index, name in enumerate(headers)
        if name in DATE_COLUMNS or name == "编号"
    }
    sheet = xlsx_stream.Sheet(
        "整改台账",
        rows=[headers, *(item_cells(board, item) for item in items)],
        widths=[width for _name, width, _note in LEDGER_COLUMNS],
        styles=xlsx_stream.cell_styles([True] * len(headers)),
        blank_formats=blank,
        validations=validations(board, headers),
    )
    options = options or unit_options(board)
    note = xlsx_stream.note_sheet(ledger_note(board, items, purpose, unit))
    return stream_bytes([sheet, options, note], board, "整改台账模板")


def unit_options(board: Board) -> xlsx_stream.Sheet:
    """The hidden sheet the 单位 column's drop-down list reads."""
    rows = [["单位"], *([unit.name] for unit in board.campaign.units)]
    return xlsx_stream.Sheet("选项", rows=rows, header=False, hidden=True)


def item_cells(board: Board, item: RectificationItem) -> list:
    updates = "\n".join(f"{u.date.isoformat()} {plain_text(u.note)}" for u in item.updates)
    return [
        item.id,
        board.unit(item.unit).name,
        plain_text(item.problem),
        plain_text(item.measures) or None,
        item.source or None,
        item.category or None,
        item.owner or None,
        item.found,
        item.deadline,
        STATUS_NAMES[item.status],
        item.completed,
        updates or None,
        "是" if item.internal else None,
    ]


def validations(board: Board, headers: List[str]) -> List[xlsx_stream.Validation]:
    """Drop-down lists: units from the hidden 选项 sheet (a long list would not fit inline)."""
    last = len(board.campaign.units) + 1
    lists = {
        "责任单位": f"'选项'!$A$2:$A${last}",
        "状态": '"' + ",".join(STATUS_NAMES.values()) + '"',
        "内部": '"是,否"',
    }
    found = []
    for name, formula in lists.items():
        column = xlsx_stream.column_letter(headers.index(name) + 1)
        found.append(
            xlsx_stream.Validation(
                f"{column}2:{column}{ROWS + 1}",
                formula,
                error=f"请从下拉列表中选择{name}",
                show_error=name != "责任单位",  # a short name or id is fine too
            )
        )
    return found


def ledger_note(
    board: Board, items: Sequence[RectificationItem], purpose: str, unit: Optional[Unit] = None
) -> list:
    shown = examples.ledger_examples(board)
    default = (
        "整改台账：每行一个事项。填好后放到 data/rectifications/ 文件夹，"
        "发布前运行 bash scripts/check.sh 检查。"
    )
    if unit is not None:
        default = (
            "本单位未完成的整改事项：请更新状态、完成日期、整改措施和整改进展后交回；"
            "不要改编号，也不要加行（新发现的问题另行报送）。"
            "收回后原样放进 data/returns/ 文件夹：检查和构建时按编号更新总台账里的这些事项。"
        )
    return [
        ("用途", purpose or default),
        *([(RETURN_MARK, unit.name), (RETURN_AS_OF, board.as_of)] if unit is not None else []),
        *((name, note.format(**shown)) for name, _width, note in LEDGER_COLUMNS),
        (
            "其他",
            "第一行是表头（上面可以有一行合并的标题）；列的顺序随意；空行不算；"
            "照片仍写在 YAML 台账里。",
        ),
    ]


def make(board: Board) -> Output:
    """This module's pages, files and blocks."""
    return Output((), tuple(files(board)))
