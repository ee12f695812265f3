"""data/campaign.xlsx: the internal board's download put in place of the YAML plan gives the same
board, file for file; the starter workbook builds a board with no YAML; drop-downs read back."""

from __future__ import annotations

import dataclasses
import datetime
import io
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from bixue.__main__ import main
from bixue.load import load_campaign
from bixue.outputs.campaign_starter import starter_xlsx, write_new
from conftest import ROOT, built, soup

PLAN_FILES = ("campaign.yml", "units.yml", "indicators.yml", "evaluations.yml", "projects.yml")


WRITTEN_AT = re.compile(
    r"(?:\.\./)*[^\s\"'<>；]*data/[^\s\"'<>；]+\.(?:yml|xlsx)(?::[^\s\"'<>；]*)?"
)
"""Where a figure was written (来源: data/indicators.yml:9, data/campaign.xlsx:评分!C21): the
one thing a plan moved into the workbook must change."""


def site_files(site: Path) -> dict:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def without_places(content: bytes) -> bytes:
    """A page or a JSON file with every place a figure was written in (provenance) as 来源."""
    text = WRITTEN_AT.sub("来源", content.decode("utf-8", "replace"))
    text = re.sub(r"来源(?:；来源)+", "来源", text)
    return re.sub(r' data-source="来源"', "", text).encode("utf-8")


@pytest.fixture(scope="module")
def round_trip(demo_site, tmp_path_factory):
    """The demo's data with its downloaded campaign.xlsx in place of the YAML plan, built."""
    data = tmp_path_factory.mktemp("round-trip") / "data"
    shutil.copytree(ROOT / "data", data)
    for name in PLAN_FILES:
        (data / name).unlink()
    shutil.copy(demo_site / "downloads" / "campaign.xlsx", data / "campaign.xlsx")
    return data, built(data.parent / "site", data)


def test_the_download_in_place_of_the_yaml_gives_the_same_site(demo_site, round_trip):
    data, site = round_trip
    before, after = site_files(demo_site), site_files(site)
    assert sorted(before) == sorted(after)
    differ = [name for name in before if before[name] != after[name]]
    # Only where the figures were written differs (and so the build's digest).
    assert differ and "build-stamp.json" in differ
    assert "campaign.xlsx:评分!C21" in after["ranking/index.html"].decode()
    changed = [n for n in differ if without_places(before[n]) != without_places(after[n])]
    assert changed == ["build-stamp.json"]


def fields_of(record):
    """A record's fields, nested, in order, without where it was written."""
    if dataclasses.is_dataclass(record):
        return [
            (item.name, fields_of(getattr(record, item.name)))
            for item in dataclasses.fields(record)
            if item.name not in ("origin", "data_dir", "completions", "sources", "line")
        ]
    if isinstance(record, (tuple, list)):
        return [fields_of(item) for item in record]
    if isinstance(record, dict):
        return [(key, fields_of(value)) for key, value in record.items()]
    return record


def test_the_download_reads_as_the_same_records(round_trip):
    data, _site = round_trip
    from_yaml, from_workbook = load_campaign(ROOT / "data"), load_campaign(data)
    assert fields_of(from_workbook) == fields_of(from_yaml)
    # Completion dates are kept with where they were written, to be checked against as_of.
    days = lambda campaign: [day for day, _where in campaign.completions]  # noqa: E731
    assert days(from_workbook) == days(from_yaml) != []
    assert from_workbook.units[0].origin.cell_of("name") == "单位!B2"
    assert from_workbook.evaluations.rounds[0].origin.cell_of("date") == "评比!C2"


def test_only_the_internal_campaign_page_links_the_workbook(demo_site, public_site):
    link = soup(demo_site, "campaign/").select_one(".bx-campaign-download a")
    assert link["href"] == "../downloads/campaign.xlsx" and link.has_attr("download")
    assert soup(public_site, "campaign/").select_one(".bx-campaign-download") is None
    assert not (public_site / "downloads" / "campaign.xlsx").exists()


def test_the_starter_builds_a_board_without_yaml(tmp_path):
    written = write_new(tmp_path / "board")
    data = tmp_path / "board" / "data"
    assert sorted(path.name for path in data.iterdir()) == [
        *("campaign.xlsx", "exemplars", "notices", "rectifications", "returns")
    ]
    assert written[0] == data / "campaign.xlsx" and not list(data.glob("*.yml"))
    site = built(tmp_path / "site", data)
    page = soup(site, "campaign/").select_one("article").get_text()
    assert "某某单位" in page and "动员部署" in page and "比学赶超" in page
    names = [a.get_text(strip=True) for a in soup(site, "units/").select("article a")]
    assert "办公室" in "".join(names) and "财务科" in "".join(names)
    assert "服务大厅改造" in soup(site, "projects/").get_text()
    assert "4 / 10 家" in soup(site, "projects/").get_text()
    assert "便民服务次数" in soup(site, "indicators/").get_text()
    assert (site / "screen" / "lobby" / "index.html").is_file()


