"""The 通报 (.docx): read back with python-docx, every figure is the built board's own."""

from __future__ import annotations

import datetime
import io
import json
import re
import subprocess
import sys

import docx
import pytest
from bixue import build, report
from bixue.report.gather import CLOSING
from conftest import ROOT, soup
from docx.shared import Pt

AS_OF = "2014-10-20"


@pytest.fixture(scope="module")
def board():
    return build.load_board(ROOT, {}, "")


@pytest.fixture(scope="module")
def document(demo_site):
    return docx.Document(demo_site / "downloads" / f"通报-{AS_OF}.docx")


def texts(document) -> list:
    return [p.text for p in document.paragraphs]


def line_starting(document, start: str) -> str:
    found = [text for text in texts(document) if text.startswith(start)]
    assert len(found) == 1, (start, texts(document))
    return found[0]


def table_with(document, header: str):
    tables = [t for t in document.tables if t.rows[0].cells[0].text == header]
    assert len(tables) == 1
    return [[cell.text for cell in row.cells] for row in tables[0].rows]


def test_the_home_page_and_each_round_offer_their_report(demo_site):
    link = soup(demo_site, "").select_one("[data-bx-block=report] a")
    assert link["href"].endswith(f"downloads/%E9%80%9A%E6%8A%A5-{AS_OF}.docx") or link[
        "href"
    ].endswith(f"downloads/通报-{AS_OF}.docx")
    data = json.loads((demo_site / "data.json").read_text(encoding="utf-8"))
    ranking = soup(demo_site, "ranking/")
    offered = [p["data-as-of"] for p in ranking.select("[data-bx-block=report]")]
    assert sorted(offered) == sorted(r["date"] for r in data["rounds"])
    for day in offered + [AS_OF]:
        assert (demo_site / "downloads" / f"通报-{day}.docx").is_file()


def test_the_public_build_offers_none(public_site):
    assert not list(public_site.rglob("*.docx"))
    assert not soup(public_site, "").select("[data-bx-block=report]")
    assert not soup(public_site, "ranking/").select("[data-bx-block=report]")


def test_opening_and_ledger_figures_are_the_boards(demo_site, document):
    data = json.loads((demo_site / "data.json").read_text(encoding="utf-8"))
    assert document.paragraphs[0].text == f"关于{data['title']}进展情况的通报"
    opening = line_starting(document, "截至")
    assert opening.startswith("截至2014年10月20日")
    assert f"序时进度 {data['time_progress_pct']}" in opening
    assert f"“{data['phase']}”" in opening
    ledger = data["ledger"]
    line = line_starting(document, "整改台账共")
    numbers = re.search(r"共 (\d+) 项，完成 (\d+) 项.*整改完成率 ([\d.]+%)，销号率 ([\d.]+%)", line)
    assert numbers.groups() == (
        str(ledger["total"]),
        str(ledger["finished"]),
        ledger["completion_rate_pct"],
        ledger["closure_rate_pct"],
    )
    assert f"逾期 {ledger['overdue']} 项" in line and f"到期 {ledger['due_soon']} 项" in line
    updated = datetime.date.fromisoformat(ledger["updated"])
    assert line.endswith(f"整改台账更新至 {updated.month}月{updated.day}日。")


def test_overdue_items_by_unit_are_the_ledger_pages(demo_site, document):
    page = soup(demo_site, "rectification/")
    listed = {}
    for row in page.select("table.bx-ledger-overdue tbody tr[data-item]"):
        unit = row.select("td")[1].get_text(strip=True)
        days = re.search(r"\d+", row.select_one("[data-field=days-late]").get_text()).group()
        listed.setdefault(unit, set()).add(f"{row['data-item']}（逾期{days}天）")
    table = table_with(document, "责任单位")
    names = {
        u["short"]: u["name"] for u in json.loads((demo_site / "data.json").read_text())["units"]
    }
    in_report = {row[0]: set(row[2].split("、")) for row in table[1:]}
    assert {names.get(k, k): v for k, v in listed.items()} == in_report
    assert all(int(row[1]) == len(in_report[row[0]]) for row in table[1:])
    counts = [int(row[1]) for row in table[1:]]
    assert counts == sorted(counts, reverse=True)


