"""Key projects as a workbook (重点项目表): projects, investment reports, milestones, 形象进度,
groups and a note sheet, in the layout data/projects.xlsx is read in; stable bytes, like the
ledger download."""

from __future__ import annotations

import datetime
import io
import zipfile
from types import MappingProxyType
from typing import List, Optional, Sequence, Tuple

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from ..contents import GeneratedFile
from ..figures.board import Board
from ..figures.projects import ProjectRow
from ..model import PROJECT, TASK
from .downloads import DATE_FORMAT, plain_text, with_fixed_dates

XLSX = "downloads/projects.xlsx"

PROJECT_COLUMNS: Tuple[Tuple[str, int], ...] = (
    ("编号", 18),
    ("项目名称", 28),
    ("类别", 16),
    ("责任单位", 16),
    ("联系领导", 10),
    ("责任人", 10),
    ("总投资（万元）", 14),
    ("计划投资（万元）", 14),
    ("已完成投资（万元）", 16),
    ("完成投资截至", 13),
    ("投资完成率", 11),
    ("落后序时进度", 12),
    ("项目状态", 10),
    ("下一节点", 20),
    ("逾期节点", 9),
    ("最新进展", 48),
    ("类型", 10),
    ("任务完成度", 11),
    ("工作难度", 40),
    ("工作措施", 40),
)
INTERNAL_COLUMNS = (("照片", 30), ("内部", 6))
"""Only in the internal build, as the ledger's 内部: the public one lists no internal project and
publishes no name from data/ (a photo's path may hold a person's name)."""
INVESTED_COLUMNS: Tuple[Tuple[str, int], ...] = (
    ("项目编号", 18),
    ("项目名称", 28),
    ("截至日期", 12),
    ("累计完成投资（万元）", 18),
)
PROGRESS_COLUMNS: Tuple[Tuple[str, int], ...] = (
    ("项目编号", 18),
    ("项目名称", 28),
    ("日期", 12),
    ("进展", 60),
)
GROUP_COLUMNS: Tuple[Tuple[str, int], ...] = (("编号", 18), ("名称", 28))
TARGET_COLUMNS: Tuple[Tuple[str, int], ...] = (
    ("项目编号", 18),
    ("项目名称", 28),
    ("目标", 24),
    ("目标数", 10),
    ("计量单位", 10),
    ("截至日期", 12),
    ("累计完成", 10),
)
WRAPPED = frozenset({"最新进展", "照片", "进展", "工作难度", "工作措施"})
PERCENTS = frozenset({"投资完成率", "任务完成度"})
KIND_NAMES = MappingProxyType({PROJECT: "工程", TASK: "工作任务"})
MILESTONE_COLUMNS: Tuple[Tuple[str, int], ...] = (
    ("项目编号", 18),
    ("项目名称", 28),
    ("节点", 20),
    ("计划日期", 12),
    ("完成日期", 12),
    ("情况", 10),
)
PERCENT_FORMAT = "0.0%"
READ_BACK = (
    "这个工作簿改名为 projects.xlsx 放进 data/（代替 projects.yml；活动方案写在 campaign.xlsx "
    "里的，这些工作表已经在它里面，不用再放），读出来还是这些项目；"
    "已完成投资、完成率、状态、节点情况等列是看板算出的，不读"
)


def file(board: Board) -> GeneratedFile:
    return GeneratedFile(XLSX, content=projects_xlsx(board))


def project_columns(board: Board) -> Tuple[Tuple[str, int], ...]:
    return PROJECT_COLUMNS if board.public else (*PROJECT_COLUMNS, *INTERNAL_COLUMNS)


def project_values(board: Board, row: ProjectRow) -> Tuple:
    project = row.project
    groups = {group.id: group.name for group in board.campaign.projects.groups}
    following = row.next_milestone
    return (
        project.id,
        project.name,
        groups.get(project.group) or None,
        board.unit(project.unit).name if project.unit else None,
        project.leader or None,
        project.owner or None,
        project.investment,
        project.plan,
        "未报送" if row.completed is None else row.completed,
        row.completed_on,
        None if row.completion is None or row.is_task else float(row.completion),
        "是" if row.behind else None,
        row.state,
        following.milestone.name if following else None,
        row.overdue or None,
        latest_progress(project.progress),
        KIND_NAMES[project.kind],
        float(row.completion) if row.is_task and row.completion is not None else None,
        bullets(project.difficulties),
        bullets(project.measures),
        *(() if board.public else internal_values(project)),
    )


def bullets(notes) -> Optional[str]:
    """One note a line, as • bullets (read back without them)."""
    return "\n".join(f"• {plain_text(note)}" for note in notes) or None


