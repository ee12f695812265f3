"""Notices (通知公告): the index, pinned first then newest first, and one page per notice."""

from __future__ import annotations

from typing import Iterable

from ..contents import GeneratedPage, Output
from ..figures.board import Board
from ..model import Notice
from ..render import page_markdown, render_block

INDEX = "notices/"
"""The index page's URL; each notice's page is under it."""


def notice_url(notice: Notice) -> str:
    return f"{INDEX}{notice.slug}/"


def pages(board: Board) -> Iterable[GeneratedPage]:
    notices = board.notices()
    html = render_block("notice_index.html", here=INDEX, notices=notices, notice_url=notice_url)
    yield GeneratedPage("notices/index.md", page_markdown("通知公告", [("", html)]))
    for notice in notices:
        yield GeneratedPage(f"notices/{notice.slug}.md", notice_markdown(notice), False)


def notice_markdown(notice: Notice) -> str:
    html = render_block("notice_page.html", here=notice_url(notice), notice=notice)
    return page_markdown(notice.title, [("", html)])


def make(board: Board) -> Output:
    """This module's pages, files and blocks."""
    return Output(tuple(pages(board)))
