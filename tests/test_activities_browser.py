"""The activity log's and the honours' filters in Chromium: rows of the chosen unit (host or
guest), kind and level, counted; the screen's activities slide drawn as SVG."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def visible(page, block: str) -> list:
    return page.eval_on_selector_all(
        f"[data-bx-block={block}] tbody tr",
        "rows => rows.filter(r => !r.hidden).map(r => r.dataset.units)",
    )


def test_the_activity_filters_show_a_units_hosted_and_attended(served_demo, page):
    page.goto(served_demo.url + "activities/", wait_until="networkidle")
    form = page.locator(".bx-log-filter")
    assert form.is_visible()
    assert len(visible(page, "activity-list")) == 11
    form.locator("select[name=unit]").select_option("puyang-south")
    shown = visible(page, "activity-list")
    assert len(shown) == 3 and all("puyang-south" in units.split() for units in shown)
    form.locator("select[name=kind]").select_option("培训")
    assert len(visible(page, "activity-list")) == 1
    assert form.locator(".bx-log-count").text_content() == "显示 1 / 11 次"
    form.locator("select[name=kind]").select_option("研讨")
    assert visible(page, "activity-list") == []
    assert page.locator(".bx-log-empty").is_visible()
    form.locator("button[type=reset]").click()
    page.wait_for_timeout(100)
    assert len(visible(page, "activity-list")) == 11


def test_the_honour_filters_choose_by_level(served_demo, page):
    page.goto(served_demo.url + "achievements/", wait_until="networkidle")
    page.locator(".bx-log-filter select[name=level]").select_option("省级")
    levels = page.eval_on_selector_all(
        "[data-bx-block=honour-list] tbody tr",
        "rows => rows.filter(r => !r.hidden).map(r => r.dataset.level)",
    )
    assert levels == ["省级", "省级"]


def test_the_activities_chart_draws(served_demo, page):
    page.goto(served_demo.url + "activities/", wait_until="networkidle")
    page.wait_for_selector("[data-bx-chart] svg.main-svg, .js-plotly-plot svg", timeout=15000)
