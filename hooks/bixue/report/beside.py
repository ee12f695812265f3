"""Work done in a second process while this one goes on: the nine 通报 of a 500-unit campaign
are seconds of every build, and a build otherwise uses one core of the machine."""

from __future__ import annotations

import multiprocessing
import os
import sys
from typing import Callable, Generic, Optional, TypeVar

T = TypeVar("T")

WAIT = 900.0
"""Seconds to wait for the second process at most; then the work is done here instead."""


class Beside(Generic[T]):
    """`make()` started in a forked copy of this process; `result()` takes what it made. Where
    no process can be forked (one core, no fork) or it fails, `result()` makes it here, so an
    error is raised where it would have been."""

    def __init__(self, make: Callable[[], T]) -> None:
        self._make = make
        self._process: Optional[multiprocessing.Process] = None
        if not can_fork():
            return
        context = multiprocessing.get_context("fork")
        self._receiver, sender = context.Pipe(duplex=False)
        process = context.Process(target=_run, args=(make, sender), daemon=True)
        try:
            process.start()
            self._process = process
        except OSError:
            self._receiver.close()
        sender.close()

    def result(self) -> T:
        made = self._taken()
        return self._make() if made is None else made[0]

    def abandon(self) -> None:
        """Not waited for: the second process is stopped, if it still runs."""
        process, self._process = self._process, None
        if process is None:
            return
        self._receiver.close()
        if process.is_alive():
            process.kill()
        process.join()

    def _taken(self) -> Optional[tuple]:
        """(what the second process made,), or None."""
        process, self._process = self._process, None
        if process is None:
            return None
        try:
            if self._receiver.poll(WAIT):
                return self._receiver.recv()
            return None
        except (EOFError, OSError):  # it ended without an answer
            return None
        finally:
            self._receiver.close()
            if process.is_alive():
                process.kill()
            process.join()


def _run(make: Callable[[], T], sender) -> None:
    """In the second process: (made,) sent back, or None (made again in the build)."""
    try:
        answer: Optional[tuple] = (make(),)
    except BaseException:  # noqa: BLE001 (the build makes it again and raises it itself)
        answer = None
    sender.send(answer)
    sender.close()


def can_fork() -> bool:
    """Linux with two cores or more: where a forked copy is cheap and safe (macOS' system
    libraries are not safe to fork)."""
    return sys.platform.startswith("linux") and (os.cpu_count() or 1) > 1
