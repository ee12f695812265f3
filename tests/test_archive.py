"""往期公示: every publication kept under archive/<as of>/ as published, marked 往期, listed on
archive/ with what changed; bounded by archive.keep; no nesting; rollback undoes an entry; a
public site's archive holds nothing internal."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from bixue.publish import archive, releases
from bs4 import BeautifulSoup
from conftest import build_site, minimal_campaign, soup


def published(site: Path, data: Path, **env) -> Path:
    result = build_site(site, data, **{"BIXUE_ARCHIVE": "1", **env})
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), "utf-8")


def second_week(data: Path) -> None:
    """A fortnight later: an item done, one found (and overdue), a round scored, a past value
    corrected."""
    edit(data / "campaign.yml", "as_of: 2014-06-30", "as_of: 2014-07-15")
    edit(
        data / "rectifications" / "first.yml",
        "  deadline: 2014-07-01\n  status: doing",
        "  deadline: 2014-07-01\n  status: done\n  completed: 2014-07-10",
    )
    with (data / "rectifications" / "first.yml").open("a", encoding="utf-8") as ledger:
        ledger.write(
            "- id: ZG-2014-006\n  unit: north\n  problem: 路灯不亮。\n"
            "  found: 2014-07-05\n  deadline: 2014-07-10\n  status: todo\n"
        )
    edit(
        data / "evaluations.yml",
        "    date: 2014-07-10\n",
        "    date: 2014-07-10\n    scores:\n      north: {service: 27, facilities: 19}\n",
    )
    edit(
        data / "indicators.yml",
        "north: {2014-Q1: 280, 2014-Q2: 610}",
        "north: {2014-Q1: 290, 2014-Q2: 610}",
    )


def rows(site: Path) -> dict:
    page = soup(site, "archive/")
    return {row["data-entry"]: row for row in page.select(".bx-archive table tbody tr")}


def changes(site: Path, name: str) -> dict:
    entry = soup(site, "archive/").select_one(f"section.bx-archive__entry[data-entry='{name}']")
    found = {}
    for item in entry.select("li"):
        found.setdefault(item["data-kind"], []).append(item.get_text(" ", strip=True))
    return found


def without_banner(page: str) -> str:
    parsed = BeautifulSoup(page, "html.parser")
    parsed.select_one(".bx-archived").decompose()
    return str(parsed)


@pytest.fixture
def campaign(tmp_path):
    return minimal_campaign(tmp_path / "campaign")


def test_publications_are_kept_as_published_with_what_changed(tmp_path, campaign):
    site = tmp_path / "site"
    published(site, campaign)
    first = tmp_path / "first"
    shutil.copytree(site, first, ignore=shutil.ignore_patterns("archive"))
    second_week(campaign)
    published(site, campaign)

    assert sorted(p.name for p in (site / "archive").iterdir()) == [
        "2014-06-30",
        "2014-07-15",
        "index.html",
    ]
    listed = rows(site)
    assert list(listed) == ["2014-07-15", "2014-06-30"]  # newest first
    assert listed["2014-07-15"].select_one(".bx-archive__current")
    assert listed["2014-06-30"].th.a["href"] == "2014-06-30/"
    assert listed["2014-06-30"].select("td")[-1].get_text(strip=True) == "第一次发布"
    assert "更正" in listed["2014-07-15"].select("td")[-1].get_text()
    found = changes(site, "2014-07-15")
    assert found["found"] == ["新发现 1 项：ZG-2014-006"]
    assert found["done"] == ["完成整改 1 项：ZG-2014-002"]
    assert found["overdue"] == ["新增逾期 1 项：ZG-2014-006"]
    assert found["rounds"] == ["新增评比：第二季度验收评比"]
    assert found["correction"] == ["更正 营业收入 北区 2014-Q1：280 → 290"]
    assert "序时进度：" in " ".join(found["moved"])

    # the first publication as it was published: same files, pages only marked 往期
    kept = site / "archive" / "2014-06-30"
    assert not (kept / "archive").exists()  # no nesting
    assert (kept / "data.json").read_bytes() == (first / "data.json").read_bytes()
    assert sorted(p.relative_to(kept).as_posix() for p in kept.rglob("*") if p.is_file()) == sorted(
        [
            *(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file()),
            "publication.json",
            "view.json",
        ]
    )
    page = (kept / "units" / "north" / "index.html").read_text("utf-8")
    banner = BeautifulSoup(page, "html.parser").select_one(".bx-archived")
    assert "往期" in banner.get_text() and banner.time["datetime"] == "2014-06-30"
    assert [a["href"] for a in banner.select("a")] == ["../../../../", "../../../../archive/"]
    original = (first / "units" / "north" / "index.html").read_text("utf-8")
    assert without_banner(page) == str(
        BeautifulSoup(
            original.replace('href="../../archive/"', 'href="../../../../archive/"'), "html.parser"
        )
    )
    assert soup(site, "archive/2014-06-30/").select_one(".bx-archived a")["href"] == "../../"
    # the current board links to the archive in its navigation
    assert soup(site, "").select_one("a[href='archive/']")

    # a rollback takes the last publication and its entry away; the next publish goes on from it
    releases.rollback(site)
    assert sorted(p.name for p in (site / "archive").iterdir()) == ["2014-06-30", "index.html"]
    edit(campaign / "campaign.yml", "as_of: 2014-07-15", "as_of: 2014-07-20\narchive:\n  keep: 2")
    published(site, campaign)
    assert list(rows(site)) == ["2014-07-20", "2014-06-30"]
    edit(campaign / "campaign.yml", "as_of: 2014-07-20", "as_of: 2014-07-25")
    published(site, campaign)
    assert list(rows(site)) == ["2014-07-25", "2014-07-20"]  # keep: 2
    assert sorted(p.name for p in (site / "archive").iterdir()) == [
        "2014-07-20",
        "2014-07-25",
        "index.html",
    ]
    # an entry is written once, beside the site, and linked from each site that keeps it
    entry = site / "archive" / "2014-07-20"
    assert entry.is_symlink() and entry.resolve() == archive.store_dir(site) / "2014-07-20"
    assert (entry / "data.json").stat().st_nlink >= 2  # the new site's own files, hard-linked
    # the store keeps what the published site and the releases kept for a rollback link to
    linked = {p.name for r in [site, *releases.releases(site)] for p in (r / "archive").glob("2*")}
    assert {p.name for p in archive.store_dir(site).iterdir()} == linked


def test_a_public_archive_holds_nothing_internal(tmp_path, campaign):
    site = tmp_path / "site"
    published(site, campaign)  # an internal board published here first
    internal = json.loads((site / "archive" / "2014-06-30" / "data.json").read_text("utf-8"))
    assert "ZG-2014-003" in {item["id"] for item in internal["ledger"]["items"]}
    published(site, campaign, BOARD_PROFILE="public")
    published(site, campaign, BOARD_PROFILE="public")
    # the internal entry stays in the store while the release kept for a rollback links to it:
    # its name is not taken again
    assert list(rows(site)) == ["2014-06-30-3", "2014-06-30-2"]
    for data in (site / "archive").rglob("data.json"):
        assert json.loads(data.read_text("utf-8"))["profile"] == "public"
    for folder, _, files in os.walk(site / "archive", followlinks=True):
        for path in (Path(folder) / name for name in files):
            if path.suffix in (".html", ".json", ".xml"):
                assert "ZG-2014-003" not in path.read_text("utf-8"), path
    # the internal publication is kept in the internal site only: a site per profile
    assert not [e for e in archive.entries(site, "internal")]


def test_entry_names_keep_and_marking():
    assert archive.new_name(["2014-06-30"], "2014-07-01") == "2014-07-01"
    assert archive.new_name(["2014-06-30", "2014-06-30-2"], "2014-06-30") == "2014-06-30-3"
    earlier = [archive.Entry(str(n), str(n), Path(str(n))) for n in range(5)]
    assert [e.name for e in archive.kept(earlier, 3)] == ["3", "4"]
    assert archive.kept(earlier, 1) == [] and archive.kept(earlier, None) == earlier
    page = (
        '<body class="x"><div class="md-container"><main class="md-main" data-md-component="main">'
    )
    assert archive.marked(page + "<p>", "<B>") == page + "<B><p>"
    assert archive.marked("<html><body><p>", "<B>") == "<html><body><B><p>"
    assert archive.relinked('<a href="../archive/">', 3) == '<a href="../../../archive/">'
    assert archive.relinked('<a href="archive/">', 2) == '<a href="../../archive/">'


def test_archive_keep_is_a_whole_number_from_one(tmp_path):
    from conftest import load_errors

    data = minimal_campaign(tmp_path)
    with (data / "campaign.yml").open("a", encoding="utf-8") as plan:
        plan.write("archive:\n  keep: 0\n  days: 3\n")
    messages = [str(error) for error in load_errors(data)]
    assert any("archive.keep" in m and "不小于 1" in m and "campaign.yml:" in m for m in messages)
    assert any("days" in m for m in messages), messages


def test_bixue_archive_0_publishes_without_the_archive(tmp_path, campaign):
    site = published(tmp_path / "site", campaign, BIXUE_ARCHIVE="0")
    assert not (site / "archive").exists() and not (tmp_path / ".site.archive").exists()
    assert not soup(site, "").select("a[href='archive/']")


def test_a_build_reads_the_kept_rows_and_only_the_latest_entrys_view(tmp_path):
    """Each entry keeps its row of the archive page as first shown and what a comparison reads
    of its data.json (view.json): a build reads neither the older entries' data.json nor the
    latest's whole, and makes the same page. An entry written before rows were kept (its record
    says only when it was published) is read from its data.json as before."""
    sites = {}
    for side in ("whole", "pared"):
        data = minimal_campaign(tmp_path / side / "campaign")
        site = tmp_path / side / "site"
        published(site, data)
        edit(data / "campaign.yml", "as_of: 2014-06-30", "as_of: 2014-07-01")
        published(site, data)
        published(site, data)  # the same day again: 2014-07-01-2
        edit(data / "campaign.yml", "as_of: 2014-07-01", "as_of: 2014-06-30")
        second_week(data)  # as of 2014-07-15
        sites[side] = (site, data)
    store = archive.store_dir(sites["pared"][0])
    first, second, latest = (store / n for n in ("2014-06-30", "2014-07-01", "2014-07-01-2"))
    record = json.loads((first / archive.RECORD).read_text("utf-8"))
    assert record["profile"] == "internal" and record["row"]["before"] is None
    (first / archive.RECORD).write_text(json.dumps({"published": record["published"]}), "utf-8")
    (first / archive.VIEW).unlink()  # as an entry of the code before: its data.json is read
    assert json.loads((second / archive.RECORD).read_text("utf-8"))["row"]["before"] == first.name
    for name in ("data.json", archive.VIEW):
        (second / name).unlink()  # its kept row is taken: nothing of it is read
    (latest / "data.json").unlink()  # its view is read, for what changed since

    pages = {}
    for side, (site, data) in sites.items():
        published(site, data)
        pages[side] = str(soup(site, "archive/").select_one(".bx-archive"))
    assert pages["pared"] == pages["whole"]
    assert list(rows(sites["pared"][0])) == [
        "2014-07-15",
        "2014-07-01-2",
        "2014-07-01",
        "2014-06-30",
    ]
    assert changes(sites["pared"][0], "2014-07-15")["found"] == ["新发现 1 项：ZG-2014-006"]
    # a kept row is taken only where it was compared with the same entry: with the first
    # entry gone (keep: 2), the oldest row kept says 第一次发布, as one made anew would
    for side, (site, data) in sites.items():
        edit(data / "campaign.yml", "as_of: 2014-07-15", "as_of: 2014-07-16\narchive:\n  keep: 2")
        published(site, data)
        pages[side] = str(soup(site, "archive/").select_one(".bx-archive"))
    assert pages["pared"] == pages["whole"]
    assert rows(sites["pared"][0])["2014-07-15"].select("td")[-1].get_text() == "第一次发布"


def test_the_view_of_a_data_json_compares_as_the_whole(demo_site):
    """changes.view keeps what compare and headline read: on the demo's data.json and on one
    changed every way a comparison looks at, they give the same for the views."""
    from bixue.boards.changes import compare, view
    from bixue.boards.headline import headline

    before = json.loads((demo_site / "data.json").read_text("utf-8"))
    after = json.loads(json.dumps(before))
    after["as_of"] = "2099-01-01"
    items = after["ledger"]["items"]
    items[0]["status"], items[1]["overdue"] = "verified", not items[1]["overdue"]
    items.append({**items[2], "id": "NEW-1"})
    del items[3]
    after["rounds"][0]["ranking"][0]["total"] = 1.5
    after["rounds"].append({**after["rounds"][0], "id": "new-round", "name": "新一轮"})
    row = next(r for i in after["indicators"] for r in i["units"] if r.get("values"))
    period = next(iter(row["values"]))
    row["values"][period] = 12345
    after["ledger"]["overdue"] = 99
    whole = compare(before, after)
    assert whole.found and whole.done and whole.rounds and whole.corrections and whole.moved
    assert compare(view(before), view(after)) == whole
    assert compare(view(after), view(before)) == compare(after, before)
    assert headline(view(after)) == headline(after)
    assert len(json.dumps(view(before))) < len(json.dumps(before))


def test_entries_published_the_same_second_are_in_publication_order(tmp_path):
    """Reproducible builds (SOURCE_DATE_EPOCH) publish at one time: -10 comes after -9, not
    between the first and -2 as its name sorts."""
    site = tmp_path / "site"
    names = ["2014-06-30", *(f"2014-06-30-{n}" for n in range(2, 12)), "2014-07-01"]
    for name in names:
        folder = site / "archive" / name
        folder.mkdir(parents=True)
        record = {"published": "2014-07-01T08:00:00+08:00", "profile": "internal", "row": {}}
        (folder / archive.RECORD).write_text(json.dumps(record), "utf-8")
    assert [entry.name for entry in archive.entries(site, "internal")] == names
    assert archive.entries(site, "public") == []
