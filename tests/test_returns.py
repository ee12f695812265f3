"""Returns: a unit's workbook made by `templates`, filled in and put into data/returns/, updates
its items of the ledger by 编号 (no rows copied); check lists what it changed; another unit's item
or an unknown 编号 is one error naming the file and cell."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import openpyxl
from bixue import __main__ as cli
from bixue.build import load_board
from bixue.load import load_campaign
from bixue.outputs import templates_xlsx
from conftest import ROOT, built, campaign_of_2012, load_errors, soup

NORTH = "台账-示例北服务区.xlsx"
SOUTH = "台账-示例南服务区.xlsx"


def unit_workbook(data: Path, name: str, as_of: str = "") -> openpyxl.Workbook:
    """The unit's workbook as `templates` hands it out, open as the unit opens it."""
    board = load_board(ROOT, {"BOARD_DATA": str(data), "BOARD_AS_OF": as_of}, "")
    made = next(t for t in templates_xlsx.templates(board) if t.name == name)
    return openpyxl.load_workbook(io.BytesIO(made.make()))


def send_back(data: Path, book: openpyxl.Workbook, name: str, folder: str = "returns") -> Path:
    (data / folder).mkdir(exist_ok=True)
    book.save(data / folder / name)
    return data / folder / name


def north_done(data: Path) -> openpyxl.Workbook:
    """North's return: its open item ZG-2012-005 done, with measures and two updates."""
    book = unit_workbook(data, NORTH)
    sheet = book["整改台账"]
    assert sheet["A2"].value == "ZG-2012-005" and sheet["J2"].value == "未启动"
    sheet["J2"] = "已完成"
    sheet["K2"] = datetime.datetime(2012, 6, 20)
    sheet["D2"] = "逐一补齐价签。"
    sheet["L2"] = "2012-06-10 已补齐价签\n2012-06-20 复查合格"
    return book


def test_a_return_updates_its_items_and_copies_no_row(tmp_path):
    data = campaign_of_2012(tmp_path)
    before = load_campaign(data)
    send_back(data, north_done(data), NORTH)
    after = load_campaign(data)
    assert [item.id for item in after.ledger] == [item.id for item in before.ledger]
    item = next(item for item in after.ledger if item.id == "ZG-2012-005")
    old = next(item for item in before.ledger if item.id == "ZG-2012-005")
    assert (item.status, item.completed, item.measures) == (
        "done",
        datetime.date(2012, 6, 20),
        "逐一补齐价签。",
    )
    assert [(u.date.isoformat(), u.note) for u in item.updates] == [
        ("2012-06-20", "复查合格"),
        ("2012-06-10", "已补齐价签"),
    ]
    # Every column a unit may not report stays the ledger's.
    assert (item.problem, item.deadline, item.unit, item.origin) == (
        old.problem,
        old.deadline,
        old.unit,
        old.origin,
    )
    others = [i for i in after.ledger if i.id != "ZG-2012-005"]
    assert others == [i for i in before.ledger if i.id != "ZG-2012-005"]


