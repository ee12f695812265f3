"""结对比学 (pairs.md): each pair side by side, latest round scores and indicator completion."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Iterable, List, Optional, Sequence, Tuple

from .. import figures, render
from ..charts import embed as chart_html
from ..charts import groups as charts_groups
from ..contents import GeneratedFile, GeneratedPage, Output
from ..figures.board import Board, IndicatorRow, RankRow, RoundView
from ..model import Criterion, Indicator, Number, Unit
from . import paged
from .common import pair_units, row_for

HERE = "pairs.md"


@dataclass(frozen=True)
class ScoreLine:
    criterion: Criterion
    values: Tuple[Optional[Number], ...]
    """Each unit's score, in the group's order; None where it has none."""
    difference: Optional[Number]
    """first - second in a pair; None when either has no score, or in a larger group."""


@dataclass(frozen=True)
class PairComparison:
    """A pair, or a group of up to four units, side by side."""

    units: Tuple[Unit, ...]
    round: Optional[RoundView]
    rows: Tuple[Optional[RankRow], ...]
    scores: Tuple[ScoreLine, ...]
    total_difference: Optional[Number]
    indicators: Tuple[Tuple[Indicator, Tuple[Optional[IndicatorRow], ...]], ...]

    @property
    def is_pair(self) -> bool:
        return len(self.units) == 2


def compare(board: Board, units: Sequence[Unit]) -> PairComparison:
    latest = board.latest_round
    rows = tuple(row_for(latest, unit.id) for unit in units)
    totals = [row and row.total for row in rows]
    return PairComparison(
        units=tuple(units),
        round=latest,
        rows=rows,
        scores=score_lines(board, rows),
        total_difference=figures.difference(*totals) if len(units) == 2 else None,
        indicators=tuple(
            (view.indicator, tuple(row_for(view, unit.id) for unit in units))
            for view in board.indicators
            if any(view.row(unit.id) for unit in units)
        ),
    )


def score_lines(board: Board, rows) -> Tuple[ScoreLine, ...]:
    if board.campaign.evaluations is None or rows[0] is None:
        return ()
    lines = []
    for criterion in board.campaign.evaluations.criteria:
        values = tuple(row.scores.get(criterion.id) if row else None for row in rows)
        gap = figures.difference(*values) if len(values) == 2 else None
        lines.append(ScoreLine(criterion, values, gap))
    return tuple(lines)


def title(units: Sequence[Unit]) -> str:
    return " ⇄ ".join(unit.name for unit in units)


def render_pair(board: Board, pair: PairComparison, here: str, caption: bool = False) -> str:
    return render.render_block(
        "pairs_pair.html", pair=pair, progress=board.time_progress, here=here, caption=caption
    )


def render_pairs(board: Board, here: str) -> str:
    """Every pair, each with its own heading: for hand-written pages."""
    return "\n".join(
        render_pair(board, compare(board, units), here, caption=True) for units in pair_units(board)
    )


CHARTED = 10
"""Pairs shown in full with their charts; past them, the pairs are a paged list of tables."""


def sections(board: Board, here: str, files: paged.Files) -> List[Tuple[str, str]]:
    pairs = pair_units(board)
    if not pairs:
        return [("", render.render_block("pairs_empty.html"))]
    found = [(title(units), _pair_with_chart(board, units, here)) for units in pairs[:CHARTED]]
    rest = [
        render_pair(board, compare(board, units), here, caption=True) for units in pairs[CHARTED:]
    ]
    if rest:
        listed = paged.items(rest, "pairs/pairs.json", here, files, "对", size=CHARTED)
        found.append((f"其余 {len(rest)} 对", listed))
    return found


def _pair_with_chart(board: Board, units: Sequence[Unit], here: str) -> str:
    """A pair's or a group's gap chart beside its tables."""
    chart = charts_groups.group_scores(board, tuple(u.id for u in units))
    return (
        render_pair(board, compare(board, units), here)
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
