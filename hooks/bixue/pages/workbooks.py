"""Links to the workbooks a page's data can be kept in: the data as a workbook, and (internal
build only) how the clerk uses it and the templates to hand out."""

from __future__ import annotations

from types import MappingProxyType

from .. import render
from ..figures.board import Board
from ..outputs import score_sheets, templates_xlsx

DATA = MappingProxyType(
    {
        "indicators": (score_sheets.INDICATORS, "指标数值", "indicators.xlsx"),
        "ranking": (score_sheets.SCORES, "各轮评分表", "evaluations.xlsx"),
    }
)
TEMPLATES = MappingProxyType(
    {
        "ledger": f"{templates_xlsx.FOLDER}/ledger.xlsx",
        "indicators": f"{templates_xlsx.FOLDER}/indicators.xlsx",
        "ranking": f"{templates_xlsx.FOLDER}/evaluations.xlsx",
    }
)


def render_links(board: Board, here: str, page: str) -> str:
    """`page`: ledger, indicators or ranking."""
    offered = templates_xlsx.templates(board)
    blank = [t for t in offered if t.dest_uri == TEMPLATES[page]]
    units = [t for t in offered if t.unit] if page == "ledger" else []
    data = None
    if page in DATA:
        path, title, file = DATA[page]
        data = {"path": path, "title": title, "file": file}
    return render.render_block(
        "workbook_links.html",
        here=here,
        data=data,
        blank=blank,
        units=units,
        public=board.public,
    )
