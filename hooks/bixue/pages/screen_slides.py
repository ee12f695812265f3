"""The campaign's slides of the screen engine: overview, ranking, indicators, the ledger …"""

from __future__ import annotations

from types import MappingProxyType
from typing import List

from ..charts import LIST_SIZE, red_black
from ..charts import screen as screen_charts
from ..figures.board import Board
from ..figures.changes import compute_changes, first_overdue_day
from ..figures.publicity import open_notices
from ..figures.source_dates import ledger_updated_text, reports_due
from . import exemplars as page_exemplars
from .common import has_ledger, units_of
from .notices import publicity_views
from .screen_parts import Rotation, SlideView, capped, chart_drawing, chunks, pair_side, slide

MAX_CASES = 8
"""The newest cases get a slide each; more would make one round of the screen too long."""
RANKING_ROWS = 10
OVERDUE_ROWS = 5
DUE_SOON_ROWS = 3
NOTICES_PER_PAGE = 3
PAIRS_PER_PAGE = 6
CHANGES_PER_PAGE = 9
"""Rows a page of a slide holds at the screen's type size; longer lists page through."""


def overview(board: Board, rotation: Rotation, seconds: int) -> List[SlideView]:
    latest = board.latest_round
    return slide(
        "screen_overview.html",
        "overview",
        seconds,
        board=board,
        stats=board.ledger_stats,
        has_ledger=has_ledger(board),
        latest=latest,
        top=latest.top(LIST_SIZE) if latest else (),
        warn_days=board.campaign.plan.warn_days,
    )


def ranking(board: Board, rotation: Rotation, seconds: int) -> List[SlideView]:
    latest = board.latest_round
    if latest is None:
        return []
    red, black = red_black(latest, black_list=board.campaign.plan.black_list)
    return slide(
        "screen_ranking.html",
        "ranking",
        seconds,
        view=latest,
        pages=chunks(latest.rows, RANKING_ROWS),
        red=red,
        black=black,
        size=LIST_SIZE,
        first_round=len(board.rounds) == 1,
    )


def indicators(board: Board, rotation: Rotation, seconds: int) -> List[SlideView]:
    """One slide per indicator: every unit's completion beside time progress (or the target), and
    the units 逾期未报 (a latest report older than the last period due), as the pages say."""
    due = reports_due(board)
    return [
        SlideView(
            "screen_indicator.html",
            "indicators",
            seconds,
            dict(
                view=view,
                progress=board.time_progress,
                terms=board.campaign.plan.terms,
                due=due.get(view.indicator.id),
                figure=chart_drawing(screen_charts.indicator_chart(board, view)),
            ),
        )
        for view in board.indicators
    ]


def rectification(board: Board, rotation: Rotation, seconds: int) -> List[SlideView]:
    if not has_ledger(board):
        return []
    overdue, overdue_more = capped(board.overdue_rows(), OVERDUE_ROWS)
    due_soon, due_soon_more = capped(board.due_soon_rows(), DUE_SOON_ROWS)
    return slide(
        "screen_rectification.html",
        "rectification",
        seconds,
        stats=board.ledger_stats,
        updated=ledger_updated_text(board),
        unlisted=board.unlisted_count(),
        warn_days=board.campaign.plan.warn_days,
        units=units_of(board, [row.item for page in (*overdue, *due_soon) for row in page]),
        overdue=overdue,
        overdue_more=overdue_more,
        due_soon=due_soon,
        due_soon_more=due_soon_more,
        figure=chart_drawing(screen_charts.status_chart(board)),
    )


def shown_cases(board: Board):
    return board.exemplars()[:MAX_CASES]


def exemplars(board: Board, rotation: Rotation, seconds: int) -> List[SlideView]:
    """One slide per case, newest first, with a QR code to its page (none without site_url)."""
    slides = []
    for case in shown_cases(board):
        view = page_exemplars.case_view(board, case)
        qr = page_exemplars.qr_code(board, view)
        slides += slide("screen_exemplar.html", "exemplars", seconds, view=view, qr=qr)
    return slides


def notices(board: Board, rotation: Rotation, seconds: int) -> List[SlideView]:
    publicizing = open_notices(board)  # 正在公示 first: the screen is where passers-by see it
    shown = [*publicizing, *(notice for notice in board.notices() if notice not in publicizing)]
    if not shown:
        return []
    pages, more = capped(shown, NOTICES_PER_PAGE)
    views = publicity_views(board, shown)
    return slide("screen_notices.html", "notices", seconds, pages=pages, more=more, views=views)


def pairs(board: Board, rotation: Rotation, seconds: int) -> List[SlideView]:
    sides = [tuple(pair_side(board, u) for u in group) for group in board.campaign.plan.pairs]
    if not sides:
        return []
    return slide(
        "screen_pairs.html",
        "pairs",
        seconds,
        latest=board.latest_round,
        pages=chunks(sides, PAIRS_PER_PAGE),
        has_ledger=has_ledger(board),
        first_round=len(board.rounds) == 1,
    )


def changes(board: Board, rotation: Rotation, seconds: int) -> List[SlideView]:
    """本期动态: the window's counts and every event of it, paged; a line when nothing changed."""
    found = compute_changes(board)
    pages, more = capped(change_events(found), CHANGES_PER_PAGE)
    return slide(
        "screen_changes.html",
        "changes",
        seconds,
        changes=found,
        unit=board.unit,
        pages=pages,
        more=more,
    )


def change_events(found) -> list:
    """(day, kind, text, unit) of every event in the window, newest first."""
    events = [(i.found, "found", i.problem, i.unit) for i in found.found]
    events += [(i.completed, "completed", i.problem, i.unit) for i in found.completed]
    events += [(first_overdue_day(i), "overdue", i.problem, i.unit) for i in found.overdue]
    events += [(u.update.date, "update", u.update.note, u.item.unit) for u in found.updates]
    events += [(r.round.date, "round", r.round.name, "") for r in found.rounds]
    events += [(c.date, "case", c.title, c.unit) for c in found.cases]
    events += [(n.date, "notice", n.title, "") for n in found.notices]
    events += [(a.date, "activity", a.title, a.host) for a in found.activities]
    return sorted(events, key=lambda event: -event[0].toordinal())


SLIDES = MappingProxyType(
    {
        "overview": overview,
        "ranking": ranking,
        "indicators": indicators,
        "rectification": rectification,
        "exemplars": exemplars,
        "notices": notices,
        "pairs": pairs,
        "changes": changes,
    }
)
"""The campaign's slides by name; the engine (pages/screen.py) joins them with the units'."""
