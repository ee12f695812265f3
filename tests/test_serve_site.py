"""Under `mkdocs serve`, a rebuild moves back every file the last build wrote the same instead of
writing it again; what changed is written, what is gone is gone, and the site is a plain build's."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from bixue.adapter import patches
from bixue.adapter import serve_site as mkdocs_serve_site
from bixue.session import kept_renders
from bixue.session.build_session import BuildSession
from conftest import SERVE_URL, built, forget_kept, serve_build

NOTICE = "notices/site-visit-meeting.md"
GONE = "notices/overdue-rectification-supervision.md"
WRITTEN_BY_OTHERS = {"404.html", "sitemap.xml", "sitemap.xml.gz", "build-stamp.json"}
"""Written after the pages by MkDocs' theme, the search plugin or our stamp: always anew."""


def files_of(site: Path) -> dict:
    """Each file of the site: (its bytes, the inode it was written to)."""
    return {
        path.relative_to(site).as_posix(): (path.read_bytes(), path.stat().st_ino)
        for path in site.rglob("*")
        if path.is_file()
    }


def test_a_serve_rebuild_writes_only_the_files_that_changed(
    tmp_path, data_copy, monkeypatch, caplog
):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1400000000")  # as conftest's `mkdocs build`
    forget_kept()
    site = tmp_path / "serve"
    serve_build(site)
    first = files_of(site)

    notice = data_copy / NOTICE
    text = notice.read_text(encoding="utf-8")
    notice.write_text(text.replace("title:", "title: 改期：", 1), encoding="utf-8")
    (data_copy / GONE).unlink()
    caplog.set_level(logging.INFO)
    serve_build(site)
    again = files_of(site)

    same = [name for name in again if name in first and again[name][0] == first[name][0]]
    changed = [name for name in again if name not in same]
    moved_back = [name for name in same if again[name][1] == first[name][1]]
    assert "notices/site-visit-meeting/index.html" in changed
    assert "downloads/ledger.xlsx" in moved_back  # a workbook made in memory
    assert "assets/bixue.css" in moved_back  # a file MkDocs copies from docs/
    assert sorted(set(same) - set(moved_back)) == sorted(WRITTEN_BY_OTHERS & set(same))
    assert len(moved_back) > 5 * len(changed), (len(moved_back), len(changed))
    assert not any(name.startswith(mkdocs_serve_site.ASIDE) for name in again)
    assert not [r for r in caplog.records if r.getMessage().startswith("Page skipped")]

    # the removed notice's page is gone, and the site is what a plain build of the data writes
    assert "notices/overdue-rectification-supervision/index.html" in first
    plain = files_of(built(tmp_path / "plain", data_copy, BOARD_SITE_URL=SERVE_URL))
    assert sorted(again) == sorted(plain)
    assert [n for n in plain if n != "build-stamp.json" and again[n][0] != plain[n][0]] == []


def test_a_page_kept_from_the_last_build_is_moved_back_without_being_unpacked(
    tmp_path, data_copy, monkeypatch
):
    forget_kept()
    site = tmp_path / "serve"
    serve_build(site)
    notice = data_copy / NOTICE
    notice.write_text(
        notice.read_text(encoding="utf-8").replace("title:", "title: 改期：", 1), "utf-8"
    )
    first = files_of(site)
    unpacked = []
    unpack = kept_renders.unpack
    monkeypatch.setattr(kept_renders, "unpack", lambda made: unpacked.append(1) or unpack(made))
    serve_build(site)
    again = files_of(site)
    moved_back = [
        n for n in again if n.endswith(".html") and again[n][1] == first.get(n, (0, 0))[1]
    ]
    assert len(moved_back) > 50
    assert unpacked == []  # a page kept is moved back, never unpacked; one rendered, not packed


class FakeFile:
    def __init__(self, uri: str) -> None:
        self.src_uri, self.dest_uri = uri, uri.replace(".md", "/index.html")


class FakePage:
    def __init__(self, uri: str) -> None:
        self.file = FakeFile(uri)


def build_pages(session: BuildSession, site: Path, pages: dict, serve: bool = True) -> dict:
    """A build that writes each page's output as MkDocs would; what it wrote. Not `serve`:
    as `serve --dirty`, which writes only some pages."""
    session.dirty = not serve
    session.start_build()
    mkdocs_serve_site.set_last_aside(session, str(site))
    written = {}
    for uri, output in pages.items():
        page = FakePage(uri)
        output = mkdocs_serve_site.keep_unchanged_page(session, output, page)
        if output:
            path = site / page.file.dest_uri
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(output, encoding="utf-8")
            written[uri] = output
    return written


def ended(session: BuildSession, built: bool) -> None:
    """The build's end, and what serve does while it waits: the last site's leftovers go."""
    mkdocs_serve_site.end_build(session, built=built)
    mkdocs_serve_site.wait_until_dropped(session)


def test_only_a_page_written_the_same_in_the_same_place_is_moved_back(tmp_path):
    session = BuildSession(serving=True)
    site = tmp_path / "site"
    site.mkdir()
    assert build_pages(session, site, {"a.md": "<p>a</p>", "b.md": "<p>b</p>"}) == {
        "a.md": "<p>a</p>",
        "b.md": "<p>b</p>",
    }
    ended(session, built=True)
    inode = (site / "a/index.html").stat().st_ino

    assert build_pages(
        session, site, {"a.md": "<p>a</p>", "b.md": "<p>b2</p>", "c.md": "<p>c</p>"}
    ) == {
        "b.md": "<p>b2</p>",
        "c.md": "<p>c</p>",
    }
    assert (site / "a/index.html").stat().st_ino == inode
    ended(session, built=True)
    assert build_pages(session, site, {"a.md": "<p>a</p>"}) == {}
    ended(session, built=True)
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == [
        "a/index.html"
    ]


