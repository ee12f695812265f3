"""The screen's projects slide (重点项目): investment completion against time progress, and the
projects behind schedule or with overdue milestones."""

from __future__ import annotations

from typing import List

from ..charts import projects as charts_projects
from ..figures.board import Board
from ..render import chart_attribute, render_block

ROWS = 6
"""Projects the slide's list holds at the screen's type size; the flagged ones come first."""


def projects_slide(board: Board, seconds: int) -> List[str]:
    """One slide, none without projects.yml or with no project to show."""
    rows = board.listed_projects()
    if board.projects is None or not rows:
        return []
    flagged = [row for row in rows if row.behind or row.overdue]
    shown = (flagged + [row for row in rows if row not in flagged])[:ROWS]
    figure = charts_projects.screen_completion(board, rows)
    return [
        render_block(
            "screen_projects.html",
            here="screen/",
            name="projects",
            seconds=seconds,
            board=board,
            totals=board.projects.totals,
            rows=shown,
            more=len(rows) - len(shown),
            figure=chart_attribute(figure) if figure else "",
        )
    ]
