"""The screen's bar charts as SVG made at build time from the figure dicts Plotly would draw, so
a TV whose old browser cannot run plotly.js (it parses from Chromium 64) still shows every chart.

What the screen's figures use is drawn: one bar trace, upright or on its side, a colour and a
hatching per bar, the text outside each bar, a value axis with its grid and tick format, the
category labels, an axis title, reference lines with their labels. Text is measured by its
characters (wide East Asian ones a full em), since no font is at hand at build time.
"""

from __future__ import annotations

import hashlib
import json
import math
import unicodedata
from dataclasses import dataclass
from types import MappingProxyType
from typing import List, Sequence, Tuple

from markupsafe import Markup

from ..render import render_block

BAR_SHARE = 0.8
"""A bar's share of its category's room (Plotly's bargap 0.2)."""
NARROW_EM = 0.56
"""Width of a Latin letter or digit in ems, for Noto Sans CJK's proportional figures."""
TICK_GAP = 10
PATTERN_SIZE = 8
DASHES = MappingProxyType({"dash": "9,9", "dot": "3,6", "dashdot": "9,6,3,6"})
HATCHES = MappingProxyType(
    {
        "/": "M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4",
        "\\": "M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4",
        "x": "M0,8 l8,-8 M0,0 l8,8",
        "-": "M0,4 h8",
        "|": "M4,0 v8",
        "+": "M0,4 h8 M4,0 v8",
    }
)


@dataclass(frozen=True)
class Box:
    """The plot area inside the chart, in the chart's pixels."""

    left: float
    top: float
    right: float
    bottom: float


@dataclass(frozen=True)
class Scale:
    """A value axis: data values to pixels along it."""

    low: float
    high: float
    start: float
    end: float

    def at(self, value: float) -> float:
        share = (value - self.low) / ((self.high - self.low) or 1)
        return round(self.start + share * (self.end - self.start), 1)


def text_width(text: str, size: float) -> float:
    """Pixels a line of text takes at `size`, wide characters one em, the others NARROW_EM."""
    wide = sum(1 for char in text if unicodedata.east_asian_width(char) in "WFA")
    return size * (wide + NARROW_EM * (len(text) - wide))


def nice_ticks(low: float, high: float, length: float) -> List[float]:
    """Round tick values from low to high, about one per 100 pixels (as Plotly spaces them)."""
    raw = (high - low) / max(2.0, length / 100)
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw * 0.999)
    first = math.ceil(low / step - 1e-9)
    return [round(n * step, 10) for n in range(first, int(high / step + 1e-9) + 1)]


def tick_text(value: float, tick_format: str) -> str:
    if tick_format == ".0%":
        return f"{value * 100:.0f}%"
    return f"{value:g}"


def value_range(axis: dict, values: Sequence[float]) -> Tuple[float, float]:
    """The axis's own range, else zero to the largest value with Plotly's 5 % of room."""
    if axis.get("range"):
        low, high = axis["range"]
        return float(low), float(high)
    top = max([0.0, *values])
    return 0.0, (top * 1.05) or 1.0


def lines_of(label) -> List[str]:
    return str(label).split("<br>")


def chart_svg(figure: dict) -> Markup:
    """The figure as an inline <svg> sized as the figure says."""
    layout, trace = figure["layout"], figure["data"][0]
    across = trace.get("orientation") == "h"
    categories = [str(c) for c in (trace.get("y") if across else trace.get("x")) or ()]
    values = [float(v or 0) for v in (trace.get("x") if across else trace.get("y")) or ()]
    value_axis = layout.get("xaxis" if across else "yaxis", {})
    size = layout.get("font", {}).get("size", 14)
    box = plot_box(layout, categories, value_axis, size, across)
    low, high = value_range(value_axis, values)
    scale = (
        Scale(low, high, box.left, box.right) if across else Scale(low, high, box.bottom, box.top)
    )
    prefix = "c" + hashlib.sha256(json.dumps(figure, sort_keys=True).encode()).hexdigest()[:10]
    bars, patterns = draw_bars(trace, categories, values, box, scale, across, prefix)
    context = {
        "width": layout.get("width", 700),
        "height": layout.get("height", 450),
        "font": {"family": "sans-serif", "size": size, "color": "#000", **layout.get("font", {})},
        "grid": value_axis.get("gridcolor", "#888"),
        "ticks": draw_ticks(value_axis, scale, box, across, size),
        "labels": draw_categories(categories, box, across, size),
        "title": axis_title(value_axis, box, size, across),
        "bars": bars,
        "patterns": patterns,
        "shapes": [draw_shape(shape, scale, box, across) for shape in layout.get("shapes", ())],
        "box": box,
    }
    return Markup(render_block("screen_chart_svg.html", **context))


def plot_box(layout: dict, categories: List[str], axis: dict, size: float, across: bool) -> Box:
    """Plotly's automargin: the margins grow to hold the tick labels and the axis title."""
    margin = layout.get("margin", {})
    width, height = layout.get("width", 700), layout.get("height", 450)
    left, bottom = margin.get("l", 80), margin.get("b", 80)
    if across:
        widest = max(
            (text_width(line, size) for c in categories for line in lines_of(c)), default=0
        )
        left = max(left, widest + 2 * TICK_GAP)
    elif axis.get("title"):
        left = max(left, text_width("100%", size) + 2.6 * size)
    bottom = max(bottom, 1.5 * size + TICK_GAP)
    return Box(left, margin.get("t", 80), width - margin.get("r", 80), height - bottom)


