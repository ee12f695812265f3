"""The 通报's sections gathered from the board's computed figures: it formats, never computes."""

from __future__ import annotations

import re
from typing import List, Optional

from .. import figures
from ..charts import red_black
from ..figures.board import Board, LedgerRow, RoundView
from ..figures.changes import compute_changes
from ..figures.source_dates import ledger_updated_text
from ..model import STATUS_NAMES
from .content import Block, Heading, Paragraph, Report, Table, long_date, numbered
from .sections_more import changes_blocks, indicator_blocks, project_blocks

CLOSING = "（此处由办公室填写下一步工作要求。）"
_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")
"""A Markdown link or image, its text kept; no bracket inside, so that a run of `[` is read once."""
_MARKS = re.compile(r"[*_`#>]+")


def gather(board: Board) -> Report:
    """The 通报 of the board as of its day."""
    plan = board.campaign.plan
    sections = [
        ("整改台账", ledger_blocks(board)),
        ("指标完成情况", indicator_blocks(board)),
        ("评比排名", ranking_blocks(board)),
        ("重点项目", project_blocks(board)),
        ("本期动态", changes_blocks(board, compute_changes(board))),
        ("下一步工作", [Paragraph(CLOSING, placeholder=True)]),
    ]
    blocks: List[Block] = [Paragraph(opening(board))]
    present = [(name, parts) for name, parts in sections if parts]
    for index, (name, parts) in enumerate(present):
        blocks.append(Heading(numbered(index, 1) + name, 1))
        blocks.extend(parts)
    return Report(
        title=f"关于{plan.title}进展情况的通报",
        addressee="各单位：",
        blocks=tuple(blocks),
        organization=plan.organization,
        as_of=board.as_of,
        number=f"〔{board.as_of.year}〕　号",
    )


def opening(board: Board) -> str:
    plan = board.campaign.plan
    phase = board.phase
    stage = f"当前处于“{phase.label}”阶段" if phase.phase else f"当前阶段：{phase.label}"
    return (
        f"截至{long_date(board.as_of)}，活动（{long_date(plan.start)}至{long_date(plan.end)}）"
        f"序时进度 {figures.format_percent(board.time_progress)}，{stage}。"
        "现将活动进展情况通报如下："
    )


def ledger_blocks(board: Board) -> List[Block]:
    stats = board.ledger_stats
    if not stats.total:
        return []
    counts = stats.by_status
    rate, closure = (figures.format_percent(r) for r in (stats.completion_rate, stats.closure_rate))
    text = (
        f"整改台账共 {stats.total} 项，完成 {stats.finished} 项（已完成 {counts['done']} 项、"
        f"已销号 {counts['verified']} 项），整改完成率 {rate}，销号率 {closure}；"
        f"整改中 {counts['doing']} 项，"
        f"未启动 {counts['todo']} 项，长期坚持 {counts['ongoing']} 项。"
        f"逾期 {stats.overdue} 项，{board.campaign.plan.warn_days} 天内到期 {stats.due_soon} 项。"
    )
    updated = ledger_updated_text(board)
    blocks: List[Block] = [Paragraph(text + (f"{updated}。" if updated else ""))]
    overdue = board.overdue_rows()
    if overdue:
        blocks += [Heading(numbered(0, 2) + "逾期事项", 2), overdue_table(board, overdue)]
    soon = board.due_soon_rows()
    if soon:
        blocks.append(Heading(numbered(1 if overdue else 0, 2) + "临期事项", 2))
        blocks += [Paragraph(due_soon_line(board, row)) for row in soon]
    return blocks


def overdue_table(board: Board, rows) -> Table:
    """Overdue items by unit: the units with the most first, then in units.yml order."""
    order = {unit.id: index for index, unit in enumerate(board.campaign.units)}
    by_unit: dict = {}
    for row in rows:
        by_unit.setdefault(row.item.unit, []).append(row)
    units = sorted(by_unit, key=lambda unit_id: (-len(by_unit[unit_id]), order[unit_id]))
    table_rows = tuple(
        (
            board.unit(unit_id).name,
            str(len(by_unit[unit_id])),
            "、".join(f"{row.item.id}（逾期{row.days_late}天）" for row in by_unit[unit_id]),
        )
        for unit_id in units
    )
    return Table(("责任单位", "逾期件数", "逾期事项（编号、逾期天数）"), table_rows, (3, 2, 7))


def due_soon_line(board: Board, row: LedgerRow) -> str:
    item = row.item
    left = "今天到期" if row.days_left == 0 else f"还有 {row.days_left} 天"
    return (
        f"{item.id}，{board.unit(item.unit).name}：{plain(item.problem)}"
        f"（整改时限 {figures.format_date(item.deadline)}，{left}，{STATUS_NAMES[item.status]}）。"
    )


def plain(markdown: str) -> str:
    """The first paragraph of Markdown as plain text, for one line of the 通报."""
    first = (markdown or "").strip().split("\n\n")[0]
    text = _MARKS.sub("", _LINK.sub(r"\1", first))
    return " ".join(text.split()).rstrip("。；;，,")


def round_as_of(board: Board) -> Optional[RoundView]:
    """The latest round dated on or before the as-of day."""
    dated = [view for view in board.rounds if view.round.date <= board.as_of]
    return dated[-1] if dated else None


def ranking_blocks(board: Board) -> List[Block]:
    view = round_as_of(board)
    if view is None or not view.ranked():
        return []
    ranked = view.ranked()
    intro = f"{view.round.name}（{long_date(view.round.date)}）{len(ranked)} 个单位参评，名次如下："
    first = view is board.rounds[0]
    headers = ("名次", "单位", "总分", "等级") + (() if first else ("名次变化",))
    rows = tuple(rank_cells(row, first) for row in ranked)
    widths = (2, 5, 2, 2) + (() if first else (2,))
    blocks: List[Block] = [Paragraph(intro), Table(headers, rows, widths)]
    blocks.append(Paragraph(red_black_line(view)))
    absent = [row.unit.name for row in view.rows if row.rank is None]
    if absent:
        blocks.append(Paragraph("未参评：" + "、".join(absent) + "。"))
    return blocks


def rank_cells(row, first: bool) -> tuple:
    cells = (str(row.rank), row.unit.name, figures.format_number(row.total), row.level or "—")
    return cells if first else (*cells, change_text(row.change))


def change_text(change: Optional[int]) -> str:
    """As the ranking page says it: ↑3, ↓1, — for the same, 新 for not ranked before."""
    if change is None:
        return "新"
    if change > 0:
        return f"↑{change}"
    return f"↓{-change}" if change < 0 else "—"


def red_black_line(view: RoundView) -> str:
    red, black = red_black(view)
    line = "红榜：" + "、".join(
        f"{row.unit.name}（{figures.format_number(row.total)}分）" for row in red
    )
    if black:
        names = "、".join(
            f"{row.unit.name}（{figures.format_number(row.total)}分）" for row in black
        )
        line += "；黑榜：" + names
    return line + "。"
