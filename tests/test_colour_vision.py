"""Chart colours stay apart for readers with protanopia, deuteranopia and tritanopia.

Each colour is simulated with the matrices of Machado, Oliveira and Fernandes (2009, severity 1,
applied to linear sRGB) and compared in CIELAB; two colours a chart tells apart must stay at
least MIN_DELTA_E apart (CIE76) under every deficiency. Patterns and words come on top."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from bixue import charts

MACHADO = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}
MIN_DELTA_E = 10
CHARTS_JS = Path(__file__).resolve().parents[1] / "docs" / "assets" / "charts.js"


def linear(hex_colour: str) -> tuple:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    return tuple(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)


def simulate(rgb: tuple, deficiency: str) -> tuple:
    matrix = MACHADO[deficiency]
    return tuple(
        min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True)))) for row in matrix
    )


def lab(rgb: tuple) -> tuple:
    r, g, b = rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t):
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))


def delta_e(first: str, second: str, deficiency: str) -> float:
    a, b = (lab(simulate(linear(c), deficiency)) for c in (first, second))
    return sum((p - q) ** 2 for p, q in zip(a, b, strict=True)) ** 0.5


def colorway(name: str) -> list:
    """The first six colours of charts.js's LIGHT or DARK (a ranking has up to six criteria)."""
    source = CHARTS_JS.read_text(encoding="utf-8")
    body = re.search(rf"var {name} = \[(.*?)\];", source, re.S).group(1)
    return re.findall(r"#[0-9a-f]{6}", body)[:6]


STATUS = charts.STATUS_COLORS
ALERT = charts.ALERT_COLORS
PALETTES = {
    "ledger statuses": list(STATUS.values()),
    "behind against on schedule": [ALERT["overdue"], STATUS["done"]],
    "overdue against due soon": list(ALERT.values()),
    "burndown lines": [ALERT["due_soon"], STATUS["done"], ALERT["overdue"]],
    "red and black lists": [charts.TOP_COLOR, charts.BOTTOM_COLOR],
    "unit against average": [charts.TOP_COLOR, charts.MUTED_COLOR],
    "pair": [charts.TOP_COLOR, charts.SECOND_COLOR],
    "phases": list(charts.PHASE_COLORS.values()),
    "light colorway": colorway("LIGHT"),
    "dark colorway": colorway("DARK"),
}


@pytest.mark.parametrize("deficiency", sorted(MACHADO))
@pytest.mark.parametrize("palette", sorted(PALETTES))
def test_colours_a_chart_tells_apart_stay_apart(palette, deficiency):
    colours = PALETTES[palette]
    close = [
        (a, b, round(delta_e(a, b, deficiency), 1))
        for a, b in itertools.combinations(colours, 2)
        if delta_e(a, b, deficiency) < MIN_DELTA_E
    ]
    assert not close


def test_the_simulation_merges_what_it_should():
    """Sanity of the matrices: red and green merge for deuteranopes, blue and green don't."""
    assert delta_e("#d62728", "#2ca02c", "deuteranopia") < 25
    assert (
        delta_e("#d62728", "#2ca02c", "deuteranopia")
        < delta_e("#d62728", "#2ca02c", "tritanopia") / 3
    )
    assert delta_e("#1f77b4", "#2ca02c", "deuteranopia") > 20
    assert len(colorway("LIGHT")) == len(colorway("DARK")) == 6
