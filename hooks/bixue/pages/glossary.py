"""名词解释 (glossary/): every term of the board explained, and the colours it uses, in one legend;
the bar at the top of every page links here."""

from __future__ import annotations

from ..contents import GeneratedPage, Output
from ..figures import glossary
from ..figures.board import Board
from ..render import page_markdown, render_block

PAGE = "glossary.md"


def render_glossary(board: Board) -> str:
    plan = board.campaign.plan
    return render_block(
        "glossary.html",
        terms=[(term, glossary.anchor(term), text) for term, text in glossary.TERMS.items()],
        warn_days=plan.warn_days,
        stale_days=plan.stale_days,
    )


def make(board: Board) -> Output:
    """This module's pages, files and blocks."""
    markdown = page_markdown("名词解释", [("", render_glossary(board))])
    return Output((GeneratedPage(PAGE, markdown, False),))
