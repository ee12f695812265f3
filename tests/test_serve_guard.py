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


# The edits. Each takes the project folder and edits it as a clerk or a developer would.


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{path.name}: {old!r} not found"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def rename_unit(project: Path) -> None:
    # The old name stays the short one: the workbooks name the unit by it.
    replace_in(
        project / "data/units.yml",
        "name: 濮阳服务区\n  short: 濮阳\n",
        "name: 濮阳中原服务区\n  short: 濮阳服务区\n",
    )


def edit_ledger_row(project: Path) -> None:
    from workbooks import read_rows, write

    path = project / "data/rectifications/2014-peer-review.xlsx"
    sheets = read_rows(path)
    rows = sheets["整改台账"]
    column = rows[0].index("整改措施")
    rows[2][column] = "已复查：" + rows[2][column]
    write(path, sheets)


def add_and_remove_workbook(project: Path) -> None:
    from workbooks import read_rows, write

    folder = project / "data/rectifications"
    sheets = read_rows(folder / "2014-peer-review.xlsx")
    header, *rows = sheets["整改台账"]
    ids = header.index("编号")
    moved = [
        [f"ZG-2014-9{n:02d}" if i == ids else cell for i, cell in enumerate(row)]
        for n, row in enumerate(rows[:3])
    ]
    write(folder / "2014-autumn.xlsx", {"整改台账": [header, *moved]})
    (folder / "2014-peer-review.xlsx").unlink()


def replace_photo(project: Path) -> None:
    from PIL import Image

    Image.new("RGB", (640, 480), (40, 120, 200)).save(
        project / "data/rectifications/photos/ZG-2014-018-after.jpg", quality=80
    )


