"""The chart library as a site asset: plotly.js's basic bundle (bar, scatter, pie), 1.2 MB
instead of the full 4.8 MB, installed by scripts/setup.sh from the npm registry (and copied into
the package when it is installed from such a checkout); without it, the full bundle the plotly
Python package ships (the same version), so any checkout or install builds."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import Iterable, Optional

from ..contents import GeneratedFile, Output
from ..figures.board import Board

PLOTLY_JS = "assets/plotly.min.js"
"""Where charts.js loads it from; never a CDN, so the board works offline and on an intranet."""
PACKAGE = "plotly.js-basic-dist-min"
VERSION = "4.1.1"
"""The plotly.js version the plotly Python package (7.1.0) targets: figures it writes draw the
same. Every trace the charts use (bar, scatter) is in the basic bundle."""
BUNDLE = Path(__file__).resolve().parents[3] / "vendor" / PACKAGE / "plotly-basic.min.js"
"""Where scripts/setup.sh puts it in a checkout (and where an editable install finds it)."""
PACKAGED = Path(__file__).resolve().parents[1] / "vendor" / PACKAGE / "plotly-basic.min.js"
"""Where an installed package carries it: setup.py copies vendor/ in when it builds the wheel."""
SETTING = "BIXUE_PLOTLY_JS"
"""A bundle of one's own choosing (a path to plotly.js's file), before every other."""


FULL = Path(importlib.util.find_spec("plotly").origin).parent / "package_data" / "plotly.min.js"
"""The full bundle of the installed plotly package: four times the bytes, the same charts. Found
without importing plotly, which takes 30 ms of every build."""


def plotly_js_path() -> Path:
    chosen = os.environ.get(SETTING)
    if chosen:
        return Path(chosen)
    return next((path for path in (PACKAGED, BUNDLE) if path.is_file()), FULL)


def missing() -> Optional[str]:
    """Why the build cannot ship charts, in words the person running it can act on; or None."""
    if plotly_js_path().is_file():
        return None
    if os.environ.get(SETTING):
        return f"{SETTING}：找不到图表库文件 {os.environ[SETTING]}（应为 plotly.js 的 .js 文件）"
    shown = BUNDLE.relative_to(BUNDLE.parents[2]).as_posix()
    return f"缺少图表库 {shown}（{PACKAGE}@{VERSION}）：请先运行 scripts/setup.sh 安装"


def files(board: Board) -> Iterable[GeneratedFile]:
    yield GeneratedFile(PLOTLY_JS, source=str(plotly_js_path()))


def make(board: Board) -> Output:
    """This module's pages, files and blocks."""
    return Output((), tuple(files(board)))
