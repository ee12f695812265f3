"""A build killed at any step of publishing (fault injection, not timing): the site is always
one whole release, the old or the new, and the next build publishes as usual."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bixue.publish import releases, swap
from conftest import ROOT, build_site
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


def board(folder: Path) -> dict:
    """The site without its 往期公示, which grows by one entry at each publish, and without the
    build stamp, a digest of every file, 往期公示 included."""
    return {
        name: body
        for name, body in tree(folder).items()
        if not name.startswith("archive") and name != "build-stamp.json"
    }


def archived(site: Path) -> list:
    return sorted(p.name for p in (site / "archive").iterdir() if p.is_dir())


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


KILLED_BUILD = """
import os, shutil, sys
sys.path.insert(0, "hooks")
from bixue.publish import releases
step, site = int(sys.argv[1]), sys.argv[2]
calls = []
steps = ((os, "mkdir"), (os, "replace"), (shutil, "rmtree"), (releases, "exchange"),
         (releases, "prepared"))

def killing(owner, name):
    original = getattr(owner, name)
    def step_or_exit(*args, **kwargs):
        calls.append(name)
        if len(calls) == step + 1:
            os._exit(9)
        return original(*args, **kwargs)
    return step_or_exit

from bixue.publish import swap
publish = swap.swap_in

def killed_while_publishing(staging, site_dir):
    for owner, name in steps:
        setattr(owner, name, killing(owner, name))
    publish(staging, site_dir)

swap.swap_in = killed_while_publishing
from mkdocs.__main__ import cli
cli(["build", "--strict", "-d", site])
"""
"""A real `mkdocs build` whose process exits at the `step`-th disk-changing call of its publish."""


def test_a_real_build_killed_at_each_publish_step_and_the_next_build(tmp_path):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1400000000"}
    site = tmp_path / "site"
    internal = board(built_ok(site))
    public = board(built_ok(site, BOARD_PROFILE="public"))
    assert internal != public
    for step in range(12):
        before, entries = board(site), archived(site)
        command = [sys.executable, "-c", KILLED_BUILD, str(step), str(site)]
        env["BOARD_PROFILE"] = "public" if before == internal else "internal"
        after = public if before == internal else internal
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        assert board(site) in (internal, public), f"step {step}: {result.stderr[-2000:]}"
        if result.returncode == 0:
            break
        assert result.returncode == 9, result.stderr[-2000:]
        # the old release whole, or the new one whole: a board of the other profile, whose
        # archive holds only its own publication (the other profile's entries are not carried)
        now = archived(site)
        assert (board(site), now) == (before, entries) or (board(site), len(now)) == (after, 1)
        kept = now if board(site) == internal else []
        built_ok(site)
        assert board(site) == internal
        # the kept entries and this publication's (named 2014-10-20, or -2, -3 … when a name
        # is still taken by an entry a release kept for a rollback links to)
        now = archived(site)
        assert set(kept) < set(now) and len(now) == len(kept) + 1
        assert all(name.startswith("2014-10-20") for name in now)
    assert step >= 5  # every step was killed once, then a build went through


def built_ok(site: Path, **env) -> Path:
    result = build_site(site, BIXUE_ARCHIVE="1", **env)
    assert result.returncode == 0, result.stderr[-3000:]
    return site
