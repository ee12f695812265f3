"""Hidden sheets, rows and columns of a table the board reads: each is an error naming the sheet
and rows, never published unseen; a hidden sheet no reader reads (a 选项 list) is fine."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import workbooks
from bixue.errors import DataErrors
from bixue.load import load_campaign
from hypothesis import given, settings
from hypothesis import strategies as st

VALID = Path(__file__).parent / "golden" / "valid-minimal" / "data"
HEADER = ["编号", "责任单位", "问题", "状态"]
ROWS = 8


def ledger(tmp_path: Path, hidden) -> Path:
    data = tmp_path / "data"
    shutil.copytree(VALID, data, dirs_exist_ok=True)
    rows = [HEADER] + [[f"XL-{n}", "north", f"问题{n}。", "长期坚持"] for n in range(ROWS)]
    workbooks.write(data / "rectifications" / "台账.xlsx", {"整改台账": rows}, hidden=hidden)
    return data


def expected_runs(rows):
    runs, ordered = [], sorted(rows)
    for row in ordered:
        if runs and runs[-1][1] == row - 1:
            runs[-1][1] = row
        else:
            runs.append([row, row])
    return [f"整改台账!A{first}" for first, _last in runs]


@settings(max_examples=30, deadline=None)
@given(st.sets(st.integers(2, ROWS + 1), min_size=1))
def test_each_run_of_hidden_rows_is_one_error_at_its_first_row(tmp_path_factory, rows):
    data = ledger(tmp_path_factory.mktemp("h"), {"整改台账": sorted(rows)})
    with pytest.raises(DataErrors) as caught:
        load_campaign(data)
    assert [error.cell for error in caught.value.errors] == expected_runs(rows)
    assert all("是隐藏的" in error.message for error in caught.value.errors)


def test_a_hidden_row_above_the_header_is_not_part_of_the_table(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    rows = [["示例整改台账"], HEADER, ["XL-1", "north", "积水。", "长期坚持"]]
    path = data / "rectifications" / "台账.xlsx"
    workbooks.write(path, {"整改台账": rows}, hidden={"整改台账": [1]})
    assert "XL-1" in {item.id for item in load_campaign(data).ledger}


def test_a_hidden_column_no_reader_reads_is_fine(tmp_path):
    data = ledger(tmp_path, {"整改台账": ["F"]})
    assert "XL-1" in {item.id for item in load_campaign(data).ledger}


def test_a_hidden_list_sheet_is_fine(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    sheets = {"整改台账": [HEADER, ["XL-1", "north", "积水。", "长期坚持"]], "选项": [["north"]]}
    workbooks.write(data / "rectifications" / "台账.xlsx", sheets, hidden={"选项": True})
    assert "XL-1" in {item.id for item in load_campaign(data).ledger}
