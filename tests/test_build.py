"""Whole builds as a user runs them: safe publishing, reproducibility, the public profile."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bixue import load, privacy
from bixue.publish import releases
from conftest import ROOT, build_site, built

DEMO = ROOT / "data"


def digest_tree(folder: Path) -> dict:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def copy_demo(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DEMO, data)
    return data


def test_two_builds_with_the_same_source_date_epoch_are_byte_identical(tmp_path, demo_site):
    again = built(tmp_path / "again")
    assert digest_tree(again) == digest_tree(demo_site)


def test_a_failed_build_leaves_the_published_site_untouched(tmp_path):
    data = copy_demo(tmp_path)
    site = built(tmp_path / "site", data)
    before = digest_tree(site)
    units = data / "units.yml"
    units.write_text(units.read_text(encoding="utf-8").replace("name:", "nmae:", 1), "utf-8")
    result = build_site(site, data)
    assert result.returncode != 0
    assert "units.yml" in result.stderr and "nmae" in result.stderr
    assert "Traceback" not in result.stderr
    assert digest_tree(site) == before
    assert not (tmp_path / ".site.building").exists()


def test_a_good_build_is_published_as_a_release_and_leaves_no_staging_behind(tmp_path):
    data = copy_demo(tmp_path)
    site = tmp_path / "site"
    site.mkdir()
    (site / "stale.html").write_text("old", "utf-8")
    built(site, data)
    assert not site.is_symlink() and not (site / "stale.html").exists()
    assert (site / "index.html").exists() and (site / "build-stamp.json").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.releases", "data", "site"]
    (old,) = releases.releases(site)
    assert (old / "stale.html").exists() and releases.published(site) > old.name
    pages = subprocess.run(  # what a tool that never follows symlinks sees
        ["find", "-P", str(site), "-name", "index.html"], capture_output=True, text=True
    ).stdout.split()
    assert len(pages) == len(list(site.rglob("index.html"))) > 10


def test_every_error_of_every_file_is_reported_at_once(tmp_path):
    data = copy_demo(tmp_path)
    for name in ("units.yml", "evaluations.yml"):
        path = data / name
        path.write_text(path.read_text(encoding="utf-8") + "\nscroe: 1\n", "utf-8")
    result = build_site(tmp_path / "site", data)
    assert result.returncode != 0
    assert "data/units.yml" in result.stderr and "data/evaluations.yml" in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_bad_as_of_date_is_a_clear_error(tmp_path):
    result = build_site(tmp_path / "site", BOARD_AS_OF="2014-02-30")
    assert result.returncode != 0
    assert "BOARD_AS_OF" in result.stderr and "Traceback" not in result.stderr


def test_a_phone_number_stops_the_public_build_only(tmp_path):
    data = copy_demo(tmp_path)
    notice = sorted((data / "notices").glob("*.md"))[0]
    text = notice.read_text(encoding="utf-8")
    if "internal: true" in text:
        notice = sorted((data / "notices").glob("*.md"))[1]
        text = notice.read_text(encoding="utf-8")
    notice.write_text(text.rstrip("\n") + "\n\n咨询电话 13912345678\n", "utf-8")
    assert build_site(tmp_path / "internal", data).returncode == 0
    result = build_site(tmp_path / "public", data, BOARD_PROFILE="public")
    assert result.returncode != 0
    assert f"notices/{notice.name}" in result.stderr and "手机号码" in result.stderr


def test_pages_grow_with_units_indicators_cases_notices_and_projects_not_with_ledger_items(
    demo_site,
):
    campaign = load.load_campaign(DEMO)
    pages = sorted(p.relative_to(demo_site).as_posix() for p in demo_site.rglob("index.html"))
    fixed = {"index.html", "404.html"}
    kinds = {p.split("/")[0] for p in pages if p not in fixed}
    assert not any(item.id in " ".join(pages) for item in campaign.ledger)
    expected = len(campaign.units) + len(campaign.exemplars) + len(campaign.notices)
    expected += len(campaign.plan.screens)  # screen/<id>/
    expected += len(campaign.projects.projects)
    expected += len(campaign.indicators.indicators)  # indicators/<id>/
    per_record = [p for p in pages if p.count("/") == 2 and p.split("/")[0] in kinds]
    assert len(per_record) == expected
    unit_screens = [p for p in pages if p.startswith("screen/units/")]
    assert len(unit_screens) == len(campaign.units)


PERSON_FIELDS_NOTE = "leading-group members stay unless privacy.mask_leading_group"


def secrets_of(campaign) -> list[str]:
    """Every unmasked person value and every internal text that must not reach the public site."""
    persons = [u.contact for u in campaign.units]
    persons += [i.owner for i in campaign.ledger]
    persons += [p for e in campaign.exemplars for p in e.people]
    if campaign.plan.mask_leading_group:
        persons += [m for role in campaign.plan.leading_group for m in role.members]
    internal = [i.problem for i in campaign.ledger if i.internal]
    internal += [i.id for i in campaign.ledger if i.internal]
    internal += [e.title for e in campaign.exemplars if e.internal]
    internal += [n.title for n in campaign.notices if n.internal]
    internal += [line for e in campaign.exemplars if e.internal for line in story_lines(e.body)]
    internal += [line for n in campaign.notices if n.internal for line in story_lines(n.body)]
    published = "\n".join(text for *_, text in privacy.published_texts(campaign))
    return [s for s in persons if s] + [s for s in internal if s and s not in published]


def story_lines(body: str) -> list[str]:
    """Lines of a story long enough not to occur by chance elsewhere."""
    return [line.strip("#-* ") for line in body.splitlines() if len(line.strip("#-* ")) >= 12]


def test_the_public_site_holds_no_person_and_no_internal_text_anywhere(public_site):
    campaign = load.load_campaign(DEMO)
    secrets = secrets_of(campaign)
    assert len(secrets) > 20, "the demo should exercise masking"
    files = [p for p in public_site.rglob("*") if p.is_file()]
    leaks = []
    for path in files:
        text = readable_text(path)
        leaks += [(path.relative_to(public_site).as_posix(), s) for s in secrets if s in text]
        leaks += [(path.name, s) for s in secrets if s in path.name]
    assert leaks == []


def readable_text(path: Path) -> str:
    """A file's text for scanning: xlsx files are unzipped, binary files read as UTF-8 loosely."""
    import zipfile

    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as archive:
            return "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    if path.suffix == ".gz":
        import gzip

        return gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
    return path.read_bytes().decode("utf-8", "replace")