def keeping_time(path: Path, content: bytes) -> None:
    """Write `content`, of the same size, and put the file's old modification time back, as
    `cp -p`, `tar -x` or `exiftool -P` do."""
    before = path.stat()
    assert len(content) == before.st_size
    path.write_bytes(content)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def replace_photo_keeping_time_and_size(project: Path) -> None:
    photo = project / "data/rectifications/photos/ZG-2014-018-after.jpg"
    pixels = bytearray(photo.read_bytes())
    pixels[len(pixels) // 2] ^= 0x55  # inside the compressed pixels: the image still opens
    keeping_time(photo, bytes(pixels))


def replace_stylesheet_keeping_time_and_size(project: Path) -> None:
    sheet = project / "docs/assets/ledger.css"
    keeping_time(sheet, sheet.read_bytes().replace(b"0", b"1", 1))


def replace_templates_keeping_time_and_size(project: Path) -> None:
    template = project / "hooks/bixue/templates/unit_facts.html"
    keeping_time(template, template.read_bytes().replace("联系人".encode(), "联络人".encode()))


def replace_override_keeping_time_and_size(project: Path) -> None:
    override = project / "overrides/main.html"
    keeping_time(override, override.read_bytes().replace("当前阶段".encode(), "活动阶段".encode()))


def change_indicator_in_yaml(project: Path) -> None:
    replace_in(project / "data/indicators.yml", "2014-Q3: 168}", "2014-Q3: 175}")


def change_indicator_in_workbook(project: Path) -> None:
    from workbooks import read_rows, write

    path = project / "data/indicators.xlsx"
    sheets = read_rows(path)
    sheets["营业收入"][1][1] = 90.5
    write(path, sheets)


def change_score(project: Path) -> None:
    replace_in(
        project / "data/evaluations.yml",
        "puyang-south: {service: 27.5, facilities: 23,",
        "puyang-south: {service: 29, facilities: 23,",
    )


def finish_milestone(project: Path) -> None:
    replace_in(
        project / "data/projects.yml",
        "{name: 验收投用, planned: 2014-10-31}",
        "{name: 验收投用, planned: 2014-10-31, done: 2014-10-18}",
    )


def edit_case(project: Path) -> None:
    replace_in(
        project / "data/exemplars/love-station.md",
        "全天24小时开放",
        "全天24小时开放，节假日加派人手",
    )


def add_case(project: Path) -> None:
    text = (project / "data/exemplars/love-station.md").read_text(encoding="utf-8")
    text = text.replace("清丰服务区司乘人员“爱心驿站”", "鹤壁服务区冬季除雪保畅“三快”工作法", 1)
    text = text.replace("unit: qingfeng", "unit: hebi", 1).replace(
        "date: 2014-04-25", "date: 2014-09-26", 1
    )
    (project / "data/exemplars/snow-clearing.md").write_text(text, encoding="utf-8")


def delete_case(project: Path) -> None:
    (project / "data/exemplars/smile-service.md").unlink()


def pin_notice(project: Path) -> None:
    replace_in(
        project / "data/notices/q2-evaluation-results.md", "\n---\n", "\npinned: true\n---\n"
    )


def change_as_of(project: Path) -> None:
    replace_in(project / "data/campaign.yml", "as_of: 2014-10-20", "as_of: 2014-10-27")


def edit_override(project: Path) -> None:
    replace_in(project / "overrides/main.html", "<span>当前阶段：", "<span>活动阶段：")


def edit_template(project: Path) -> None:
    replace_in(
        project / "hooks/bixue/templates/unit_facts.html", "<dt>联系人</dt>", "<dt>联络人</dt>"
    )


def add_unit(project: Path) -> None:
    units = project / "data/units.yml"
    added = (
        "- id: huaxian\n  name: 滑县服务区\n  short: 滑县\n  group: 濮阳片区\n  contact: 周文斌\n"
    )
    units.write_text(units.read_text(encoding="utf-8") + added, encoding="utf-8")


def finish_ledger_item(project: Path) -> None:
    replace_in(
        project / "data/rectifications/2014-inspections.yml",
        "  deadline: 2014-10-15\n  status: doing\n",
        "  deadline: 2014-10-15\n  status: done\n  completed: 2014-10-16\n",
    )


def delete_notice(project: Path) -> None:
    (project / "data/notices/mobilization-plan.md").unlink()


def edit_stylesheet(project: Path) -> None:
    sheet = project / "docs/assets/ledger.css"
    sheet.write_text(
        sheet.read_text(encoding="utf-8") + "\n/* 打印时保留边框 */\n", encoding="utf-8"
    )


def write_page_over_a_generated_one(project: Path) -> None:
    page = "# 结对比学\n\n各结对单位每季度互访一次。\n\n<!-- bixue:pairs -->\n"
    (project / "docs/pairs.md").write_text(page, encoding="utf-8")


def rename_nav_entry(project: Path) -> None:
    replace_in(project / "mkdocs.yml", "  - 结对比学: pairs.md", "  - 结对共进: pairs.md")


def change_case_people(project: Path) -> None:
    replace_in(
        project / "data/exemplars/love-station.md",
        "people: [孙国栋, 秦玉梅]",
        "people: [孙国栋, 欧阳娜娜]",
    )


def make_notice_internal(project: Path) -> None:
    replace_in(
        project / "data/notices/q2-evaluation-results.md", "\n---\n", "\ninternal: true\n---\n"
    )


def make_case_public(project: Path) -> None:
    replace_in(project / "data/exemplars/night-patrol.md", "internal: true\n", "")


def change_contact(project: Path) -> None:
    replace_in(project / "data/units.yml", "contact: 王建新", "contact: 司马相如")


def break_units_and_edit_others(project: Path) -> None:
    """Edits made while the data is bad show once it is fixed: serve builds the last good board
    meanwhile, and what it keeps must not stay from the bad reading."""
    replace_in(project / "data/notices/site-visit-meeting.md", "title: ", "title: 改期：")
    finish_ledger_item(project)
    edit_ledger_row(project)
    change_indicator_in_yaml(project)
    replace_in(project / "data/units.yml", "name:", "nmae:")


def fix_units(project: Path) -> None:
    replace_in(project / "data/units.yml", "nmae:", "name:")


@dataclass(frozen=True)
class Step:
    edit: Callable[[Path], None]
    error_in: str = ""
    """The file an edit that breaks the data breaks: a clean build fails naming it, serve logs
    the error and builds the last good board again."""


CASES = {
    "unit-renamed": [Step(rename_unit)],
    "ledger-workbook-row": [Step(edit_ledger_row)],
    "workbook-added-and-removed": [Step(add_and_remove_workbook)],
    "photo-replaced": [Step(replace_photo)],
    "photo-replaced-keeping-time-and-size": [Step(replace_photo_keeping_time_and_size)],
    "indicator-yaml": [Step(change_indicator_in_yaml)],
    "indicator-workbook": [Step(change_indicator_in_workbook)],
    "score": [Step(change_score)],
    "project-milestone": [Step(finish_milestone)],
    "case-edited": [Step(edit_case)],
    "case-added": [Step(add_case)],
    "case-deleted": [Step(delete_case)],
    "notice-pinned": [Step(pin_notice)],
    "campaign-as-of": [Step(change_as_of)],
    "unit-added": [Step(add_unit)],
    "ledger-yaml-item": [Step(finish_ledger_item)],
    "notice-deleted": [Step(delete_notice)],
    "stylesheet-edited": [Step(edit_stylesheet)],
    "stylesheet-replaced-keeping-time-and-size": [Step(replace_stylesheet_keeping_time_and_size)],
    "page-written-over-a-generated-one": [Step(write_page_over_a_generated_one)],
    "mkdocs-yml-nav": [Step(rename_nav_entry)],
    "override-edited": [Step(edit_override)],
    "template-edited": [Step(edit_template)],
    "template-replaced-keeping-time-and-size": [Step(replace_templates_keeping_time_and_size)],
    "override-replaced-keeping-time-and-size": [Step(replace_override_keeping_time_and_size)],
    "bad-edit-then-fix": [
        Step(break_units_and_edit_others, error_in="data/units.yml:"),
        Step(fix_units),
    ],
}


PUBLIC_CASES = {
    "photo-replaced": [Step(replace_photo)],
    "case-people-edited": [Step(change_case_people)],
    "notice-made-internal": [Step(make_notice_internal)],
    "case-made-public": [Step(make_case_public)],
    "unit-contact-edited": [Step(change_contact)],
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