def test_due_soon_items_are_the_ledger_pages(demo_site, document):
    page = soup(demo_site, "rectification/")
    due = [row["data-item"] for row in page.select("table.bx-ledger-due-soon tbody tr[data-item]")]
    assert due
    for item in due:
        assert line_starting(document, item + "，")


def test_the_ranking_is_the_latest_rounds(demo_site, document):
    data = json.loads((demo_site / "data.json").read_text(encoding="utf-8"))
    names = {unit["id"]: unit["name"] for unit in data["units"]}
    latest = data["rounds"][-1]
    table = table_with(document, "名次")
    expected = [
        [str(r["rank"]), names[r["unit"]], f"{r['total']:g}", r["level"] or "—"]
        for r in latest["ranking"]
        if r["rank"] is not None
    ]
    assert [row[:4] for row in table[1:]] == expected
    assert line_starting(document, latest["name"]).startswith(f"{latest['name']}（2014年10月10日）")


def test_red_and_black_lists_are_the_screens(demo_site, document):
    slide = next(path for path in (demo_site / "screen-slides").glob("ranking-*.html")).read_text(
        encoding="utf-8"
    )
    from bs4 import BeautifulSoup

    page = BeautifulSoup(slide, "html.parser")
    names = {u["id"]: u["name"] for u in json.loads((demo_site / "data.json").read_text())["units"]}
    red = [names[li["data-unit"]] for li in page.select(".sc-board--red li")]
    black = [names[li["data-unit"]] for li in page.select(".sc-board--black li")]
    line = line_starting(document, "红榜：")
    red_part, black_part = line.removeprefix("红榜：").rstrip("。").split("；黑榜：")
    assert [entry.split("（")[0] for entry in red_part.split("、")] == red
    assert [entry.split("（")[0] for entry in black_part.split("、")] == black


def test_indicators_name_the_units_behind(demo_site, document):
    data = json.loads((demo_site / "data.json").read_text(encoding="utf-8"))
    names = {unit["id"]: unit["name"] for unit in data["units"]}
    for indicator in data["indicators"]:
        line = line_starting(document, indicator["name"] + "（")
        if indicator["completion_pct"] != "—":
            assert f"整体完成率 {indicator['completion_pct']}" in line
        behind = [
            f"{names[row['unit']]}（{row['completion_pct']}）"
            for row in indicator["units"]
            if row["behind"]
        ]
        if behind:
            assert "：" + "、".join(behind) in line
        late = [
            f"{names[row['unit']]}（报至 {row['latest_period']}）"
            for row in indicator["units"]
            if row["overdue_report"]
        ]
        if late:
            assert f"逾期未报（应报至 {indicator['period_due']}）：" + "、".join(late) in line
        missing = [names[row["unit"]] for row in indicator["units"] if row["latest"] is None]
        if missing:
            assert "未报送：" + "、".join(missing) in line


def test_projects_are_the_boards(demo_site, document):
    projects = json.loads((demo_site / "data.json").read_text(encoding="utf-8"))["projects"]
    line = line_starting(document, "重点项目")
    assert f"重点项目 {projects['total']} 个" in line
    assert f"投资完成率 {projects['completion_pct']}" in line
    assert f"落后序时进度 {projects['behind']} 个" in line
    table = table_with(document, "项目")
    assert [row[0] for row in table[1:]] == [item["name"] for item in projects["items"]]
    assert [row[3] for row in table[1:]] == [
        item["completion_pct"]
        if item["completed"] is not None or item["kind"] == "task"
        else "未报送"
        for item in projects["items"]
    ]


