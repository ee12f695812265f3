"""The screen's projects slide (重点项目): investment completion against time progress, and the
projects behind schedule or with overdue milestones."""

from __future__ import annotations

from typing import List

from ..charts import projects as charts_projects
from ..figures.board import Board
from .screen_parts import Rotation, SlideView, chart_drawing, slide

ROWS = 6
"""Projects the slide's list holds at the screen's type size; the flagged ones come first."""


def projects(board: Board, rotation: Rotation, seconds: int) -> List[SlideView]:
    """One slide, none without projects.yml or with no project to show."""
    rows = board.listed_projects()
    if board.projects is None or not rows:
        return []
    flagged = [row for row in rows if row.behind or row.overdue]
    shown = (flagged + [row for row in rows if row not in flagged])[:ROWS]
    return slide(
        "screen_projects.html",
        "projects",
        seconds,
        board=board,
        totals=board.projects.totals,
        tasks=board.projects.task_totals,
        rows=shown,
        more=len(rows) - len(shown),
        unlisted=board.unlisted_projects(),
        figure=chart_drawing(charts_projects.screen_completion(board, rows)),
    )
