"""How long `mkdocs serve` takes to show a one-item edit: a real serve process on a generated
campaign (or the demo), one ledger item edited at a time, timed from writing the file until
the new build-stamp.json is served.

Usage: .venv/bin/python scripts/bench_serve.py [--units 500 | --demo] [--edits 4] [--gap 6]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from gen_campaign import add_size_arguments, generate, size_from
from headless import free_port

ROOT = Path(__file__).resolve().parents[1]


def stamp(url: str) -> bytes:
    try:
        with urllib.request.urlopen(f"{url}build-stamp.json?t={time.time()}", timeout=5) as answer:
            return answer.read()
    except OSError:
        return b""


def wait_for_new_stamp(url: str, old: bytes, limit: float) -> float:
    """Seconds until the stamp differs from `old`; the limit passed, the limit."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if stamp(url) not in (b"", old):
            return time.monotonic() - start
        time.sleep(0.1)
    return limit


def edit_one_item(data: Path, number: int) -> None:
    """One ledger item's problem text changed: the smallest edit a clerk makes."""
    ledger = sorted((data / "rectifications").glob("*.yml"))[0]
    text = ledger.read_text(encoding="utf-8")
    text, count = re.subn(r"(problem: )", rf"\g<1>第{number}次修改：", text, count=1)
    if not count:
        raise SystemExit(f"{ledger}: no problem: line to edit")
    ledger.write_text(text, encoding="utf-8")


def serve(data: Path, port: int, log) -> subprocess.Popen:
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "BOARD_DATA": str(data),
        "BOARD_SITE_URL": f"http://127.0.0.1:{port}/",
    }
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_size_arguments(parser)
    parser.add_argument("--demo", action="store_true", help="the project's own data/")
    parser.add_argument("--edits", type=int, default=4)
    parser.add_argument("--gap", type=float, default=6.0, help="seconds between edits")
    parser.add_argument("--limit", type=float, default=120.0, help="seconds to wait at most")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as work_name:
        work = Path(work_name)
        data = work / "data"
        if args.demo:
            shutil.copytree(ROOT / "data", data)
        else:
            generate(data, size_from(args))
        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        with open(work / "serve.log", "w", encoding="utf-8") as log:
            process = serve(data, port, log)
            try:
                first = wait_for_new_stamp(url, b"", args.limit * 5)
                print(f"first build served after {first:.1f} s")
                times = []
                for number in range(1, args.edits + 1):
                    time.sleep(args.gap)
                    old = stamp(url)
                    edit_one_item(data, number)
                    times.append(wait_for_new_stamp(url, old, args.limit))
                    print(f"edit {number}: shown after {times[-1]:.1f} s")
            finally:
                process.terminate()
                process.wait(timeout=30)
        print(f"median {statistics.median(times):.1f} s, " + ", ".join(f"{t:.1f}" for t in times))
    return 0


if __name__ == "__main__":
    sys.exit(main())
