"""公示期 as of a day: not begun, open (正在公示) or over (公示期已结束), in the words pages say."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Optional, Tuple

from ..model import Notice, Publicity
from . import format_date
from .board import Board

UPCOMING, OPEN, CLOSED = "upcoming", "open", "closed"


def publicity_state(publicity: Publicity, as_of: datetime.date) -> str:
    """Both ends are days of the 公示期."""
    if as_of < publicity.start:
        return UPCOMING
    return OPEN if as_of <= publicity.end else CLOSED


@dataclass(frozen=True)
class PublicityView:
    publicity: Publicity
    state: str
    days_left: int
    """Days after the as-of day until the end (0: it ends today)."""

    @property
    def period(self) -> str:
        start, end = (format_date(day, long=True) for day in self._days)
        return f"公示期：{start}至{end}"

    @property
    def objection(self) -> str:
        contact = self.publicity.office
        return f"如有异议请于公示期内向{contact}反映。" if contact else ""

    @property
    def status(self) -> str:
        if self.state == UPCOMING:
            return f"公示将于{format_date(self.publicity.start, long=True)}开始"
        if self.state == CLOSED:
            return "公示期已结束"
        return (
            "正在公示，今天截止" if self.days_left == 0 else f"正在公示，还有 {self.days_left} 天"
        )

    @property
    def _days(self) -> Tuple[datetime.date, datetime.date]:
        return self.publicity.start, self.publicity.end


def publicity_view(notice: Notice, as_of: datetime.date) -> Optional[PublicityView]:
    if notice.publicity is None:
        return None
    state = publicity_state(notice.publicity, as_of)
    return PublicityView(notice.publicity, state, (notice.publicity.end - as_of).days)


def open_notices(board: Board) -> Tuple[Notice, ...]:
    """Published notices whose 公示期 holds the as-of day (正在公示), in the board's order."""
    return tuple(
        notice
        for notice in board.notices()
        if notice.publicity and publicity_state(notice.publicity, board.as_of) == OPEN
    )
