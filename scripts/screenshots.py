"""Screenshots of every page kind of a built site, desktop or phone size, for a person to view.

Usage: python scripts/screenshots.py SITE_DIR OUT_DIR [--phone | --width 1366] [--dark]
       [--large] [--old-engine] [--pages url,url]

--large shows the board in its 长辈版 (large text); --old-engine runs the page as the old TV
browsers the screen is written for (Chromium 52: scripts/old_engine.py), without the chart bundle.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import old_engine
from headless import Server, launch
from playwright.sync_api import sync_playwright

DEFAULT_PAGES = [
    "",
    "campaign/",
    "units/",
    "indicators/",
    "ranking/",
    "pairs/",
    "rectification/",
    "projects/",
    "exemplars/",
    "notices/",
    "screen/",
]


def shoot(url: str, out: Path, viewport: dict, full_page: bool, scheme: str = "light", args=None):
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport=viewport, locale="zh-CN", color_scheme=scheme)
        if args is not None and args.large:
            page.add_init_script("localStorage.setItem('bixue.large', '1')")
        if args is not None and args.old_engine:
            old_engine.emulate(page)
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(1500)
        page.screenshot(path=str(out), full_page=full_page)
        browser.close()


def _desktop(width: int) -> dict:
    return {"width": width, "height": {1366: 768, 1920: 1080}.get(width, width * 9 // 16)}


def _name(url: str, args) -> str:
    size = "-phone" if args.phone else ("" if args.width == 1920 else f"-{args.width}")
    return (
        (url.strip("/").replace("/", "-") or "home")
        + size
        + ("-dark" if args.dark else "")
        + ("-large" if args.large else "")
        + ("-old" if args.old_engine else "")
        + ".png"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--phone", action="store_true", help="390×844 instead of 1920×1080")
    parser.add_argument("--width", type=int, default=1920, help="desktop width (height 16:9-ish)")
    parser.add_argument("--dark", action="store_true", help="prefer the dark palette (slate)")
    parser.add_argument("--large", action="store_true", help="the board's 长辈版 (large text)")
    parser.add_argument("--old-engine", action="store_true", help="as Chromium 52, no chart bundle")
    parser.add_argument("--pages", default=",".join(DEFAULT_PAGES))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    server = Server(args.site)
    viewport = {"width": 390, "height": 844} if args.phone else _desktop(args.width)
    scheme = "dark" if args.dark else "light"
    for url in args.pages.split(","):
        name = _name(url, args)
        full_page = not url.startswith("screen")
        shoot(server.url + url, args.out / name, viewport, full_page, scheme, args)
        print(args.out / name)
    server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
