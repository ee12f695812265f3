"""scripts/build_site.py keeps third-party chatter out of the clerk's way, never a real warning."""

from __future__ import annotations

import subprocess

from build_site import UNCHANGED, report, shown_lines

MKDOCS_OUTPUT = """INFO    -  Cleaning site directory
INFO    -  Building documentation to directory: /tmp/site
WARNING -  site_url 未设置：二维码和订阅源中的绝对链接将被省略
\x1b[33m │  \x1b[1mMaterial for MkDocs reaches end of life on May 5, 2027.\x1b[0m
\x1b[33m │\x1b[0m  Critical fixes and security updates continue until that date.
\x1b[90m  To disable this warning, set NO_MKDOCS_2_WARNING=1.\x1b[0m
Traceback (most recent call last):
INFO    -  The following pages exist in the docs directory, but are not included in the "nav" \
configuration:
  - exemplars/index.md
  - notices/index.md
INFO    -  Documentation built in 8.10 seconds
"""


def test_chatter_goes_and_warnings_and_unknown_lines_stay():
    assert shown_lines(MKDOCS_OUTPUT) == [
        "警告：site_url 未设置：二维码和订阅源中的绝对链接将被省略",
        "Traceback (most recent call last):",
    ]


def test_a_failed_build_shows_only_the_errors_and_that_the_site_is_unchanged(tmp_path):
    stderr = (
        "ERROR   -  数据有 1 处错误，站点未生成/未改动：\n"
        "data/units.yml:2: nmae: 未知的键（是不是 name？）\n\nAborted with a BuildError!\n"
    )
    failed = subprocess.CompletedProcess([], 1, "", stderr)
    assert report(failed, tmp_path, 1.0) == [
        "数据有 1 处错误：",
        "data/units.yml:2: nmae: 未知的键（是不是 name？）",
        UNCHANGED,
    ]
