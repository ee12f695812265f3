"""BIXUE_SERVE_VERIFY=1: after each serve rebuild, one line says whether a clean build of the
same project writes the same files, byte for byte (bixue/adapter/verify.py)."""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

from bixue.adapter import verify
from conftest import ROOT, SERVE_URL, built, free_port

VERIFY_LINE = "核对："


def site(folder: Path, files: dict) -> Path:
    for name, content in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)
    return folder


def test_two_sites_are_compared_file_by_file_and_names_with_a_dot_at_the_top_are_left_out(
    tmp_path,
):
    rebuilt = site(
        tmp_path / "rebuilt",
        {
            "index.html": b"a",
            "units/a/index.html": b"old",
            "units/b/index.html": b"b",
            "old.json": b"{}",
            ".bixue-last/index.html": b"last build",
        },
    )
    clean = site(
        tmp_path / "clean",
        {"index.html": b"a", "units/a/index.html": b"new", "units/b/index.html": b"b", "x.js": b""},
    )
    found = verify.compare_sites(rebuilt, clean)
    assert found == verify.Comparison(
        missing=("x.js",), extra=("old.json",), differing=("units/a/index.html",), same=2
    )
    assert not found.matched
    assert found.summary() == (
        "核对：重建结果与全新构建不同：3 个文件"
        "（内容不同 1 个：units/a/index.html；缺少 1 个：x.js；多出 1 个：old.json）"
    )
    same = verify.compare_sites(clean, clean)
    assert same.matched and same.summary() == "核对：重建结果与全新构建一致（4 个文件）"


def test_a_mismatch_line_names_the_first_three_files_of_a_kind():
    found = verify.Comparison(missing=(), extra=(), differing=("a", "b", "c", "d"), same=0)
    assert found.summary() == "核对：重建结果与全新构建不同：4 个文件（内容不同 4 个：a、b、c…）"


def test_the_gist_of_a_failed_build_is_its_first_error_line():
    output = (
        "INFO    -  Cleaning\nERROR   -  数据有 1 处错误，站点未生成/未改动：\nunits.yml:2: …\n"
    )
    assert verify.gist(output) == "数据有 1 处错误，站点未生成/未改动"
    assert verify.gist("Traceback …\nOSError: 磁盘已满\n") == "OSError: 磁盘已满"
    assert verify.gist("") == "没有输出"


def test_nothing_is_built_outside_serve_or_without_the_switch(monkeypatch, caplog):
    def clean_build(*args):
        raise AssertionError("a clean build was made")

    monkeypatch.setattr(verify, "clean_build", clean_build)
    log = logging.getLogger("test-verify")
    monkeypatch.setenv(verify.SWITCH, "1")
    verify.check_rebuild(SimpleNamespace(), log, serve=False)
    monkeypatch.delenv(verify.SWITCH)
    verify.check_rebuild(SimpleNamespace(), log, serve=True)
    assert caplog.records == []


def test_a_site_that_is_not_a_clean_builds_gets_a_warning_naming_its_files(
    tmp_path, monkeypatch, caplog
):
    served = tmp_path / "site"
    # as serve builds: a publish keeps 往期公示, a served site has none
    shutil.copytree(built(tmp_path / "built" / "site", BIXUE_ARCHIVE="0"), served)
    (served / "feed.json").write_text("{}", encoding="utf-8")
    (served / "data.json").unlink()
    monkeypatch.setenv(verify.SWITCH, "1")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1400000000")  # as conftest's demo build
    config = SimpleNamespace(
        config_file_path=str(ROOT / "mkdocs.yml"), site_dir=str(served), site_url=SERVE_URL
    )
    with caplog.at_level(logging.INFO, logger="test-verify"):
        verify.check_rebuild(config, logging.getLogger("test-verify"), serve=True)
    line = (
        "核对：重建结果与全新构建不同：2 个文件（内容不同 1 个：feed.json；缺少 1 个：data.json）"
    )
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [("WARNING", line)]


def lines_of(log: Path) -> list:
    text = log.read_text(encoding="utf-8", errors="replace")
    return [line.partition(VERIFY_LINE)[2] for line in text.splitlines() if VERIFY_LINE in line]


def wait_for_lines(log: Path, count: int, seconds: float = 240) -> list:
    end = time.monotonic() + seconds
    while time.monotonic() < end and len(lines_of(log)) < count:
        time.sleep(0.5)
    return lines_of(log)


@contextlib.contextmanager
def serving(tmp_path: Path, engine: str = "mkdocs"):
    """`ENGINE serve` with the switch on a copy of the demo's data: (data folder, its log)."""
    data = tmp_path / "campaign-data"
    shutil.copytree(ROOT / "data", data)
    log = tmp_path / "serve.log"
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "BOARD_DATA": str(data),
        verify.SWITCH: "1",
        "SOURCE_DATE_EPOCH": "1400000000",
    }
    address = f"127.0.0.1:{free_port()}"
    command = [sys.executable, "-m", engine, "serve", "-f", "mkdocs.yml", "--dev-addr", address]
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=output)
        try:
            yield data, log
        finally:
            server.terminate()
            server.wait(timeout=30)


MATCHED = re.compile(r"重建结果与全新构建一致（(\d+) 个文件）")


def test_serve_with_the_switch_says_after_each_rebuild_whether_it_matched(tmp_path):
    with serving(tmp_path) as (data, log):
        wait_for_lines(log, 1)
        notice = data / "notices" / "site-visit-meeting.md"
        text = notice.read_text(encoding="utf-8")
        notice.write_text(text.replace("title: ", "title: 改期：", 1), encoding="utf-8")
        wait_for_lines(log, 2)
        units = data / "units.yml"
        good = units.read_text(encoding="utf-8")
        units.write_text(good.replace("name:", "nmae:", 1), encoding="utf-8")
        lines = wait_for_lines(log, 3)
    printed = log.read_text(encoding="utf-8")[-3000:]
    assert len(lines) == 3, printed
    matched = [MATCHED.fullmatch(line) for line in lines]
    assert matched[0] and matched[1] and int(matched[0][1]) > 200, printed
    failed = re.fullmatch(r"全新构建失败，未比较（数据有 \d+ 处错误，站点未生成/未改动）", lines[2])
    assert failed, printed


def test_properdocs_serve_is_compared_with_a_properdocs_build(tmp_path):
    # Each engine names itself in every page: a build by the other would differ everywhere.
    with serving(tmp_path, "properdocs") as (_data, log):
        lines = wait_for_lines(log, 1)
    assert lines and MATCHED.fullmatch(lines[0]), log.read_text(encoding="utf-8")[-3000:]
