"""Lookups the board's main pages share: a unit's row in a round, its pairs, its rounds."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Dict, List, Tuple, Union

from ..figures.board import Board, IndicatorRow, IndicatorView, RankRow, RoundView
from ..model import Unit

PHASE_STATES = MappingProxyType(
    {"done": "已完成", "current": "当前", "upcoming": "未开始", "running": "进行中"}
)
"""Text beside each phase's colour on the timeline."""


@dataclass(frozen=True)
class UnitRound:
    """One unit's row in one round, with whether the round had a round before it."""

    round: RoundView
    row: RankRow
    first: bool
    """The earliest round: no rank change can exist (not even 新)."""


def row_for(
    view: Union[RoundView, IndicatorView, None], unit_id: str
) -> Union[RankRow, IndicatorRow, None]:
    """The unit's row in a round or an indicator; every unit has one (未参评 rows included)."""
    return view.row(unit_id) if view is not None else None


def unit_rounds(board: Board, unit_id: str) -> Tuple[UnitRound, ...]:
    """The unit's row in every round, oldest first."""
    return tuple(
        UnitRound(view, row_for(view, unit_id), index == 0)
        for index, view in enumerate(board.rounds)
    )


def partners(board: Board, unit_id: str) -> Tuple[Unit, ...]:
    """The units paired or grouped with this one in campaign.yml, in pair order, each once."""
    found = [other for others in partner_groups(board, unit_id) for other in others]
    return tuple(dict.fromkeys(found))


def partner_groups(board: Board, unit_id: str) -> Tuple[Tuple[Unit, ...], ...]:
    """For each pair or group this unit is in, the other units of it, in their order."""
    return tuple(
        tuple(board.unit(other) for other in group if other != unit_id)
        for group in board.campaign.plan.pairs
        if unit_id in group
    )


def units_of(board: Board, records) -> Dict[str, Unit]:
    """The units `records` (cases, ledger items) belong to, by id: what a block shows of them,
    rather than the whole board."""
    return {record.unit: board.unit(record.unit) for record in records}


def pair_units(board: Board) -> List[Tuple[Unit, ...]]:
    """Each pair or group as its units."""
    return [tuple(board.unit(unit_id) for unit_id in group) for group in board.campaign.plan.pairs]


def has_ledger(board: Board) -> bool:
    """Whether the campaign keeps a ledger at all (internal items count: figures include them)."""
    return bool(board.ledger)


def has_groups(board: Board) -> bool:
    return any(unit.group for unit in board.campaign.units)