@pytest.mark.parametrize("url", ["", "campaign/", "rectification/", "ranking/"])
def test_every_page_is_chinese_and_shows_the_as_of_date(demo_site, url):
    from conftest import soup

    page = soup(demo_site, url)
    assert page.html["lang"].startswith("zh")
    assert "2014年10月20日" in page.select_one(".bx-asof").get_text()


def copy_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    for name in ("hooks", "overrides", "docs", "data", "vendor"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return project


def build_project(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml"]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)


def test_a_hand_written_page_embeds_generated_blocks_with_markers(tmp_path):
    from conftest import soup

    project = copy_project(tmp_path)
    report = "# 第三季度通报\n\n<!-- bixue:ranking-latest -->\n\n<!-- bixue:ledger-overdue -->\n"
    (project / "docs" / "report.md").write_text(report, encoding="utf-8")
    result = build_project(project)
    assert result.returncode == 0, result.stderr[-3000:]
    page = soup(project / "site", "report/")
    assert page.select_one("h1").get_text(strip=True).startswith("第三季度通报")
    assert len(page.select("[data-bx-block] table tbody tr, table tbody tr")) >= 10
    assert "bixue:" not in str(page.select_one("article"))


def test_a_hand_written_page_replaces_the_generated_one_and_an_unknown_marker_fails_strict(
    tmp_path,
):
    from conftest import soup

    project = copy_project(tmp_path)
    (project / "docs" / "pairs.md").write_text("# 我们的结对\n\n<!-- bixue:pairs -->\n", "utf-8")
    assert build_project(project).returncode == 0
    assert (
        soup(project / "site", "pairs/")
        .select_one("h1")
        .get_text(strip=True)
        .startswith("我们的结对")
    )
    before = digest_tree(project / "site")
    (project / "docs" / "pairs.md").write_text("# 结对\n\n<!-- bixue:no-such-block -->\n", "utf-8")
    result = build_project(project)
    assert result.returncode != 0 and "bixue:no-such-block" in result.stderr
    assert digest_tree(project / "site") == before, "a strict failure must not publish"
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == [
        ".site.archive",  # 往期公示's entries, of the publish that went through
        ".site.releases",
    ]


def test_under_serve_the_stamp_reads_again_only_files_written_since(tmp_path, monkeypatch):
    import time

    from bixue import build
    from bixue.session.cache import Cache

    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text("甲", encoding="utf-8")
    (site / "b.json").write_text("{}", encoding="utf-8")
    stamps = Cache()  # a serve session's

    def stamp(keep: bool) -> str:
        build.write_stamp(str(site), stamps if keep else None)
        return (site / build.STAMP).read_text(encoding="utf-8")

    plain = stamp(keep=False)
    assert stamp(keep=True) == plain
    reads = []
    read_bytes = Path.read_bytes
    monkeypatch.setattr(
        Path, "read_bytes", lambda path: reads.append(path.name) or read_bytes(path)
    )
    assert stamp(keep=True) == plain and reads == []
    time.sleep(0.05)  # as between two builds: the file's time is another (ext4: a few ms apart)
    (site / "b.json").write_text("[]", encoding="utf-8")  # same size, same inode, written again
    changed = stamp(keep=True)
    assert changed != plain and reads == ["b.json"]
    assert stamp(keep=False) == changed
