"""Several campaigns on one site: data/campaigns/2014/ and 2015/ built by scripts/build_site.py,
each board at its id, the root listing them newest first, units linking across the years."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bixue.boards.headline import headline
from bixue.campaigns import siblings
from bixue.pages import other_years
from bixue.publish import lock
from conftest import ROOT, soup

SOURCE_DATE_EPOCH = "1764979200"


def year_2015(folder: Path) -> None:
    """The demo moved a year on: its dates, titles and file names; its indicator workbook left
    out, so its figures differ from 2014's; another as-of date."""
    (folder / "indicators.xlsx").unlink()
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.suffix in (".yml", ".md") and path.is_file():
            path.write_text(path.read_text("utf-8").replace("2014", "2015"), "utf-8")
        if "2014" in path.name:
            path.rename(path.with_name(path.name.replace("2014", "2015")))
    plan = folder / "campaign.yml"
    text = plan.read_text("utf-8").replace("as_of: 2015-10-20", "as_of: 2015-10-25")
    plan.write_text(text, "utf-8")


def project_with_campaigns(root: Path) -> Path:
    project = root / "project"
    for name in ("hooks", "overrides", "docs", "scripts"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "vendor").symlink_to((ROOT / "vendor").resolve())
    campaigns = project / "data" / "campaigns"
    shutil.copytree(ROOT / "data", campaigns / "2014")
    shutil.copytree(ROOT / "data", campaigns / "2015")
    year_2015(campaigns / "2015")
    return project


def build(project: Path, site: Path, **env) -> subprocess.CompletedProcess:
    environ = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    environ.pop("BOARD_DATA", None)
    command = [sys.executable, "scripts/build_site.py", "--site-dir", str(site)]
    return subprocess.run(
        command, cwd=project, env={**environ, **env}, capture_output=True, text=True
    )


@pytest.fixture(scope="module")
def two_years(tmp_path_factory):
    root = tmp_path_factory.mktemp("campaigns")
    project = project_with_campaigns(root)
    site = root / "site"
    result = build(project, site, BOARD_SITE_URL="https://board.example/")
    assert result.returncode == 0, result.stderr
    return project, site


def data_of(site: Path, campaign_id: str) -> dict:
    return json.loads((site / campaign_id / "data.json").read_text("utf-8"))


def test_each_campaign_is_a_whole_board_at_its_id_with_its_own_figures(two_years):
    _, site = two_years
    old, new = data_of(site, "2014"), data_of(site, "2015")
    assert (old["as_of"], new["as_of"]) == ("2014-10-20", "2015-10-25")
    assert "2014年度" in old["title"] and "2015年度" in new["title"]
    assert headline(old) != headline(new)
    for campaign_id, data in (("2014", old), ("2015", new)):
        home = soup(site, f"{campaign_id}/")
        assert data["title"] in home.get_text()
        assert soup(site, f"{campaign_id}/units/").select("a[href]")


def root_rows(site: Path):
    rows = soup(site, "").select("#boards tbody tr")
    return [(row.th.a["href"], row.select("td[data-key]")) for row in rows]


def test_the_root_lists_the_campaigns_newest_first_with_their_headline_figures(two_years):
    _, site = two_years
    rows = root_rows(site)
    assert [href for href, _ in rows] == ["2015/", "2014/"]
    for href, cells in rows:
        expected = {f.key: f.text for f in headline(data_of(site, href.rstrip("/")))}
        assert {cell["data-key"]: cell.get_text(strip=True) for cell in cells} == expected
        assert (site / href / "index.html").is_file()
    names = [row.th.get_text() for row in soup(site, "").select("#boards tbody tr")]
    assert names[0].startswith("2015年") and names[1].startswith("2014年")


def test_a_unit_in_both_campaigns_links_to_its_page_in_the_other_year(two_years):
    _, site = two_years
    units = sorted(p.name for p in (site / "2015" / "units").iterdir() if p.is_dir())
    assert units
    for campaign_id, other in (("2015", "2014"), ("2014", "2015")):
        for unit in units:
            here = f"{campaign_id}/units/{unit}/"
            line = soup(site, here).select_one(".other-campaigns")
            assert line.get_text().startswith("其他年度：")
            assert line.select_one("[aria-current=page]").get_text() == f"{campaign_id}年"
            (link,) = line.select("a")
            target = urljoin(f"/{here}", link["href"])
            assert target == f"/{other}/units/{unit}/" and link.get_text() == f"{other}年"
            assert (site / target.strip("/") / "index.html").is_file()


def test_a_unit_only_in_one_campaign_links_nowhere():
    told = siblings.encode(
        "2015",
        [
            {"id": "2014", "label": "2014年", "units": ["a"]},
            {"id": "2015", "label": "2015年", "units": ["a", "b"]},
        ],
    )
    environ = {other_years.ENV: told}
    assert other_years.unit_links("b", "units/b/", environ) == ""
    assert 'href="../../../2014/units/a/"' in other_years.unit_links("a", "units/a/", environ)
    assert other_years.unit_links("a", "units/a/", {}) == ""


def test_each_campaign_has_its_own_screen_and_feed_at_its_address(two_years):
    _, site = two_years
    for campaign_id in ("2014", "2015"):
        assert soup(site, f"{campaign_id}/screen/").select("main, body")
        feed = (site / campaign_id / "feed.xml").read_text("utf-8")
        assert f"https://board.example/{campaign_id}/" in feed
        other = "2015" if campaign_id == "2014" else "2014"
        assert f"https://board.example/{other}/" not in feed


