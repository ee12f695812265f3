"""Shared rendering: page URLs, relative links, escaping, and sanitised Markdown from data."""

from __future__ import annotations

import markdown
import pytest
from bixue import render
from bs4 import BeautifulSoup


@pytest.mark.parametrize(
    ("src_uri", "url"),
    [
        ("index.md", ""),
        ("campaign.md", "campaign/"),
        ("units/index.md", "units/"),
        ("units/puyang-south.md", "units/puyang-south/"),
    ],
)
def test_page_url_follows_directory_urls(src_uri, url):
    assert render.page_url(src_uri) == url


@pytest.mark.parametrize(
    ("here", "target", "link"),
    [
        ("", "units/", "units/"),
        ("units/", "units/a/", "a/"),
        ("units/a/", "units/b/", "../b/"),
        ("units/a/", "", "../../"),
        ("exemplars/x/", "media/covers/x.jpg", "../../media/covers/x.jpg"),
        ("ranking/", "ranking/", "./"),
    ],
)
def test_relative_url_from_one_page_to_another(here, target, link):
    assert render.relative_url(here, target) == link


def test_markdown_from_data_keeps_formatting_and_drops_anything_unsafe():
    text = (
        "**加强**巡查\n\n- 一\n- 二\n\n[链接](javascript:alert(1)) [好](https://example.org/)\n\n"
        "<script>alert(1)</script><img src=x onerror=alert(1)>"
    )
    html = BeautifulSoup(str(render.render_markdown(text)), "html.parser")
    assert html.select_one("strong").get_text() == "加强"
    assert [li.get_text() for li in html.select("li")] == ["一", "二"]
    assert not html.select("script, img, [onerror]")
    hrefs = [a.get("href") for a in html.select("a")]
    assert hrefs == [None, "https://example.org/"]


def test_md_text_keeps_a_heading_plain_text():
    escaped = render.md_text("A|B <x> *强* #1")
    assert "<" not in escaped and "\\|" in escaped and "\\*" in escaped


def test_page_markdown_puts_blocks_under_headings_and_skips_empty_headings():
    page = render.page_markdown("总览", [("核心指标", "<div>1</div>"), ("", "<div>2</div>")])
    assert page.splitlines()[:3] == ["---", 'title: "总览"', "---"]
    assert [line for line in page.splitlines() if line.startswith("# ")] == ["# 总览"]
    assert "## 核心指标" in page and page.count("##") == 1


def test_the_theme_gets_an_inert_title_and_the_page_the_real_one():
    title = "\"><img src=x onerror=alert(1)>&amp;</title>'`"
    page = render.page_markdown(title, [])
    front, heading = page.split("\n---\n", 1)
    assert front == '---\ntitle: "＂＞＜img src=x onerror=alert(1)＞＆amp;＜/title＞＇｀"'
    html = markdown.markdown(heading)
    assert BeautifulSoup(html, "html.parser").h1.get_text() == title


def test_links_to_files_are_percent_encoded():
    assert render.relative_url("rectification/", "media/a b#1%.jpg") == "../media/a%20b%231%25.jpg"
    assert render.relative_url("", "media/照片.jpg") == "media/%E7%85%A7%E7%89%87.jpg"
    assert render.relative_url("units/a/", "units/") == "../"
    assert render.absolute_url("http://x/", "media/a#b.jpg") == "http://x/media/a%23b.jpg"
