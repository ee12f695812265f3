"""The screen's charts drawn as SVG at build time (charts/svg.py), read back as SVG."""

from __future__ import annotations

from bixue.charts import svg
from bs4 import BeautifulSoup


def upright(**layout) -> dict:
    trace = {
        "type": "bar",
        "x": ["甲", "乙<script>", "丙"],
        "y": [0.5, 1.0, 0.25],
        "text": ["50%", "100%", "▼25%"],
        "marker": {"color": ["#2e7d32", "#2e7d32", "#c62828"], "pattern": {"shape": ["", "", "/"]}},
        "textfont": {"size": 28},
    }
    base = {
        "width": 1000,
        "height": 700,
        "margin": {"l": 110, "r": 230, "t": 40, "b": 70},
        "font": {"size": 28, "color": "#e8edf3"},
        "yaxis": {"range": [0, 1.12], "tickformat": ".0%", "title": {"text": "完成率"}},
        "shapes": [
            {
                "type": "line",
                "xref": "paper",
                "yref": "y",
                "y0": 0.75,
                "y1": 0.75,
                "line": {"dash": "dash", "width": 2},
                "label": {"text": "序时进度 75%"},
            },
        ],  # fmt: skip
    }
    return {"data": [trace], "layout": {**base, **layout}}


def on_its_side() -> dict:
    trace = {
        "type": "bar",
        "orientation": "h",
        "y": ["○ 未启动", "● 已完成"],
        "x": [4, 12],
        "text": ["4 项", "12 项"],
        "marker": {
            "color": ["#757575", "#2e7d32"],
            "pattern": {"shape": [".", "x"], "fillmode": "overlay", "fgcolor": "#ffffff"},
        },
    }
    layout = {"width": 760, "height": 400, "font": {"size": 28}, "yaxis": {"autorange": "reversed"}}
    return {"data": [trace], "layout": layout}


def drawn(figure: dict) -> BeautifulSoup:
    return BeautifulSoup(str(svg.chart_svg(figure)), "html.parser")


def solid(parsed: BeautifulSoup):
    return [r for r in parsed.select(".sc-svg__bars rect") if not r["fill"].startswith("url(")]


def test_upright_bars_stand_on_the_axis_with_heights_in_proportion_to_the_values():
    parsed = drawn(upright())
    rects = solid(parsed)
    heights = [float(rect["height"]) for rect in rects]
    bottoms = {round(float(rect["y"]) + float(rect["height"])) for rect in rects}
    assert len(rects) == 3 and len(bottoms) == 1
    assert abs(heights[1] / heights[0] - 2) < 0.01 and abs(heights[2] / heights[0] - 0.5) < 0.01
    lefts = [float(rect["x"]) for rect in rects]
    assert lefts == sorted(lefts)
    assert parsed.svg["width"] == "1000" and parsed.svg["height"] == "700"


def test_texts_are_escaped_and_read_back_whole():
    parsed = drawn(upright())
    labels = [text.get_text() for text in parsed.select(".sc-svg__labels text")]
    assert labels == ["甲", "乙<script>", "丙"]
    assert not parsed.select("script")
    values = [text.get_text() for text in parsed.select(".sc-svg__bars text")]
    assert values == ["50%", "100%", "▼25%"]


def test_the_value_axis_has_round_ticks_in_its_format_and_the_title_turned_upright():
    parsed = drawn(upright())
    ticks = [text.get_text() for text in parsed.select(".sc-svg__ticks text")]
    assert ticks == ["0%", "20%", "40%", "60%", "80%", "100%"]
    title = parsed.select_one(".sc-svg__title")
    assert title.get_text() == "完成率" and title["transform"].startswith("rotate(-90")


def test_a_reference_line_crosses_the_plot_at_its_value_dashed_with_its_label():
    parsed = drawn(upright())
    line = parsed.select_one(".sc-svg__line line")
    rect = solid(parsed)[1]  # the 100 % bar
    top, bottom = float(rect["y"]), float(rect["y"]) + float(rect["height"])
    assert line["y1"] == line["y2"]
    assert abs(float(line["y1"]) - (bottom - 0.75 * (bottom - top))) < 1
    assert line["stroke-dasharray"] and parsed.select_one(".sc-svg__line text").get_text() == (
        "序时进度 75%"
    )


def test_hatched_bars_keep_their_hatching_a_pattern_per_shape_and_colour():
    parsed = drawn(upright())
    hatched = [r for r in parsed.select(".sc-svg__bars rect") if r["fill"].startswith("url(")]
    assert len(hatched) == 1 and len(parsed.select("pattern")) == 1
    pattern = parsed.select_one("pattern")
    assert hatched[0]["fill"] == f"url(#{pattern['id']})"
    assert pattern.select_one("path")["stroke"] == "#c62828"  # drawn in the bar's colour
    assert solid(parsed)[2]["fill"] == "none"  # Plotly's "replace": only the hatching


def test_bars_on_their_side_go_top_down_in_order_and_their_labels_fit_the_margin():
    parsed = drawn(on_its_side())
    rects = solid(parsed)
    assert [float(r["y"]) for r in rects] == sorted(float(r["y"]) for r in rects)
    widths = [float(r["width"]) for r in rects]
    assert abs(widths[1] / widths[0] - 3) < 0.01
    label = parsed.select_one(".sc-svg__labels text")
    assert float(label["x"]) < float(rects[0]["x"])
    assert float(label["x"]) >= svg.text_width("○ 未启动", 28)
    patterns = parsed.select("pattern")
    assert len(patterns) == 2 and patterns[0].select_one("circle") is not None
    assert [r["fill"] for r in rects] == ["#757575", "#2e7d32"]  # overlay: colour under it


def test_ticks_are_round_numbers_about_a_hundred_pixels_apart():
    assert svg.nice_ticks(0, 1.12, 590) == [0, 0.2, 0.4, 0.6, 0.8, 1.0]
    assert svg.nice_ticks(0, 13.65, 500) == [0, 5, 10]
    assert svg.tick_text(0.6, ".0%") == "60%" and svg.tick_text(10.0, "") == "10"


def test_a_hatching_svg_cannot_draw_leaves_the_bar_solid_not_empty():
    figure = upright()
    figure["data"][0]["marker"]["pattern"]["shape"] = ["", "", "?"]
    parsed = drawn(figure)
    assert solid(parsed)[2]["fill"] == "#c62828" and not parsed.select("pattern")
