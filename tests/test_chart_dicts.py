"""The charts are built as plain dicts (charts.figure), without plotly's checks: these tests hold
every figure the demo and a generated campaign make to what plotly.graph_objects would make."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import plotly.graph_objects as go
import pytest
from bixue import build, generate
from bixue.charts.figure import Figure
from bs4 import BeautifulSoup
from conftest import ROOT
from gen_campaign import Size
from gen_campaign import generate as generate_campaign

GENERATED = Size(30, 400, 2, 2, 3, 3, True)
"""Past the charts' thresholds: more units than lines (MAX_LINES), more overdue than MAX_BARS."""


def figures_made(data_dir, monkeypatch) -> list:
    """Every Figure made while generating each page, file and marker block of the board."""
    made = []
    make = Figure.__init__

    def recording(self, *args, **kwargs):
        make(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(Figure, "__init__", recording)
    board = build.load_board(ROOT, {"BOARD_DATA": str(data_dir)}, "")
    generate.all_pages(board)
    generate.all_files(board)
    for render in generate.all_blocks().values():
        render(board, "")
    return made


def plotly_form(figure: dict) -> dict:
    """The figure as go.Figure makes it, which raises on any attribute plotly does not know."""
    canonical = go.Figure(figure).to_dict()
    canonical["layout"].pop("template")
    return canonical


@pytest.fixture(scope="module")
def generated_data(tmp_path_factory):
    data = tmp_path_factory.mktemp("generated") / "data"
    generate_campaign(data, GENERATED)
    return data


@pytest.mark.parametrize("campaign", ["demo", "generated"])
def test_every_figure_is_one_plotly_accepts_and_leaves_unchanged(
    campaign, generated_data, monkeypatch
):
    data_dir = ROOT / "data" if campaign == "demo" else generated_data
    made = figures_made(data_dir, monkeypatch)
    kinds = {trace["type"] for fig in made for trace in fig.data}
    assert kinds == {"bar", "scatter"} and len(made) > 20
    for fig in made:
        figure = fig.to_dict()
        assert plotly_form(figure) == figure, figure["layout"].get("title")


def test_every_chart_the_demo_site_ships_is_plotlys_form(demo_site):
    """The JSON in the pages, after rounding (the screen's charts are SVG: charts/svg.py)."""
    pages = [path for path in demo_site.rglob("*.html") if "data-figure" in path.read_text("utf-8")]
    charts = [
        json.loads(chart["data-figure"])
        for path in pages
        for chart in BeautifulSoup(path.read_text("utf-8"), "html.parser").select("[data-figure]")
    ]
    assert len(charts) > 20 and not any("screen" in str(path) for path in pages)
    for figure in charts:
        assert plotly_form(figure) == figure


def test_building_the_board_never_imports_plotly_graph_objects():
    """What the speed is for: go.Figure is never made, nor its 10,000 classes loaded; the plotly
    package is not even imported (outputs.plotly_asset finds its bundle without it)."""
    script = (
        "import sys; from pathlib import Path; from bixue import build, generate\n"
        "board = build.load_board(Path.cwd(), {}, '')\n"
        "generate.all_pages(board); generate.all_files(board)\n"
        "[render(board, '') for render in generate.all_blocks().values()]\n"
        "print(sorted(name for name in sys.modules if 'plotly' in name))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    loaded = json.loads(result.stdout.replace("'", '"'))
    assert loaded == ["bixue.outputs.plotly_asset"]  # the check sees names with plotly in them
