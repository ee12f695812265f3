"""The board's charts restyled for the screen: big type on a dark ground, sized for the canvas."""

from __future__ import annotations

from typing import Optional

from .. import charts
from ..figures.board import Board, IndicatorView
from . import indicators as charts_indicators
from .embed import compact
from .figure import Figure

INK = "#e8edf3"
GRID = "#33445a"
FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif'
TEXT_SIZE = 28
SMALL_SIZE = 24
INDICATOR_SIZE = (1760, 700)
STATUS_SIZE = (760, 400)
"""Chart sizes in canvas pixels (the canvas is 1920×1080); the slide templates leave this room."""
STATUS_LABEL_MARGIN = 120
LABEL_MARGIN = 230
"""Room right of the plot for the labels of horizontal reference lines (目标, 序时进度)."""


def indicator_chart(board: Board, view: IndicatorView) -> Optional[dict]:
    """Every unit's completion against the target and time progress (charts_indicators)."""
    fig = charts_indicators.indicator_completion(board, view)
    return for_screen(fig, *INDICATOR_SIZE) if fig is not None else None


def status_chart(board: Board) -> Optional[dict]:
    """Ledger items by status, symbol and name under each bar (charts.home_ledger_status)."""
    fig = charts.home_ledger_status(board)
    if fig is None:
        return None
    figure = for_screen(horizontal(fig), *STATUS_SIZE, yaxis_title=False)
    # The count beside the longest bar stays whole: room on the right, not clipped by the axes.
    figure["layout"]["margin"]["r"] = STATUS_LABEL_MARGIN
    for trace in figure["data"]:
        trace["cliponaxis"] = False
    return figure


def horizontal(fig: Figure) -> Figure:
    """Vertical bars laid on their side, first bar on top: long labels read on one line."""
    data = [
        {**trace, "x": trace.get("y"), "y": trace.get("x"), "orientation": "h"}
        for trace in fig.data
    ]
    layout = fig.layout
    axes = {
        "xaxis": layout.get("yaxis", {}),
        "yaxis": {**layout.get("xaxis", {}), "autorange": "reversed"},
    }
    return Figure(data, {**layout, **axes})


def for_screen(fig: Figure, width: int, height: int, yaxis_title: bool = True) -> dict:
    """The figure as a dict with the screen's look; the slide's heading replaces its title."""
    figure = compact(fig)
    layout = figure["layout"]
    layout.pop("title", None)
    layout.update(
        width=width,
        height=height,
        autosize=False,
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        font={"family": FONT, "size": TEXT_SIZE, "color": INK},
        margin={"l": 110, "r": 40, "t": 40, "b": 70},
        hovermode=False,
    )
    for name in ("xaxis", "yaxis"):
        axis = layout.setdefault(name, {})
        axis.update(gridcolor=GRID, zerolinecolor=GRID, linecolor=GRID, automargin=True)
        axis.update(tickfont={"size": TEXT_SIZE}, tickangle=0)
        if "title" in axis and not (yaxis_title and name == "yaxis"):
            axis.pop("title")
    for trace in figure["data"]:
        trace["textfont"] = {"size": TEXT_SIZE, "color": INK}
    _enlarge_labels(layout)
    return figure


def _enlarge_labels(layout: dict) -> None:
    """Reference-line labels and notes at a size read from across the room."""
    for shape in layout.get("shapes", ()):
        if "label" in shape:
            shape["label"]["font"] = {"size": SMALL_SIZE, "color": INK}
            if shape.get("y0") == shape.get("y1"):
                # Beside the plot, in the right margin, not over the last bar's own label.
                shape["label"].update(textposition="end", xanchor="left", padding=12)
                layout["margin"]["r"] = LABEL_MARGIN
        shape.setdefault("line", {}).setdefault("color", INK)
    for note in layout.get("annotations", ()):
        note["font"] = {"size": SMALL_SIZE, "color": INK}
