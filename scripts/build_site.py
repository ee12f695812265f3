"""The clerk's build: `mkdocs build` with its chatter kept out of the way, in Chinese.

Usage: python scripts/build_site.py [--site-dir DIR]; BIXUE_ENGINE=properdocs builds with
ProperDocs instead of MkDocs (README: 换一个构建引擎).

Success prints one line: how many pages, how long, where the site is (and any warning, in full).
Failure prints the data errors and 站点未改动; any line not known to be chatter is kept, so a real
problem is never hidden.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterable, List, Tuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
from bixue import build as board_build  # noqa: E402
from bixue.campaigns import driver, layout  # noqa: E402

CHATTER = (
    re.compile(r"^INFO\s+-"),
    re.compile(r"^Aborted with a BuildError!$"),
    re.compile(r"^\s*│"),  # mkdocs-material's end-of-life banner, should NO_MKDOCS_2_WARNING fail
    re.compile(r"^\s*To disable this warning, set NO_MKDOCS_2_WARNING"),
)
OURS = re.compile(r"^INFO\s+-\s+bixue:\s*")
"""The board's own notes (such as QR codes pointing at this machine): shown, without the prefix."""
ANSI = re.compile(r"\x1b\[[0-9;]*m")
LEVEL = re.compile(r"^(ERROR|WARNING)\s+-\s+")
UNCHANGED = "站点未改动"
ENGINES = ("mkdocs", "properdocs")
"""What builds the site from mkdocs.yml: MkDocs, or ProperDocs, its fork, the same pages."""


def shown_lines(output: str) -> List[str]:
    """The lines a clerk needs: errors and warnings without their English level, nothing else."""
    lines, dropped = [], False
    for raw in output.splitlines():
        line = ANSI.sub("", raw).rstrip()
        if OURS.search(line):
            lines.append(OURS.sub("", line))
            continue
        # An INFO note's indented lines go with it (the pages "not included in the nav").
        if dropped and line.startswith(" "):
            continue
        dropped = bool(CHATTER[0].search(line))
        if not line.strip() or any(pattern.search(line) for pattern in CHATTER):
            continue
        warning = line.startswith("WARNING")
        line = LEVEL.sub("", line)
        lines.append(f"警告：{line}" if warning else line)
    return lines


def count_pages(site: Path) -> int:
    return sum(1 for page in site.rglob("index.html"))


def engine(environ) -> str:
    chosen = environ.get("BIXUE_ENGINE") or ENGINES[0]
    if chosen not in ENGINES:
        raise ValueError(f"BIXUE_ENGINE：必须是 {' 或 '.join(ENGINES)}，实际为 '{chosen}'")
    return chosen


def build(site: Path, extra: Iterable[str] = (), environ=None) -> subprocess.CompletedProcess:
    environ = os.environ if environ is None else environ
    command = [sys.executable, "-m", engine(environ), "build", "-f", "mkdocs.yml"]
    command += ["-d", str(site), *extra]
    env = {**environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)


def report(result: subprocess.CompletedProcess, site: Path, seconds: float) -> List[str]:
    lines = shown_lines(result.stdout + "\n" + result.stderr)
    if result.returncode != 0:
        if lines and lines[0].startswith("数据有") and lines[0].endswith("站点未生成/未改动："):
            lines[0] = lines[0][: -len("，站点未生成/未改动：")] + "："
        return [*lines, UNCHANGED]
    where = os.path.relpath(site, Path.cwd()) if site.is_relative_to(Path.cwd()) else site
    summary = f"已生成 {count_pages(site)} 个页面，用时 {seconds:.1f} 秒，站点在 {where}/"
    return [summary, *lines]


def run_board(folder: Path, environ) -> Tuple[bool, List[str]]:
    """One campaign's board (the several-campaign driver's runner): built, and what to show."""
    result = build(folder, environ=environ)
    lines = report(result, folder, 0.0)
    return (True, lines[1:]) if result.returncode == 0 else (False, lines[:-1])


def build_campaigns(data: Path, site: Path, started: float) -> int:
    """data/campaigns/<id>/: every board at <id>/ and the root page listing them."""
    try:
        shown = driver.build_site(ROOT, data, site, run_board)
    except driver.Failed as failed:
        print("\n".join(failed.lines), file=sys.stderr)
        return 1
    where = os.path.relpath(site, Path.cwd()) if site.is_relative_to(Path.cwd()) else site
    count = len(layout.ids(data))
    seconds = time.monotonic() - started
    pages = count_pages(site)
    summary = f"已生成 {count} 个活动共 {pages} 个页面，用时 {seconds:.1f} 秒，站点在 {where}/"
    print("\n".join([summary, *shown]))
    return 0


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    args = parser.parse_args(argv)
    site = args.site_dir.absolute()
    started = time.monotonic()
    data = board_build.data_dir(ROOT, os.environ)
    if layout.is_several(data):
        return build_campaigns(data, site, started)
    try:
        result = build(site)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    lines = report(result, site, time.monotonic() - started)
    stream = sys.stdout if result.returncode == 0 else sys.stderr
    print("\n".join(lines), file=stream)
    return 0 if result.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