def test_the_site_is_published_whole_with_nothing_of_the_build_left_inside(two_years):
    _, site = two_years
    assert sorted(p.name for p in site.iterdir()) == ["2014", "2015", "index.html"]
    assert not list(site.parent.glob(".*lock")) and not [p for p in site.rglob(".*")]
    home = site.parent / ".site.campaigns"  # only the campaigns' archive stores stay
    assert sorted(p.name for p in home.iterdir()) == [".2014.archive", ".2015.archive"]


def test_a_bad_campaign_is_named_with_its_folder_and_the_old_site_stays(two_years, tmp_path):
    project, site = two_years
    before = (site / "index.html").read_bytes()
    units = project / "data" / "campaigns" / "2014" / "units.yml"
    good = units.read_text("utf-8")
    units.write_text(good.replace("name:", "nmae:", 1), "utf-8")
    try:
        result = build(project, site, BOARD_SITE_URL="https://board.example/")
    finally:
        units.write_text(good, "utf-8")
    assert result.returncode == 1
    assert "data/campaigns/2014/units.yml:" in result.stderr
    assert result.stderr.rstrip().endswith("站点未改动")
    assert (site / "index.html").read_bytes() == before
    assert sorted(p.name for p in site.iterdir()) == ["2014", "2015", "index.html"]


def test_a_board_that_fails_to_build_is_named_and_nothing_is_published(two_years, tmp_path):
    """A phone number passes the check of the data and stops only the public board's build."""
    project, _ = two_years
    notices = project / "data" / "campaigns" / "2015" / "notices"
    notice = next(p for p in sorted(notices.glob("*.md")) if "internal: true" not in p.read_text())
    text = notice.read_text("utf-8")
    notice.write_text(text.rstrip("\n") + "\n\n咨询电话 13912345678\n", "utf-8")
    site = tmp_path / "public"
    site.mkdir()
    (site / "index.html").write_text("old", "utf-8")
    try:
        result = build(project, site, BOARD_PROFILE="public")
    finally:
        notice.write_text(text, "utf-8")
    assert result.returncode == 1
    assert f"data/campaigns/2015/notices/{notice.name}" in result.stderr
    assert "手机号码" in result.stderr
    assert "2015年（data/campaigns/2015/）：" in result.stderr and "2014年（" not in result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text("utf-8") == "old"
    home = tmp_path / ".public.campaigns"
    assert all(not any(store.iterdir()) for store in home.iterdir())


def test_a_second_build_waits_for_the_lock_of_the_whole_site(two_years):
    project, site = two_years
    held = lock.take(site)
    try:
        result = build(project, site)
    finally:
        lock.let_go(site, held)
    assert result.returncode == 1 and "另一个构建正在写入" in result.stderr


def test_bixue_check_checks_every_campaign(two_years):
    project, _ = two_years
    environ = {**os.environ}
    environ.pop("BOARD_DATA", None)
    command = [sys.executable, "-m", "bixue", "check"]
    environ["PYTHONPATH"] = str(project / "hooks")
    result = subprocess.run(command, cwd=project, env=environ, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    checked = [line for line in result.stdout.splitlines() if line.startswith("检查 ")]
    assert [Path(line.split(" ", 1)[1]).name for line in checked] == ["2014", "2015"]
    assert result.stdout.count("数据检查通过：10 个单位") == 2


def test_mkdocs_build_alone_says_how_to_build_several_campaigns(two_years, tmp_path):
    project, _ = two_years
    command = [sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "out")]
    environ = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    environ.pop("BOARD_DATA", None)
    result = subprocess.run(command, cwd=project, env=environ, capture_output=True, text=True)
    assert result.returncode == 1
    assert "bash scripts/build.sh" in result.stderr and "data/campaigns/" in result.stderr


def archive_names(site: Path, campaign_id: str) -> list:
    folder = site / campaign_id / "archive"
    entries = sorted(p for p in folder.iterdir() if p.is_symlink())
    assert all((entry / "data.json").is_file() for entry in entries)
    return [entry.name for entry in entries]


def test_each_campaign_keeps_its_own_archive_and_a_rollback_puts_the_whole_site_back(two_years):
    """Last in this file: it publishes the site again."""
    project, site = two_years
    plan = project / "data" / "campaigns" / "2015" / "campaign.yml"
    first = plan.read_text("utf-8")
    plan.write_text(first.replace("as_of: 2015-10-25", "as_of: 2015-10-30"), "utf-8")
    try:
        result = build(project, site, BOARD_SITE_URL="https://board.example/")
    finally:
        plan.write_text(first, "utf-8")
    assert result.returncode == 0, result.stderr
    assert archive_names(site, "2015") == ["2015-10-25", "2015-10-30"]
    assert archive_names(site, "2014") == ["2014-10-20", "2014-10-20-2"]
    listed = soup(site, "2015/archive/").select(".bx-archive table tbody tr")
    assert sorted(entry["data-entry"] for entry in listed) == ["2015-10-25", "2015-10-30"]
    assert [href for href, _ in root_rows(site)] == ["2015/", "2014/"]
    assert data_of(site, "2015")["as_of"] == "2015-10-30"
    rollback = [sys.executable, "scripts/rollback.py", str(site)]
    assert subprocess.run(rollback, cwd=project, capture_output=True).returncode == 0
    assert data_of(site, "2015")["as_of"] == "2015-10-25"
    assert archive_names(site, "2015") == ["2015-10-25"]
