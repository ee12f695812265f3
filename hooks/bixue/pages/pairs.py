"""结对比学 (pairs.md): each pair side by side, latest round scores and indicator completion."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Iterable, List, Optional, Tuple

from .. import figures, render
from ..charts import embed as chart_html
from ..charts import scores as charts_scores
from ..contents import GeneratedFile, GeneratedPage, Output
from ..figures.board import Board, IndicatorRow, RankRow, RoundView
from ..model import Criterion, Indicator, Number, Unit
from . import paged
from .common import pair_units, row_for

HERE = "pairs.md"


@dataclass(frozen=True)
class ScoreLine:
    criterion: Criterion
    first: Optional[Number]
    second: Optional[Number]
    difference: Optional[Number]
    """first - second; None when either unit has no score."""


@dataclass(frozen=True)
class PairComparison:
    first: Unit
    second: Unit
    round: Optional[RoundView]
    first_row: Optional[RankRow]
    second_row: Optional[RankRow]
    scores: Tuple[ScoreLine, ...]
    total_difference: Optional[Number]
    indicators: Tuple[Tuple[Indicator, IndicatorRow, IndicatorRow], ...]


def compare(board: Board, first: Unit, second: Unit) -> PairComparison:
    latest = board.latest_round
    first_row, second_row = row_for(latest, first.id), row_for(latest, second.id)
    return PairComparison(
        first=first,
        second=second,
        round=latest,
        first_row=first_row,
        second_row=second_row,
        scores=score_lines(board, first_row, second_row),
        total_difference=figures.difference(
            first_row and first_row.total, second_row and second_row.total
        ),
        indicators=tuple(
            (view.indicator, row_for(view, first.id), row_for(view, second.id))
            for view in board.indicators
            if view.row(first.id) or view.row(second.id)
        ),
    )


def score_lines(board: Board, first_row, second_row) -> Tuple[ScoreLine, ...]:
    if board.campaign.evaluations is None or first_row is None:
        return ()
    lines = []
    for criterion in board.campaign.evaluations.criteria:
        first = first_row.scores.get(criterion.id)
        second = second_row.scores.get(criterion.id)
        lines.append(ScoreLine(criterion, first, second, figures.difference(first, second)))
    return tuple(lines)


def render_pair(board: Board, pair: PairComparison, here: str, caption: bool = False) -> str:
    return render.render_block(
        "pairs_pair.html", pair=pair, progress=board.time_progress, here=here, caption=caption
    )


def render_pairs(board: Board, here: str) -> str:
    """Every pair, each with its own heading: for hand-written pages."""
    return "\n".join(
        render_pair(board, compare(board, first, second), here, caption=True)
        for first, second in pair_units(board)
    )


CHARTED = 10
"""Pairs shown in full with their charts; past them, the pairs are a paged list of tables."""


def sections(board: Board, here: str, files: paged.Files) -> List[Tuple[str, str]]:
    pairs = pair_units(board)
    if not pairs:
        return [("", render.render_block("pairs_empty.html"))]
    found = [
        (f"{first.name} ⇄ {second.name}", _pair_with_chart(board, first, second, here))
        for first, second in pairs[:CHARTED]
    ]
    rest = [
        render_pair(board, compare(board, first, second), here, caption=True)
        for first, second in pairs[CHARTED:]
    ]
    if rest:
        listed = paged.items(rest, "pairs/pairs.json", here, files, "对", size=CHARTED)
        found.append((f"其余 {len(rest)} 对", listed))
    return found


def _pair_with_chart(board: Board, first: Unit, second: Unit, here: str) -> str:
    chart = charts_scores.pair_scores(board, (first.id, second.id))
    return (
        render_pair(board, compare(board, first, second), here)
        + "\n"
        + chart_html.render(chart, "pair-scores")
    )


def _page(board: Board) -> Tuple[str, List[GeneratedFile]]:
    return paged.page(board, HERE, "结对比学", sections)


def pages(board: Board) -> Iterable[GeneratedPage]:
    yield GeneratedPage(HERE, _page(board)[0])


def files(board: Board) -> List[GeneratedFile]:
    return _page(board)[1]


BLOCKS = MappingProxyType({"pairs": render_pairs})


def make(board: Board) -> Output:
    """This module's pages, files and blocks."""
    return Output(tuple(pages(board)), tuple(files(board)), BLOCKS)
