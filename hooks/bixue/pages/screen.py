"""The screen (大屏): a full-screen rotation of slides for TVs, built from the board."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from markupsafe import Markup

from ..charts import LIST_SIZE, red_black
from ..charts import screen as screen_charts
from ..contents import GeneratedFile, GeneratedPage
from ..figures.board import Board, RankRow
from ..model import Slide, Unit
from ..outputs import images
from ..render import chart_attribute, render_block
from . import exemplars as page_exemplars
from .common import has_ledger, row_for
from .screen_projects import projects_slide

HERE = "screen/"
MAX_CASES = 8
"""The newest cases get a slide each; more would make one round of the screen too long."""
RANKING_ROWS = 10
OVERDUE_ROWS = 5
DUE_SOON_ROWS = 3
NOTICES_PER_PAGE = 3
PAIRS_PER_PAGE = 6
"""Rows a page of a slide holds at the screen's type size; longer lists page through."""


@dataclass(frozen=True)
class PairSide:
    """One unit of a pair with what the pairs slide compares: latest rank and ledger rate."""

    unit: Unit
    row: Optional[RankRow]
    completion_rate: object
    """整改完成率 of the unit's ledger items (a Fraction, or None without items)."""


def pages(board: Board) -> Iterable[GeneratedPage]:
    yield GeneratedPage("screen.md", screen_markdown(board), in_nav=False)


def files(board: Board) -> Iterable[GeneratedFile]:
    """The covers the exemplar slides show (published once, whoever else shows them)."""
    views = [page_exemplars.case_view(board, case) for case in shown_cases(board)]
    return images.unique_files(view.cover for view in views if view.cover)


def screen_markdown(board: Board) -> str:
    """The page: the standalone template, kept out of search (it repeats the other pages) and
    out of the sitemap, so material's instant navigation loads it in full (overrides/)."""
    front = "template: screen.html\ntitle: 大屏展示\nsitemap: false\nsearch:\n  exclude: true\n"
    return f"---\n{front}---\n\n{render_screen(board)}\n"


def render_screen(board: Board) -> str:
    screen = board.campaign.plan.screen
    sections = [html for slide in screen.slides for html in slide_sections(board, slide)]
    if not sections:
        sections = slide_sections(board, Slide("overview"))
    return render_block("screen_deck.html", screen=screen, sections=sections)


def slide_sections(board: Board, slide: Slide) -> List[Markup]:
    """The sections one entry of `screen.slides` makes: none when it has nothing to show."""
    seconds = slide.seconds or board.campaign.plan.screen.interval
    return [Markup(html) for html in SLIDES[slide.name](board, seconds)]


def section(template: str, name: str, seconds: int, **context) -> str:
    return render_block(template, here=HERE, name=name, seconds=seconds, **context)


def overview(board: Board, seconds: int) -> List[str]:
    latest = board.latest_round
    return [
        section(
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
    ]


def ranking(board: Board, seconds: int) -> List[str]:
    latest = board.latest_round
    if latest is None:
        return []
    red, black = red_black(latest)
    return [
        section(
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
    ]


def indicators(board: Board, seconds: int) -> List[str]:
    """One slide per indicator: every unit's completion beside time progress (or the target)."""
    return [
        section(
            "screen_indicator.html",
            "indicators",
            seconds,
            view=view,
            progress=board.time_progress,
            terms=board.campaign.plan.terms,
            figure=chart_json(screen_charts.indicator_chart(board, view)),
        )
        for view in board.indicators
    ]


def rectification(board: Board, seconds: int) -> List[str]:
    if not has_ledger(board):
        return []
    return [
        section(
            "screen_rectification.html",
            "rectification",
            seconds,
            stats=board.ledger_stats,
            warn_days=board.campaign.plan.warn_days,
            unit=board.unit,
            overdue=chunks(board.overdue_rows(), OVERDUE_ROWS),
            due_soon=chunks(board.due_soon_rows(), DUE_SOON_ROWS),
            figure=chart_json(screen_charts.status_chart(board)),
        )
    ]


def shown_cases(board: Board):
    return board.exemplars()[:MAX_CASES]


def exemplars(board: Board, seconds: int) -> List[str]:
    """One slide per case, newest first, with a QR code to its page (none without site_url)."""
    slides = []
    for case in shown_cases(board):
        view = page_exemplars.case_view(board, case)
        qr = page_exemplars.qr_code(board, view)
        slides.append(section("screen_exemplar.html", "exemplars", seconds, view=view, qr=qr))
    return slides


def notices(board: Board, seconds: int) -> List[str]:
    shown = board.notices()
    if not shown:
        return []
    return [
        section("screen_notices.html", "notices", seconds, pages=chunks(shown, NOTICES_PER_PAGE))
    ]


def pairs(board: Board, seconds: int) -> List[str]:
    sides = [(pair_side(board, a), pair_side(board, b)) for a, b in board.campaign.plan.pairs]
    if not sides:
        return []
    return [
        section(
            "screen_pairs.html",
            "pairs",
            seconds,
            latest=board.latest_round,
            pages=chunks(sides, PAIRS_PER_PAGE),
            has_ledger=has_ledger(board),
            first_round=len(board.rounds) == 1,
        )
    ]


def pair_side(board: Board, unit_id: str) -> PairSide:
    rate = board.ledger_by_unit[unit_id].completion_rate
    return PairSide(board.unit(unit_id), row_for(board.latest_round, unit_id), rate)


def chart_json(figure: Optional[dict]) -> str:
    """A chart for a `data-figure` attribute; '' when there is nothing to draw."""
    return chart_attribute(figure) if figure else ""


def chunks(rows: Sequence, size: int) -> List[Tuple]:
    """Pages of at most `size` rows; no rows make no pages."""
    return [tuple(rows[start : start + size]) for start in range(0, len(rows), size)]


SLIDES: Dict[str, Callable[[Board, int], List[str]]] = {
    "overview": overview,
    "ranking": ranking,
    "indicators": indicators,
    "rectification": rectification,
    "exemplars": exemplars,
    "notices": notices,
    "pairs": pairs,
    "projects": projects_slide,
}
"""Each slide name of campaign.yml and the sections it makes."""