def target_values(row: ProjectRow, board: Board) -> List[Tuple]:
    """A row per count reported, a row with no count for a target not counted yet; the public
    build writes only the counts up to the as-of day."""
    rows = []
    for target in row.project.targets:
        first = (row.project.id, row.project.name, target.name, target.target, target.unit or None)
        counts = [(d, n) for d, n in target.done if not board.public or d <= board.as_of]
        counts = counts or [(None, None)]
        rows += [(*first, day, count) for day, count in counts]
    return rows


def internal_values(project) -> Tuple:
    return "\n".join(project.photos) or None, "是" if project.internal else None


def latest_progress(progress) -> Optional[str]:
    """The newest 形象进度 entry, for readers; the 形象进度 sheet holds them all."""
    return f"{progress[0].date.isoformat()} {plain_text(progress[0].note)}" if progress else None


def milestone_values(row: ProjectRow, public: bool) -> List[Tuple]:
    """The internal build writes done dates as written, even after the as-of day, to be read
    back; the public one only those done by then."""
    return [
        (
            row.project.id,
            row.project.name,
            m.milestone.name,
            m.milestone.planned,
            m.milestone.done if not public or m.state in ("done", "done-late") else None,
            m.label,
        )
        for m in row.milestones
    ]


def projects_xlsx(board: Board) -> bytes:
    rows = board.listed_projects()
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "重点项目"
    write_table(sheet, project_columns(board), [project_values(board, row) for row in rows])
    projects = [row.project for row in rows]
    invested = [(p.id, p.name, day, value) for p in projects for day, value in p.invested]
    write_table(workbook.create_sheet("投资进度"), INVESTED_COLUMNS, invested)
    milestones = [values for row in rows for values in milestone_values(row, board.public)]
    write_table(workbook.create_sheet("节点"), MILESTONE_COLUMNS, milestones)
    progress = [(p.id, p.name, s.date, plain_text(s.note)) for p in projects for s in p.progress]
    write_table(workbook.create_sheet("形象进度"), PROGRESS_COLUMNS, progress)
    groups = [(group.id, group.name) for group in board.campaign.projects.groups]
    write_table(workbook.create_sheet("类别"), GROUP_COLUMNS, groups)
    targets = [values for row in rows for values in target_values(row, board)]
    if targets:
        write_table(workbook.create_sheet("目标任务"), TARGET_COLUMNS, targets)
    write_note(workbook.create_sheet("说明"), board)
    stamp = datetime.datetime.combine(board.as_of, datetime.time())
    workbook.properties.title = f"{board.campaign.plan.title} 重点项目"
    workbook.properties.creator = "Bixue"
    workbook.properties.created = workbook.properties.modified = stamp
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    return with_fixed_dates(buffer.getvalue(), stamp)


def write_table(sheet, columns: Sequence[Tuple[str, int]], rows: Sequence[Tuple]) -> None:
    sheet.append([name for name, _width in columns])
    for values in rows:
        sheet.append(values)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, (name, width) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            style_cell(cell, name)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def style_cell(cell, name: str) -> None:
    if isinstance(cell.value, datetime.date):
        cell.number_format = DATE_FORMAT
    elif name in PERCENTS and cell.value is not None:
        cell.number_format = PERCENT_FORMAT
    elif isinstance(cell.value, str):
        cell.data_type = "s"  # text from the data is never a formula, even if it starts with =
    cell.alignment = Alignment(vertical="top", wrap_text=name in WRAPPED)


def write_note(sheet, board: Board) -> None:
    totals = board.projects.totals
    lines = [
        ("活动", board.campaign.plan.title),
        ("数据截至", board.as_of),
        ("序时进度", float(board.time_progress)),
        ("列出项目", len(board.listed_projects())),
        ("项目总数", totals.projects),
        ("投资完成率", None if totals.completion is None else float(totals.completion)),
    ]
    if board.unlisted_projects():
        lines.append(("未公开", f"另有 {board.unlisted_projects()} 个内部项目未公开，已计入合计"))
    if not board.public:
        lines.append(("读回", READ_BACK))
    for line in lines:
        sheet.append(line)
    for (cell,) in sheet.iter_rows(min_col=2, max_col=2):
        if isinstance(cell.value, str):
            cell.data_type = "s"  # the campaign's title may start with =: never a formula
    sheet["B2"].number_format = DATE_FORMAT
    sheet["B3"].number_format = sheet["B6"].number_format = PERCENT_FORMAT
    sheet.column_dimensions["A"].width = 12
    sheet.column_dimensions["B"].width = 60
