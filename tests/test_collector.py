"""A build tunes Python's cycle collector (build.collect_less): its default cost 7 s of 40."""

from __future__ import annotations

import gc

from bixue import build
from conftest import serve_build


def test_a_build_collects_cycles_less_often(tmp_path, data_copy):
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        serve_build(tmp_path / "site")
        assert gc.get_threshold() == build.COLLECT_EVERY
    finally:
        gc.set_threshold(*before)


def first_page_of_a_serve_build(tmp_path, monkeypatch):
    """A weak reference to a page of a serve build made now: dead once the page is freed."""
    import weakref

    from bixue import mkdocs_serve

    found = []
    convert = mkdocs_serve.reuse_unchanged_conversion
    monkeypatch.setattr(
        mkdocs_serve, "reuse_unchanged_conversion", lambda page: found.append(page) or convert(page)
    )
    serve_build(tmp_path / "site")
    page = weakref.ref(found.pop())
    found.clear()
    return page


def test_a_serve_rebuild_frees_what_the_last_build_left_in_cycles(tmp_path, data_copy, monkeypatch):
    """MkDocs' pages and files refer to each other: only the cycle collector frees them, and
    with its thresholds raised it seldom ran, so each rebuild kept the last one's (50–70 MB at
    500 units) and was slower than the last."""
    before = gc.get_threshold()
    try:
        page = first_page_of_a_serve_build(tmp_path, monkeypatch)
        serve_build(tmp_path / "site")
        assert page() is None
    finally:
        gc.set_threshold(*before)


def test_serve_collects_a_builds_cycles_while_idle_and_the_rebuild_then_does_not(
    tmp_path, data_copy, monkeypatch
):
    import time
    before = gc.get_threshold()
    monkeypatch.setattr(build, "IDLE_DELAY", 0.05)
    try:
        page = first_page_of_a_serve_build(tmp_path, monkeypatch)
        waited = time.monotonic()
        while not build._IDLE["collected"] and time.monotonic() - waited < 30:
            time.sleep(0.05)
        assert page() is None  # freed with no build running
        collections = []
        collect = gc.collect
        monkeypatch.setattr(gc, "collect", lambda *args: collections.append(args) or collect())
        build.collect_less(rebuild=True)
        assert collections == []
        build.collect_less(rebuild=True)  # nothing collected since: this one does
        assert collections == [()]
    finally:
        gc.set_threshold(*before)
