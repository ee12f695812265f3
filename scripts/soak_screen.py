"""Soak the screen (大屏): run the rotation fast in Chromium and check the JS heap stays flat.

    .venv/bin/python scripts/soak_screen.py [--site DIR] [--path screen/units/hebi/]
        [--changes 200] [--interval 1]

Builds the demo (unless --site names a built site), serves it on loopback, shows a rotation
(--path, default screen/; a named one or a unit's, e.g. screen/units/hebi/) in
headless Chromium with one slide a second, and measures the JS heap after forced garbage
collection once the first round of slides is done and again after --changes more slide changes.
Exits 1 when the heap grew by more than --tolerance (10 %). Not a test: it takes minutes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import List, Optional

from headless import Server, launch

ROOT = Path(__file__).resolve().parents[1]
CHANGES = "Number(document.querySelector('.sc-canvas').dataset.changes || 0)"


def main(argv: Optional[List[str]] = None) -> int:
    args = parse(argv)
    with tempfile.TemporaryDirectory(prefix="bixue-soak-") as scratch:
        site = Path(args.site) if args.site else build(Path(scratch) / "site")
        server = Server(site)
        try:
            url = f"{server.url}{args.path}?interval={args.interval}"
            start, end = soak(url, args.changes)
        finally:
            server.stop()
    growth = (end - start) / start
    print(f"rotation: {args.path}")
    print(f"JS heap at the start: {start / 1e6:.2f} MB (after the first round and GC)")
    print(f"JS heap at the end:   {end / 1e6:.2f} MB (after {args.changes} more slide changes)")
    print(f"growth: {growth:+.1%} (allowed: {args.tolerance:.0%})")
    return 0 if growth <= args.tolerance else 1


def parse(argv: Optional[List[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", help="a built site (default: build the demo into a temp folder)")
    parser.add_argument("--path", default="screen/", help="the rotation's address in the site")
    parser.add_argument("--changes", type=int, default=200, help="slide changes to run")
    parser.add_argument("--interval", type=float, default=1, help="seconds per slide")
    parser.add_argument("--tolerance", type=float, default=0.10, help="allowed heap growth")
    return parser.parse_args(argv)


def build(dest: Path) -> Path:
    print(f"building the demo into {dest} …", flush=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(dest)]
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    return dest


def soak(url: str, changes: int):
    """Heap after the first round of slides, and after `changes` more slide changes."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page(viewport={"width": 1920, "height": 1080})
            cdp = page.context.new_cdp_session(page)
            cdp.send("Performance.enable")
            page.goto(url)
            slides = page.evaluate("document.querySelectorAll('.sc-slide').length")
            wait_changes(page, slides + 1, slides * 3 + 30)
            start = heap(cdp)
            print(f"{slides} slides; measuring over {changes} changes …", flush=True)
            target = page.evaluate(CHANGES) + changes
            wait_changes(page, target, changes * 3 + 60, report=True)
            return start, heap(cdp)
        finally:
            browser.close()


def wait_changes(page, target: int, timeout_s: float, report: bool = False) -> None:
    deadline = time.monotonic() + timeout_s
    while (done := page.evaluate(CHANGES)) < target:
        if time.monotonic() > deadline:
            raise TimeoutError(f"the screen made {done} slide changes, not {target}")
        if report and done % 50 == 0:
            print(f"  {done} changes", flush=True)
        page.wait_for_timeout(1000)


def heap(cdp) -> int:
    """Used JS heap in bytes after forcing garbage collection (twice: weak refs die late)."""
    for _ in range(2):
        cdp.send("HeapProfiler.collectGarbage")
    metrics = cdp.send("Performance.getMetrics")["metrics"]
    return int(next(m["value"] for m in metrics if m["name"] == "JSHeapUsedSize"))


if __name__ == "__main__":
    sys.exit(main())
