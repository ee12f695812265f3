"""`mkdocs serve` renders the theme's template again only for pages an edit changed and writes
again only the workbooks it changed, and the files it writes are byte for byte those a first
build of the edited data writes."""

from __future__ import annotations

import os
from pathlib import Path

from bixue import mkdocs_adapter
from bixue.outputs import xlsx_stream
from conftest import serve_build

NOTICE = "notices/site-visit-meeting.md"
LEDGER = "rectifications/2014-inspections.yml"


def files_of(site: Path) -> dict:
    """Every file the build wrote but its stamp (the time it was built)."""
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in site.rglob("*")
        if path.is_file() and path.name != "build-stamp.json"
    }


def test_a_serve_rebuild_renders_only_changed_pages_and_workbooks_and_writes_a_first_builds_files(
    tmp_path, data_copy
):
    data = data_copy
    mkdocs_adapter.KEPT_PAGES.current.clear()
    serve_build(tmp_path / "serve")
    first = mkdocs_adapter.KEPT_PAGES.made
    assert first > 50 and mkdocs_adapter.KEPT_PAGES.reused == 0

    notice = data / NOTICE
    text = notice.read_text(encoding="utf-8")
    notice.write_text(text.replace("title:", "title: 改期：", 1), encoding="utf-8")
    ledger = data / LEDGER
    text = ledger.read_text(encoding="utf-8")
    ledger.write_text(text.replace("measures: ", "measures: 已复查，", 1), encoding="utf-8")
    serve_build(tmp_path / "serve")
    rendered, reused = mkdocs_adapter.KEPT_PAGES.made, mkdocs_adapter.KEPT_PAGES.reused
    assert rendered + reused == first
    assert 0 < rendered < first / 3, (rendered, reused)
    again = files_of(tmp_path / "serve")

    assert 0 < xlsx_stream.KEPT.made < len([name for name in again if name.endswith(".xlsx")])
    mkdocs_adapter.KEPT_PAGES.current.clear()  # as if serve had just started
    xlsx_stream.KEPT.current.clear()
    serve_build(tmp_path / "scratch")
    assert mkdocs_adapter.KEPT_PAGES.reused == 0
    scratch = files_of(tmp_path / "scratch")
    assert sorted(again) == sorted(scratch)
    assert [name for name in scratch if again[name] != scratch[name]] == []
    assert "改期".encode() in again["notices/site-visit-meeting/index.html"]
    assert "已复查".encode() in again["rectification/index.html"]


class FakeFiles:
    def __init__(self, uris):
        self.uris = uris

    def documentation_pages(self):
        return [type("File", (), {"src_uri": uri})() for uri in self.uris]


class FakeConfig(dict):
    def __init__(self, config_file: Path, theme_dir: Path, **values):
        super().__init__(values)
        self.config_file_path = str(config_file)
        self.theme = type("Theme", (), {"dirs": [str(theme_dir)]})()


def test_the_site_key_changes_with_the_config_file_a_theme_file_a_value_or_the_pages(tmp_path):
    config_file, theme = tmp_path / "mkdocs.yml", tmp_path / "overrides"
    theme.mkdir()
    config_file.write_text("site_name: x\n", encoding="utf-8")
    (theme / "main.html").write_text("{{ page.content }}", encoding="utf-8")
    files = FakeFiles(["index.md", "units/u1.md"])

    def key(**values):
        return mkdocs_adapter._site_key(FakeConfig(config_file, theme, **values), files)

    base = key(site_name="公示栏", extra={"bixue": 1})
    assert key(site_name="公示栏", extra={"bixue": 1}) == base
    assert key(site_name="公示栏 ", extra={"bixue": 1}) != base
    assert key(site_name="公示栏", extra={"bixue": 2}) != base
    # an object's address (plugins, functions) is not part of it
    assert key(site_name="公示栏", extra={"bixue": 1}, hooks=object()) == key(
        site_name="公示栏", extra={"bixue": 1}, hooks=object()
    )

    config_file.write_text("site_name: y\n", encoding="utf-8")
    assert key(site_name="公示栏", extra={"bixue": 1}) != base
    config_file.write_text("site_name: x\n", encoding="utf-8")
    assert key(site_name="公示栏", extra={"bixue": 1}) == base

    stat = (theme / "main.html").stat()
    os.utime(theme / "main.html", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    touched = key(site_name="公示栏", extra={"bixue": 1})
    assert touched != base

    files.uris.append("units/u2.md")
    assert key(site_name="公示栏", extra={"bixue": 1}) != touched
