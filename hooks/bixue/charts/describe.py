"""Each chart's message in words, from the Board: the accessible name a screen reader announces."""

from __future__ import annotations

from typing import Tuple

from .. import figures
from ..figures.board import Board, IndicatorView
from ..model import STATUS_NAMES, STATUSES

MAX_LINES = 12
"""Units the indicator values chart draws a line each for; more, and it draws their spread."""
pct = figures.format_percent
num = figures.format_number


def home_progress(board: Board) -> str:
    """'整改完成率 58.1%；日均车流量完成率 80%，落后序时进度。序时进度 76.5%'."""
    parts = []
    if board.ledger_stats.completion_rate is not None:
        parts.append(f"整改完成率 {pct(board.ledger_stats.completion_rate)}")
    for view in board.indicators:
        if view.completion is not None:
            behind = figures.is_behind(view.indicator, view.completion, board.time_progress)
            text = f"{view.indicator.name}完成率 {pct(view.completion)}"
            parts.append(text + ("，落后序时进度" if behind else ""))
    return "；".join(parts) + f"。序时进度 {pct(board.time_progress)}"


def ledger_status(board: Board) -> str:
    stats = board.ledger_stats
    counts = "，".join(f"{STATUS_NAMES[s]} {stats.by_status[s]} 项" for s in STATUSES)
    return f"整改事项共 {stats.total} 项：{counts}"


def top_bottom(board: Board, top, bottom) -> str:
    """The red and black lists as the chart draws them (charts.red_black)."""
    text = f"{board.latest_round.round.name}红榜：{_ranked(top)}"
    return text + (f"；黑榜：{_ranked(bottom)}" if bottom else "")


def _ranked(rows) -> str:
    return "，".join(f"第{row.rank}名 {row.unit.label} {num(row.total)} 分" for row in rows)


def timeline(board: Board) -> str:
    phases = "，".join(
        f"{p.name} {p.start.month}月{p.start.day}日至{p.end.month}月{p.end.day}日"
        for p in board.campaign.plan.phases
    )
    return f"活动阶段：{phases}。当前阶段：{board.phase.label}，数据截至 {board.as_of.isoformat()}"


def indicator_completion(board: Board, view: IndicatorView) -> str:
    behind = [row.unit.label for row in view.rows if row.behind]
    missing = [row.unit.label for row in view.rows if row.latest is None]
    text = f"{view.indicator.name}：" + _completion_range(view)
    if view.indicator.tracks_progress:
        text += f"，序时进度 {pct(board.time_progress)}"
        text += f"；落后序时进度：{some(behind)}" if behind else "；各单位均达到序时进度"
    missed = [row for row in view.rows if row.missed]
    if missed:
        text += f"；{missed[0].missed_word}：{some([row.unit.label for row in missed])}"
    return text + (f"；未报送：{some(missing)}" if missing else "")


NAMED = 10
"""Units a description names in a list at most; a screen reader reading 300 names helps no one."""


def some(names) -> str:
    """The names, or past NAMED the first NAMED and how many in all."""
    if len(names) <= NAMED:
        return "、".join(names)
    return f"{'、'.join(names[:NAMED])}等 {len(names)} 个单位"


def _completion_range(view: IndicatorView) -> str:
    rows = sorted((row for row in view.rows if row.completion is not None), key=_completion)
    text = f"全部单位完成率 {pct(view.completion)}，" if view.completion is not None else ""
    high, low = rows[-1], rows[0]
    return text + f"最高 {_unit_completion(high)}，最低 {_unit_completion(low)}"


def _unit_completion(row) -> str:
    return f"{row.unit.label} {pct(row.completion)}"


def _completion(row):
    """By completion, floats first: exact fractions compared only where floats tie."""
    return float(row.completion), row.completion


def indicator_periods(board: Board, view: IndicatorView) -> str:
    indicator = view.indicator
    periods = board.campaign.indicators.periods
    reported = sum(1 for row in view.rows if indicator.values.get(row.unit.id))
    span = f"{periods[0]}至{periods[-1]}" if periods else ""
    spread = len(view.rows) > MAX_LINES
    shown = "各期报送数值的最高、中位数和最低值" if spread else "各期报送数值的变化"
    return f"{indicator.name}：{reported} 个单位{span}{shown}"


