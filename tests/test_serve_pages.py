"""`mkdocs serve` renders again only the blocks and theme templates of pages an edit changed and
writes again only the workbooks it changed, and the files it writes are byte for byte those a
first build of the edited data writes."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from bixue.adapter import serve as mkdocs_serve
from bixue.session import build_session
from bixue.session.build_session import BuildSession
from conftest import SERVE_URL, built, forget_kept, serve_build

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
    tmp_path, data_copy, monkeypatch
):
    data = data_copy
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1400000000")  # as conftest's `mkdocs build`
    session = forget_kept()
    serve_build(tmp_path / "serve")
    assert build_session.current() is None  # the session was the build's only while it ran
    first = session.pages.made
    assert first > 50 and session.pages.reused == 0
    blocks = session.blocks.made
    assert blocks > 200 and session.blocks.reused < blocks

    notice = data / NOTICE
    text = notice.read_text(encoding="utf-8")
    notice.write_text(text.replace("title:", "title: 改期：", 1), encoding="utf-8")
    ledger = data / LEDGER
    text = ledger.read_text(encoding="utf-8")
    ledger.write_text(text.replace("measures: ", "measures: 已复查，", 1), encoding="utf-8")
    serve_build(tmp_path / "serve")
    rendered, reused = session.pages.made, session.pages.reused
    assert rendered + reused == first
    assert 0 < rendered < first / 3, (rendered, reused)
    assert 0 < session.blocks.made < blocks / 4, (session.blocks.made, blocks)
    assert 0 < session.stashes.made < session.stashes.reused
    conversions = session.conversions
    assert 0 < conversions.made < conversions.reused, (conversions.made, conversions.reused)
    again = files_of(tmp_path / "serve")

    assert 0 < session.workbooks.made < len([name for name in again if name.endswith(".xlsx")])
    # A plain `mkdocs build` of the edited data, which keeps nothing, writes the same files.
    scratch = files_of(built(tmp_path / "scratch", data, BOARD_SITE_URL=SERVE_URL))
    assert sorted(again) == sorted(scratch)
    assert [name for name in scratch if again[name] != scratch[name]] == []
    assert "改期".encode() in again["notices/site-visit-meeting/index.html"]
    assert "已复查".encode() in again["rectification/index.html"]


class FakeFile:
    def __init__(self, uri: str):
        self.src_uri, self.url, self.inclusion = uri, uri.replace(".md", "/"), "included"


class FakeFiles:
    def __init__(self, uris, others=()):
        self.uris, self.others = uris, others

    def documentation_pages(self):
        return [FakeFile(uri) for uri in self.uris]

    def __iter__(self):
        return iter([*self.documentation_pages(), *map(FakeFile, self.others)])

    def get_file_from_path(self, uri):
        return next((file for file in self if file.src_uri == uri), None)


class FakePage:
    """What MkDocs' Page.render sets, and a warning it logs (a link to a missing page)."""

    def __init__(self, markdown: str):
        self.file, self.url, self.markdown, self.converted = FakeFile("a.md"), "a/", markdown, 0

    def render(self, config, files):
        self.converted += 1
        if files.get_file_from_path("b.xlsx") is None:
            logging.getLogger("mkdocs.structure.pages").warning("a.md: 'b.xlsx' is not found")
        self.content, self.toc, self._title_from_render = f"<p>{self.markdown}</p>", ["toc"], "T"
        self.present_anchor_ids = {"x"}
        self.links_to_anchors = {files.get_file_from_path("index.md"): {"top": "index.md#top"}}


def test_a_page_converted_as_in_the_last_build_is_reused_with_its_warnings(tmp_path, caplog):
    config_file, theme = tmp_path / "mkdocs.yml", tmp_path / "overrides"
    theme.mkdir()
    config_file.write_text("site_name: x\n", encoding="utf-8")
    config = FakeConfig(config_file, theme, site_name="x")

    session = BuildSession(serving=True)

    def convert(markdown: str, *others: str) -> FakePage:
        page, files = FakePage(markdown), FakeFiles(["index.md", "a.md"], others)  # a new build
        session.start_build()
        mkdocs_serve.reuse_unchanged_conversion(session, page)
        page.render(config, files)
        return page

    first = convert("正文")
    again = convert("正文")
    assert (first.converted, again.converted) == (1, 0)
    assert (again.content, again.toc, again._title_from_render) == ("<p>正文</p>", ["toc"], "T")
    assert again.present_anchor_ids == {"x"}
    assert [(file.src_uri, links) for file, links in again.links_to_anchors.items()] == [
        ("index.md", {"top": "index.md#top"})
    ]
    assert [record.getMessage() for record in caplog.records].count(
        "a.md: 'b.xlsx' is not found"
    ) == 2
    assert convert("改过的正文").converted == 1
    caplog.clear()
    assert convert("正文", "b.xlsx").converted == 1  # a file its link looks up is there now
    assert not caplog.records
    config_file.write_text("site_name: y\n", encoding="utf-8")
    assert convert("正文").converted == 1
    session = BuildSession(serving=False)
    assert convert("正文").converted == 1  # outside serve: converted as always


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
        return mkdocs_serve._site_key(FakeConfig(config_file, theme, **values), files)

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


def test_an_installed_theme_is_marked_by_its_packages_install_records(tmp_path):
    """Material's templates hold 14,000 icons: a theme folder under site-packages is marked by
    the packages' RECORD files, which pip writes at every install, not file by file."""
    packages = tmp_path / "lib" / "site-packages"
    theme = packages / "material" / "templates"
    (theme / ".icons" / "octicons").mkdir(parents=True)
    for number in range(50):
        (theme / ".icons" / "octicons" / f"i{number}.svg").write_text("<svg/>", "utf-8")
    record = packages / "mkdocs_material-9.8.0.dist-info" / "RECORD"
    record.parent.mkdir()
    record.write_text("material/templates/main.html,,\n", "utf-8")
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: x\n", encoding="utf-8")
    files = FakeFiles(["index.md"])

    def key():
        return mkdocs_serve._site_key(FakeConfig(config_file, theme, site_name="x"), files)

    assert [path for path, _ in mkdocs_serve.theme_marks(str(theme))] == [str(record)]
    before = key()
    stat = record.stat()
    os.utime(record, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # reinstalled
    assert key() != before
    # a folder outside site-packages (custom_dir), or one without install records, file by file
    record.unlink()
    assert len(mkdocs_serve.theme_marks(str(theme))) == 50
