"""Blocks kept on disk from one `mkdocs build` to the next (session.kept_blocks): after each kind
of edit, a build that takes the last build's blocks writes, file by file and byte for byte, what
a build from an empty cache writes. The edits are the serve guard's, on a copy of the project:
the package's own templates among them, edited and replaced keeping their times and size."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bixue.adapter.verify import compare_sites
from test_serve_guard import CASES, EPOCH, PUBLIC_CASES, copy_project, edited, restore

pytestmark = pytest.mark.serve_guard

CHOSEN = (
    "unit-renamed",
    "ledger-workbook-row",
    "photo-replaced",
    "photo-replaced-keeping-time-and-size",
    "indicator-yaml",
    "score",
    "project-milestone",
    "activity-and-honour",
    "case-edited",
    "notice-pinned",
    "campaign-as-of",
    "template-edited",
    "template-replaced-keeping-time-and-size",
    "bad-edit-then-fix",
)
PUBLIC_CHOSEN = ("case-people-edited", "unit-contact-edited", "notice-made-internal")


class BuildGuard:
    """A copy of the project built again and again into one site with one cache, and clean
    builds (each with an empty cache) to compare it with."""

    def __init__(self, folder: Path, **env: str) -> None:
        self.folder = folder
        self.project = copy_project(folder / "project")
        self.pristine = copy_project(folder / "pristine")
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("BOARD_", "BIXUE_"))},
            "NO_MKDOCS_2_WARNING": "1",
            "SOURCE_DATE_EPOCH": EPOCH,
            "BOARD_DATA": str(self.project / "data"),
            "BIXUE_ARCHIVE": "0",
            **env,
        }
        self.builds = 0
        (code, output), _clean, _site = self.both()
        assert code == 0, output[-3000:]

    def build(self, site: Path, cache: Path) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "-d", str(site)],
            cwd=self.project,
            env={**self.env, "BIXUE_CACHE": str(cache)},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
        )

    def both(self) -> tuple:
        """The kept build and a clean one, side by side: each (exit code, output), and the
        clean build's site."""
        self.builds += 1
        clean_site = self.folder / f"clean-{self.builds}" / "site"
        clean = self.build(clean_site, self.folder / f"clean-{self.builds}" / "cache")
        kept = self.build(self.site, self.folder / "cache")
        ran = [
            (process.communicate(timeout=600)[0], process.returncode) for process in (kept, clean)
        ]
        return (ran[0][1], ran[0][0]), (ran[1][1], ran[1][0]), clean_site

    @property
    def site(self) -> Path:
        return self.folder / "site"


@pytest.fixture(scope="module")
def guard(tmp_path_factory):
    return BuildGuard(tmp_path_factory.mktemp("blocks-guard"))


@pytest.fixture(scope="module")
def public_guard(tmp_path_factory):
    return BuildGuard(tmp_path_factory.mktemp("blocks-guard-public"), BOARD_PROFILE="public")


@pytest.mark.parametrize("name", CHOSEN)
def test_a_build_with_kept_blocks_writes_what_a_clean_build_writes(guard, name):
    check_steps(guard, CASES[name])


@pytest.mark.parametrize("name", PUBLIC_CHOSEN)
def test_a_public_build_with_kept_blocks_writes_what_a_clean_build_writes(public_guard, name):
    check_steps(public_guard, PUBLIC_CASES[name])


def check_steps(guard: BuildGuard, steps: list) -> None:
    restore(guard.project, guard.pristine)
    for step in steps:
        step.edit(guard.project)
        assert edited(guard.project, guard.pristine), f"{step.edit.__name__} edited nothing"
        (kept, kept_output), (clean, clean_output), clean_site = guard.both()
        if step.error_in:
            assert kept and clean, "the bad edit built"
            assert step.error_in in kept_output and step.error_in in clean_output
            continue
        assert kept == 0, kept_output[-3000:]
        assert clean == 0, clean_output[-3000:]
        found = compare_sites(guard.site, clean_site)
        assert found.matched, f"{step.edit.__name__}: {found.summary()} {found.differing[:5]}"
        assert found.same > 200
        shutil.rmtree(clean_site.parent)
