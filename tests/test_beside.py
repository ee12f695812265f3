"""report.beside: the 通报 made in a second process while the pages are made."""

from __future__ import annotations

import os

import pytest
from bixue.report.beside import Beside, can_fork

pytestmark = pytest.mark.skipif(not can_fork(), reason="one core or no fork: made in the build")


def test_the_work_is_done_in_another_process():
    assert Beside(os.getpid).result() != os.getpid()


def test_work_that_fails_beside_is_done_again_here_and_fails_here():
    tried = []

    def make():
        tried.append(os.getpid())  # the second process's list is its own
        raise ValueError("坏数据")

    with pytest.raises(ValueError, match="坏数据"):
        Beside(make).result()
    assert tried == [os.getpid()]


def test_what_is_made_beside_comes_back_whole():
    made = Beside(lambda: {"通报": bytes(range(256)) * 4000}).result()
    assert made == {"通报": bytes(range(256)) * 4000}


def test_work_abandoned_is_stopped():
    import time

    beside = Beside(lambda: time.sleep(60))
    process = beside._process
    start = time.monotonic()
    beside.abandon()
    assert not process.is_alive() and time.monotonic() - start < 30
    beside.abandon()  # twice: nothing left to stop
