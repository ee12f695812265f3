"""重点项目 (projects/index.md) and one page per project (projects/<id>.md): tracked, not ranked."""

from __future__ import annotations

from types import MappingProxyType
from typing import Iterable, List, Tuple

from .. import render
from ..charts import embed as chart_html
from ..charts import projects as charts_projects
from ..contents import GeneratedFile, GeneratedPage, Output
from ..figures import tasks as task_figures
from ..figures.board import Board
from ..figures.projects import FINISHED, NOT_STARTED, UNDER_WAY, GroupView, ProjectRow
from ..outputs import images, projects_workbook, templates_xlsx

INDEX = "projects/index.md"
TITLE = "重点项目"
STATES = (UNDER_WAY, FINISHED, NOT_STARTED)
TASK_STATES = (task_figures.UNDER_WAY, task_figures.FINISHED, task_figures.NOT_STARTED)
META = "hide:\n  - navigation\n  - toc\n"
"""The tables are wide: the side menus give them their width (the headings are few)."""


def project_url(row: ProjectRow) -> str:
    return f"projects/{row.project.id}/"


def listed_groups(board: Board) -> List[Tuple[GroupView, Tuple[ProjectRow, ...]]]:
    """Each group with the rows a page may show; a group with none shown is left out."""
    shown = {row.project.id for row in board.listed_projects()}
    groups = [(g, tuple(r for r in g.rows if r.project.id in shown)) for g in board.projects.groups]
    return [(group, rows) for group, rows in groups if rows]


def render_summary(board: Board, here: str) -> str:
    if board.projects is None:
        return ""
    return render.render_block(
        "projects_summary.html",
        board=board,
        here=here,
        totals=board.projects.totals,
        tasks=board.projects.task_totals,
        states=STATES,
        task_states=TASK_STATES,
        unlisted=board.unlisted_projects(),
        workbook=projects_workbook.XLSX,
        blank=None if board.public else templates_xlsx.PROJECTS,
    )


def render_tables(board: Board, here: str) -> str:
    if board.projects is None:
        return ""
    return render.render_block(
        "projects_tables.html",
        board=board,
        here=here,
        groups=listed_groups(board),
        several=len(board.projects.groups) > 1,
    )


def render_chart(board: Board, here: str) -> str:
    if board.projects is None:
        return ""
    rows = board.listed_projects()
    figure = charts_projects.projects_completion(board, rows)
    tasks = charts_projects.projects_completion(board, rows, tasks=True)
    charts = (
        chart_html.render(figure, "projects-completion"),
        chart_html.render(tasks, "tasks-completion"),
    )
    return "\n".join(chart for chart in charts if chart)


def render_home(board: Board, here: str) -> str:
    """The home page's tiles: investment completion, behind schedule, overdue milestones."""
    if board.projects is None:
        return ""
    return render.render_block(
        "home_projects.html",
        board=board,
        here=here,
        totals=board.projects.totals,
        tasks=board.projects.task_totals,
    )


def project_sections(board: Board, row: ProjectRow, here: str) -> List[Tuple[str, str]]:
    photos = [images.web_image(board, path) for path in row.project.photos]
    return [
        ("", render.render_block("project_facts.html", board=board, row=row, here=here)),
        *task_sections(board, row),
        *milestone_section(board, row),
        ("", chart_html.render(charts_projects.milestone_timeline(board, row), "milestones")),
        ("", chart_html.render(charts_projects.investment_over_time(board, row), "investment")),
        (
            "形象进度",
            render.render_block(
                "project_progress.html", row=row, photos=photos, here=here, anchor=progress_anchor
            ),
        ),
    ]


def milestone_section(board: Board, row: ProjectRow) -> List[Tuple[str, str]]:
    """节点; a task measured by its targets alone has none to show."""
    if row.is_task and row.targets and not row.milestones:
        return []
    return [("节点", render.render_block("project_milestones.html", row=row, board=board))]


def task_sections(board: Board, row: ProjectRow) -> List[Tuple[str, str]]:
    """目标任务, 工作难度 and 工作措施, those the project has."""
    sections = []
    if row.targets:
        html = render.render_block("project_targets.html", board=board, row=row)
        sections.append(("目标任务", html))
    for kind, title in (("difficulties", "工作难度"), ("measures", "工作措施")):
        notes = getattr(row.project, kind)
        if notes:
            html = render.render_block("project_notes.html", kind=kind, notes=notes)
            sections.append((title, html))
    return sections


def unit_projects(board: Board, unit_id: str, here: str) -> str:
    """The projects a unit is responsible for, on its page."""
    rows = board.listed_projects(unit_id)
    if not rows:
        return ""
    return render.render_block("unit_projects.html", rows=rows, board=board, here=here)


def pages(board: Board) -> Iterable[GeneratedPage]:
    if board.projects is None:
        return
    here = render.page_url(INDEX)
    sections = [
        ("", render_summary(board, here)),
        ("", render_chart(board, here)),
        ("", render_tables(board, here)),
    ]
    yield GeneratedPage(INDEX, render.page_markdown(TITLE, sections, meta=META))
    for row in board.listed_projects():
        uri = f"projects/{row.project.id}.md"
        markdown = render.page_markdown(
            row.project.name, project_sections(board, row, render.page_url(uri))
        )
        yield GeneratedPage(uri, markdown, in_nav=False)


def files(board: Board) -> List[GeneratedFile]:
    if board.projects is None:
        return []
    photos = [
        images.web_image(board, p) for row in board.listed_projects() for p in row.project.photos
    ]
    return [projects_workbook.file(board), *images.unique_files(photos)]


BLOCKS = MappingProxyType(
    {
        "projects-summary": render_summary,
        "projects-chart": render_chart,
        "projects": render_tables,
        "projects-home": render_home,
    }
)


def progress_anchor(project, step) -> str:
    """progress-2014-08-28; a second note of the same day gets -2, and so on."""
    same_day = [other for other in project.progress if other.date == step.date]
    suffix = f"-{same_day.index(step) + 1}" if len(same_day) > 1 else ""
    return f"progress-{step.date.isoformat()}{suffix}"


def make(board: Board) -> Output:
    """This module's pages, files and blocks."""
    return Output(tuple(pages(board)), tuple(files(board)), BLOCKS)
