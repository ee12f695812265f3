"""The guard of everything `mkdocs serve` keeps between rebuilds: after each kind of edit, the
rebuilt site is, file by file and byte for byte, the site a clean `mkdocs build` of the edited
project writes. Serve runs in a process of its own (tests/serve_session.py) on a copy of the
project, driven only through MkDocs' public API; each case starts from the copy as it was, with
the same session (its first build is shared), so undoing a case's edits is checked as well."""

from __future__ import annotations

import functools
import json
import os
import select
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

import pytest
import serve_edits as edits
from bixue.adapter.verify import Comparison, compare_sites
from conftest import ROOT

pytestmark = pytest.mark.serve_guard

PARTS = ("mkdocs.yml", "hooks", "overrides", "docs", "data")
EPOCH = "1400000000"
KEPT = "继续显示上一次正确的公示栏"
BUILD_SECONDS = 600
SERVE_URL = "http://127.0.0.1:8000/"
"""What the session's builds use as the site's address (serve's default dev_addr)."""


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True)
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copyfile(source, target / part)
    return target


def project_files(project: Path) -> dict:
    return {
        path.relative_to(project).as_posix(): path
        for path in project.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def edited(project: Path, pristine: Path) -> list:
    """The project's files that are not the pristine copy's: added, removed or other bytes."""
    ours, theirs = project_files(project), project_files(pristine)
    return sorted(
        name
        for name in ours.keys() | theirs.keys()
        if name not in ours
        or name not in theirs
        or ours[name].read_bytes() != theirs[name].read_bytes()
    )


def restore(project: Path, pristine: Path) -> list:
    """The project made the pristine copy again, files saved as an editor saves them (new
    times); the paths that were edited."""
    changed = edited(project, pristine)
    for name in changed:
        (project / name).unlink(missing_ok=True)
        if (pristine / name).is_file():
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(pristine / name, project / name)
    for folder in sorted(project.rglob("*"), reverse=True):  # folders an edit added
        added = not (pristine / folder.relative_to(project)).exists()
        if folder.is_dir() and added and folder.name != "__pycache__":
            shutil.rmtree(folder)
    return changed


class Guard:
    """One serve session on a copy of the project, and clean builds to compare it with."""

    def __init__(self, folder: Path, **env: str) -> None:
        self.folder = folder
        self.project = copy_project(folder / "project")
        self.pristine = copy_project(folder / "pristine")
        self.site = folder / "serve-site"
        self.log = (folder / "serve.log").open("w", encoding="utf-8")
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("BOARD_", "BIXUE_"))},
            "NO_MKDOCS_2_WARNING": "1",
            "SOURCE_DATE_EPOCH": EPOCH,
            "BOARD_DATA": str(self.project / "data"),
            **env,
        }
        self.session = subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "tests" / "serve_session.py"),
                "mkdocs.yml",
                str(self.site),
            ],
            cwd=self.project,
            env={**self.env, "BIXUE_CACHE": str(folder / "cache-serve")},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log,
            text=True,
            encoding="utf-8",
        )
        self.builds = 0
        self.reference: Optional[Path] = None
        self.baseline: Optional[Path] = None
        self.first = self.rebuild()
        self.baseline = self.reference

    def rebuild(self, clean: bool = True) -> Rebuild:
        """A serve rebuild and, meanwhile, a clean build of the project as it is now; without
        `clean`, the project is the pristine copy again, which the first clean build shows."""
        self.builds += 1
        clean_site = self.folder / f"clean-{self.builds}" / "site"
        building = self.clean_build(clean_site) if clean else None
        answer = self.serve_build()
        output = building.communicate(timeout=BUILD_SECONDS)[0] if building else ""
        failed = building is not None and building.returncode != 0
        if not failed:
            self.keep_reference(clean_site if building else self.baseline)
        assert self.reference is not None, output[-3000:]
        return Rebuild(
            served=answer["built"],
            errors=answer["errors"],
            clean_failed=failed,
            clean_output=output,
            comparison=compare_sites(self.site, self.reference),
            shown=not compare_sites(self.site, self.baseline or self.reference).matched,
            differences=functools.partial(first_differences, self.site, self.reference),
        )

    def clean_build(self, site: Path) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "-d", str(site)],
            cwd=self.project,
            env={
                **self.env,
                "BIXUE_CACHE": str(self.folder / "cache-clean"),
                "BOARD_SITE_URL": SERVE_URL,
                "BIXUE_ARCHIVE": "0",  # serve keeps no 往期公示
            },
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
        )

    def serve_build(self) -> dict:
        self.session.stdin.write("build\n")
        self.session.stdin.flush()
        ready, _, _ = select.select([self.session.stdout], [], [], BUILD_SECONDS)
        assert ready, f"no rebuild in {BUILD_SECONDS} s:\n{self.log_tail()}"
        line = self.session.stdout.readline()
        assert line, f"the serve session stopped:\n{self.log_tail()}"
        return json.loads(line)

    def keep_reference(self, site: Path) -> None:
        """The clean build the serve site must match now; an earlier one is dropped."""
        if self.reference not in (None, site, self.baseline):
            shutil.rmtree(self.reference.parent)
        self.reference = site

    def log_tail(self) -> str:
        self.log.flush()
        return (self.folder / "serve.log").read_text(encoding="utf-8")[-3000:]

    def close(self) -> None:
        self.session.stdin.close()
        self.session.wait(timeout=120)
        self.log.close()


