"""A blank key-projects workbook to hand out (重点项目表模板): the sheets and headers
data/projects.xlsx is read by, the campaign's groups filled in, drop-down lists and date columns."""

from __future__ import annotations

from typing import Sequence, Tuple

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..figures.board import Board
from ..render import kept
from . import examples
from .downloads import DATE_FORMAT
from .xlsx_write import append_row, new_workbook, workbook_bytes, write_header, write_note

ROWS = 200
"""Rows given the drop-down lists and date formats."""
PROJECT_ID = ("项目编号", 18, "“重点项目”工作表里的编号。")
SHEETS: Tuple[Tuple[str, Tuple[Tuple[str, int, str], ...]], ...] = (
    (
        "重点项目",
        (
            ("编号", 18, "必填。小写字母、数字和 -，如 {id}；项目页的网址用它。"),
            ("项目名称", 28, "必填。"),
            ("类别", 16, "“类别”工作表里的名称（从下拉列表选）。"),
            ("责任单位", 18, "从下拉列表选单位；也可以写单位简称或 id。"),
            ("联系领导", 10, "姓名；公开版只显示姓，名字换成＊。"),
            ("责任人", 10, "姓名；公开版只显示姓，名字换成＊。"),
            ("总投资（万元）", 14, "数字，大于 0。"),
            ("计划投资（万元）", 14, "本期计划完成的投资，数字，大于 0；写了投资进度就必须填。"),
            ("照片", 30, "data/ 里的图片路径，一行一个，如 photos/工地.jpg。"),
            ("内部", 6, "是：公开版不列出这个项目（合计照算）；空白为否。"),
            ("类型", 10, "工程 或 工作任务；空白时写了投资的是工程，否则是工作任务。"),
            ("工作难度", 40, "一行一条，可以用 Markdown。"),
            ("工作措施", 40, "一行一条，可以用 Markdown。"),
        ),
    ),
    (
        "目标任务",
        (
            PROJECT_ID,
            ("目标", 24, "如 走访调研侨资企业；同一目标的各行写在一起。"),
            ("目标数", 10, "数字，大于 0，如 5。"),
            ("计量单位", 10, "如 家、次、个；可以空着。"),
            ("截至日期", 12, "日期；还没有完成数就空着。"),
            ("累计完成", 10, "截至这一天的累计数，只增不减；一次报送一行。"),
        ),
    ),
    (
        "投资进度",
        (
            PROJECT_ID,
            ("截至日期", 12, "日期，如 {dates}。"),
            ("累计完成投资（万元）", 18, "截至这一天的累计数，只增不减；一次报送一行。"),
        ),
    ),
    (
        "节点",
        (
            PROJECT_ID,
            ("节点", 20, "如 开工、主体完工、竣工验收；同一项目按计划日期从上往下写。"),
            ("计划日期", 12, "必填。日期。"),
            ("完成日期", 12, "日期；没完成就空着。"),
        ),
    ),
    (
        "形象进度",
        (PROJECT_ID, ("日期", 12, "日期。"), ("进展", 60, "可以用 Markdown。")),
    ),
    ("类别", (("编号", 18, "小写字母、数字和 -。"), ("名称", 28, "页面上显示的类别名称。"))),
)
"""Sheet -> (header, width, what the 说明 sheet says of it: `{id}` and `{dates}` are the
campaign's own, outputs.examples); the headers are the loader's."""
DATES = ("截至日期", "计划日期", "完成日期", "日期")


def projects_template(board: Board) -> bytes:
    """The template; under `serve`, the last build's when what it shows is the same (openpyxl
    took a second of every one-item edit of the demo to write it again)."""
    campaign = board.campaign
    inputs = {
        "groups": campaign.projects.groups if campaign.projects else (),
        "units": tuple(unit.name for unit in campaign.units),
        "title": campaign.plan.title,
        "as_of": board.as_of,
        "examples": examples.project_examples(board),
    }
    return kept("projects_template.xlsx", inputs, lambda: written(board))


def written(board: Board) -> bytes:
    workbook = new_workbook()
    for name, columns in SHEETS:
        sheet = workbook.create_sheet(name)
        headers = [header for header, _width, _note in columns]
        write_header(sheet, headers, [width for _header, width, _note in columns])
        for index, header in enumerate(headers, start=1):
            for row in range(2, ROWS + 2) if header in DATES else ():
                sheet.cell(row=row, column=index).number_format = DATE_FORMAT
    groups = board.campaign.projects.groups if board.campaign.projects else ()
    for group in groups:
        append_row(workbook["类别"], [group.id, group.name])
    add_lists(workbook, board, len(groups))
    write_note(workbook, note_lines(board))
    return workbook_bytes(workbook, board, "重点项目表模板")


def add_lists(workbook, board: Board, groups: int) -> None:
    """Drop-down lists of the units (from a hidden 选项 sheet), the groups and 是 / 否."""
    options = workbook.create_sheet("选项")
    options.sheet_state = "hidden"
    for unit in board.campaign.units:
        options.append([unit.name])
        options.cell(row=options.max_row, column=1).data_type = "s"
    lists = {
        "类别": f"'类别'!$B$2:$B${max(groups + 1, ROWS + 1)}",
        "责任单位": f"'选项'!$A$1:$A${max(1, len(board.campaign.units))}",
        "内部": '"是,否"',
        "类型": '"工程,工作任务"',
    }
    sheet = workbook["重点项目"]
    headers = [header for header, _width, _note in SHEETS[0][1]]
    for name, formula in lists.items():
        validation = DataValidation(type="list", formula1=formula, allow_blank=True)
        validation.error = f"请从下拉列表中选择{name}"
        validation.showErrorMessage = name in ("内部", "类型")  # a short name, an id is fine too
        column = get_column_letter(headers.index(name) + 1)
        validation.add(f"{column}2:{column}{ROWS + 1}")
        sheet.add_data_validation(validation)


def note_lines(board: Board) -> Sequence[Tuple[str, str]]:
    purpose = (
        "重点项目表：填好后改名为 projects.xlsx 放到 data/ 文件夹（代替 projects.yml，两个不能"
        "同时有），发布前运行 bash scripts/check.sh 检查。活动方案写在 campaign.xlsx 里的，"
        "重点项目直接写在它的“重点项目”等工作表，不用这个模板（两处都写是错误）。"
    )
    lines = [("用途", purpose)]
    shown = examples.project_examples(board)
    for name, columns in SHEETS:
        lines += [(f"{name}：{header}", note.format(**shown)) for header, _width, note in columns]
    lines.append(("其他", "表头上面可以有一行合并的标题；列的顺序随意；空行不算。"))
    return lines
