"""How often Python's cycle collector runs during a build and under serve."""

from __future__ import annotations

import gc
import threading

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


def collect_less(rebuild: bool = False) -> None:
    """For the rest of this process (a build, a serve session), collect cycles less often. A
    rebuild first collects what the last build left in cycles (MkDocs' pages, files and nav
    refer to each other): with collections this rare it stayed, 50–70 MB a rebuild at 500 units,
    and each rebuild was slower than the last. Unless that was done while serve was idle."""
    set_thresholds()
    timer = _IDLE["timer"]
    if timer is not None:
        timer.cancel()
        timer.join()  # a collection under way finishes first
    if rebuild and not _IDLE["collected"]:
        gc.collect()
    _IDLE.update(timer=None, collected=False)


IDLE_DELAY = 2.0
"""Seconds after a serve build before its cycles are collected: the build is over and the
browser has reloaded; a full collection is 0.6-1.4 s at 500 units."""
_IDLE: dict = {"timer": None, "collected": False}


def collect_when_idle() -> None:
    """Under serve, after a build: collect its cycles while serve waits for the next edit, not
    at the start of the rebuild that edit makes."""
    timer = threading.Timer(IDLE_DELAY, _collect_idle)
    timer.daemon = True
    _IDLE.update(timer=timer, collected=False)
    timer.start()


def _collect_idle() -> None:
    gc.collect()
    _IDLE["collected"] = True
