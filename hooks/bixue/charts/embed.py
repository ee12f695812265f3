"""A Plotly figure as HTML: compact JSON in an escaped attribute for charts.js, and a data table."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Optional, Tuple

from .. import figures
from ..render import chart_attribute, kept, render_block
from .figure import Figure

DEFAULT_HEIGHT = 360


@dataclass(frozen=True)
class DataTable:
    """What a chart draws, as rows a screen reader and a printer can read."""

    header: Tuple[str, ...]
    rows: Tuple[Tuple[str, ...], ...]
    notes: Tuple[str, ...]
    """Reference lines: target, time progress, as-of day, level thresholds."""


def render(fig: Optional[Figure], name: str = "") -> str:
    """The chart's <figure> block; '' when there is no chart (no data: absent, not broken).
    Under `serve`, a figure drawn as in the last build is taken from it whole: its JSON, texts
    escaped for Plotly and data table were made again for each of 1,000 charts a rebuild."""
    if fig is None:
        return ""
    inputs = {"data": fig.data, "layout": fig.layout, "name": name}
    return kept("chart", inputs, lambda: _render(fig, name))


def _render(fig: Figure, name: str) -> str:
    figure = compact(fig)
    title = figure["layout"].pop("title", {}).get("text", "")
    summary = figure["layout"].pop("meta", {}).get("summary", "")
    return render_block(
        "chart.html",
        name=name,
        title=title,
        summary=summary,
        height=figure["layout"].get("height", DEFAULT_HEIGHT),
        figure_json=chart_attribute(figure),
        table=data_table(figure),
    )


def compact(fig: Figure) -> dict:
    """The figure as a new dict with short floats; it has no theme (charts.js adds it)."""
    return _rounded({"data": fig.data, "layout": fig.layout})


def _rounded(value):
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, (dict, MappingProxyType)):
        return {key: _rounded(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_rounded(item) for item in value]
    return value


def data_table(figure: dict) -> DataTable:
    """One row per category (unit, round, period, day), one column per trace."""
    columns, rows = [], {}
    for trace in figure["data"]:
        columns.append(trace.get("name") or "数值")
        for category, cell in _trace_cells(trace):
            rows.setdefault(_plain(category), {})[len(columns) - 1] = cell
    body = tuple(
        (category, *(cells.get(index, "—") for index in range(len(columns))))
        for category, cells in rows.items()
    )
    shapes = figure["layout"].get("shapes", ())
    names = [shape.get("label", {}).get("text") or shape.get("name") for shape in shapes]
    notes = tuple(f"参考线：{name}" for name in names if name)
    return DataTable(("项目", *columns), body, notes)


def _trace_cells(trace: dict):
    if trace.get("type") == "scatterpolar":
        categories, values = trace.get("theta", []), trace.get("r", [])
    elif trace.get("orientation") == "h":
        categories, values = trace.get("y", []), trace.get("x", [])
    else:
        categories, values = trace.get("x", []), trace.get("y", [])
    texts = trace.get("text")
    texts = texts if isinstance(texts, list) else [None] * len(values)
    for category, value, text in zip(categories, values, texts, strict=False):
        yield (
            category,
            _plain(str(text)) if text not in (None, "") else figures.format_number(value),
        )


def _plain(label) -> str:
    return str(label).replace("<br>", " ")