def draw_ticks(axis: dict, scale: Scale, box: Box, across: bool, size: float) -> List[dict]:
    """A grid line and a label at each tick of the value axis."""
    ticks = []
    length = abs(scale.end - scale.start)
    for value in nice_ticks(scale.low, scale.high, length):
        at = scale.at(value)
        label = tick_text(value, axis.get("tickformat", ""))
        if across:
            line = dict(x1=at, x2=at, y1=box.top, y2=box.bottom)
            place = dict(tx=at, ty=box.bottom + TICK_GAP + size * 0.9, anchor="middle")
        else:
            line = dict(x1=box.left, x2=box.right, y1=at, y2=at)
            place = dict(tx=box.left - TICK_GAP, ty=at + size * 0.35, anchor="end")
        ticks.append({**line, **place, "text": label})
    return ticks


def draw_categories(categories: List[str], box: Box, across: bool, size: float) -> List[dict]:
    """Each category's label at the middle of its room, shrunk when it is wider than that."""
    room = ((box.bottom - box.top) if across else (box.right - box.left)) / max(len(categories), 1)
    labels = []
    for index, category in enumerate(categories):
        middle = (box.top if across else box.left) + room * (index + 0.5)
        lines = lines_of(category)
        widest = max(text_width(line, size) for line in lines)
        fitted = size if across else min(size, size * room * 0.95 / (widest or 1))
        if across:
            top = middle - fitted * 0.6 * (len(lines) - 1) + fitted * 0.35
            x, anchor = box.left - TICK_GAP, "end"
        else:
            top = box.bottom + TICK_GAP + fitted * 0.9
            x, anchor = middle, "middle"
        labels.append(dict(x=round(x, 1), y=round(top, 1), lines=lines, size=round(fitted, 1),
                           anchor=anchor, step=round(fitted * 1.2, 1)))  # fmt: skip
    return labels


def axis_title(axis: dict, box: Box, size: float, across: bool) -> dict:
    title = axis.get("title")
    text = title.get("text", "") if isinstance(title, dict) else str(title or "")
    if not text:
        return {}
    if across:
        return dict(text=text, x=(box.left + box.right) / 2, y=box.bottom + 2.6 * size, rotate=0)
    return dict(text=text, x=size * 0.9, y=(box.top + box.bottom) / 2, rotate=-90)


def draw_bars(trace, categories, values, box, scale, across, prefix):
    """Each bar with its fill, its hatching (a pattern per shape and colour) and its text."""
    marker = trace.get("marker", {})
    pattern = marker.get("pattern", {})
    room = ((box.bottom - box.top) if across else (box.right - box.left)) / max(len(categories), 1)
    thick = room * BAR_SHARE
    text_size = trace.get("textfont", {}).get("size", 14)
    patterns, bars = {}, []
    for index, value in enumerate(values):
        colour = pick(marker.get("color"), index, "#888")
        hatch = pick(pattern.get("shape"), index, "")
        hatch = hatch if hatch in HATCHES or hatch == "." else ""  # one we cannot draw: solid
        overlay = pattern.get("fillmode") == "overlay"
        fill = colour if overlay or not hatch else "none"
        ink = pattern.get("fgcolor", colour) if overlay else colour
        key = (hatch, ink, pattern.get("fgopacity", 1))
        if hatch and key not in patterns:
            patterns[key] = dict(id=f"{prefix}-{len(patterns)}", path=HATCHES.get(hatch, ""),
                                 dot=hatch == ".", ink=ink, opacity=key[2])  # fmt: skip
        start = (box.top if across else box.left) + room * index + (room - thick) / 2
        zero, end = scale.at(max(scale.low, 0)), scale.at(value)
        text = str(pick(trace.get("text"), index, ""))
        bars.append(bar(across, start, thick, zero, end, fill, patterns.get(key), text, text_size))
    return bars, list(patterns.values())


def bar(across, start, thick, zero, end, fill, pattern, text, size) -> dict:
    if across:
        shape = dict(x=zero, y=start, width=max(end - zero, 0), height=thick)
        place = dict(tx=end + 6, ty=start + thick / 2 + size * 0.35, anchor="start")
    else:
        shape = dict(x=start, y=end, width=thick, height=max(zero - end, 0))
        fitted = min(size, size * thick / (text_width(text, size) or 1))
        place = dict(tx=start + thick / 2, ty=end - 8, anchor="middle", size=round(fitted, 1))
    rounded = {key: round(value, 1) for key, value in {**shape, **place}.items() if key != "anchor"}
    return {**place, **rounded, "size": rounded.get("size", size), "fill": fill,
            "pattern": pattern["id"] if pattern else "", "text": text}  # fmt: skip


def pick(value, index: int, default):
    """One bar's entry of a per-bar list, or the one value every bar shares."""
    if isinstance(value, (list, tuple)):
        return value[index] if index < len(value) else default
    return default if value is None else value


def draw_shape(shape: dict, scale: Scale, box: Box, across: bool) -> dict:
    """A reference line across the plot at a value, with its label beside its end."""
    line, label = shape.get("line", {}), shape.get("label", {})
    font = label.get("font", {})
    if shape.get("yref") == "paper":  # upright, at an x value
        x = scale.at(shape.get("x0", 0))
        ends = dict(x1=x, x2=x, y1=box.bottom, y2=box.top)
        place = dict(
            tx=x, ty=box.top - 8, anchor="end" if label.get("xanchor") == "right" else "start"
        )
    else:
        y = scale.at(shape.get("y0", 0))
        ends = dict(x1=box.left, x2=box.right, y1=y, y2=y)
        place = dict(tx=box.right + label.get("padding", 8), ty=y - 6, anchor="start")
    return {**ends, **place, "colour": line.get("color", "#888"), "width": line.get("width", 2),
            "dash": DASHES.get(line.get("dash", ""), ""), "text": label.get("text", ""),
            "size": font.get("size", 14), "ink": font.get("color", "#888")}  # fmt: skip
