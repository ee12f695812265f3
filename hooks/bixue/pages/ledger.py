"""The rectification ledger page (整改台账): counts, rates, overdue, due soon, by unit, items."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Dict, Iterable, List, Optional, Tuple

from .. import render
from ..charts import embed as chart_html
from ..charts import ledger as charts_ledger
from ..contents import GeneratedFile, GeneratedPage, Output
from ..figures.board import Board
from ..figures.provenance import item_source
from ..figures.source_dates import ledger_sources, ledger_updated_text
from ..model import STATUSES
from ..outputs import downloads, images
from . import ledger_table, paged, workbooks

SRC_URI = "rectification.md"
TITLE = "整改台账"
META = "hide:\n  - navigation\n  - toc\n"
"""The ledger table is wide: the side menus give it their width (the headings are few)."""


@dataclass(frozen=True)
class Photos:
    """An item's before and after photos, either may be missing."""

    before: Optional[images.WebImage]
    after: Optional[images.WebImage]


BY_UNIT_JSON = "rectification/by-unit.json"


def pages(board: Board) -> Iterable[GeneratedPage]:
    yield GeneratedPage(SRC_URI, _rendered(board)[0])


def files(board: Board) -> List[GeneratedFile]:
    if not board.ledger:
        return []
    photos = item_photos(board)
    shown = [image for pair in photos.values() for image in _images(pair)]
    table = [ledger_table.json_file(board, photos)]
    return images.unique_files(shown) + table + _rendered(board)[1]


def _rendered(board: Board) -> Tuple[str, List[GeneratedFile]]:
    return paged.rendered_once(board, SRC_URI, lambda files: render_ledger_page(board, files))


def render_ledger_page(board: Board, files: Optional[paged.Files] = None) -> str:
    """The page; with `files`, the by-unit table past a page of units is paged from a JSON file."""
    here = render.page_url(SRC_URI)
    if not board.ledger:
        return render.page_markdown(TITLE, [("", render.render_block("ledger_empty.html"))])
    by_unit = render_by_unit(board, here)
    if files is not None:
        by_unit = paged.table(by_unit, BY_UNIT_JSON, here, files, "个单位")
    sections = [
        ("", render_summary(board, here)),
        ("", chart_html.render(charts_ledger.ledger_burndown(board), "ledger-burndown")),
        ("逾期事项", render_overdue(board, here)),
        ("临期事项", render_due_soon(board, here)),
        ("", chart_html.render(charts_ledger.ledger_deadlines(board), "ledger-deadlines")),
        ("各单位整改情况", by_unit),
        ("", chart_html.render(charts_ledger.ledger_by_unit(board), "ledger-by-unit")),
        ("台账明细", render_items(board, here)),
    ]
    if not board.public:
        sections.append(("台账模板", workbooks.render_links(board, here, "ledger")))
    return render.page_markdown(TITLE, sections, meta=META)


def render_summary(board: Board, here: str) -> str:
    return render.render_block(
        "ledger_summary.html",
        board=board,
        here=here,
        stats=board.ledger_stats,
        statuses=STATUSES,
        unlisted=board.unlisted_count(),
        updated=ledger_updated_text(board),
        sources=() if board.public else ledger_sources(board),
        downloads={"xlsx": downloads.XLSX, "csv": downloads.CSV},
    )


def render_overdue(board: Board, here: str) -> str:
    rows = board.overdue_rows()
    return _deadline_list(board, here, "overdue", rows, board.ledger_stats.overdue - len(rows))


def _more(rows, here: str, flag: str) -> Optional[dict]:
    """Past a page of rows, a link to the whole ledger table filtered to the rest."""
    if len(rows) <= ledger_table.PAGE_SIZE:
        return None
    table = render.relative_url(here, SRC_URI[: -len(".md")] + "/")
    return {"count": len(rows), "href": f"{table}?{flag}=1#bx-ledger-table"}


def render_due_soon(board: Board, here: str) -> str:
    rows = board.due_soon_rows()
    hidden = board.ledger_stats.due_soon - len(rows)
    warn_days = board.campaign.plan.warn_days
    return _deadline_list(board, here, "soon", rows, hidden, warn_days=warn_days)


def _deadline_list(board: Board, here: str, flag: str, rows, hidden: int, **extra) -> str:
    """The first page of overdue (`flag` overdue) or due-soon (soon) items, a link to the rest
    and how many internal ones are not listed."""
    template = "ledger_overdue.html" if flag == "overdue" else "ledger_due_soon.html"
    shown = rows[: ledger_table.PAGE_SIZE]
    return render.render_block(
        template,
        board=board,
        here=here,
        rows=shown,
        sources=None if board.public else {r.item.id: item_source(r.item) for r in shown},
        more=_more(rows, here, flag),
        hidden=hidden,
        **extra,
    )


def render_by_unit(board: Board, here: str) -> str:
    units = [(unit, board.ledger_by_unit[unit.id]) for unit in board.campaign.units]
    return render.render_block(
        "ledger_by_unit.html",
        here=here,
        units=units,
        total=board.ledger_stats,
        unlisted=board.unlisted_count(),
    )


def render_items(board: Board, here: str) -> str:
    return ledger_table.render_items(board, here, item_photos(board))


def item_photos(board: Board) -> Dict[str, Photos]:
    """Photos of listed items by item id: an internal item's photo is never published."""
    found = {}
    for row in board.listed_ledger():
        item = row.item
        if item.photo_before or item.photo_after:
            found[item.id] = Photos(
                _image(board, item.photo_before), _image(board, item.photo_after)
            )
    return found


def _image(board: Board, rel_path: str) -> Optional[images.WebImage]:
    return images.web_image(board, rel_path) if rel_path else None


def _images(photos: Photos) -> Tuple[images.WebImage, ...]:
    return tuple(image for image in (photos.before, photos.after) if image is not None)


BLOCKS = MappingProxyType(
    {
        "ledger-summary": render_summary,
        "ledger-overdue": render_overdue,
        "ledger-due-soon": render_due_soon,
        "ledger-by-unit": render_by_unit,
        "ledger-items": render_items,
    }
)


def make(board: Board) -> Output:
    """This module's pages, files and blocks."""
    return Output(tuple(pages(board)), tuple(files(board)), BLOCKS)