def test_the_starter_workbook_has_its_drop_downs_and_notes():
    book = openpyxl.load_workbook(io.BytesIO(starter_xlsx(2026)))
    lists = {
        name: {str(v.sqref): v.formula1 for v in book[name].data_validations.dataValidation}
        for name in ("活动", "结对", "指标", "重点项目", "节点")
    }
    assert lists["指标"]["D2:D501"] == '"越高越好,越低越好"'
    assert lists["指标"]["E2:E501"] == '"是,否"'
    assert lists["结对"]["A2:A501"] == "'单位'!$B$2:$B$502"
    assert lists["重点项目"]["J2:J501"] == '"是,否"'
    assert lists["节点"]["A2:A501"] == "'重点项目'!$A$2:$A$502"
    assert set(lists["活动"].values()) == {'"是,否"', '"按日历日,按工作日"'}
    notes = dict(row for row in book["说明"].iter_rows(values_only=True))
    assert "campaign.xlsx" in notes["用途"] and notes["单位·简称"]
    assert book["单位"]["A1"].value == "编号" and book["单位"].max_row == 3
    assert [book[name].max_row for name in ("阶段", "结对", "指标数值", "评分")] == [2, 2, 2, 2]


def test_new_and_templates_say_what_to_do_next(tmp_path, monkeypatch, capsys):
    assert main(["new", str(tmp_path / "board")]) == 0
    said = capsys.readouterr().out
    assert "campaign.xlsx" in said and "bash scripts/check.sh" in said and "下一步" in said
    assert main(["new", str(tmp_path / "board")]) == 1  # never over a data folder in use
    monkeypatch.setenv("BOARD_DATA", str(tmp_path / "empty"))
    (tmp_path / "empty").mkdir()
    assert main(["templates", str(tmp_path / "out"), "--project", str(ROOT)]) == 0
    assert "起步工作簿" in capsys.readouterr().out
    assert [path.name for path in (tmp_path / "out").iterdir()] == ["campaign.xlsx"]


def test_format_md_documents_every_sheet_and_header():
    from bixue.load.campaign_layout import SETTING_ROWS, TABLES

    doc = (ROOT / "FORMAT.md").read_text(encoding="utf-8")
    part = doc[doc.index("### 活动方案：`campaign.xlsx`") : doc.index("### 台账：")]
    for column in SETTING_ROWS:
        assert column.header in part, column.header
    for table in TABLES:
        assert f"| {table.name} |" in part, table.name
        assert all(column.header in part for column in table.columns), table.name


def test_every_key_of_the_yaml_plan_has_a_place_in_the_workbook():
    from bixue.load import campaign_nodes, plan, projects, projects_xlsx, scores
    from bixue.load.campaign_layout import SETTING_ROWS, table

    settings = {column.key.split(".")[0] for column in SETTING_ROWS}
    lists = {key.split(".")[0] for key in campaign_nodes.LISTS.values()}
    assert {*plan.PLAN_REQUIRED, *plan.PLAN_OPTIONAL} == settings | lists
    indicator = {column.key for column in table("指标").columns} | {"values", "baseline"}
    assert {"id", "name", *scores.INDICATOR_OPTIONAL} == indicator
    assert {column.key for column in table("单位").columns} == {
        "id",
        "name",
        "short",
        "group",
        "contact",
        "compare",
    }
    project = set(projects_xlsx.PROJECT_HEADERS.values())
    project |= {"invested", "milestones", "progress", "targets"}
    assert {*projects.PROJECT_REQUIRED, *projects.PROJECT_OPTIONAL} == project


def test_periods_excel_made_into_dates_match_their_headers(tmp_path):
    data = tmp_path / "data"
    write_new(tmp_path)
    book = openpyxl.load_workbook(data / "campaign.xlsx")
    month = datetime.datetime(2026, 9, 1)  # 2026年9月 as typed, a date as stored
    book["时期"]["A2"].value = month
    book["指标数值"]["C1"].value = month
    book.save(data / "campaign.xlsx")
    indicators = load_campaign(data).indicators
    assert indicators.periods == ("2026-09-01",)
    assert indicators.indicators[0].values == {"bangongshi": {"2026-09-01": 30}}