def ranking_totals(board: Board) -> str:
    latest = board.latest_round
    ranked = latest.ranked()
    first, last = ranked[0], ranked[-1]
    criteria = "、".join(c.name for c in board.campaign.evaluations.criteria)
    return (
        f"{latest.round.name}总分由{criteria}构成；第1名 {first.unit.label} {num(first.total)} 分，"
        f"第{last.rank}名 {last.unit.label} {num(last.total)} 分"
    )


def ranking_bump(board: Board) -> str:
    latest = board.latest_round
    moves = [row for row in latest.rows if row.change]
    up = max(moves, key=lambda row: row.change, default=None)
    down = min(moves, key=lambda row: row.change, default=None)
    units = len(board.compared_units)
    shown = "各单位" if units <= MAX_LINES else "最新一轮前五名和后五名"
    text = f"{len(board.rounds)} 轮评比中{shown}名次的变化"
    if up is not None and up.change > 0:
        text += f"；{latest.round.name}上升最多：{up.unit.label} ↑{up.change}"
    if down is not None and down.change < 0:
        text += f"；下降最多：{down.unit.label} ↓{-down.change}"
    return text


def pair_scores(board: Board, first, second) -> str:
    gap = figures.difference(first.total, second.total)
    if gap is None:
        lead = "总分无法比较"
    elif gap == 0:
        lead = "总分持平"
    else:
        leader = first if gap > 0 else second
        lead = f"{leader.unit.label}总分高 {num(abs(gap))} 分"
    return (
        f"{board.latest_round.round.name}：{first.unit.label} {_total(first)}，"
        f"{second.unit.label} {_total(second)}；{lead}"
    )


def group_scores(board: Board, rows) -> str:
    """Each unit's total, and the highest over the lowest among those ranked."""
    ranked = [row for row in rows if row.rank is not None and row.total is not None]
    totals = "，".join(f"{row.unit.label} {_total(row)}" for row in rows)
    high = max(ranked, key=lambda row: row.total, default=None)
    low = min(ranked, key=lambda row: row.total, default=None)
    gap = figures.difference(high.total, low.total) if len(ranked) > 1 else None
    if gap is None:
        lead = "总分无法比较"
    elif gap == 0:
        lead = "总分持平"
    else:
        lead = f"{high.unit.label}总分最高，比{low.unit.label}高 {num(gap)} 分"
    return f"{board.latest_round.round.name}：{totals}；{lead}"


def _total(row) -> str:
    return "未参评" if row.rank is None else f"{num(row.total)} 分"


def unit_rounds(board: Board, unit_id: str) -> str:
    rows = [(view.round.name, view.row(unit_id)) for view in board.rounds]
    return "；".join(
        f"{name} {num(row.total)} 分 第{row.rank}名" if row.rank else f"{name} 未参评"
        for name, row in rows
    )


def unit_criteria(view, row, averages: dict, criteria: Tuple) -> str:
    """Each criterion's score beside all units' average, and whether it is below it."""
    parts = []
    for c in criteria:
        score, average = row.scores.get(c.id), averages[c.id]
        below = score is not None and average is not None and score < average
        mark = "，低于平均" if below else ""
        parts.append(f"{c.name} {num(score)} 分（平均 {num(average)}{mark}）")
    return f"{row.unit.label}{view.round.name}：" + "；".join(parts)


def ledger_by_unit(board: Board, units) -> str:
    most = max(units, key=lambda u: board.ledger_by_unit[u.id].total)
    stats = board.ledger_by_unit[most.id]
    return f"{len(units)} 个单位有整改事项；最多的是 {most.label}，{stats.total} 项"


def ledger_deadlines(overdue, soon) -> str:
    text = f"逾期 {len(overdue)} 项"
    if overdue:
        worst = max(overdue, key=lambda row: row.days_late)
        text += f"，最长 {worst.item.id} 逾期 {worst.days_late} 天"
    return text + f"；临期 {len(soon)} 项"


def ledger_burndown(timeline_rows) -> str:
    day, found, done = timeline_rows[-1]
    counts = f"累计发现 {found} 项，累计完成 {done} 项，尚未完成 {found - done} 项"
    return f"截至 {day.isoformat()} {counts}"
