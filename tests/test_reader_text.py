"""Pages speak to readers: no file paths or clerk's instructions on the public board, no English
theme string anywhere a reader sees or hears one; a build left at this machine's address says
once that QR codes point here; the templates' examples are the campaign's own."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from bixue.adapter.board import LOCAL_SITE
from bixue.build import load_board
from bixue.outputs import templates_xlsx
from bs4 import BeautifulSoup
from conftest import ROOT, campaign_of_2012

CLERK_TEXT = re.compile(r"data/|\.ya?ml\b|放进|放到|scripts/|bash |BOARD_")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
NAMES = frozenset({"Atom", "JSON", "Feed", "Excel", "CSV", "YAML", "LED", "ISO", "Word"})
"""Names of formats and things (the demo's data name two), not theme words."""
HEARD = ("title", "aria-label", "placeholder", "alt", "aria-description")
NOT_READ = ("script", "style", "code", "pre", "kbd", "svg")


def pages(site: Path):
    for path in sorted(site.rglob("*.html")):
        yield path.relative_to(site), BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def visible_texts(page: BeautifulSoup):
    """Every text a reader sees or a screen reader says: text nodes and the attributes heard."""
    for element in page.find_all(True):
        for name in HEARD:
            value = element.get(name)
            if isinstance(value, str):
                yield f"@{name}", value
    for element in page(NOT_READ):
        element.decompose()
    for text in page.find_all(string=True):
        if text.strip() and text.parent.name not in ("title", "[document]"):
            yield "text", text.strip()


def english_words(text: str):
    text = re.sub(r"https?://\S+|[\w.-]*[/.][\w./-]*", "", text)  # addresses, paths, files
    return [word for word in LATIN_WORD.findall(text) if word not in NAMES]


@pytest.mark.parametrize("profile", ["internal", "public"])
def test_no_english_theme_string_is_seen_or_heard(profile, demo_site, public_site):
    site = public_site if profile == "public" else demo_site
    found = {
        (kind, text[:60])
        for path, page in pages(site)
        for kind, text in visible_texts(page)
        if english_words(text)
    }
    assert not found, sorted(found)[:20]


def test_the_scan_finds_what_the_theme_said_before():
    page = BeautifulSoup(
        '<h2>甲<a class="headerlink" href="#x" title="Permanent link">¶</a></h2>'
        "<h1>404 - Not found</h1>",
        "html.parser",
    )
    found = [english_words(text) for _kind, text in visible_texts(page)]
    assert [words for words in found if words] == [
        ["Permanent", "link"],
        ["Not", "found"],
    ]


def test_heading_links_and_the_404_page_are_chinese(public_site):
    page = BeautifulSoup((public_site / "exemplars/index.html").read_text("utf-8"), "html.parser")
    assert {a["title"] for a in page.select("a.headerlink")} == {"本节链接"}
    missing = BeautifulSoup((public_site / "404.html").read_text("utf-8"), "html.parser")
    assert missing.select_one("article h1").get_text() == "找不到这个页面（404）"


def test_public_pages_carry_no_clerk_text(public_site):
    found = {
        (str(path), text[:80])
        for path, page in pages(public_site)
        for kind, text in visible_texts(page)
        if CLERK_TEXT.search(text)
    }
    assert not found, sorted(found)


def test_public_downloads_stay_and_the_internal_page_keeps_the_clerk_sentence(
    public_site, demo_site
):
    for site, internal in ((public_site, False), (demo_site, True)):
        page = BeautifulSoup((site / "indicators/index.html").read_text("utf-8"), "html.parser")
        line = page.select_one(".bx-workbooks__data")
        assert line.select_one("a[download]").get_text() == "指标数值（.xlsx）"
        assert ("放进 data/" in line.get_text()) is internal


def build_output(tmp_path: Path, site_url: str = "") -> str:
    """What build.sh prints; BOARD_SITE_URL as given (unset: the default)."""
    env = {key: value for key, value in os.environ.items() if key != "BOARD_SITE_URL"}
    if site_url:
        env["BOARD_SITE_URL"] = site_url
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_site.py"), "--site-dir", str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


def test_a_build_at_this_machines_address_says_so_once(tmp_path):
    default = "http://127.0.0.1:8000/"
    lines = build_output(tmp_path / "a").splitlines()
    assert lines.count(LOCAL_SITE.format(url=default)) == 1
    assert len(lines) == 2 and lines[0].startswith("已生成 ")
    localhost = build_output(tmp_path / "b", "http://localhost:8000/")
    assert localhost.count("二维码和订阅链接指向本机") == 1


# --- the templates' examples: the campaign's own ids and year --------------------------------


def workbook_texts(content: bytes) -> list:
    book = openpyxl.load_workbook(io.BytesIO(content))
    return [
        str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row
    ]


def test_the_templates_examples_are_the_campaigns_own(tmp_path):
    data = campaign_of_2012(tmp_path)
    board = load_board(ROOT, {"BOARD_DATA": str(data)}, "")
    made = {t.name: workbook_texts(t.make()) for t in templates_xlsx.templates(board)}
    for name in ("台账模板.xlsx", "台账-示例北服务区.xlsx", "projects.xlsx"):
        texts = made[name]
        assert not any("2014" in text for text in texts), name
        assert any("2012-06-30、2012/6/30、2012.6.30 或 2012年6月30日" in t for t in texts), name
    ledger = made["台账模板.xlsx"]
    assert any("如 ZG-2012-001。" in text for text in ledger)
    assert any("2012-06-30 已制定整改方案" in text for text in ledger)
