"""How often Python's cycle collector runs during a build and under serve."""

from __future__ import annotations

import gc
import threading
from typing import Optional

COLLECT_EVERY = (50_000, 20, 20)
"""Python's cycle collector's thresholds for a build (the default is 700, 10, 10). A board is
millions of objects, nearly all freed by reference counting; at the default a 500-unit build
made 6,000 collections, 7 s of 40, and a serve rebuild 1,500 of them, 2.5 s of 16. With these,
the 500-unit build makes about 20, and peak memory grows by about 5 %."""


def set_thresholds() -> None:
    """COLLECT_EVERY from now on. The hook module calls this before it imports the package: the
    imports make the objects of 400 modules, all kept, and at the default thresholds a full
    collection among them took 25-30 ms of the demo's 1.1 s build."""
    gc.set_threshold(*COLLECT_EVERY)


class IdleCollector:
    """Under serve: the last build's cycles collected while serve waits for an edit, not at the
    start of the rebuild that edit makes. A build session has one."""

    def __init__(self) -> None:
        self.timer: Optional[threading.Timer] = None
        self.collected = False

    def collect_less(self, rebuild: bool = False) -> None:
        """For the rest of this process (a build, a serve session), collect cycles less often.
        A rebuild first collects what the last build left in cycles (MkDocs' pages, files and
        nav refer to each other): with collections this rare it stayed, 50–70 MB a rebuild at
        500 units, and each rebuild was slower than the last. Unless that was done while serve
        was idle. During a rebuild the collector does not run at all (1.4-1.7 s of a 500-unit
        rebuild): what it leaves in cycles, one build's, is collected once it is over, while
        serve waits for the next edit (collect_when_idle), or at the next rebuild's start."""
        set_thresholds()
        if self.timer is not None:
            self.timer.cancel()
            self.timer.join()  # a collection under way finishes first
        if rebuild and not self.collected:
            collect_and_freeze()
        if rebuild:  # its cycles wait for the collection while serve is idle
            gc.disable()
        self.timer, self.collected = None, False

    def loaded(self, serving: bool) -> None:
        """The board is loaded. In a build that is not serve's (one a process), what exists now
        lives to the end: set aside from later collections (gc.freeze), which look only at what
        the pages make. A warm 500-unit build's 427 collections then took 0.3 s in all."""
        if not serving:
            gc.freeze()

    def build_over(self) -> None:
        """The build ended, made or failed: the collector runs again."""
        gc.enable()

    def collect_when_idle(self) -> None:
        """Under serve, after a build: collect its cycles IDLE_DELAY seconds later. What the
        build made is set aside first (gc.freeze): turned on again, the collector's first
        collection would otherwise look through all of it at once, 0.15 s at 500 units before
        serve could answer; the collection while idle takes it back (collect_and_freeze)."""
        gc.freeze()
        self.build_over()
        self.timer = threading.Timer(IDLE_DELAY, self._collect)
        self.timer.daemon = True
        self.collected = False
        self.timer.start()

    def _collect(self) -> None:
        collect_and_freeze()
        self.collected = True


def collect_and_freeze() -> None:
    """Every cycle collected, then what is left (the session's caches, the last board: most of
    a 500-unit serve process) set aside from later collections until the next one: a rebuild's
    own collections then look only at what it made (gc.freeze), and so does a second process
    forked for the 通报 (report.beside), which copies less of this one's memory."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


IDLE_DELAY = 2.0
"""Seconds after a serve build before its cycles are collected: the build is over and the
browser has reloaded; a full collection is 0.6-1.4 s at 500 units."""