@dataclass
class Rebuild:
    """A serve rebuild: whether it built, what it logged, and its site against a clean build's."""

    served: bool
    errors: list
    clean_failed: bool
    clean_output: str
    comparison: Comparison
    shown: bool
    """The site is not the first build's: the edits since the project's copy show."""
    differences: Callable[[], str]

    def explain(self) -> str:
        """Every file that differs, and the first differing lines of some."""
        found = self.comparison
        return (
            f"{found.summary()}\ndiffering: {list(found.differing)}\n"
            f"missing: {list(found.missing)}\nextra: {list(found.extra)}\n{self.differences()}"
        )


def first_differences(rebuilt: Path, clean: Path, files: int = 3) -> str:
    """Where each of the first differing files first differs, with some text around it."""
    notes = []
    for name in compare_sites(rebuilt, clean).differing[:files]:
        ours = (rebuilt / name).read_bytes().decode("utf-8", "replace")
        theirs = (clean / name).read_bytes().decode("utf-8", "replace")
        at = len(os.path.commonprefix([ours, theirs]))
        start = max(at - 60, 0)
        notes.append(
            f"{name} at character {at}:\n  serve: {ours[start : at + 60]!r}\n"
            f"  clean: {theirs[start : at + 60]!r}"
        )
    return "\n".join(notes)


@pytest.fixture(scope="module")
def guard(tmp_path_factory):
    """The session of the internal profile, shared by the cases: its first build is made once."""
    made = Guard(tmp_path_factory.mktemp("serve-guard"))
    yield made
    made.close()


@pytest.fixture(scope="module")
def public_guard(tmp_path_factory):
    made = Guard(tmp_path_factory.mktemp("serve-guard-public"), BOARD_PROFILE="public")
    yield made
    made.close()


@pytest.mark.parametrize("profile", ["guard", "public_guard"])
def test_the_first_serve_build_is_a_clean_build(profile, request):
    first = request.getfixturevalue(profile).first
    assert first.served and not first.clean_failed, first.errors
    assert first.comparison.matched, first.explain()
    assert first.comparison.same > 200


@dataclass(frozen=True)
class Step:
    edit: Callable[[Path], None]
    error_in: str = ""
    """The file an edit that breaks the data breaks: a clean build fails naming it, serve logs
    the error and builds the last good board again."""


