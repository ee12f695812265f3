"""A build tunes Python's cycle collector (collector.collect_less): its default cost 7 s of 40."""

from __future__ import annotations

import gc
import subprocess
import sys

from bixue.session import collector
from conftest import ROOT, hook_plugin, serve_build

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
        collections = []
        collect = gc.collect
        monkeypatch.setattr(gc, "collect", lambda *args: collections.append(args) or collect())
        idle.collect_less(rebuild=True)
        assert collections == []
        idle.collect_less(rebuild=True)  # nothing collected since: this one does
        assert collections == [()]
    finally:
        gc.set_threshold(*before)
