"""Scores (a sheet per round) and indicator values (a sheet per indicator) as workbooks in the
layout of data/evaluations.xlsx and data/indicators.xlsx: downloads that read back, and blanks."""

from __future__ import annotations

from types import MappingProxyType
from typing import List, Optional

from ..contents import GeneratedFile, Output
from ..figures.board import Board
from ..model import Indicator, Round
from . import xlsx_stream
from .xlsx_write import sheet_title, stream_bytes

SCORES = "downloads/evaluations.xlsx"
INDICATORS = "downloads/indicators.xlsx"
DIRECTIONS = MappingProxyType({"up": "越高越好", "down": "越低越好"})


def files(board: Board) -> List[GeneratedFile]:
    found = []
    if board.campaign.evaluations and board.campaign.evaluations.rounds:
        found.append(GeneratedFile(SCORES, content=scores_xlsx(board)))
    if board.campaign.indicators and board.campaign.indicators.indicators:
        found.append(GeneratedFile(INDICATORS, content=indicators_xlsx(board)))
    return found


def scores_xlsx(board: Board, blank: bool = False) -> bytes:
    """A sheet per round: 单位, the criteria by name, 总分; a row per unit (blank: 未参评)."""
    evaluations = board.campaign.evaluations
    sheets = []
    for round_ in evaluations.rounds:
        title = sheet_title(round_.name, round_.id, [sheet.title for sheet in sheets])
        headers = ["单位", *(criterion.name or criterion.id for criterion in evaluations.criteria)]
        rows = (
            [unit.name, *score_cells(board, round_, unit.id, blank)]
            for unit in board.compared_units
        )
        widths = [22, *(10 for _ in headers[1:]), 8]
        sheets.append(xlsx_stream.table(title, [*headers, "总分"], widths, rows))
    sheets.append(xlsx_stream.note_sheet(scores_note(board)))
    return stream_bytes(sheets, board, "评分表")


def score_cells(board: Board, round_: Round, unit_id: str, blank: bool) -> list:
    criteria = board.campaign.evaluations.criteria
    scores: Optional[dict] = None if blank else round_.scores.get(unit_id)
    if not scores:
        return [None] * (len(criteria) + 1)
    values = [scores.get(criterion.id) for criterion in criteria]
    return [*values, sum(value for value in values if value is not None)]


def scores_note(board: Board) -> list:
    criteria = board.campaign.evaluations.criteria
    return [
        (
            "用途",
            "各轮评分表：一个工作表一轮，工作表名是轮次名称（或 id）。"
            "放到 data/evaluations.xlsx 即可。",
        ),
        ("单位", "单位全称、简称或 id，每个单位一行。整行分数都空着的单位为“未参评”。"),
        *((c.name or c.id, f"满分 {c.max}，填 0 到 {c.max} 之间的数") for c in criteria),
        ("总分", "可以不填；填了必须等于各项分数之和，否则检查时报错。"),
        (
            "注意",
            "轮次、评比内容和满分写在活动方案里（evaluations.yml，或 campaign.xlsx 的“评比内容”"
            "“评比”工作表）；同一轮的分数不能既写在那里又写在这里。",
        ),
    ]


def indicators_xlsx(board: Board, blank: bool = False, targets: bool = True) -> bytes:
    """A sheet per indicator: 单位, the periods, 目标 (unless not `targets`); a row per unit
    (blank: 未报送). An indicator counted from the activity log or the honours (`source`) has
    none: its values are never typed, and the workbook put back into data/ reads the same."""
    indicators = board.campaign.indicators
    periods = list(indicators.periods)
    extra = ["目标"] if targets else []
    widths = [22, *(11 for _ in periods), *(10 for _ in extra)]
    sheets = []
    # An indicator of the whole campaign keeps its one series in indicators.yml; one counted
    # from the log is never typed.
    for indicator in (i for i in indicators.indicators if i.scope != "whole" and i.source is None):
        title = sheet_title(indicator.name, indicator.id, [sheet.title for sheet in sheets])
        rows = [
            [unit.name, *cells[: len(cells) - 1 + len(extra)]]
            for unit in board.compared_units
            if indicator.applies(unit.id)
            for cells in [value_cells(indicator, periods, unit.id, blank)]
        ]
        sheets.append(xlsx_stream.table(title, ["单位", *periods, *extra], widths, rows))
    sheets.append(xlsx_stream.note_sheet(indicators_note(board)))
    return stream_bytes(sheets, board, "指标数值")


def value_cells(indicator: Indicator, periods: List[str], unit_id: str, blank: bool) -> list:
    if blank:
        return [None] * (len(periods) + 1)
    # A per-period indicator is reported as each period's own count: written back as such.
    values = (indicator.counts if indicator.per_period else indicator.values).get(unit_id, {})
    return [*(values.get(period) for period in periods), indicator.targets.get(unit_id)]


def what_to_fill(indicator: Indicator) -> str:
    """Which number a period's cell takes: the running total, the period's own count, a level."""
    if indicator.per_period:
        return "每期填当期自己的数（当月数），看板逐期累加"
    if indicator.cumulative:
        return "每期填累计数（从开始到这一期的合计，只增不减）"
    return "每期填当时的水平值（比率、得分等）"


def indicators_note(board: Board) -> list:
    indicators = board.campaign.indicators.indicators
    return [
        (
            "用途",
            "各项指标的报送数值：一个工作表一项指标，工作表名是指标名称（或 id）。"
            "放到 data/indicators.xlsx 即可。",
        ),
        ("单位", "单位全称、简称或 id，每个单位一行。"),
        (
            "时期列",
            "表头是活动方案里的时期（indicators.yml 的 periods，或 campaign.xlsx 的“时期”工作表）；"
            "空着的格子是“未报送”，不是 0。",
        ),
        ("目标", "可以不填；填了就替换活动方案里这个单位的目标。"),
        *(
            (i.name, f"计量单位：{i.unit or '无'}；{DIRECTIONS[i.direction]}；{what_to_fill(i)}")
            for i in indicators
        ),
        (
            "注意",
            "时期和指标的定义写在活动方案里（indicators.yml，或 campaign.xlsx 的“时期”“指标”"
            "工作表）；同一项指标的数值不能既写在那里又写在这里。",
        ),
    ]


def make(board: Board) -> Output:
    """This module's pages, files and blocks."""
    return Output((), tuple(files(board)))
