"""Bytes of each page kind (HTML and chart JSON), large assets, and in Chromium the time to the
first chart, the time to the load event and the elements once loaded (cold cache, 1920x1080).

Usage: .venv/bin/python scripts/bench_pages.py [--site DIR] [--no-browser]
Without --site the demo is built into a temporary folder. Exits 1 when the home page's HTML is
over the 150 KB target or an asset other than plotly.min.js is over 1 MB.
"""

from __future__ import annotations

import argparse
import html.parser
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from headless import Server, free_port, launch

ROOT = Path(__file__).resolve().parents[1]
PAGES = {
    "总览": "",
    "活动方案": "campaign/",
    "参与单位": "units/",
    "单位页": "units/{unit}/",
    "指标进度": "indicators/",
    "指标页": "indicators/{indicator}/",
    "评比排名": "ranking/",
    "结对比学": "pairs/",
    "整改台账": "rectification/",
    "先进典型": "exemplars/",
    "通知公告": "notices/",
    "大屏": "screen/",
}
HOME_LIMIT = 150 * 1024
LARGE_ASSET = 1024 * 1024
FIRST_CHART = """() => new Promise(done => {
  const seen = () => document.querySelector('.bx-chart .main-svg');
  if (seen()) return done(performance.now());
  new MutationObserver((_, observer) => {
    if (seen()) { observer.disconnect(); done(performance.now()); }
  }).observe(document, {childList: true, subtree: true});
})"""


class ChartAttributes(html.parser.HTMLParser):
    """Collects the (unescaped) data-figure attributes of a page."""

    def __init__(self):
        super().__init__()
        self.figures: list = []

    def handle_starttag(self, tag, attrs):
        figure = dict(attrs).get("data-figure")
        if figure is not None:
            self.figures.append(figure)


def page_sizes(site: Path, url: str):
    text = (site / url / "index.html").read_text(encoding="utf-8")
    parser = ChartAttributes()
    parser.feed(text)
    chart_bytes = sum(len(figure.encode("utf-8")) for figure in parser.figures)
    return len(text.encode("utf-8")), len(parser.figures), chart_bytes


def first_page(site: Path, folder: str) -> str:
    """The first unit's or indicator's page under `folder` ("" when there is none)."""
    found = site / folder
    pages = sorted(p.name for p in found.iterdir() if (p / "index.html").exists())
    return pages[0] if found.is_dir() and pages else ""


def page_urls(site: Path) -> dict:
    """PAGES with the first unit's and the first indicator's page filled in."""
    names = {"unit": first_page(site, "units"), "indicator": first_page(site, "indicators")}
    return {name: pattern.format(**names) for name, pattern in PAGES.items()}


def build_demo(dest: Path, site_url: str) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BOARD_SITE_URL": site_url}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(dest)]
    subprocess.run(command, cwd=ROOT, env=env, check=True)


LOAD_END = "performance.getEntriesByType('navigation')[0].loadEventEnd"
"""0 until the load event's handlers have run."""


def page_times(base_url: str, urls, with_charts) -> dict:
    """Per URL, cold cache: milliseconds from navigation start to the first chart's SVG (None on
    a page without charts) and to the end of the load event, and the elements once loaded."""
    from playwright.sync_api import sync_playwright

    times = {}
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for url in urls:
            context = browser.new_context(viewport={"width": 1920, "height": 1080})
            page = context.new_page()
            page.goto(base_url + url, wait_until="commit")
            first = page.evaluate(FIRST_CHART) if url in with_charts else None
            page.wait_for_function(f"{LOAD_END} > 0")
            elements = page.evaluate("document.getElementsByTagName('*').length")
            times[url] = (first, page.evaluate(LOAD_END), elements)
            context.close()
        browser.close()
    return times


def report(site: Path, times: dict) -> int:
    heading = f"{'页面':<8}{'HTML 字节':>12}{'图表':>6}{'图表 JSON 字节':>16}{'首图 ms':>10}"
    print(heading + f"{'加载 ms':>10}{'元素':>8}")
    home_bytes = 0
    for name, url in page_urls(site).items():
        if not (site / url / "index.html").exists():
            continue
        html_bytes, count, chart_bytes = page_sizes(site, url)
        home_bytes = html_bytes if url == "" else home_bytes
        first, load, elements = times.get(url, (None, None, None))
        shown = [f"{value:.0f}" if value is not None else "—" for value in (first, load, elements)]
        print(
            f"{name:<8}{html_bytes:>14,}{count:>6}{chart_bytes:>18,}"
            f"{shown[0]:>10}{shown[1]:>10}{shown[2]:>10}"
        )
    large = large_assets(site)
    for path, size in large:
        print(f"大文件 {path}: {size:,} 字节")
    others = [path for path, _ in large if not path.endswith("plotly.min.js")]
    return 0 if home_bytes <= HOME_LIMIT and not others else 1


def large_assets(site: Path):
    found = [(p.relative_to(site).as_posix(), p.stat().st_size) for p in site.rglob("*.*")]
    return sorted(
        [(path, size) for path, size in found if size > LARGE_ASSET and path.startswith("assets/")],
        key=lambda item: -item[1],
    )


def main(argv) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the demo)")
    parser.add_argument("--no-browser", action="store_true", help="sizes only, no Chromium")
    options = parser.parse_args(argv)
    port = free_port()
    with tempfile.TemporaryDirectory() as temp:
        site = options.site or Path(temp) / "site"
        if options.site is None:
            build_demo(site, f"http://127.0.0.1:{port}/")
        times = {}
        if not options.no_browser:
            server = Server(site, port)
            urls = _built_urls(site)
            with_charts = {url for url in urls if page_sizes(site, url)[1]}
            times = page_times(server.url, urls, with_charts)
            server.stop()
        return report(site, times)


def _built_urls(site: Path):
    return [url for url in page_urls(site).values() if (site / url / "index.html").exists()]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
