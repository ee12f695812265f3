"""Notices (通知公告): the index, pinned first then newest first, and one page per notice."""

from __future__ import annotations

from typing import Iterable

from ..contents import GeneratedPage, Output
from ..figures.board import Board
from ..figures.publicity import publicity_view
from ..model import Notice
from ..render import page_markdown, render_block

INDEX = "notices/"
"""The index page's URL; each notice's page is under it."""


def notice_url(notice: Notice) -> str:
    return f"{INDEX}{notice.slug}/"


def pages(board: Board) -> Iterable[GeneratedPage]:
    notices = board.notices()
    views = publicity_views(board, notices)
    html = render_block(
        "notice_index.html", here=INDEX, notices=notices, notice_url=notice_url, views=views
    )
    yield GeneratedPage("notices/index.md", page_markdown("通知公告", [("", html)]))
    for notice in notices:
        markdown = notice_markdown(notice, views.get(notice.slug))
        yield GeneratedPage(f"notices/{notice.slug}.md", markdown, False)


def publicity_views(board: Board, notices) -> dict:
    """Slug → the 公示期 as of the board's day, for the notices that have one."""
    views = {notice.slug: publicity_view(notice, board.as_of) for notice in notices}
    return {slug: view for slug, view in views.items() if view is not None}


def publicity_html(notice: Notice) -> str:
    """The 公示期 and where to object, as a paragraph (for feeds: true whatever the day)."""
    if notice.publicity is None:
        return ""
    view = publicity_view(notice, notice.publicity.start)
    return render_block("notice_publicity.html", view=view)


def notice_markdown(notice: Notice, publicity=None) -> str:
    html = render_block(
        "notice_page.html", here=notice_url(notice), notice=notice, publicity=publicity
    )
    return page_markdown(notice.title, [("", html)])


def make(board: Board) -> Output:
    """This module's pages, files and blocks."""
    return Output(tuple(pages(board)))
