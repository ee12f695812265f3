"""Workbooks to hand out for the activity log (学习交流记录) and the honours (荣誉成果): the
loader's headers, drop-down lists of units, levels and 是/否, date columns and a 说明 sheet."""

from __future__ import annotations

from typing import Dict, Sequence, Tuple

from ..figures.board import Board
from ..model import ACHIEVEMENT_LEVELS
from . import xlsx_stream
from .downloads import DATE_FORMAT
from .xlsx_stream import TEXT_FORMAT
from .xlsx_write import stream_bytes

ROWS = 500
"""Rows given the drop-down lists and date formats."""
Column = Tuple[str, float, str]
ACTIVITY_COLUMNS: Tuple[Column, ...] = (
    ("编号", 14, "可不填：不填时按日期和主题自动生成。填写时只能用小写字母、数字和 -，不能重复。"),
    ("日期", 12, "必填。日期，如 2014-06-30、2014/6/30 或 2014年6月30日。"),
    ("类型", 10, "必填。观摩、交流、讲座、培训、走访、研讨，或别的词。"),
    ("主题", 36, "必填。活动主题。"),
    ("主办单位", 16, "必填。从下拉列表选单位；也可以写单位简称或 id。"),
    ("参加单位", 24, "来参加的单位，用“、”或“，”隔开：凤泉、濮阳。"),
    ("人数", 8, "参加人数，整数。"),
    ("内容", 40, "活动内容，可以用 Markdown。"),
    ("照片", 24, "照片路径，相对于 data/ 文件夹，多张用“、”隔开。"),
    ("内部", 6, "是：公开版不列出这次活动（统计照算）；空白为否。"),
)
ACHIEVEMENT_COLUMNS: Tuple[Column, ...] = (
    ("日期", 12, "必填。获得的日期。"),
    ("单位", 16, "必填。从下拉列表选单位；也可以写单位简称或 id。"),
    ("名称", 36, "必填。论文、奖项、证书或称号的名称。"),
    ("类别", 10, "必填。论文、课题、获奖、证书、表彰，或别的词。"),
    ("级别", 10, "必填。从下拉列表选：" + "、".join(ACHIEVEMENT_LEVELS) + "。"),
    ("等次", 10, "一等奖、二等奖、三等奖、优秀……"),
    ("人员", 20, "获奖人员，用“、”隔开；公开版只显示姓，名字换成＊。"),
    ("内部", 6, "是：公开版不列出这一项（统计照算）；空白为否。"),
)


def activities_template(board: Board) -> bytes:
    lists = {"主办单位": units_range(board), "内部": '"是,否"'}
    purpose = "学习交流记录：每行一次活动。填好后命名为 activities.xlsx 放到 data/ 文件夹。"
    return template(board, "活动记录", ACTIVITY_COLUMNS, ("日期",), lists, purpose)


def achievements_template(board: Board) -> bytes:
    lists = {
        "单位": units_range(board),
        "级别": '"' + ",".join(ACHIEVEMENT_LEVELS) + '"',
        "内部": '"是,否"',
    }
    purpose = "荣誉成果：每行一项。填好后命名为 achievements.xlsx 放到 data/ 文件夹。"
    return template(board, "荣誉成果", ACHIEVEMENT_COLUMNS, ("日期",), lists, purpose)


def units_range(board: Board) -> str:
    return f"'选项'!$A$2:$A${len(board.campaign.units) + 1}"


def template(
    board: Board,
    title: str,
    columns: Sequence[Column],
    dates: Sequence[str],
    lists: Dict[str, str],
    purpose: str,
) -> bytes:
    headers = [name for name, _width, _note in columns]
    blank = {
        at: (DATE_FORMAT if name in dates else TEXT_FORMAT, 2, ROWS + 1)
        for at, name in enumerate(headers)
        if name in dates or name == "编号"
    }
    sheet = xlsx_stream.Sheet(
        title,
        rows=[headers],
        widths=[width for _name, width, _note in columns],
        styles=xlsx_stream.cell_styles([True] * len(headers)),
        blank_formats=blank,
        validations=[validation(headers, name, formula) for name, formula in lists.items()],
    )
    units = [["单位"], *([unit.name] for unit in board.campaign.units)]
    options = xlsx_stream.Sheet("选项", rows=units, header=False, hidden=True)
    note = xlsx_stream.note_sheet([("用途", purpose), *((n, text) for n, _w, text in columns)])
    return stream_bytes([sheet, options, note], board, f"{title}模板")


def validation(headers: Sequence[str], name: str, formula: str) -> xlsx_stream.Validation:
    column = xlsx_stream.column_letter(headers.index(name) + 1)
    return xlsx_stream.Validation(
        f"{column}2:{column}{ROWS + 1}",
        formula,
        error=f"请从下拉列表中选择{name}",
        show_error=not formula.startswith("'"),  # a unit's short name or id is fine too
    )
