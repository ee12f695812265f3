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
