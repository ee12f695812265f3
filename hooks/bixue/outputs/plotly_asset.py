"""The chart library as a site asset: plotly.min.js copied from the installed plotly package."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import plotly

from ..contents import GeneratedFile
from ..figures.board import Board

PLOTLY_JS = "assets/plotly.min.js"
"""Where charts.js loads it from; never a CDN, so the board works offline and on an intranet."""


def plotly_js_path() -> Path:
    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def files(board: Board) -> Iterable[GeneratedFile]:
    yield GeneratedFile(PLOTLY_JS, source=str(plotly_js_path()))
