"""The portal over 300 boards read from local folders: seconds for `bixue portal`, run as a user
runs it (a fresh process). The boards are the demo's data.json, computed once and written 300
times with their names and figures varied.

Usage: .venv/bin/python scripts/bench_portal.py [--boards N] [--limit SECONDS]
Exits 1 when the portal takes longer than the limit (10 s).
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from bixue import build  # noqa: E402
from bixue.exports import data_json  # noqa: E402


def demo_board() -> dict:
    environ = {"BOARD_DATA": str(ROOT / "data")}
    return data_json.board_data(build.load_board(ROOT, environ, ""))


def write_boards(folder: Path, count: int) -> list:
    base, pick = demo_board(), random.Random(30)
    sources = []
    for number in range(count):
        data = copy.deepcopy(base)
        data["short_title"] = data["title"] = f"第{number + 1}部门“互学互比”"
        data["ledger"]["completion_rate"] = round(pick.random(), 6)
        data["ledger"]["closure_rate"] = round(pick.random() * 0.8, 6)
        board = folder / f"board-{number:03d}"
        board.mkdir()
        (board / "data.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
        sources.append(str(board))
    return sources


def run_portal(out: Path, sources: list) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    command = [sys.executable, "-m", "bixue", "portal", str(out), *sources]
    started = time.monotonic()
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    seconds = time.monotonic() - started
    if result.returncode != 0 or "0 个无法读取" not in result.stdout:
        sys.exit(f"portal failed: {result.stdout}{result.stderr}")
    return seconds


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boards", type=int, default=300)
    parser.add_argument("--limit", type=float, default=10.0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        sources = write_boards(folder, args.boards)
        seconds = run_portal(folder / "portal", sources)
        size = (folder / "portal" / "index.html").stat().st_size
    print(f"portal: {args.boards} boards from folders in {seconds:.2f} s (page {size // 1024} KB)")
    return 0 if seconds <= args.limit else 1


if __name__ == "__main__":
    sys.exit(main())
