"""The whole ledger as a client-side table: the first page of rows in the HTML, every row in a
JSON file that docs/assets/ledger-table.js filters, sorts and pages."""

from __future__ import annotations

import json
from typing import Dict, List, Optional
from urllib.parse import quote

from .. import render
from ..contents import GeneratedFile
from ..figures.board import Board, LedgerRow, in_id_order
from ..figures.provenance import item_source
from ..model import STATUSES
from ..outputs import images

JSON_URI = "rectification/ledger.json"
PAGE_SIZE = 50
"""Rows per page, in the HTML and in the script: a phone or TV box draws 50 rows quickly."""


def render_items(board: Board, here: str, photos: Dict) -> str:
    rows = in_id_order(board.listed_ledger())
    return render.render_block(
        "ledger_items.html",
        board=board,
        here=here,
        rows=rows[:PAGE_SIZE],
        sources=None
        if board.public
        else {row.item.id: item_source(row.item) for row in rows[:PAGE_SIZE]},
        total=len(rows),
        page_size=PAGE_SIZE,
        photos=photos,
        unlisted=board.unlisted_count(),
        json_url=render.relative_url(here, JSON_URI),
        filters=filter_choices(board, rows),
        statuses=STATUSES,
    )


def filter_choices(board: Board, rows: List[LedgerRow]) -> Dict[str, List[str]]:
    """The sources and categories the ledger uses, in order of first appearance."""
    sources = dict.fromkeys(row.item.source for row in rows if row.item.source)
    categories = dict.fromkeys(row.item.category for row in rows if row.item.category)
    units = dict.fromkeys(row.item.unit for row in rows)
    listed = [unit for unit in board.campaign.units if unit.id in units]
    return {"sources": list(sources), "categories": list(categories), "units": listed}


def json_file(board: Board, photos: Dict) -> GeneratedFile:
    """Every listed item, in id order, with its Markdown already rendered and sanitised. Under
    `serve`, a row whose item, unit and photos are as in the last build is taken from it
    (render.kept): at 500 units, making 20,000 rows again was half a second of every rebuild.
    The internal build gives each row its place (`src`: file:line or workbook:sheet!cell); the
    public one names no file."""
    units = {unit.id: index for index, unit in enumerate(board.campaign.units)}

    def row_json(row: LedgerRow) -> str:
        found = photos.get(row.item.id)
        return render.kept(
            "ledger.json row",
            {
                "row": row,
                "unit": units[row.item.unit],
                "photos": found,
                "public": board.public,
                # where the item was written is not part of a record's digest: a line moved
                "src": "" if board.public else item_source(row.item),
            },
            lambda: _compact(_row(row, units, found, not board.public)),
        )

    listed = _compact([[unit.id, unit.name] for unit in board.campaign.units])
    rows = ",".join(row_json(row) for row in in_id_order(board.listed_ledger()))
    return GeneratedFile(JSON_URI, content=f'{{"units":{listed},"rows":[{rows}]}}')


def _compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _row(row: LedgerRow, units: Dict[str, int], photos, sourced: bool) -> dict:
    item = row.item
    found = {
        "id": item.id,
        "u": units[item.unit],
        "o": item.owner,
        "c": item.category,
        "s": item.source,
        "p": str(render.render_markdown(item.problem)),
        "m": str(render.render_markdown(item.measures)) if item.measures else "",
        "f": _day(item.found),
        "d": _day(item.deadline),
        "x": _day(item.completed),
        "st": item.status,
        "late": row.late,
        "od": row.days_late if row.overdue else None,
        "dl": row.days_left if row.due_soon else None,
        "up": [[_day(u.date), str(render.render_markdown(u.note))] for u in item.updates],
        "src": item_source(item) if sourced else None,
    }
    if photos is not None:
        found["ph"] = [_photo(image, caption) for image, caption in _pairs(photos)]
    return {key: value for key, value in found.items() if not _blank(value)}


def _blank(value) -> bool:
    """Left out of the JSON: no value. A zero (the first unit, today's deadline) is a value."""
    return value is None or value is False or value == "" or value == []


def _pairs(photos) -> list:
    return [(photos.before, "整改前"), (photos.after, "整改后")]


def _photo(image: Optional[images.WebImage], caption: str) -> Optional[list]:
    if image is None:
        return None
    # Percent-encoded as url() writes them: a file name may hold spaces, `#` and `%`.
    return [quote(image.src), quote(image.original), image.width, image.height, caption]


def _day(value) -> Optional[str]:
    return value.isoformat() if value else None
