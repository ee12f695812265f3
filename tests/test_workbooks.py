"""Workbooks as data: ledger, indicator and score workbooks read into the records the YAML gives,
the board's own downloads read back, and the templates it writes."""

from __future__ import annotations

import dataclasses
import datetime
import io
import shutil
from pathlib import Path

import openpyxl
import pytest
import workbooks
from bixue import privacy
from bixue.errors import DataErrors
from bixue.figures.board import compute_board
from bixue.load import load_campaign
from bixue.outputs import downloads, score_sheets, templates_xlsx

VALID = Path(__file__).parent / "golden" / "valid-minimal" / "data"
HEADERS = ["编号", "责任单位", "问题", "状态", "整改时限", "完成日期", "整改进展", "内部"]
AS_OF = datetime.date(2014, 6, 30)


@pytest.fixture
def data(tmp_path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(VALID, folder)
    return folder


def without_origin(records):
    return [dataclasses.replace(record, origin=None) for record in records]


def board_of(folder: Path, public: bool = False):
    campaign = load_campaign(folder)
    return compute_board(campaign, AS_OF, public)


def test_a_ledger_sheet_as_clerks_keep_it(data):
    rows = [
        ["示例片区整改台账"],
        [None],
        ["编号", "责任\n单位", "问 题", "状态", "整改时限", "完成日期", "整改进展", "内部", "逾期"],
        [
            "XL-1",
            "北区",
            "灯不亮。",
            "整改中",
            "2014/7/1",
            None,
            "2014-06-01 已报修\n继续跟进",
            "否",
            "是",
        ],
        [None, None, None],
        [" XL-2 ", "示例南服务区", "• 标识不清\n• 价签缺失", "已完成", {"date": "2014-06-01"}],
        ["XL-3", "east-2", {"text": "=号开头的文字"}, "ongoing", None, None, None, "是"],
    ]
    rows[5] += ["２０１４年５月３０日"]
    workbooks.write(
        data / "rectifications" / "台账.xlsx",
        {
            "说明": [["编号", "问题"]],
            "整改台账": rows,
            "笔记": [["随手记"]],
            "第二批": [
                ["编号", "单位", "问题", "状态"],
                ["XL-4", "南区", "价签不全。", "长期坚持"],
            ],
        },
        merge={"整改台账": "A1:H1"},
    )
    ledger = {item.id: item for item in load_campaign(data).ledger}
    first, second, third = ledger["XL-1"], ledger["XL-2"], ledger["XL-3"]
    assert (ledger["XL-4"].unit, ledger["XL-4"].status) == ("south", "ongoing")
    assert (first.unit, first.status, first.deadline) == (
        "north",
        "doing",
        datetime.date(2014, 7, 1),
    )
    assert [(u.date, u.note) for u in first.updates] == [
        (datetime.date(2014, 6, 1), "已报修\n继续跟进")
    ]
    assert first.internal is False and third.internal is True
    assert (second.unit, second.status, second.completed) == (
        "south",
        "done",
        datetime.date(2014, 5, 30),
    )
    assert second.problem == "- 标识不清\n- 价签缺失"
    assert third.problem == "=号开头的文字" and third.deadline is None
    assert first.origin.path == "data/rectifications/台账.xlsx" and first.origin.line == 4


def test_formula_cells_count_with_their_last_computed_value(data):
    rows = [HEADERS, ['="XL-"&1', "north", "灯不亮。", "todo", "=DATE(2014,7,31)"]]
    path = data / "rectifications" / "台账.xlsx"
    cached = {"整改台账!A2": "XL-1", "整改台账!E2": "2014-07-31"}
    workbooks.write(path, {"整改台账": rows}, cached=cached)
    item = next(item for item in load_campaign(data).ledger if item.id == "XL-1")
    assert item.deadline == datetime.date(2014, 7, 31)


def test_lock_files_are_never_read(data):
    (data / "rectifications" / "~$台账.xlsx").write_bytes(b"locked by someone")
    (data / "rectifications" / ".~台账.xlsx").write_bytes(b"locked by WPS")
    assert len(load_campaign(data).ledger) == 5


def test_yaml_statuses_may_be_chinese_labels(data):
    first = data / "rectifications" / "first.yml"
    first.write_text(first.read_text(encoding="utf-8").replace("status: done", "status: 已完成"))
    assert load_campaign(data).ledger[0].status == "done"


def test_indicator_values_from_a_workbook(data):
    yml = data / "indicators.yml"
    text = yml.read_text(encoding="utf-8")
    text = text.replace(
        "      north: {2014-Q1: 280, 2014-Q2: 610}\n      south: {2014-Q1: 300}\n", ""
    )
    yml.write_text(text.replace("    values:\n    target: {north", "    target: {north"))
    yml.write_text(yml.read_text(encoding="utf-8").replace("    values:\n", "", 1))
    sheet = [["单位", "2014-Q2", "2014-Q1", "目标"], ["北区", "６１０", 280, None]]
    sheet += [["south", None, 300, 1500], ["示例东停车区"]]
    workbooks.write(data / "indicators.xlsx", {"说明": [["x"]], "营业收入": sheet})
    revenue = load_campaign(data).indicators.indicators[0]
    assert revenue.values == {"north": {"2014-Q1": 280, "2014-Q2": 610}, "south": {"2014-Q1": 300}}
    assert revenue.targets == {"north": 1200, "south": 1500, "east-2": 1200}


def test_scores_from_a_workbook(data):
    yml = data / "evaluations.yml"
    text = yml.read_text(encoding="utf-8")
    start = text.index("    scores:")
    yml.write_text(text[:start] + text[text.index("  - id: 2014-Q2") :])
    sheet = [["单位", "设施设备", "service", "总分"], ["north", 18.5, 26, 44.5]]
    sheet += [["南区", 0, "28"], ["示例东停车区", None, None]]
    workbooks.write(data / "evaluations.xlsx", {"第一季度验收评比": sheet})
    first = load_campaign(data).evaluations.rounds[0]
    assert first.scores == {
        "north": {"service": 26, "facilities": 18.5},
        "south": {"service": 28, "facilities": 0},
    }


def test_the_ledger_download_reads_back_as_the_same_ledger(data, tmp_path):
    before = load_campaign(data)
    content = downloads.ledger_xlsx(board_of(data))
    for file in (data / "rectifications").glob("*.yml"):
        file.unlink()
    (data / "rectifications" / "台账.xlsx").write_bytes(content)
    after = load_campaign(data)

    def comparable(item):
        # Photos stay YAML; Markdown read back has no trailing line break.
        measures = item.measures.strip()
        return dataclasses.replace(
            item, origin=None, photo_before="", photo_after="", measures=measures
        )

    assert sorted(map(comparable, after.ledger), key=lambda i: i.id) == sorted(
        map(comparable, before.ledger), key=lambda i: i.id
    )


def test_the_score_and_indicator_downloads_read_back(data):
    before = load_campaign(data)
    board = compute_board(before, AS_OF)
    (data / "evaluations.xlsx").write_bytes(score_sheets.scores_xlsx(board))
    (data / "indicators.xlsx").write_bytes(score_sheets.indicators_xlsx(board))
    with pytest.raises(DataErrors) as caught:
        load_campaign(data)  # the YAML still holds them: given twice
    assert len(caught.value.errors) == 3
    for name, key in (("evaluations.yml", "scores:"), ("indicators.yml", "values:")):
        lines = (data / name).read_text(encoding="utf-8").splitlines(keepends=True)
        kept, cut = [], None
        for line in lines:
            indent = len(line) - len(line.lstrip())
            if cut is not None and indent > cut:
                continue
            cut = indent if line.strip() == key else None
            kept += [] if cut is not None else [line]
        (data / name).write_text("".join(kept), encoding="utf-8")
    after = load_campaign(data)
    assert after.evaluations.rounds[0].scores  # read from the workbook
    assert without_origin(after.evaluations.rounds) == without_origin(before.evaluations.rounds)
    assert without_origin(after.indicators.indicators) == without_origin(
        before.indicators.indicators
    )


# --- templates ---------------------------------------------------------------------------------


def template(board, dest: str) -> openpyxl.Workbook:
    found = next(t for t in templates_xlsx.templates(board) if t.dest_uri.endswith(dest))
    return openpyxl.load_workbook(io.BytesIO(found.make()))


def test_the_ledger_template_has_drop_downs_and_date_columns(data):
    book = template(board_of(data), "templates/ledger.xlsx")
    sheet = book["整改台账"]
    headers = [cell.value for cell in sheet[1]]
    assert headers == [name for name, _w, _n in templates_xlsx.LEDGER_COLUMNS]
    lists = {
        str(v.sqref).split(":")[0].rstrip("0123456789"): v
        for v in sheet.data_validations.dataValidation
    }
    column = {name: openpyxl.utils.get_column_letter(i + 1) for i, name in enumerate(headers)}
    assert lists[column["状态"]].type == "list"
    assert str(lists[column["状态"]].sqref) == f"J2:J{templates_xlsx.ROWS + 1}"
    assert lists[column["状态"]].formula1 == '"未启动,整改中,已完成,已销号,长期坚持"'
    units = lists[column["责任单位"]].formula1
    assert units == "'选项'!$A$2:$A$4"
    assert [book["选项"].cell(row=r, column=1).value for r in (2, 3, 4)] == [
        "示例北服务区",
        "示例南服务区",
        "示例东停车区",
    ]
    assert book["选项"].sheet_state == "hidden"
    for name in ("发现日期", "整改时限", "完成日期"):
        assert sheet[f"{column[name]}2"].number_format == "yyyy-mm-dd"
        assert sheet[f"{column[name]}{templates_xlsx.ROWS + 1}"].number_format == "yyyy-mm-dd"
    note = {row[0]: row[1] for row in book["说明"].iter_rows(values_only=True)}
    assert set(headers) <= set(note) and "已销号" in note["状态"]


def test_the_template_headers_are_the_loaders():
    from bixue.load.ledger_xlsx import HEADERS as LOADER_HEADERS

    assert {name for name, _w, _n in templates_xlsx.LEDGER_COLUMNS} <= set(LOADER_HEADERS)


def test_a_unit_template_holds_its_open_items(data):
    book = template(board_of(data), "templates/ledger-south.xlsx")
    rows = list(book["整改台账"].iter_rows(min_row=2, max_col=10, values_only=True))
    filled = [row for row in rows if row[0]]
    assert [row[0] for row in filled] == ["ZG-2014-002", "ZG-2014-003"]
    assert filled[0][9] == "整改中"


def test_the_public_build_has_no_templates(data):
    assert templates_xlsx.templates(board_of(data, public=True)) == []


def test_the_indicators_and_score_templates_have_a_sheet_each(data):
    board = board_of(data)
    indicators = template(board, "templates/indicators.xlsx")
    assert indicators.sheetnames == ["营业收入", "有效投诉", "说明"]
    assert [c.value for c in indicators["营业收入"][1]] == [
        "单位",
        "2014-Q1",
        "2014-Q2",
        "2014-Q3",
        "2014-Q4",
        "目标",
    ]
    assert [r[0] for r in indicators["营业收入"].iter_rows(min_row=2, values_only=True)] == [
        "示例北服务区",
        "示例南服务区",
        "示例东停车区",
    ]
    scores = template(board, "templates/evaluations.xlsx")
    assert scores.sheetnames == ["第一季度验收评比", "第二季度验收评比", "说明"]
    assert [c.value for c in scores["第二季度验收评比"][1]] == [
        "单位",
        "文明服务",
        "设施设备",
        "总分",
    ]


def test_a_filled_in_template_loads(data):
    book = template(board_of(data), "templates/ledger.xlsx")
    sheet = book["整改台账"]
    sheet.append([])  # ignored: the next row is written where the data stops
    sheet["A2"], sheet["B2"], sheet["C2"] = "XL-9", "示例东停车区", "围栏破损。"
    sheet["I2"], sheet["J2"] = datetime.date(2014, 8, 1), "未启动"
    book.save(data / "rectifications" / "新台账.xlsx")
    item = next(i for i in load_campaign(data).ledger if i.id == "XL-9")
    assert (item.unit, item.status, item.deadline) == ("east-2", "todo", datetime.date(2014, 8, 1))


def test_the_public_checks_name_the_cell_of_a_workbook_row(data):
    """A mobile number or a link to an internal case in a pasted row: the error names the sheet
    and the cell, under the column's header, and says how a workbook marks a row internal."""
    rows = [
        HEADERS,
        ["XL-1", "北区", "灯不亮。", "整改中", "2014/7/1"],
        [
            "XL-2",
            "北区",
            "问题见[内部案例](../exemplars/hidden/)。",
            "整改中",
            "2014/7/1",
            None,
            "2014-06-01 联系 13812345678 报修",
        ],
    ]
    workbooks.write(data / "rectifications" / "台账.xlsx", {"整改台账": rows})
    hidden = data / "exemplars" / "hidden.md"
    hidden.write_text(
        (data / "exemplars" / "smile-service.md")
        .read_text(encoding="utf-8")
        .replace("---\n", "---\ninternal: true\n", 1),
        encoding="utf-8",
    )
    found = [str(error) for error in privacy.check_public_text(load_campaign(data))]
    where = "data/rectifications/台账.xlsx:整改台账!"
    assert f"{where}G3: 整改进展: 公开版不得发布手机号码，发现 '13812345678'" in "\n".join(found)
    assert any(
        line.startswith(f"{where}C3: 问题: 链接 '../exemplars/hidden/' 指向内部内容 hidden")
        for line in found
    ), found
    assert all("在这一行的“内部”列" in line for line in found if line.startswith(where))
    assert not any("将此条" in line for line in found if line.startswith(where))
