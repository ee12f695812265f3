"""`mkdocs serve` cuts into words only the pages an edit changed; its search index is the one a
fresh build of the edited data writes."""

from __future__ import annotations

import json

from conftest import built, forget_kept, serve_build
from material.plugins.search.plugin import SearchIndex

NOTICE = "notices/site-visit-meeting.md"
CUT = SearchIndex.create_entry_for_section


def counted_build(site, calls, monkeypatch):
    """One build as `mkdocs serve` makes it, counting the sections the search plugin cut up."""

    def counted(index, section, toc, url, page):
        calls.append(url)
        return CUT(index, section, toc, url, page)

    monkeypatch.setattr(SearchIndex, "create_entry_for_section", counted)
    serve_build(site)


def index_of(site):
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_a_serve_rebuild_reindexes_only_changed_pages_and_writes_the_fresh_index(
    tmp_path, monkeypatch, data_copy
):
    data = data_copy
    forget_kept()
    first, again = [], []
    counted_build(tmp_path / "serve", first, monkeypatch)

    notice = data / NOTICE
    text = notice.read_text(encoding="utf-8")
    notice.write_text(text.replace("title:", "title: 改期：", 1), encoding="utf-8")
    counted_build(tmp_path / "serve", again, monkeypatch)

    assert first and 0 < len(again) < len(first) / 3
    assert any("site-visit-meeting" in url for url in again)
    fresh = built(tmp_path / "fresh", data, BOARD_SITE_URL="http://127.0.0.1:8000/")
    assert index_of(tmp_path / "serve") == index_of(fresh)
    assert any("改期" in doc["title"] for doc in index_of(fresh)["docs"])
