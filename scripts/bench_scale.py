"""Build a generated campaign of a chosen size and print build time, memory, page sizes, element
counts and the ratio against plain MkDocs building the same pages from Markdown files.

Usage: .venv/bin/python scripts/bench_scale.py [--units 10|100|500|demo] [--photos 3500]
[--repeat 2] [--keep DIR]
The first hooked build starts from an empty BIXUE_CACHE (photos checked and processed, QR codes:
the cold build); then builds alternate (hooked, plain, hooked, plain …) so both see the same
machine load, and times are medians. Peak memory is the largest resident set of one build
(getrusage of the children).
"""

from __future__ import annotations

import argparse
import html.parser
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gen_campaign import add_size_arguments, generate, size_from

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1400000000"}
COUNTED = ("rectification/", "indicators/", "ranking/", "pairs/", "exemplars/", "screen/", "")
MB = 1024 * 1024


class ElementCount(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def handle_starttag(self, tag, attrs) -> None:
        self.count += 1


def elements(page: Path) -> int:
    counter = ElementCount()
    counter.feed(page.read_text(encoding="utf-8"))
    return counter.count


def run(command: list, env: dict, work: Path) -> tuple:
    """Wall seconds, peak resident MB (GNU time's %M, else getrusage) and CPU seconds (user and
    system: on a machine others load too, wall time tells less) of the command."""
    memory = work / "maxrss.txt"
    timed = (
        ["/usr/bin/time", "-f", "%M", "-o", str(memory)] if Path("/usr/bin/time").exists() else []
    )
    before = cpu_of_children()
    start = time.perf_counter()
    result = subprocess.run(timed + command, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if result.returncode:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-3000:]}")
    cpu = cpu_of_children() - before
    if timed:
        return wall, int(memory.read_text().split()[-1]) / 1024, cpu
    return wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, cpu


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def plain_config(folder: Path, docs: Path) -> Path:
    """The project's mkdocs.yml without `hooks:` and `watch:`, reading the rendered folder."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^(hooks|watch):\n(  - .*\n)+", "", text, flags=re.M)
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    config = folder / "mkdocs-plain.yml"
    config.write_text(f"INHERIT: {docs / '.bixue.yml'}\ndocs_dir: {docs}\n{text}", "utf-8")
    return config


def builds(data: Path, work: Path, repeat: int) -> dict:
    env = {**ENV, "BOARD_DATA": str(data), "PYTHONPATH": str(ROOT / "hooks")}
    env["BIXUE_CACHE"] = str(work / "cache")
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q"]
    hooked = mkdocs + ["-f", str(ROOT / "mkdocs.yml"), "-d", str(work / "site")]
    cold, peak, cold_cpu = run(hooked, env, work)  # first, while the cache is empty
    docs = work / "docs"
    run([sys.executable, "-m", "bixue", "render", str(docs), "--project", str(ROOT)], env, work)
    plain = mkdocs + ["-f", str(plain_config(work, docs)), "-d", str(work / "plain")]
    times: dict = {"hooked": [], "plain": [], "cold": (cold, cold_cpu)}
    cpu: dict = {"hooked": [], "plain": []}
    for _ in range(repeat):
        wall, peak_now, used = run(hooked, env, work)
        times["hooked"].append(wall)
        cpu["hooked"].append(used)
        peak = max(peak, peak_now)
        wall, _, used = run(plain, env, work)
        times["plain"].append(wall)
        cpu["plain"].append(used)
    return {"times": times, "cpu": cpu, "peak": peak}


def report(site: Path, figures: dict) -> None:
    hooked, plain = figures["times"]["hooked"], figures["times"]["plain"]
    build, base = statistics.median(hooked), statistics.median(plain)
    print(f"build (hooked)   median {build:6.1f} s   runs {', '.join(f'{t:.1f}' for t in hooked)}")
    print(f"plain MkDocs     median {base:6.1f} s   runs {', '.join(f'{t:.1f}' for t in plain)}")
    print(f"ratio            {build / base:.2f}")
    cpu = {kind: statistics.median(runs) for kind, runs in figures["cpu"].items()}
    print(f"cpu (hooked)     median {cpu['hooked']:6.1f} s   plain {cpu['plain']:.1f} s")
    cold, cold_cpu = figures["times"]["cold"]
    print(f"cold build       {cold:6.1f} s   cpu {cold_cpu:.1f} s (the first, from an empty cache)")
    print(f"peak memory      {figures['peak']:.0f} MB (largest build process)")
    pages = sorted(site.rglob("*.html"), key=lambda p: p.stat().st_size, reverse=True)
    total = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
    print(f"pages            {len(pages)}, site {total / MB:.1f} MB")
    for page in pages[:5]:
        print(f"  largest        {page.stat().st_size / 1024:8.0f} KB  {page.relative_to(site)}")
    print(f"home page        {(site / 'index.html').stat().st_size / 1024:.0f} KB")
    index = site / "search" / "search_index.json"
    print(f"search index     {index.stat().st_size / MB:.2f} MB")
    for url in [*COUNTED, *heaviest_indicator(site)]:
        page = site / url / "index.html"
        if page.is_file():
            print(f"elements         {elements(page):8d}  /{url}")


def heaviest_indicator(site: Path) -> list:
    """The URL of the largest indicator page (each indicator has its own), if there is one."""
    pages = sorted((site / "indicators").glob("*/index.html"), key=lambda p: p.stat().st_size)
    return [f"{pages[-1].parent.relative_to(site).as_posix()}/"] if pages else []


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_size_arguments(parser)
    parser.add_argument("--demo", action="store_true", help="the project's own data/ instead")
    parser.add_argument("--repeat", type=int, default=2, help="builds of each kind (median)")
    parser.add_argument("--keep", type=Path, help="work here and keep the sites")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="bixue-scale-"))
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    if args.demo:
        data = ROOT / "data"
        print("size             demo (data/)")
    else:
        data, size = work / "data", size_from(args)
        generate(data, size)
        print(f"size             {size}")
    report(work / "site", builds(data, work, args.repeat))
    if not args.keep:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
