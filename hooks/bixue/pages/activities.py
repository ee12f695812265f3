"""学习交流 (activities/index.md): the activity log, newest first, filterable by unit and kind,
with counts by kind and unit and a chart per month; and each unit page's part of it."""

from __future__ import annotations

from types import MappingProxyType
from typing import Dict, Iterable, List, Tuple

from ..charts import activities as charts_activities
from ..charts import embed as chart_html
from ..contents import GeneratedFile, GeneratedPage, Output
from ..figures.board import Board
from ..model import Unit
from ..outputs import images
from ..render import page_markdown, page_url, render_block

INDEX = "activities/index.md"
TITLE = "学习交流"


def photos(board: Board, records) -> Dict[str, List[images.WebImage]]:
    """The published photos of each listed record, by its id."""
    return {
        record.id: [images.web_image(board, path) for path in record.photos]
        for record in records
        if record.photos
    }


def filters(board: Board, records) -> Dict[str, List[Tuple[str, str]]]:
    """Only the units and kinds some listed record has, units in units.yml order."""
    named = {unit for record in records for unit in (record.host, *record.guests)}
    kinds = dict.fromkeys(record.kind for record in records)
    return {
        "units": [(u.id, u.name) for u in board.campaign.units if u.id in named],
        "kinds": [(kind, kind) for kind in kinds],
    }


def render_index(board: Board, here: str) -> str:
    records = board.listed_activities()
    return render_block(
        "activities_index.html",
        log=board.activity_log,
        records=records,
        unlisted=len(board.activity_log.records) - len(records),
        photos=photos(board, records),
        unit=board.unit,
        as_of=board.as_of,
        here=here,
        **filters(board, records),
    )


def render_by_unit(board: Board, here: str) -> str:
    units = board.campaign.units
    return render_block("activities_by_unit.html", log=board.activity_log, units=units, here=here)


def render_chart(board: Board, here: str) -> str:
    return chart_html.render(charts_activities.per_month(board), "activities-per-month")


def unit_activities(board: Board, unit: Unit, here: str) -> str:
    """A unit page's section: its hosted and attended counts and records."""
    if not board.campaign.activities:
        return ""
    return render_block(
        "unit_activities.html",
        counts=board.activity_log.by_unit[unit.id],
        hosted=board.listed_activities(unit.id, "hosted"),
        attended=board.listed_activities(unit.id, "attended"),
        unit=board.unit,
        here=here,
    )


def pages(board: Board) -> Iterable[GeneratedPage]:
    if not board.campaign.activities:
        return
    here = page_url(INDEX)
    sections = [
        ("", render_index(board, here)),
        ("每月活动", render_chart(board, here)),
        ("各单位主办与参加", render_by_unit(board, here)),
    ]
    yield GeneratedPage(INDEX, page_markdown(TITLE, sections))


def files(board: Board) -> List[GeneratedFile]:
    return images.unique_files(
        photo for found in photos(board, board.listed_activities()).values() for photo in found
    )


BLOCKS = MappingProxyType(
    {
        "activities": render_index,
        "activities-chart": render_chart,
        "activities-by-unit": render_by_unit,
    }
)


def make(board: Board) -> Output:
    """This module's pages, files and blocks."""
    return Output(tuple(pages(board)), tuple(files(board)), BLOCKS)
