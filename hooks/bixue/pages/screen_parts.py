"""Pieces every slide renderer of the screen engine shares: a slide's view, pages of a list."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Mapping, Optional, Sequence, Tuple

from ..charts.svg import chart_svg
from ..figures.board import Board, LedgerStats, RankRow
from ..model import Screen, Unit
from .common import row_for


@dataclass(frozen=True)
class Rotation:
    """One rotation of slides at its own address: screen/, screen/<id>/ or a unit's."""

    path: str
    """Its URL relative to the site root, e.g. screen/units/hebi/."""
    title: str
    """What the header band names: the campaign, the rotation or the unit."""
    screen: Screen
    kind: str = "campaign"
    """campaign, named or unit: the screens/ page groups them by it."""
    unit: Optional[Unit] = None
    """The unit a unit rotation is about; its slides ask for it."""


@dataclass(frozen=True)
class SlideView:
    """One slide before it is rendered: its template, name, seconds and what it shows."""

    template: str
    name: str
    seconds: int
    context: Mapping[str, object] = field(default_factory=dict)


def slide(template: str, name: str, seconds: int, **context) -> List[SlideView]:
    """A renderer's answer for a slide of one section."""
    return [SlideView(template, name, seconds, context)]


def chart_drawing(figure: Optional[dict]) -> str:
    """A chart drawn as SVG at build time (any TV's browser shows it); '' when there is
    nothing to draw."""
    return chart_svg(figure) if figure else ""


@dataclass(frozen=True)
class PairSide:
    """One unit of a pair as the pair slides compare it: its latest row and its ledger."""

    unit: Unit
    row: Optional[RankRow]
    ledger: LedgerStats


def pair_side(board: Board, unit_id: str) -> PairSide:
    return PairSide(
        board.unit(unit_id), row_for(board.latest_round, unit_id), board.ledger_by_unit[unit_id]
    )


MAX_PAGES = 10
"""Pages a list that only grows (overdue items, notices) keeps on a slide: the rest are on the
board's pages; a rotation that took a thousand rounds to show them would show nothing."""


def chunks(rows: Sequence, size: int) -> List[Tuple]:
    """Pages of at most `size` rows; no rows make no pages."""
    return [tuple(rows[start : start + size]) for start in range(0, len(rows), size)]


def capped(rows: Sequence, size: int) -> Tuple[List[Tuple], int]:
    """The first MAX_PAGES pages of `rows`, and how many rows they leave out."""
    shown = rows[: size * MAX_PAGES]
    return chunks(shown, size), len(rows) - len(shown)
