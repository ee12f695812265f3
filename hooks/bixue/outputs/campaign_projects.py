"""The project sheets of data/campaign.xlsx in the layout of data/projects.xlsx (重点项目,
投资进度, 节点, 形象进度, 目标任务, 类别), filled from the records as written."""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence

from .. import model
from . import xlsx_stream
from .projects_workbook import KIND_NAMES

PROJECT_HEADERS = (
    *("编号", "项目名称", "类别", "责任单位", "联系领导", "责任人"),
    *("总投资（万元）", "计划投资（万元）", "照片", "内部", "类型", "工作难度", "工作措施"),
)
WIDTHS = (18, 28, 16, 16, 10, 10, 14, 14, 30, 6, 10, 40, 40)
TARGET_HEADERS = ("目标", "目标数", "计量单位", "截至日期", "累计完成")
ROWS = 500


def sheets(projects: model.Projects, names: Dict[str, str], units: int) -> List[xlsx_stream.Sheet]:
    groups = {group.id: group.name or group.id for group in projects.groups}
    rows = [project_row(p, groups, names) for p in projects.projects]
    items = projects.projects
    invested = [(p.id, p.name, day, value) for p in items for day, value in p.invested]
    milestones = [(p.id, p.name, m.name, m.planned, m.done) for p in items for m in p.milestones]
    progress = [(p.id, p.name, s.date, s.note) for p in items for s in p.progress]
    targets = [row for p in items for row in target_rows(p)]
    return [
        xlsx_stream.table(
            "重点项目", PROJECT_HEADERS, WIDTHS, rows, validations=project_lists(len(groups), units)
        ),
        child("投资进度", ("截至日期", "累计完成投资（万元）"), invested, len(items)),
        child("节点", ("节点", "计划日期", "完成日期"), milestones, len(items)),
        child("形象进度", ("日期", "进展"), progress, len(items)),
        child("目标任务", TARGET_HEADERS, targets, len(items)),
        xlsx_stream.table(
            "类别", ("编号", "名称"), (18, 28), [(g.id, g.name) for g in projects.groups]
        ),
    ]


def project_row(project: model.Project, groups: Dict[str, str], names: Dict[str, str]) -> tuple:
    return (
        project.id,
        project.name,
        groups.get(project.group) if project.group else None,
        names.get(project.unit, project.unit) if project.unit else None,
        project.leader or None,
        project.owner or None,
        project.investment,
        project.plan,
        "\n".join(project.photos) or None,
        "是" if project.internal else None,
        KIND_NAMES[project.kind],
        bullets(project.difficulties),
        bullets(project.measures),
    )


def bullets(notes) -> Optional[str]:
    """One note a line, as • bullets (read back without them)."""
    return "\n".join(f"• {note}" for note in notes) or None


def target_rows(project: model.Project) -> List[tuple]:
    """A row per count reported, one with no count for a target not counted yet."""
    rows = []
    for target in project.targets:
        first = (project.id, project.name, target.name, target.target, target.unit or None)
        rows += [(*first, day, count) for day, count in target.done or [(None, None)]]
    return rows


def project_lists(groups: int, units: int) -> List[xlsx_stream.Validation]:
    def pick(column: str, formula: str, strict: bool) -> xlsx_stream.Validation:
        sqref = f"{column}2:{column}{ROWS + 1}"
        return xlsx_stream.Validation(sqref, formula, "请从下拉列表中选择", strict)

    return [
        pick("C", f"'类别'!$B$2:$B${groups + ROWS}", False),
        pick("D", f"'单位'!$B$2:$B${units + ROWS}", False),
        pick("J", '"是,否"', True),
        pick("K", '"' + ",".join(KIND_NAMES.values()) + '"', True),
    ]


def child(name: str, headers: Sequence[str], rows: List[tuple], projects: int) -> xlsx_stream.Sheet:
    """A sheet of a project's reports, its 项目编号 picked from the 重点项目 sheet."""
    shown = ("项目编号", "项目名称", *headers)
    widths = [18, 28, *(48 if header == "进展" else 14 for header in headers)]
    formula = f"'重点项目'!$A$2:$A${projects + ROWS}"
    check = xlsx_stream.Validation(f"A2:A{ROWS + 1}", formula, "请从下拉列表中选择", False)
    return xlsx_stream.table(name, shown, widths, rows, validations=[check])
