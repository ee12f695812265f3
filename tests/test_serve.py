"""`mkdocs serve` watches the folder the board is read from and keeps the last good board."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import ROOT, free_port

NOTICE = "notices/site-visit-meeting.md"


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read().decode("utf-8")


def wait_for(check, seconds: float = 240) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            if check():
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


def test_serve_rebuilds_on_an_edit_outside_the_project_and_keeps_the_board_on_a_bad_one(tmp_path):
    data = tmp_path / "campaign-data"
    shutil.copytree(ROOT / "data", data)
    port = free_port()
    url = f"http://127.0.0.1:{port}/notices/site-visit-meeting/"
    log = (tmp_path / "serve.log").open("w+", encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BOARD_DATA": str(data)}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        assert wait_for(lambda: "<h1" in fetch(url)), Path(log.name).read_text()
        notice = data / NOTICE
        text = notice.read_text(encoding="utf-8")
        title = next(line for line in text.splitlines() if line.startswith("title:"))
        notice.write_text(text.replace(title, "title: 现场观摩会改期通知"), encoding="utf-8")
        assert wait_for(lambda: "现场观摩会改期通知" in fetch(url)), Path(log.name).read_text()

        units = data / "units.yml"
        good_units = units.read_text(encoding="utf-8")
        units.write_text(good_units.replace("name:", "nmae:", 1), encoding="utf-8")
        assert wait_for(lambda: "nmae" in Path(log.name).read_text(encoding="utf-8"))
        time.sleep(2)
        assert "现场观摩会改期通知" in fetch(url)
        output = Path(log.name).read_text(encoding="utf-8")
        assert "units.yml" in output and "继续显示上一次正确的公示栏" in output
        assert "Traceback" not in output

        units.write_text(good_units, encoding="utf-8")
        notice.write_text(text.replace(title, "title: 现场观摩会再次改期"), encoding="utf-8")
        assert wait_for(lambda: "现场观摩会再次改期" in fetch(url)), Path(log.name).read_text()
        assert server.poll() is None
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