CASES = {
    "unit-renamed": [Step(edits.rename_unit)],
    "unit-named-by-name-renamed": [
        Step(edits.name_units_by_their_names),
        Step(edits.rename_named_unit, error_in="data/rectifications/2014-inspections.yml:"),
    ],
    "ledger-workbook-row": [Step(edits.edit_ledger_row)],
    "workbook-added-and-removed": [Step(edits.add_and_remove_workbook)],
    "photo-replaced": [Step(edits.replace_photo)],
    "photo-replaced-keeping-time-and-size": [Step(edits.replace_photo_keeping_time_and_size)],
    "indicator-yaml": [Step(edits.change_indicator_in_yaml)],
    "indicator-workbook": [Step(edits.change_indicator_in_workbook)],
    "score": [Step(edits.change_score)],
    "project-milestone": [Step(edits.finish_milestone)],
    "task-target-counted": [Step(edits.count_task_target)],
    "activity-and-honour": [Step(edits.log_activity_and_honour)],
    "case-edited": [Step(edits.edit_case)],
    "case-added": [Step(edits.add_case)],
    "case-deleted": [Step(edits.delete_case)],
    "notice-pinned": [Step(edits.pin_notice)],
    "campaign-as-of": [Step(edits.change_as_of)],
    "unit-added": [Step(edits.add_unit)],
    "ledger-yaml-item": [Step(edits.finish_ledger_item)],
    "ledger-return": [Step(edits.return_unit_workbook)],
    "notice-deleted": [Step(edits.delete_notice)],
    "stylesheet-edited": [Step(edits.edit_stylesheet)],
    "stylesheet-replaced-keeping-time-and-size": [
        Step(edits.replace_stylesheet_keeping_time_and_size)
    ],
    "page-written-over-a-generated-one": [Step(edits.write_page_over_a_generated_one)],
    "mkdocs-yml-nav": [Step(edits.rename_nav_entry)],
    "override-edited": [Step(edits.edit_override)],
    "template-edited": [Step(edits.edit_template)],
    "template-replaced-keeping-time-and-size": [
        Step(edits.replace_templates_keeping_time_and_size)
    ],
    "override-replaced-keeping-time-and-size": [Step(edits.replace_override_keeping_time_and_size)],
    "bad-edit-then-fix": [
        Step(edits.break_units_and_edit_others, error_in="data/units.yml:"),
        Step(edits.fix_units),
    ],
}


PUBLIC_CASES = {
    "photo-replaced": [Step(edits.replace_photo)],
    "case-people-edited": [Step(edits.change_case_people)],
    "notice-made-internal": [Step(edits.make_notice_internal)],
    "case-made-public": [Step(edits.make_case_public)],
    "unit-contact-edited": [Step(edits.change_contact)],
}
"""In the public profile, photos are published under their digest, persons are masked and
internal notices and cases are left out."""


@pytest.mark.parametrize("steps", CASES.values(), ids=CASES.keys())
def test_a_serve_rebuild_writes_what_a_clean_build_writes(guard, steps):
    check_steps(guard, steps)


@pytest.mark.parametrize("steps", PUBLIC_CASES.values(), ids=PUBLIC_CASES.keys())
def test_a_public_serve_rebuild_writes_what_a_clean_build_writes(public_guard, steps):
    check_steps(public_guard, steps)


def check_steps(guard: Guard, steps: list) -> None:
    """From the project as copied (undoing the last case, which must give the first build
    again), each step's rebuild against a clean build of the project as it is then."""
    undone = restore(guard.project, guard.pristine)
    if undone:
        back = guard.rebuild(clean=False)
        assert back.comparison.matched, f"after undoing {undone}:\n{back.explain()}"
    for step in steps:
        step.edit(guard.project)
        assert edited(guard.project, guard.pristine), f"{step.edit.__name__} edited nothing"
        rebuilt = guard.rebuild()
        assert rebuilt.served, rebuilt.errors
        if step.error_in:
            assert rebuilt.clean_failed, "the bad edit built cleanly"
            assert step.error_in in rebuilt.clean_output
            assert any(step.error_in in error and KEPT in error for error in rebuilt.errors)
        else:
            assert not rebuilt.clean_failed, rebuilt.clean_output[-3000:]
            assert rebuilt.errors == []
        assert rebuilt.comparison.matched, f"{step.edit.__name__}:\n{rebuilt.explain()}"
        assert rebuilt.shown or step.error_in, f"{step.edit.__name__} changed no file of the site"
