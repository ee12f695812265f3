"""A build killed at any step of publishing (fault injection, not timing): the site is always
one whole release, the old or the new, and the next build publishes as usual."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from bixue.publish import releases, swap
from test_publish import FILES, publish, release_body, stage


class Killed(BaseException):
    """The process ends here: nothing after this step runs, no `finally` that could tidy up."""


STEPS = (
    (os, "mkdir"),
    (os, "replace"),
    (shutil, "rmtree"),
    (releases, "exchange"),
    (releases, "prepared"),
)
"""Every call of publish/swap and publish/releases that changes the disk."""


def killed_at(step: int, monkeypatch) -> list:
    """Patch every step so that the `step`-th call (from 0) ends the publish; the calls made
    are listed in the returned list."""
    calls: list = []
    for owner, name in STEPS:
        original = getattr(owner, name)

        def step_or_kill(*args, original=original, name=name, **kwargs):
            calls.append(name)
            if len(calls) == step + 1:
                raise Killed(name)
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, step_or_kill)
    return calls


def tree(folder: Path) -> dict:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def release(number: int) -> dict:
    return {name: release_body(name, number) for name in FILES}


@pytest.mark.parametrize("atomic", [True, False], ids=["exchange", "two-renames"])
def test_a_publish_killed_at_any_step_leaves_one_whole_release(tmp_path, monkeypatch, atomic):
    if not atomic:
        monkeypatch.setattr(releases, "exchange", lambda first, second: False)
    killed_at_steps = []
    for step in range(50):
        site = tmp_path / str(step) / "site"
        for number in range(1, releases.KEEP + 1):  # the next publish prunes the oldest
            publish(site, number)
        staging = stage(site, 9)
        with monkeypatch.context() as patch:
            calls = killed_at(step, patch)
            try:
                swap.swap_in(str(staging), str(site))
            except Killed:
                killed_at_steps.append(calls[-1])
            else:
                break
        away = list(site.parent.glob(".site.away-*"))
        if site.exists():
            assert tree(site) in (release(releases.KEEP), release(9)), f"killed at {calls}"
        else:  # only without exchange, between its two renames: the next build puts it back
            assert not atomic and calls[-1] == "replace" and tree(away[0]) == release(releases.KEEP)
        shutil.rmtree(staging, ignore_errors=True)  # as MkDocs empties it for the next build
        publish(site, 10)
        assert tree(site) == release(10)
        assert not list(site.parent.glob(".site.away-*"))
        rolled_back = releases.rollback(site)
        assert tree(site) in (release(releases.KEEP), release(9)), rolled_back
    assert len(killed_at_steps) >= 6 and set(killed_at_steps) >= {"replace", "rmtree", "prepared"}
