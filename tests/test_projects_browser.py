"""The screen's projects slide in headless Chromium: it fits the 1920×1080 canvas, chart drawn."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

CANVAS = "document.querySelector('.sc-canvas')"
SLIDE = "document.querySelector('.sc-slide.is-current')"
OUTSIDE = f"""(() => {{
  const canvas = {CANVAS}.getBoundingClientRect();
  return [...{SLIDE}.querySelectorAll('*')].filter(el => {{
    const box = el.getBoundingClientRect();
    if (box.width <= 0 || box.height <= 0) return false;
    return box.left < canvas.left - 1 || box.top < canvas.top - 1 ||
           box.right > canvas.right + 1 || box.bottom > canvas.bottom + 1;
  }}).map(el => el.tagName + '.' + (el.getAttribute('class') || ''));
}})()"""
CLIPPED = f"""[...{SLIDE}.querySelectorAll('.sc-projects-table td, .sc-tile')].filter(
  el => el.scrollWidth > el.clientWidth + 1 && !el.classList.contains('sc-project-name')
).map(el => el.textContent.trim())"""


def test_the_projects_slide_fits_the_screen_with_its_chart_drawn(page, served_demo):
    page.goto(f"{served_demo.url}screen/?slide=projects&interval=600")
    page.wait_for_function(f"{SLIDE} && {SLIDE}.dataset.slide === 'projects'")
    page.wait_for_selector(".sc-slide.is-current .sc-chart svg.sc-svg", timeout=15000)
    assert page.evaluate(OUTSIDE) == []
    assert page.evaluate(CLIPPED) == []
    names = page.eval_on_selector_all(
        ".sc-slide.is-current .sc-project-name",
        "els => els.map(e => e.scrollWidth <= e.clientWidth)",
    )
    assert names and all(names)  # the demo's project names are shown whole
    bars = page.eval_on_selector_all(
        ".sc-slide.is-current .sc-chart .sc-svg__bars rect:not([fill^='url('])", "els => els.length"
    )
    assert bars == 4  # every project with a completion; 充电桩 has none yet
    assert not page.js_errors
