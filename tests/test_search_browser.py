"""Site search in headless Chromium: a Chinese phrase typed without spaces finds its case."""

from __future__ import annotations

import json
import urllib.request

import pytest
import yaml
from conftest import ROOT, Server, built, free_port

pytestmark = pytest.mark.browser

PHRASES = [
    ("toilet-revolution", "一厕一管家"),
    ("energy-saving", "燃煤热水锅炉"),
    ("love-station", "老花镜和针线包"),
    ("love-station", "绿豆汤"),
    ("night-patrol", "逗留人员"),
]
"""(case, phrase from its story): each phrase is on no other page of the (internal) demo."""

INTERNAL_PHRASE = "逗留人员"
"""From night-patrol (internal: true); its character 逗 is on no page of a public build."""


def case_title(slug: str) -> str:
    text = (ROOT / "data" / "exemplars" / f"{slug}.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---")[1])["title"]


def pages_with(base_url: str, phrase: str) -> set[str]:
    """The pages of the served site's search index whose title or text holds the phrase."""
    with urllib.request.urlopen(f"{base_url}search/search_index.json") as response:
        docs = json.load(response)["docs"]
    return {doc["location"].split("#")[0] for doc in docs if phrase in doc["title"] + doc["text"]}


def search(page, base_url: str, phrase: str) -> list[dict]:
    """Type the phrase into material's search like a user; the results, best first."""
    page.goto(base_url)
    page.wait_for_load_state("networkidle")
    page.keyboard.press("s")
    search_input = page.locator("input.md-search__input")
    search_input.wait_for(state="visible")
    # An input method commits the phrase at once and ends with a keyup, which material listens
    # for; Playwright's insert_text sends no key events, so End stands in for that keyup.
    page.keyboard.insert_text(phrase)
    page.keyboard.press("End")
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta').textContent.includes('结果')"
    )
    return page.evaluate(
        """[...document.querySelectorAll('.md-search-result__list > li')].map(li => ({
            title: li.querySelector('h1').textContent,
            href: li.querySelector('a').getAttribute('href'),
        }))"""
    )


@pytest.mark.parametrize("slug,phrase", PHRASES, ids=[p for _, p in PHRASES])
def test_a_phrase_typed_without_spaces_finds_its_case_first(page, served_demo, slug, phrase):
    assert pages_with(served_demo.url, phrase) == {f"exemplars/{slug}/"}
    results = search(page, served_demo.url, phrase)
    assert results, f"{phrase}: no results"
    top = results[0]
    assert top["title"] == case_title(slug)
    assert f"/exemplars/{slug}/" in top["href"]
    assert not page.js_errors


def test_the_phrase_is_highlighted_in_the_results(page, served_demo):
    search(page, served_demo.url, "绿豆汤")
    marked = page.eval_on_selector_all(
        ".md-search-result__list > li:first-child mark", "els => els.map(e => e.textContent)"
    )
    assert {"绿", "豆", "汤"} <= set(marked)


def test_latin_words_still_search_as_before(page, served_demo):
    results = search(page, served_demo.url, "LED")
    assert results[0]["title"] == case_title("energy-saving")


def test_an_internal_cases_phrase_finds_nothing_in_a_public_build(page, tmp_path):
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    site = built(tmp_path / "site", BOARD_PROFILE="public", BOARD_SITE_URL=url)
    server = Server(site, port)
    try:
        assert not pages_with(url, INTERNAL_PHRASE)
        results = search(page, url, INTERNAL_PHRASE)
        assert results == []
        assert "没有找到" in page.locator(".md-search-result__meta").text_content()
    finally:
        server.stop()


def test_an_activitys_title_finds_the_activity_log(page, served_demo):
    results = search(page, served_demo.url, "光伏车棚")
    assert results and "/activities/" in results[0]["href"]
    assert any("/achievements/" in r["href"] for r in search(page, served_demo.url, "微笑服务之星"))
