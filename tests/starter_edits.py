"""The starter workbook of `bixue new` edited as a clerk edits it in Excel or WPS, for the tests of
slips on data/campaign.xlsx: each edit either reads as meant or gives one error."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import openpyxl
import pytest
from bixue.load import load_campaign
from bixue.outputs.campaign_starter import write_new
from conftest import load_errors

Edit = Callable[[openpyxl.Workbook], None]


YEAR_2026 = "1782000000"
"""SOURCE_DATE_EPOCH in 2026: the starter's year, so its dates are the ones edited here."""


def workbook_of(tmp_path: Path, edit: Edit) -> Path:
    """A new board's data/ (`bixue new`) with its campaign.xlsx edited as `edit` says."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", YEAR_2026)
        write_new(tmp_path)
    path = tmp_path / "data" / "campaign.xlsx"
    book = openpyxl.load_workbook(path)
    edit(book)
    book.save(path)
    return tmp_path / "data"


def read(tmp_path: Path, edit: Edit):
    return load_campaign(workbook_of(tmp_path, edit))


def one_error(tmp_path: Path, edit: Edit):
    found = load_errors(workbook_of(tmp_path, edit))
    assert len(found) == 1, [str(error) for error in found]
    return found[0]


def setting(book: openpyxl.Workbook, label: str, value) -> None:
    sheet = book["活动"]
    row = next(row for row in range(1, sheet.max_row + 1) if sheet.cell(row, 1).value == label)
    sheet.cell(row, 2).value = value


def percent(cell, value: float) -> None:
    cell.value, cell.number_format = value, "0%"


def rate_indicator(book: openpyxl.Workbook, target=None) -> None:
    """A second indicator, a level in percent (公示率), its value on 指标数值 row 3."""
    book["指标"].append(["gongshilv", "公示率", "%", "越高越好", "否", "否", target])
    book["指标数值"].append(["gongshilv", "bangongshi", None])


def by_name(book: openpyxl.Workbook, unit_id: str, name: str) -> None:
    """Every cell naming the unit by id names it by name instead."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows() if sheet.title != "单位" else ():
            for cell in row:
                cell.value = name if cell.value == unit_id else cell.value