def test_changes_of_the_window_are_listed(demo_site, document):
    changes = json.loads((demo_site / "data.json").read_text(encoding="utf-8"))["changes"]
    done = line_starting(document, "完成整改事项")
    assert [entry.split("（")[0] for entry in done.split("：")[1].rstrip("。").split("、")] == [
        item["id"] for item in changes["completed"]
    ]
    overdue = line_starting(document, "新增逾期事项")
    assert f"{len(changes['became_overdue'])} 项" in overdue


def test_the_closing_paragraph_is_left_for_the_clerk(document):
    closing = next(p for p in document.paragraphs if p.text == CLOSING)
    assert closing.runs[0].font.highlight_color is not None
    assert document.paragraphs[-1].text == "2014年10月20日"


def test_a_rounds_report_is_the_board_as_of_that_round(demo_site):
    data = json.loads((demo_site / "data.json").read_text(encoding="utf-8"))
    names = {unit["id"]: unit["name"] for unit in data["units"]}
    first = data["rounds"][0]
    document = docx.Document(demo_site / "downloads" / f"通报-{first['date']}.docx")
    assert line_starting(document, "截至").startswith("截至2014年4月10日")
    table = table_with(document, "名次")
    assert table[0] == ["名次", "单位", "总分", "等级"]  # the first round has no change column
    assert [row[1] for row in table[1:]] == [
        names[r["unit"]] for r in first["ranking"] if r["rank"] is not None
    ]


def test_gbt_9704_layout(document):
    section = document.sections[0]
    assert [round(length.mm) for length in (section.page_width, section.page_height)] == [210, 297]
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(margin.mm, 1) for margin in margins] == [37, 35, 28, 26]
    assert look(document.paragraphs[0]) == ("方正小标宋简体", Pt(22))
    body = document.paragraphs[3]
    assert body.style.paragraph_format.line_spacing == Pt(28)
    assert body.style.paragraph_format.first_line_indent == Pt(32)
    assert look(body) == ("仿宋_GB2312", Pt(16))
    first = next(p for p in document.paragraphs if p.text.startswith("一、"))
    second = next(p for p in document.paragraphs if p.text.startswith("（一）"))
    assert look(first) == ("黑体", Pt(16)) and look(second) == ("楷体_GB2312", Pt(16))
    cell = document.tables[0].rows[1].cells[0].paragraphs[0]
    assert look(cell) == ("仿宋_GB2312", Pt(12))
    for footer in (section.footer, section.even_page_footer):
        xml = footer.paragraphs[0]._p.xml
        assert "PAGE" in xml and footer.paragraphs[0].text.replace("1", "").strip() == "—  —"
    assert document.settings.odd_and_even_pages_header_footer


def look(paragraph):
    """The East Asian font and size a paragraph's style gives its text."""
    from docx.oxml.ns import qn

    style = paragraph.style
    fonts = style.element.rPr.find(qn("w:rFonts"))
    return fonts.get(qn("w:eastAsia")), style.font.size


def test_the_command_writes_the_same_bytes_as_the_build(demo_site, tmp_path):
    out = tmp_path / "通报.docx"
    result = subprocess.run(
        [sys.executable, "-m", "bixue", "report", str(out), "--as-of", AS_OF],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == (demo_site / "downloads" / f"通报-{AS_OF}.docx").read_bytes()
    bad = subprocess.run(
        [sys.executable, "-m", "bixue", "report", str(out), "--as-of", "2014-7"],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and "--as-of" in bad.stderr


def test_bytes_are_stable_and_dated_by_the_as_of_day(board):
    first, second = report.document(board), report.document(board)
    assert first == second
    properties = docx.Document(io.BytesIO(first)).core_properties
    assert properties.created.date().isoformat() == AS_OF


def test_a_long_title_is_whole_on_the_page_and_cut_in_the_properties(board):
    import dataclasses

    long = "很长的活动名称" * 50
    plan = dataclasses.replace(board.campaign.plan, title=long)
    other = dataclasses.replace(board, campaign=dataclasses.replace(board.campaign, plan=plan))
    document = docx.Document(io.BytesIO(report.document(other)))
    assert document.paragraphs[0].text == f"关于{long}进展情况的通报"
    assert len(document.core_properties.title) == 255
