"""Workbooks in whole builds: a campaign kept in workbooks builds the pages of the same campaign
in YAML; a filled-in template builds; templates only in the internal build; the data check."""

from __future__ import annotations

import dataclasses
import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import yaml
from bixue.figures.board import compute_board, in_id_order
from bixue.load import load_campaign
from bixue.outputs import downloads, score_sheets, templates_xlsx
from conftest import ROOT, built, soup

DEMO = ROOT / "data"


def ledger_yaml(items) -> str:
    entries = []
    for item in items:
        entry = {"id": item.id, "unit": item.unit, "problem": item.problem, "status": item.status}
        for key in ("measures", "source", "category", "owner", "found", "deadline", "completed"):
            if getattr(item, key):
                entry[key] = getattr(item, key)
        if item.updates:
            entry["updates"] = [{"date": u.date, "note": u.note} for u in item.updates]
        if item.internal:
            entry["internal"] = True
        entries.append(entry)
    return yaml.safe_dump(entries, allow_unicode=True, sort_keys=False)


def indicators_yaml(indicators, values: bool) -> str:
    entries = []
    for i in indicators.indicators:
        entry = {"id": i.id, "name": i.name, "unit": i.unit, "direction": i.direction}
        entry.update(cumulative=i.cumulative, target=dict(i.targets))
        if i.source is not None:  # counted from the activity log: no values to write
            log = i.source
            entry["source"] = {log.log: log.role} if log.log == "activities" else {log.log: {}}
        elif values:
            entry["values"] = {unit: dict(by) for unit, by in i.values.items()}
        entries.append(entry)
    return yaml.safe_dump(
        {"periods": list(indicators.periods), "indicators": entries},
        allow_unicode=True,
        sort_keys=False,
    )


def evaluations_yaml(evaluations, scores: bool) -> str:
    rounds = []
    for r in evaluations.rounds:
        entry = {"id": r.id, "name": r.name, "date": r.date}
        if scores and r.scores:
            entry["scores"] = {unit: dict(by) for unit, by in r.scores.items()}
        rounds.append(entry)
    document = {
        "criteria": [dataclasses.asdict(c) for c in evaluations.criteria],
        "rounds": rounds,
        "levels": [dataclasses.asdict(level) for level in evaluations.levels],
    }
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


def twin(folder: Path, in_workbooks: bool) -> Path:
    """The demo campaign without ledger photos, kept wholly in YAML or in workbooks."""
    campaign = load_campaign(DEMO, project_dir=ROOT)
    items = (dataclasses.replace(i, photo_before="", photo_after="") for i in campaign.ledger)
    board = compute_board(dataclasses.replace(campaign, ledger=tuple(items)), campaign.plan.as_of)
    items = [row.item for row in in_id_order(board.ledger)]  # the order the download has
    data = folder / "data"
    shutil.copytree(DEMO, data, ignore=shutil.ignore_patterns("*.xlsx", "*.yml"))
    for name in ("campaign.yml", "units.yml", "activities.yml", "achievements.yml"):
        shutil.copy(DEMO / name, data / name)
    write = lambda name, text: (data / name).write_text(text, encoding="utf-8")  # noqa: E731
    write("indicators.yml", indicators_yaml(campaign.indicators, values=not in_workbooks))
    write("evaluations.yml", evaluations_yaml(campaign.evaluations, scores=not in_workbooks))
    if in_workbooks:
        (data / "rectifications" / "台账.xlsx").write_bytes(downloads.ledger_xlsx(board))
        (data / "indicators.xlsx").write_bytes(score_sheets.indicators_xlsx(board, targets=False))
        (data / "evaluations.xlsx").write_bytes(score_sheets.scores_xlsx(board))
    else:
        write("rectifications/ledger.yml", ledger_yaml(items))
    return data


def site_files(site: Path):
    return sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.is_file()
        and not path.relative_to(site).as_posix().startswith("downloads/")
        and path.name != "build-stamp.json"
    )


