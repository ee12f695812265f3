"""README.md stays true: its commands exist, and it names every marker block the code has."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

from bixue import generate
from conftest import ROOT


def readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_marker_block_is_documented_and_every_documented_marker_exists():
    documented = set(re.findall(r"^\| `([a-z0-9-]+)` \|", readme(), re.MULTILINE))
    assert documented == set(generate.all_blocks())


def test_the_two_commands_and_the_format_reference_exist():
    text = readme()
    for script in re.findall(r"^bash (scripts/\S+)", text, re.MULTILINE):
        assert (ROOT / script).is_file(), script
    assert "bash scripts/serve.sh" in text and "bash scripts/test.sh" in text
    assert "(FORMAT.md)" in text and (ROOT / "FORMAT.md").is_file()


def test_ci_runs_the_readme_test_command():
    assert "bash scripts/test.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


# ---- the build command's messages are the real ones ----

README_SLIPS = (
    ("projects.yml", "    unit: hebi\n", "    unit: 鹤壁区\n"),
    ("rectifications/2014-self-inspection.yml", "  owner: 李春霞\n", "  owner：李春霞\n"),
    ("units.yml", "  group: 濮阳片区\n", "  gruop: 濮阳片区\n"),
)
"""The slips README.md describes, made in a copy of the demo."""


def readme_block(marker: str) -> str:
    match = re.search(rf"<!-- {marker} -->\n```\n(.*?)```", readme(), re.S)
    assert match, f"README.md has no block after <!-- {marker} -->"
    return match.group(1)


def test_the_readme_errors_are_what_the_build_prints(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    for name, old, new in README_SLIPS:
        text = (data / name).read_text(encoding="utf-8")
        assert text.count(old) >= 1, (name, old)
        (data / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build_site.py"),
            "--site-dir",
            str(tmp_path / "s"),
        ],
        env={**os.environ, "BOARD_DATA": str(data)},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and not result.stdout
    shown = result.stderr.replace(os.path.relpath(data, ROOT), "data")
    assert shown == readme_block("readme-errors")
    assert not (tmp_path / "s").exists()


def test_a_good_build_prints_one_chinese_line(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build_site.py"),
            "--site-dir",
            str(tmp_path / "s"),
        ],
        cwd=tmp_path,
        env={**os.environ, "BOARD_SITE_URL": "https://board.example.org/"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    pages = sum(1 for _ in (tmp_path / "s").rglob("index.html"))
    assert re.fullmatch(rf"已生成 {pages} 个页面，用时 \d+\.\d 秒，站点在 s/\n", result.stdout)
    assert not result.stderr  # no end-of-life banner, no INFO lines
