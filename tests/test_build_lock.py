"""Two builds into one site exclude each other: the second stops with a Chinese message, the
site is wholly the first one's, and a build killed while holding the lock blocks nobody."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from bixue.publish import lock
from conftest import ROOT, build_site

PAUSED_BUILD = """
import sys, time
from pathlib import Path
sys.path.insert(0, "hooks")
from bixue.publish import swap
ready, go = Path(sys.argv[1]), Path(sys.argv[2])
publish = swap.swap_in

def paused(staging, site_dir):
    ready.write_text("")
    while not go.exists():
        time.sleep(0.05)
    publish(staging, site_dir)

swap.swap_in = paused
from mkdocs.__main__ import cli
cli(["build", "--strict", "-d", sys.argv[3]])
"""
"""`mkdocs build` that stops before publishing, its site built aside and the lock held, until
told to go on: so that a second build surely runs while the first one is writing."""


def start_paused(tmp_path: Path, site: Path) -> tuple:
    ready, go = tmp_path / "ready", tmp_path / "go"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1400000000"}
    command = [sys.executable, "-c", PAUSED_BUILD, str(ready), str(go), str(site)]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    while not ready.exists():
        assert process.poll() is None, process.stderr.read()[-3000:]
        assert time.monotonic() < deadline, "the first build never reached its publish"
        time.sleep(0.1)
    return process, go


def tree(folder: Path) -> dict:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_second_build_into_the_same_site_stops_and_the_site_is_the_first_ones(tmp_path):
    site = tmp_path / "site"
    first, go = start_paused(tmp_path, site)
    staged = tree(tmp_path / ".site.building")
    second = build_site(site, BOARD_PROFILE="public")  # the public build must not mix in
    assert second.returncode != 0
    expected = f"另一个构建正在写入 {site}/（进程 {first.pid}），请等它结束后再试"
    assert expected in second.stderr
    assert "Traceback" not in second.stderr
    go.write_text("")
    assert first.wait(300) == 0, first.stderr.read()[-3000:]
    assert tree(site) == staged
    assert not lock.lock_path(site).exists()
    assert build_site(site, BOARD_PROFILE="public").returncode == 0  # and the next one runs


def test_a_build_killed_while_holding_the_lock_blocks_no_later_build(tmp_path):
    site = tmp_path / "site"
    first, _go = start_paused(tmp_path, site)
    assert lock.lock_path(site).read_text().strip() == str(first.pid)
    first.send_signal(signal.SIGKILL)
    first.wait(60)
    assert lock.lock_path(site).exists()  # left behind, but no longer locked
    again = build_site(site)
    assert again.returncode == 0, again.stderr[-3000:]
    assert (site / "index.html").is_file() and not lock.lock_path(site).exists()


TAKE = "import sys, pathlib; from bixue.publish import lock; lock.take(pathlib.Path(sys.argv[1]))"


def test_the_lock_names_the_process_that_holds_it(tmp_path):
    site = tmp_path / "site"
    held = lock.take(site)
    try:
        child = subprocess.run(
            [
                sys.executable,
                "-c",
                TAKE,
                str(site),
            ],
            cwd=ROOT / "hooks",
            capture_output=True,
            text=True,
        )
        assert f"另一个构建正在写入 {site}/（进程 {os.getpid()}）" in child.stderr
    finally:
        lock.let_go(site, held)
    lock.let_go(site, lock.take(site))  # free again: no Busy
