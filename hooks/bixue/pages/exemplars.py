"""Exemplar cases (先进典型 / 好做法): the filterable index, one page per case, covers, QR codes.
At 1,000 cases the index was 1 MB of cards: it holds the newest 50, paged.js the rest."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Tuple

from markupsafe import Markup

from ..contents import GeneratedFile, GeneratedPage, Output
from ..figures import theme_text
from ..figures.board import Board
from ..model import Exemplar, Unit
from ..outputs import images
from ..outputs.qr import qr_svg
from ..render import absolute_url, page_markdown, render_block
from . import paged

INDEX = "exemplars/"
"""The index page's URL; each case's page is under it."""
INDEX_SRC = "exemplars/index.md"
CASES_JSON = "exemplars/cases.json"
BY_UNIT_JSON = "exemplars/by-unit.json"


@dataclass(frozen=True)
class CaseView:
    """A published case with what its pages show beside the record itself."""

    case: Exemplar
    url: str
    unit: Unit
    adopters: Tuple[Unit, ...]
    cover: Optional[images.WebImage]


def case_url(case: Exemplar) -> str:
    return f"{INDEX}{case.slug}/"


def case_view(board: Board, case: Exemplar) -> CaseView:
    cover = images.web_image(board, case.cover) if case.cover else None
    adopters = tuple(board.unit(unit_id) for unit_id in case.adopted_by)
    return CaseView(case, case_url(case), board.unit(case.unit), adopters, cover)


def case_views(board: Board) -> List[CaseView]:
    """Published cases, newest first."""
    return [case_view(board, case) for case in board.exemplars()]


def qr_code(board: Board, view: CaseView) -> Markup:
    """An inline SVG QR code to the case's permanent address; none without site_url."""
    address = absolute_url(board.site_url, view.url)
    return Markup(qr_svg(address, f"{view.case.title}（二维码）")) if address else Markup("")


def pages(board: Board) -> Iterable[GeneratedPage]:
    views = case_views(board)
    yield GeneratedPage(INDEX_SRC, _index(board, views)[0])
    for view in views:
        yield GeneratedPage(f"exemplars/{view.case.slug}.md", case_markdown(board, view), False)


def _index(board: Board, views: List[CaseView]) -> Tuple[str, List[GeneratedFile]]:
    """The index and its paged lists' JSON files, made once for pages() and files()."""
    return paged.rendered_once(board, INDEX_SRC, lambda files: index_markdown(board, views, files))


def index_markdown(board: Board, views: List[CaseView], files: paged.Files) -> str:
    cards = [render_block("exemplar_card.html", here=INDEX, view=view) for view in views]
    listed = paged.items(
        cards, CASES_JSON, INDEX, files, "个案例", paged.PAGE_SIZE, 'ul class="bx-case-cards"'
    )
    chosen = filters(views)
    sections = [
        ("", render_block("exemplar_intro.html", here=INDEX, count=len(views))),
        ("", render_block("exemplar_cards.html", views=views, listed=Markup(listed), **chosen)),
    ]
    if views:
        by_unit = paged.table(by_unit_block(board, views), BY_UNIT_JSON, INDEX, files, "个单位")
        sections.append(("按单位索引", by_unit))
    return page_markdown("先进典型", sections)


def filters(views: List[CaseView]) -> Dict[str, List[Tuple[str, str]]]:
    """The (value, text) choices of the index's filters: only values some case has, in a stable
    order."""
    units: Dict[str, str] = {}
    for view in views:
        units.setdefault(view.unit.id, view.unit.name)
    categories = sorted({view.case.category for view in views})
    tags = sorted({tag for view in views for tag in view.case.tags})
    return {
        "categories": [(category, category) for category in categories],
        "units": list(units.items()),
        "tags": [(tag, tag) for tag in tags],
    }


def by_unit_block(board: Board, views: List[CaseView]) -> str:
    """Every unit with its own cases and the cases it learned from, in units.yml order."""
    rows = [
        (unit, [v for v in views if v.unit.id == unit.id], board.learned_from(unit.id))
        for unit in board.campaign.units
    ]
    rows = [row for row in rows if row[1] or row[2]]
    return render_block("exemplar_by_unit.html", here=INDEX, rows=rows, case_url=case_url)


def case_markdown(board: Board, view: CaseView) -> str:
    here = view.url
    html = render_block(
        "exemplar_page.html",
        here=here,
        view=view,
        qr=qr_code(board, view),
        address=absolute_url(board.site_url, here),
    )
    return page_markdown(view.case.title, [("", html)], meta=preview_meta(board, view))


DESCRIPTION_CHARS = 120
"""What a link preview shows of a case: its summary, cut where previews cut anyway."""


def preview_meta(board: Board, view: CaseView) -> str:
    """Front matter for link previews (main.html: description, og:title, og:image): the case's
    title, summary and cover, inert in the theme's unescaped attributes (theme_text)."""
    case = view.case
    text = theme_text(case.summary or f"{view.unit.name}：{case.title}")[:DESCRIPTION_CHARS]
    meta = {"description": text, "og_title": theme_text(case.title)}
    if view.cover:
        meta["og_image"] = absolute_url(board.site_url, view.cover.src) or view.cover.src
    return "".join(
        f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items()
    )


def files(board: Board) -> Iterable[GeneratedFile]:
    """Covers of the published cases only (an internal case's file name is not published), and
    the index's paged lists."""
    views = case_views(board)
    covers = images.unique_files(view.cover for view in views if view.cover)
    return [*covers, *_index(board, views)[1]]


def make(board: Board) -> Output:
    """This module's pages, files and blocks."""
    return Output(tuple(pages(board)), tuple(files(board)))
