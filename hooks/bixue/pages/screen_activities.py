"""The screen's activities slide (学习交流): counts by kind, activities per month as SVG, and the
newest records."""

from __future__ import annotations

from typing import List

from ..charts import activities as charts_activities
from ..charts.screen import for_screen
from ..figures.board import Board
from .screen_parts import Rotation, SlideView, chart_drawing, slide

ROWS = 6
"""Records the slide's list holds at the screen's type size."""
CHART_SIZE = (900, 540)


def activities(board: Board, rotation: Rotation, seconds: int) -> List[SlideView]:
    """One slide, none without an activity log."""
    records = board.listed_activities()
    if not board.campaign.activities:
        return []
    fig = charts_activities.per_month(board)
    return slide(
        "screen_activities.html",
        "activities",
        seconds,
        log=board.activity_log,
        rows=records[:ROWS],
        more=max(0, len(records) - ROWS),
        unit=board.unit,
        figure=chart_drawing(for_screen(fig, *CHART_SIZE) if fig else None),
    )
