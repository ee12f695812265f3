"""Charts of key projects: investment completion against time progress, a project's milestones
(planned against done) and its investment over time."""

from __future__ import annotations

import datetime
from types import MappingProxyType
from typing import Optional, Sequence

from .. import figures
from ..figures import projects as project_figures
from ..figures.board import Board
from ..figures.projects import ProjectRow
from . import (
    ALERT_COLORS,
    BEHIND_MARK,
    MUTED_COLOR,
    STATUS_COLORS,
    bar_height,
    hatched,
    new_figure,
    number,
    percent_axis,
    reference_line,
    share,
)
from .figure import Figure
from .screen import for_screen

SCREEN_SIZE = (900, 540)
"""Canvas pixels the projects slide leaves the chart (the list takes the rest of 1920)."""

MILESTONE_COLORS = MappingProxyType(
    {
        project_figures.DONE: STATUS_COLORS["done"],
        project_figures.DONE_LATE: ALERT_COLORS["due_soon"],
        project_figures.OVERDUE: ALERT_COLORS["overdue"],
        project_figures.DUE_SOON: ALERT_COLORS["due_soon"],
        project_figures.PENDING: MUTED_COLOR,
    }
)
MILESTONE_SYMBOLS = MappingProxyType(
    {
        project_figures.DONE: "circle",
        project_figures.DONE_LATE: "circle",
        project_figures.OVERDUE: "x",
        project_figures.DUE_SOON: "diamond",
        project_figures.PENDING: "circle-open",
    }
)


def projects_completion(
    board: Board, rows: Sequence[ProjectRow], tasks: bool = False
) -> Optional[Figure]:
    """Each listed project's investment completion (or, `tasks`, each task's completion) as a
    bar, against the time-progress line."""
    measured = [row for row in rows if row.completion is not None and row.is_task == tasks]
    if not measured:
        return None
    progress = board.time_progress
    values = [share(row.completion) for row in measured]
    measure = "工作任务完成度" if tasks else "投资完成率"
    fig = new_figure(f"{measure}与序时进度", bar_height(len(measured), 40, 110), showlegend=False)
    colors = [ALERT_COLORS["overdue"] if row.behind else STATUS_COLORS["done"] for row in measured]
    fig.add_bar(
        y=[row.project.name for row in measured],
        x=values,
        orientation="h",
        text=[_completion_text(row) for row in measured],
        textposition="outside",
        cliponaxis=False,
        marker=hatched(colors, ["/" if row.behind else "" for row in measured]),
        hovertemplate="%{y}：%{text}<extra></extra>",
    )
    label = f"序时进度 {figures.format_percent(progress)}"
    fig.add_shape(reference_line("x", share(progress), label, late=progress > 0.5))
    fig.update_layout(
        xaxis=percent_axis(values, title={"text": measure}),
        yaxis={"autorange": "reversed", "automargin": True},
        margin={"l": 10, "r": 60},
    )
    return fig


def _completion_text(row: ProjectRow) -> str:
    text = figures.format_percent(row.completion)
    return f"{BEHIND_MARK}{text}" if row.behind else text


