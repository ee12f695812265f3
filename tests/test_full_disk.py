"""A full disk while building or publishing: a Chinese message naming the site and the space a
build needs, no traceback, the published site unchanged, and nothing left beside it."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, built

FULL_DISK_BUILD = """
import errno, os, sys
sys.path.insert(0, "hooks")
import mkdocs.utils
from bixue.publish import releases
where, code, site = sys.argv[1], int(sys.argv[2]), sys.argv[3]

def full(*args, **kwargs):
    raise OSError(code, os.strerror(code))

if where == "page":
    mkdocs.utils.write_file = full
else:
    releases.prepared = full
from mkdocs.__main__ import cli
cli(["build", "--strict", "-d", site])
"""
"""`mkdocs build` on a disk that fills up when a page is written, or when the publish begins."""


def tree(folder: Path) -> dict:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    "where, code", [("page", errno.ENOSPC), ("page", errno.EDQUOT), ("publish", errno.ENOSPC)]
)
def test_a_full_disk_says_so_in_chinese_and_leaves_the_site_as_it_was(tmp_path, where, code):
    site = built(tmp_path / "site", BIXUE_ARCHIVE="1")
    before = tree(site)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1400000000"}
    command = [sys.executable, "-c", FULL_DISK_BUILD, where, str(code), str(site)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "OSError" not in result.stderr
    [line] = [line for line in result.stderr.splitlines() if "磁盘空间不足" in line]
    megabytes = sum(len(content) for content in before.values()) / 1024 / 1024
    assert line.endswith(
        f"磁盘空间不足：无法写入 {site}（约需 {max(round(megabytes), 1)} MB）；已发布的站点未改动"
    )
    assert tree(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.archive", ".site.releases", "site"]
    # 往期公示's store keeps only what the published site links to: no entry of the failed build
    linked = sorted(p.name for p in (site / "archive").iterdir() if p.is_symlink())
    assert sorted(p.name for p in (tmp_path / ".site.archive").iterdir()) == linked