def test_check_lists_what_each_return_changed(tmp_path, capsys, monkeypatch):
    data = campaign_of_2012(tmp_path)
    send_back(data, north_done(data), NORTH)
    send_back(data, unit_workbook(data, SOUTH), SOUTH)  # sent back as it was
    monkeypatch.setenv("BOARD_DATA", str(data))
    assert cli.main(["check", "--project", str(ROOT)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1:3] == [
        f"{NORTH}: ZG-2012-005 未启动 → 已完成，完成日期 2012-06-20，整改措施已更新，"
        "整改进展 +2 条",
        f"{SOUTH}: 没有改动（2 项）",
    ]
    assert lines[3].startswith("数据检查通过：3 个单位，5 项整改事项")


def test_an_unchanged_item_keeps_its_markdown_and_its_updates(tmp_path):
    data = campaign_of_2012(tmp_path)
    ledger = data / "rectifications" / "second.yml"
    text = ledger.read_text("utf-8").replace(
        "  status: todo\n",
        "  status: todo\n  measures: |\n    - 更换**价签**\n    - 每周检查\n"
        "  updates:\n    - {date: 2012-05-02, note: 已**订购**价签。}\n",
    )
    ledger.write_text(text, "utf-8")
    before = load_campaign(data)
    book = unit_workbook(data, NORTH)
    book["整改台账"]["J2"] = "整改中"
    send_back(data, book, NORTH)
    item = next(item for item in load_campaign(data).ledger if item.id == "ZG-2012-005")
    old = next(item for item in before.ledger if item.id == "ZG-2012-005")
    assert item.status == "doing"
    assert (item.measures, item.updates) == (old.measures, old.updates)


def test_the_published_ledger_shows_the_returned_values(tmp_path):
    data = campaign_of_2012(tmp_path)
    send_back(data, north_done(data), NORTH)
    site = built(tmp_path / "site", data)
    page = soup(site, "rectification/")
    rows = page.select("#bx-ledger-table tbody tr")
    assert [row["data-item"] for row in rows].count("ZG-2012-005") == 1
    row = page.select_one('tr[data-item="ZG-2012-005"]')
    assert row["data-status"] == "done"
    assert row.select_one('[data-field="completed"] time').get_text() == "2012-06-20"
    assert row.select_one('[data-field="measures"]').get_text(strip=True) == "逐一补齐价签。"
    notes = [li.get_text(" ", strip=True) for li in row.select('[data-field="updates"] li')]
    assert len(notes) == 2 and "复查合格" in notes[0]


def errors_of(data: Path):
    return [(e.path, e.cell, e.field, e.message, e.hint) for e in load_errors(data)]


def test_another_units_item_and_an_unknown_id_are_errors_naming_the_cell(tmp_path):
    data = campaign_of_2012(tmp_path)
    book = unit_workbook(data, SOUTH)
    sheet = book["整改台账"]
    sheet["A4"], sheet["B4"], sheet["C4"], sheet["J4"] = "ZG-2012-005", "北区", "价签", "整改中"
    sheet["A5"], sheet["B5"], sheet["C5"], sheet["J5"] = "ZG-2012-099", "南区", "新问题", "未启动"
    send_back(data, book, SOUTH)
    found = errors_of(data)
    assert len(found) == 2, found
    (other, unknown) = found
    assert other[0].endswith(f"returns/{SOUTH}") and other[1:3] == ("整改台账!A4", "编号")
    assert other[3] == "ZG-2012-005 是示例北服务区的事项，不是示例南服务区的"
    assert unknown[1:4] == ("整改台账!A5", "编号", "整改台账里没有编号为 ZG-2012-099 的事项")
    assert "新发现的问题请写进总台账" in unknown[4]


def test_a_return_in_the_ledger_folder_is_one_error_saying_where_it_goes(tmp_path):
    data = campaign_of_2012(tmp_path)
    send_back(data, north_done(data), NORTH, folder="rectifications")
    (error,) = errors_of(data)
    assert error[0].endswith(f"rectifications/{NORTH}") and "交回" in error[3]
    assert "data/returns/" in error[4]


def test_an_item_returned_twice_is_an_error(tmp_path):
    data = campaign_of_2012(tmp_path)
    first, again = north_done(data), north_done(data)  # a unit that sent it twice
    send_back(data, first, NORTH)
    send_back(data, again, "台账-示例北服务区 (1).xlsx")
    (error,) = errors_of(data)
    # Files are read in name order: "… (1).xlsx" first, the error is the second file's.
    assert error[0].endswith(f"returns/{NORTH}") and error[1] == "整改台账!A2"
    assert error[3] == "ZG-2012-005 已经在 台账-示例北服务区 (1).xlsx 的 整改台账!A2 交回过"


def test_a_return_whose_status_and_date_disagree_names_the_cell(tmp_path):
    data = campaign_of_2012(tmp_path)
    book = unit_workbook(data, NORTH)
    book["整改台账"]["J2"] = "已完成"  # no 完成日期
    send_back(data, book, NORTH)
    (error,) = errors_of(data)
    assert error[1:3] == ("整改台账!K2", "完成日期")
    assert error[3] == "状态为 “已完成”的事项必须写完成日期"


def test_a_workbook_of_no_known_unit_is_one_error(tmp_path):
    data = campaign_of_2012(tmp_path)
    book = north_done(data)
    del book["说明"]
    send_back(data, book, "办公室交回.xlsx")
    (error,) = errors_of(data)
    assert (
        error[0].endswith("returns/办公室交回.xlsx") and error[3] == "看不出这个交回表是哪个单位的"
    )


def test_a_slip_in_the_ledger_is_not_reported_again_by_the_returns(tmp_path):
    data = campaign_of_2012(tmp_path)
    send_back(data, north_done(data), NORTH)
    ledger = data / "rectifications" / "second.yml"
    text = ledger.read_text("utf-8")
    cut = text.index("- id: ZG-2012-005\n")
    ledger.write_text(text[:cut] + "- ZG-2012-005 超市价签不全\n", "utf-8")  # the item is lost
    (error,) = errors_of(data)
    assert error[0].endswith("rectifications/second.yml")


def test_a_later_round_of_returns_overrides_an_earlier_one(tmp_path, capsys, monkeypatch):
    data = campaign_of_2012(tmp_path)
    first = unit_workbook(data, NORTH)  # sent out as of 2012-06-30
    first["整改台账"]["J2"] = "整改中"
    first["整改台账"]["L2"] = "2012-06-25 已订购价签"
    send_back(data, first, "台账-示例北服务区-6月.xlsx")
    second = unit_workbook(data, NORTH, as_of="2012-07-15")  # the next round, made after it
    sheet = second["整改台账"]
    assert (sheet["A2"].value, sheet["J2"].value) == ("ZG-2012-005", "整改中")
    sheet["J2"], sheet["K2"] = "已完成", datetime.datetime(2012, 7, 10)
    sheet["L2"] = f"{sheet['L2'].value}\n2012-07-10 价签已补齐"
    send_back(data, second, "台账-示例北服务区-1.xlsx")  # sorts first by name: dates decide
    item = next(item for item in load_campaign(data).ledger if item.id == "ZG-2012-005")
    assert (item.status, item.completed, len(item.updates)) == (
        "done",
        datetime.date(2012, 7, 10),
        2,
    )
    monkeypatch.setenv("BOARD_DATA", str(data))
    monkeypatch.setenv("BOARD_AS_OF", "2012-07-15")  # the board of the second round
    assert cli.main(["check", "--project", str(ROOT)]) == 0
    assert capsys.readouterr().out.splitlines()[1:3] == [
        "台账-示例北服务区-6月.xlsx: ZG-2012-005 未启动 → 整改中，整改进展 +1 条",
        "台账-示例北服务区-1.xlsx: ZG-2012-005 整改中 → 已完成，完成日期 2012-07-10，"
        "整改进展 +1 条",
    ]