def test_a_pages_own_folder_is_moved_back_whole_and_no_file_comes_back_with_it(tmp_path):
    session = BuildSession(serving=True)
    site = tmp_path / "site"
    site.mkdir()
    pages = {"units/a.md": "<p>a</p>", "units/b.md": "<p>b</p>"}
    build_pages(session, site, pages)
    (site / "units/b/qr.svg").write_text("<svg/>", encoding="utf-8")  # a file beside b's page
    ended(session, built=True)
    folders = {name: (site / "units" / name).stat().st_ino for name in ("a", "b")}

    assert build_pages(session, site, pages) == {}
    ended(session, built=True)
    assert (site / "units/a").stat().st_ino == folders["a"]  # moved back whole
    assert (site / "units/b").stat().st_ino != folders["b"]  # made anew: qr.svg stays out
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == [
        "units/a/index.html",
        "units/b/index.html",
    ]
    assert not [p for p in site.iterdir() if p.name.startswith(".")]


def test_after_a_failed_build_or_outside_serve_every_page_is_written(tmp_path):
    session = BuildSession(serving=True)
    site = tmp_path / "site"
    site.mkdir()
    build_pages(session, site, {"a.md": "<p>a</p>"})
    ended(session, built=False)
    assert build_pages(session, site, {"a.md": "<p>a</p>"}) == {"a.md": "<p>a</p>"}
    ended(session, built=True)
    # `serve --dirty` writes only some pages: nothing is moved aside, and nothing back
    assert build_pages(session, site, {"a.md": "<p>a</p>"}, serve=False) == {"a.md": "<p>a</p>"}
    assert not (site / mkdocs_serve_site.ASIDE).exists()
    ended(session, built=True)
    assert session.written.previous == session.written.current == {}


def test_only_the_skipped_line_of_a_page_moved_back_is_dropped(caplog):
    quiet = mkdocs_serve_site._SkippedPages({"a.md"})
    patches.filter_skipped_pages(quiet)
    log = logging.getLogger("mkdocs.commands.build")
    try:
        with caplog.at_level(logging.INFO):
            log.info("Page skipped: 'a.md'. Generated empty output.")
            log.info("Page skipped: 'b.md'. Generated empty output.")
            log.info("Building page a.md")
    finally:
        patches.unfilter_skipped_pages(quiet)
    assert [r.getMessage() for r in caplog.records] == [
        "Page skipped: 'b.md'. Generated empty output.",
        "Building page a.md",
    ]


def test_a_page_rendered_from_the_same_inputs_is_moved_back_without_digesting_it(
    tmp_path, monkeypatch
):
    session = BuildSession(serving=True)
    site = tmp_path / "site"
    site.mkdir()
    page = FakePage("a.md")
    digested = []
    blake2b = mkdocs_serve_site.hashlib.blake2b
    monkeypatch.setattr(
        mkdocs_serve_site.hashlib, "blake2b", lambda *a, **k: digested.append(1) or blake2b(*a, **k)
    )

    def build(output: str, key: str) -> str:
        digested.clear()
        session.start_build()
        mkdocs_serve_site.set_last_aside(session, str(site))
        output = mkdocs_serve_site.keep_unchanged_page(session, output, page, key)
        if output:
            (site / "a").mkdir(exist_ok=True)
            (site / "a/index.html").write_text(output, encoding="utf-8")
        ended(session, built=True)
        return output

    assert build("<p>a</p>", "k1") == "<p>a</p>" and digested
    assert build("<p>a</p>", "k1") == "" and not digested  # same inputs: moved back as it is
    assert build("<p>a</p>", "k2") == "" and digested  # other inputs, the same bytes
    assert build("<p>b</p>", "k3") == "<p>b</p>"
    assert (site / "a/index.html").read_text(encoding="utf-8") == "<p>b</p>"


def test_a_render_key_is_trusted_only_when_no_other_plugin_changes_pages_after_the_theme():
    from bixue.adapter import serve as mkdocs_serve

    class Plugins:
        def __init__(self, handlers):
            self.events = {"post_page": handlers}

    class Config:
        def __init__(self, handlers):
            self.plugins = Plugins(handlers)

    page, session = FakePage("a.md"), BuildSession(serving=True)
    session.build.page_keys[page.file.dest_uri] = "k1"
    assert mkdocs_serve.render_key(session, page, Config([print])) == "k1"
    assert mkdocs_serve.render_key(session, page, Config([print, print])) is None


def test_what_an_earlier_session_left_aside_is_dropped_by_the_next_sessions_first_build(tmp_path):
    session = BuildSession(serving=True)
    site = tmp_path / "site"
    left = site / f"{mkdocs_serve_site.ASIDE}-1" / "a"  # serve stopped while it was dropped
    left.mkdir(parents=True)
    (left / "index.html").write_text("<p>old</p>", encoding="utf-8")
    for _ in range(3):  # each build ends with a folder of leftovers to drop
        build_pages(session, site, {"a.md": "<p>a</p>", "b.md": "<p>b</p>"})
        ended(session, built=True)
    assert sorted(p.name for p in site.iterdir()) == ["a", "b"]


def test_a_copied_file_whose_name_is_not_utf8_is_keyed_by_its_path_time_and_size(tmp_path):
    name = os.fsdecode(b"\xb1\xc8.txt")  # GBK bytes: a name Python holds with surrogates
    path = tmp_path / name
    path.write_bytes(b"x")

    class File:
        abs_src_path = str(path)

    first = mkdocs_serve_site._file_key(File())
    assert mkdocs_serve_site._file_key(File()) == first
    path.write_bytes(b"xy")
    assert mkdocs_serve_site._file_key(File()) != first