def milestone_timeline(board: Board, row: ProjectRow) -> Optional[Figure]:
    """Each milestone's planned day, and the day it was done, with the as-of day marked."""
    if not row.milestones:
        return None
    names = [m.milestone.name for m in row.milestones]
    fig = new_figure("节点计划与完成", bar_height(len(names), 46, 130))
    fig.add_scatter(
        name="计划日期",
        y=names,
        x=[m.milestone.planned.isoformat() for m in row.milestones],
        mode="markers",
        marker={"symbol": "line-ns-open", "size": 22, "line": {"width": 3}, "color": "#546e7a"},
        text=[f"计划 {m.milestone.planned.isoformat()}" for m in row.milestones],
        hovertemplate="%{y}：%{text}<extra></extra>",
    )
    done = [m for m in row.milestones if project_figures.is_done(m.state)]
    fig.add_scatter(
        name="完成日期",
        y=[m.milestone.name for m in done],
        x=[m.milestone.done.isoformat() for m in done],
        mode="markers",
        marker={"size": 14, "color": [MILESTONE_COLORS[m.state] for m in done]},
        text=[f"{m.label} {m.milestone.done.isoformat()}" for m in done],
        hovertemplate="%{y}：%{text}<extra></extra>",
    )
    _add_open_marks(fig, [m for m in row.milestones if not project_figures.is_done(m.state)])
    as_of = f"截至 {figures.format_date(board.as_of)}"
    fig.add_shape(reference_line("x", board.as_of.isoformat(), as_of, color=MUTED_COLOR))
    fig.update_layout(
        xaxis={"type": "date", "tickformat": "%Y-%m-%d", "range": day_range(board, row)},
        yaxis={"autorange": "reversed", "automargin": True, "type": "category"},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
    )
    return fig


def day_range(board: Board, row: ProjectRow) -> list:
    """Every milestone day and the as-of day, with room for the labels right of the marks."""
    days = [board.as_of, *(m.milestone.planned for m in row.milestones)]
    days += [m.milestone.done for m in row.milestones if project_figures.is_done(m.state)]
    first, last = min(days), max(days)
    room = datetime.timedelta(days=max(7, (last - first).days // 8))
    return [(first - room / 2).isoformat(), (last + room).isoformat()]


def _add_open_marks(fig: Figure, open_rows) -> None:
    """Milestones not done: their state at the planned day (逾期 ✕, 临期 ◆, 未到期 ○)."""
    if not open_rows:
        return
    fig.add_scatter(
        name="未完成",
        y=[m.milestone.name for m in open_rows],
        x=[m.milestone.planned.isoformat() for m in open_rows],
        mode="markers+text",
        marker={
            "size": 12,
            "symbol": [MILESTONE_SYMBOLS[m.state] for m in open_rows],
            "color": [MILESTONE_COLORS[m.state] for m in open_rows],
        },
        text=[m.label for m in open_rows],
        textposition="middle right",
        hovertemplate="%{y}：%{text}<extra></extra>",
    )


def investment_over_time(board: Board, row: ProjectRow) -> Optional[Figure]:
    """Cumulative completed investment at each reported date, against the period's plan."""
    project = row.project
    if not project.invested:
        return None
    reported = [(day, value) for day, value in project.invested if day <= board.as_of]
    if not reported:
        return None
    fig = new_figure("累计完成投资（万元）", 320, showlegend=False)
    fig.add_scatter(
        name="累计完成投资",
        x=[day.isoformat() for day, _ in reported],
        y=[number(value) for _, value in reported],
        mode="lines+markers+text",
        text=[figures.format_number(value) for _, value in reported],
        textposition="top center",
        hovertemplate="%{x}：%{y} 万元<extra></extra>",
    )
    if project.plan:
        label = f"计划 {figures.format_number(project.plan)} 万元"
        line = reference_line("y", number(project.plan), label, "solid", MUTED_COLOR)
        # At the start of the line: the latest value's label sits at its end.
        line["label"].update(textposition="start", xanchor="left")
        fig.add_shape(line)
    top = max([project.plan or 0, *(value for _, value in reported)])
    fig.update_layout(
        xaxis={"type": "date", "tickformat": "%Y-%m-%d"},
        yaxis={"title": {"text": "万元"}, "range": [0, round(float(top) * 1.2, 2)]},
    )
    return fig


def screen_completion(board: Board, rows: Sequence[ProjectRow]) -> Optional[dict]:
    """The completion chart restyled for the screen's projects slide: the projects' investment,
    or the tasks' completion when there are only tasks."""
    fig = projects_completion(board, rows) or projects_completion(board, rows, tasks=True)
    return for_screen(fig, *SCREEN_SIZE) if fig is not None else None
