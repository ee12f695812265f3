"""The navigation as the board's data allow: a tab whose page has no data to show is left out
(no 结对比学 without pairs); the page itself is still built, for links and bookmarks."""

from __future__ import annotations

from types import MappingProxyType
from typing import List

from ..figures.board import Board

ABSENT = MappingProxyType(
    {
        "pairs.md": lambda board: not board.campaign.plan.pairs,
        "indicators.md": lambda board: not board.indicators,
        "ranking.md": lambda board: not board.rounds,
        "rectification.md": lambda board: not board.ledger,
        "exemplars/index.md": lambda board: not board.exemplars(),
        "notices/index.md": lambda board: not board.notices(),
    }
)
"""A generated page -> whether the board has nothing for it."""


def page_of(item) -> object:
    return next(iter(item.values()), None) if isinstance(item, dict) else item


def is_absent(page, board: Board) -> bool:
    return isinstance(page, str) and page in ABSENT and ABSENT[page](board)


def without_absent(nav: List, board: Board) -> List:
    """`nav` without the top-level entries of pages whose data are absent."""
    return [item for item in nav if not is_absent(page_of(item), board)]