def test_a_campaign_in_workbooks_builds_the_pages_of_the_same_campaign_in_yaml(tmp_path):
    yaml_data = twin(tmp_path / "yaml", in_workbooks=False)
    xlsx_data = twin(tmp_path / "xlsx", in_workbooks=True)
    assert not list((xlsx_data / "rectifications").glob("*.yml"))
    assert load_campaign(xlsx_data).indicators.indicators[0].values  # read from the workbook
    from_yaml = built(tmp_path / "yaml-site", yaml_data)
    from_xlsx = built(tmp_path / "xlsx-site", xlsx_data)
    files = site_files(from_yaml)
    assert files == site_files(from_xlsx) and len(files) > 50
    differ = [name for name in files if not filecmp.cmp(from_yaml / name, from_xlsx / name, False)]
    # 来源 (internal build) names the file each value was read from: yml lines or workbook cells
    assert [
        name
        for name in differ
        if without_sources(from_yaml / name) != without_sources(from_xlsx / name)
    ] == []
    assert differ


SOURCE_ATTRS = re.compile(
    r' title="来源：[^"]*" data-source="[^"]*"| data-source="[^"]*"'
    r'|<details class="bx-sources".*?</details>|<code data-source="[^"]*">[^<]*</code>',
    re.S,
)


def without_sources(path: Path):
    """A page or data.json with every 来源 taken out."""
    text = path.read_text(encoding="utf-8")
    if path.name == "ledger.json":  # the table's rows name theirs under "src"
        rows = json.loads(text)
        for row in rows["rows"]:
            row.pop("src", None)
        return rows
    if path.name != "data.json":
        return SOURCE_ATTRS.sub("", text)
    data = json.loads(text)
    data["ledger"].pop("sources", None)
    for row in [r for i in data["indicators"] for r in i["units"]] + [
        r for x in data["rounds"] for r in x["ranking"]
    ]:
        row.pop("source", None)
    return data


def test_a_filled_in_template_builds(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DEMO, data)
    campaign = load_campaign(data)
    board = compute_board(campaign, campaign.plan.as_of)
    blank = next(t for t in templates_xlsx.templates(board) if t.name == "台账模板.xlsx")
    path = data / "rectifications" / "新发现.xlsx"
    path.write_bytes(blank.make())
    book = openpyxl.load_workbook(path)
    sheet = book["整改台账"]
    for column, value in zip(
        "ABCIJ",
        ["XL-2014-901", "濮阳南停车区", "新发现的围栏破损问题。", "2014/10/30", "整改中"],
        strict=True,
    ):
        sheet[f"{column}2"] = value
    book.save(path)
    site = built(tmp_path / "site", data)
    rows = soup(site, "rectification/").select("[data-item-id='XL-2014-901'], tr")
    assert any("新发现的围栏破损问题" in row.get_text() for row in rows)


def test_templates_are_offered_in_the_internal_build_only(demo_site, public_site):
    internal = soup(demo_site, "rectification/").select(
        ".bx-workbooks__templates a, .bx-workbooks__units a"
    )
    assert len(internal) == 1 + 10
    for link in internal:
        assert (demo_site / "rectification" / link["href"]).resolve().is_file()
    for page in ("indicators/", "ranking/"):
        links = soup(demo_site, page).select(".bx-workbooks a")
        assert len(links) == 2 and all(
            (demo_site / page / link["href"]).resolve().is_file() for link in links
        )
    assert not (public_site / "downloads" / "templates").exists()
    for page in ("rectification/", "indicators/", "ranking/"):
        assert not soup(public_site, page).select(".bx-workbooks__templates, .bx-workbooks__units")
    assert len(soup(public_site, "ranking/").select(".bx-workbooks__data a")) == 1


def check(data: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "BOARD_DATA": str(data), "PYTHONPATH": str(ROOT / "hooks")}
    return subprocess.run(
        [sys.executable, "-m", "bixue", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_the_data_check_passes_on_the_demo():
    result = check(DEMO)
    assert result.returncode == 0, result.stderr
    assert (
        "数据检查通过：10 个单位，43 项整改事项，3 轮评比，6 个典型案例，5 条通知公告"
        in result.stdout
    )


def test_the_data_check_prints_every_error(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DEMO, data)
    (data / "rectifications" / "2014-peer-review.xlsx").write_text("编号,问题\n")
    units = data / "units.yml"
    units.write_text(units.read_text(encoding="utf-8").replace("  name:", "  nmae:", 1))
    result = check(data)
    assert result.returncode == 1 and "数据检查通过" not in result.stdout
    assert (
        "数据有 " in result.stderr and "2014-peer-review.xlsx: 这不是 Excel 工作簿" in result.stderr
    )
    assert "units.yml" in result.stderr
