"""The chart library shipped: plotly.js's basic bundle at plotly's version, holding every trace."""

from __future__ import annotations

import json
import re
from pathlib import Path

import plotly
import pytest
from bixue import build, generate
from bixue.outputs import plotly_asset
from bs4 import BeautifulSoup
from conftest import ROOT

BASIC_TRACES = {"bar", "scatter", "pie"}
"""The trace types of plotly.js's basic bundle (its README: bar, pie, scatter)."""


def header_version(path: Path) -> str:
    head = path.read_text(encoding="utf-8")[:300]
    return re.search(r"plotly\.js.*? v(\d+\.\d+\.\d+)", head).group(1)


def test_the_bundle_is_installed_at_the_version_plotly_targets():
    full = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    assert header_version(plotly_asset.BUNDLE) == plotly_asset.VERSION == header_version(full)
    assert "(basic - minified)" in plotly_asset.BUNDLE.read_text(encoding="utf-8")[:200]


def test_every_chart_of_the_demo_uses_a_trace_of_the_basic_bundle():
    board = build.load_board(ROOT, {}, "")
    kinds = set()
    for page in generate.all_pages(board):
        for chart in BeautifulSoup(page.markdown, "html.parser").select("[data-figure]"):
            kinds |= {
                trace.get("type", "scatter") for trace in json.loads(chart["data-figure"])["data"]
            }
    assert kinds and kinds <= BASIC_TRACES, kinds


def test_without_the_basic_bundle_the_site_ships_plotlys_full_one(monkeypatch, tmp_path):
    # A checkout where scripts/setup.sh has not run still builds, with the library pip installed.
    monkeypatch.setattr(plotly_asset, "BUNDLE", tmp_path / "vendor" / "x" / "plotly-basic.min.js")
    board = build.load_board(ROOT, {}, "")
    (asset,) = plotly_asset.files(board)
    assert asset.dest_uri == plotly_asset.PLOTLY_JS
    assert Path(asset.source) == plotly_asset.FULL and plotly_asset.FULL.is_file()
    assert header_version(plotly_asset.FULL) == plotly_asset.VERSION


def test_without_any_bundle_the_build_stops_and_says_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setattr(plotly_asset, "BUNDLE", tmp_path / "vendor" / "x" / "plotly-basic.min.js")
    monkeypatch.setattr(plotly_asset, "FULL", tmp_path / "plotly" / "plotly.min.js")
    with pytest.raises(ValueError, match="请先运行 scripts/setup.sh"):
        build.load_board(ROOT, {}, "")


def test_pages_with_charts_and_only_they_preload_the_bundle(demo_site):
    with_charts = without = 0
    for page in demo_site.rglob("index.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        preload = soup.select('head link[rel="preload"][as="script"]')
        if soup.select(".bx-chart[data-figure]"):
            with_charts += 1
            (link,) = preload
            assert (page.parent / link["href"]).resolve() == demo_site / "assets/plotly.min.js"
        else:
            without += 1
            assert preload == [], page
    assert with_charts > 5 and without > 5


def test_a_bundle_named_by_the_setting_comes_before_every_other(monkeypatch, tmp_path):
    chosen = tmp_path / "plotly-basic.min.js"
    chosen.write_text("/* plotly.js v4.1.1 */", encoding="utf-8")
    monkeypatch.setenv(plotly_asset.SETTING, str(chosen))
    (asset,) = plotly_asset.files(build.load_board(ROOT, {}, ""))
    assert Path(asset.source) == chosen


def test_a_setting_that_names_no_file_stops_the_build_and_says_which(monkeypatch, tmp_path):
    monkeypatch.setenv(plotly_asset.SETTING, str(tmp_path / "nowhere.js"))
    with pytest.raises(ValueError, match=r"BIXUE_PLOTLY_JS：找不到图表库文件 .*nowhere\.js"):
        build.load_board(ROOT, {}, "")


def test_an_installed_package_ships_the_bundle_it_carries(monkeypatch, tmp_path):
    # setup.py copies vendor/'s bundle into the wheel; an installed package has no vendor/ beside.
    packaged = tmp_path / "bixue" / "vendor" / plotly_asset.PACKAGE / "plotly-basic.min.js"
    packaged.parent.mkdir(parents=True)
    packaged.write_bytes(plotly_asset.BUNDLE.read_bytes())
    monkeypatch.setattr(plotly_asset, "PACKAGED", packaged)
    monkeypatch.setattr(plotly_asset, "BUNDLE", tmp_path / "vendor" / "x" / "plotly-basic.min.js")
    (asset,) = plotly_asset.files(build.load_board(ROOT, {}, ""))
    assert Path(asset.source) == packaged
