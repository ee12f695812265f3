"""A build tunes Python's cycle collector (collector.collect_less): its default cost 7 s of 40."""

from __future__ import annotations

import gc
import subprocess
import sys

from bixue.session import collector
from conftest import ROOT, forget_kept, hook_plugin, serve_build

LOAD_HOOKS = """
import gc, importlib.util, sys

class Watch:  # the collector's thresholds when the hook module starts importing bixue.build
    def find_spec(self, name, path=None, target=None):
        if name == "bixue.build":
            print(gc.get_threshold())

sys.meta_path.insert(0, Watch())
spec = importlib.util.spec_from_file_location("board_hooks", sys.argv[1])
spec.loader.exec_module(importlib.util.module_from_spec(spec))
"""


def test_the_hook_module_tunes_the_collector_before_it_imports_the_package():
    # The imports make objects that are all kept: at the default thresholds a full collection
    # among them took 25-30 ms of the demo's 1.1 s build.
    hooks = ROOT / "hooks"
    ran = subprocess.run(
        [sys.executable, "-c", LOAD_HOOKS, str(hooks / "board_hooks.py")],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(hooks), "PATH": "/usr/bin:/bin"},
    )
    assert ran.stdout == f"{collector.COLLECT_EVERY}\n"


def test_a_build_collects_cycles_less_often(tmp_path, data_copy):
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        serve_build(tmp_path / "site")
        assert gc.get_threshold() == collector.COLLECT_EVERY
    finally:
        gc.set_threshold(*before)


def first_page_of_a_serve_build(tmp_path, monkeypatch):
    """A weak reference to a page of a serve build made now: dead once the page is freed."""
    import weakref

    from bixue.adapter import serve as mkdocs_serve

    found = []
    convert = mkdocs_serve.reuse_unchanged_conversion
    monkeypatch.setattr(
        mkdocs_serve,
        "reuse_unchanged_conversion",
        lambda session, page: found.append(page) or convert(session, page),
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
    monkeypatch.setattr(collector, "IDLE_DELAY", 0.05)
    try:
        page = first_page_of_a_serve_build(tmp_path, monkeypatch)
        idle = hook_plugin().session.idle
        waited = time.monotonic()
        while not idle.collected and time.monotonic() - waited < 30:
            time.sleep(0.05)
        assert page() is None  # freed with no build running
        assert gc.get_freeze_count() > 0  # what is left set aside for the rebuild
        collections = []
        collect = gc.collect
        monkeypatch.setattr(gc, "collect", lambda *args: collections.append(args) or collect())
        idle.collect_less(rebuild=True)
        assert collections == []
        idle.collect_less(rebuild=True)  # nothing collected since: this one does
        assert collections == [()]
        assert not gc.isenabled()  # until the rebuild is over
    finally:
        hook_plugin().session.idle.build_over()
        gc.set_threshold(*before)


def test_a_serve_rebuild_runs_without_the_collector_and_turns_it_on_after(
    tmp_path, data_copy, monkeypatch
):
    """The collector cost 1.4-1.7 s of a 500-unit rebuild: a rebuild's cycles wait for the
    collection while serve is idle."""
    from bixue.adapter import serve as mkdocs_serve

    forget_kept()
    during = []
    convert = mkdocs_serve.reuse_unchanged_conversion
    monkeypatch.setattr(
        mkdocs_serve,
        "reuse_unchanged_conversion",
        lambda session, page: during.append(gc.isenabled()) or convert(session, page),
    )
    assert gc.isenabled()
    serve_build(tmp_path / "site")
    assert during and all(during)  # the first build of a session collects as any build
    during.clear()
    serve_build(tmp_path / "site")
    assert during and not any(during)
    assert gc.isenabled()
    assert gc.get_count()[0] < 1000  # what the rebuild made is set aside: no young objects


def test_a_failed_rebuild_turns_the_collector_on_again(tmp_path, data_copy, monkeypatch):
    from bixue.adapter import serve as mkdocs_serve

    forget_kept()
    serve_build(tmp_path / "site")

    def broken(session, page):
        raise RuntimeError("a page hook failed")

    monkeypatch.setattr(mkdocs_serve, "reuse_unchanged_conversion", broken)
    try:
        serve_build(tmp_path / "site")
    except Exception as error:  # MkDocs wraps or passes on the hook's error
        assert "a page hook failed" in repr(error) or "a page hook failed" in str(error.__cause__)
    else:
        raise AssertionError("the build should have failed")
    assert gc.isenabled()


def test_a_plain_build_sets_the_loaded_board_aside_and_serve_does_not():
    gc.unfreeze()
    try:
        collector.IdleCollector().loaded(serving=True)
        assert gc.get_freeze_count() == 0
        collector.IdleCollector().loaded(serving=False)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
