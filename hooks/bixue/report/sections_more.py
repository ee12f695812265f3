"""The 通报's sections on indicators, key projects and 本期动态, from the board's figures."""

from __future__ import annotations

from typing import List

from .. import figures
from ..figures.board import Board, IndicatorView
from ..figures.changes import Changes
from ..figures.source_dates import reports_due
from .content import Block, Paragraph, Table, long_date


def indicator_blocks(board: Board) -> List[Block]:
    return [Paragraph(indicator_line(board, view)) for view in board.indicators]


def indicator_line(board: Board, view: IndicatorView) -> str:
    indicator = view.indicator
    measure = f"（{indicator.unit}）" if indicator.unit else ""
    parts = []
    if view.completion is not None:
        parts.append(f"整体完成率 {figures.format_percent(view.completion)}")
    if indicator.tracks_progress:
        parts.append(behind_text(board, view))
    parts.append(missed_text(view))
    parts.append(overdue_text(board, view))
    missing = [row.unit.name for row in view.rows if row.latest is None]
    if missing:
        parts.append("未报送：" + "、".join(missing))
    return f"{indicator.name}{measure}：" + "；".join(part for part in parts if part) + "。"


def behind_text(board: Board, view: IndicatorView) -> str:
    progress = figures.format_percent(board.time_progress)
    behind = [row for row in view.rows if row.behind]
    if not behind:
        return f"各单位均未落后序时进度（{progress}）"
    names = "、".join(
        f"{row.unit.name}（{figures.format_percent(row.completion)}）" for row in behind
    )
    return f"落后序时进度（{progress}）的单位 {len(behind)} 个：{names}"


def overdue_text(board: Board, view: IndicatorView) -> str:
    """逾期未报: units whose latest report is older than the last period due."""
    reports = reports_due(board)[view.indicator.id]
    late = [row for row in view.rows if row.unit.id in reports.overdue]
    if not late:
        return ""
    names = "、".join(f"{row.unit.name}（报至 {row.latest_period}）" for row in late)
    return f"逾期未报（应报至 {reports.due}）：{names}"


def missed_text(view: IndicatorView) -> str:
    """超标 (over a cap, 越低越好) and 未达标 (short of a level): the board's IndicatorRow.missed,
    worded as the pages word it (`8 / 上限 6`); the measure is in the line's heading."""
    parts = []
    for code, bound in (("over", "上限"), ("short", "目标")):
        rows = [row for row in view.rows if row.missed == code]
        if not rows:
            continue
        names = "、".join(
            f"{row.unit.name}（{figures.format_number(row.latest)} / {bound} "
            f"{figures.format_number(row.target)}）"
            for row in rows
        )
        parts.append(f"{figures.MISSED_WORDS[code]}的单位 {len(rows)} 个：{names}")
    if not parts and view.indicator.direction == "down":
        return "各单位均未超标"
    return "；".join(parts)


def project_blocks(board: Board) -> List[Block]:
    rows = board.listed_projects()
    if not rows:
        return []
    totals = board.projects.totals
    text = (
        f"重点项目 {totals.projects} 个：已完成 {totals.finished} 个，在建 {totals.under_way} 个，"
        f"未开工 {totals.not_started} 个"
    )
    if totals.plan is not None:
        text += (
            f"；计划投资 {figures.format_number(totals.plan)} 万元，已完成投资 "
            f"{figures.format_number(totals.completed)} 万元，投资完成率 "
            f"{figures.format_percent(totals.completion)}"
        )
    text += f"；落后序时进度 {totals.behind} 个，逾期节点 {totals.overdue_milestones} 个。"
    headers = ("项目", "责任单位", "状态", "完成率", "下一节点")
    table = tuple(project_cells(board, row) for row in rows)
    return [Paragraph(text), Table(headers, table, (6, 3, 4, 2, 5))]


def project_cells(board: Board, row) -> tuple:
    project = row.project
    unit = board.unit(project.unit).name if project.unit else "—"
    state = row.state + ("（落后序时进度）" if row.behind else "")
    if row.is_task:  # a task is measured by its counted targets, never by money
        rate = "—" if row.completion is None else figures.format_percent(row.completion)
    elif project.plan is None:
        rate = "—"
    else:
        rate = "未报送" if row.completed is None else figures.format_percent(row.completion)
    upcoming = row.next_milestone
    step = "—"
    if upcoming is not None:
        planned = figures.format_date(upcoming.milestone.planned)
        step = f"{upcoming.milestone.name}（{planned}，{upcoming.label}）"
    return (project.name, unit, state, rate, step)


def changes_blocks(board: Board, changes: Changes) -> List[Block]:
    span = changes.window
    head = f"{long_date(span.first)}至{long_date(span.last)}："

    def item(record) -> str:
        return f"{record.id}（{board.unit(record.unit).name}）"

    lines = [
        _listed("新发现整改事项", changes.found, item),
        _listed("完成整改事项", changes.completed, item),
        _listed("新增逾期事项", changes.overdue, item),
        _listed(
            "整改进展",
            changes.updates,
            lambda u: f"{u.item.id}（{figures.format_date(u.update.date)}）",
            "条",
        ),
        _listed("评比", changes.rounds, lambda r: r.round.name, "轮"),
        _listed("先进典型", changes.cases, lambda c: f"《{c.title}》", "篇"),
        _listed("通知公告", changes.notices, lambda n: f"《{n.title}》", "条"),
    ]
    shown = [line for line in lines if line]
    if not shown:
        return [Paragraph(head + "本期没有新的动态。")]
    return [Paragraph(head)] + [Paragraph(line) for line in shown]


def _listed(name: str, records, label, measure: str = "项") -> str:
    if not records:
        return ""
    listed = "、".join(label(record) for record in records)
    return f"{name} {len(records)} {measure}：{listed}。"
