"""Golden bad data: the valid minimal campaign with something broken -> the exact error text.

A case folder holds `data/` (files that replace or join the valid campaign's; `*.xlsx.json` specs
become workbooks, see tests/workbooks.py), an optional `remove.txt` (files of the valid campaign
to delete) and `expected.txt`. Run with
`BIXUE_UPDATE_GOLDEN=1` to rewrite the expected texts, then review the diff.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import workbooks
from bixue.errors import DataErrors
from bixue.load import load_campaign

GOLDEN = Path(__file__).parent / "golden"
VALID = GOLDEN / "valid-minimal" / "data"
CASES = sorted(case for case in (GOLDEN / "errors").iterdir() if case.is_dir())


def assemble(case: Path, project: Path) -> Path:
    """The valid campaign under `project`, changed as the case says."""
    data = project / "data"
    shutil.copytree(VALID, data)
    removed = case / "remove.txt"
    for name in removed.read_text(encoding="utf-8").split() if removed.exists() else ():
        (data / name).unlink()
    if (case / "data").is_dir():
        shutil.copytree(case / "data", data, dirs_exist_ok=True)
    workbooks.build_specs(data)
    return data


def test_the_valid_campaign_loads():
    campaign = load_campaign(VALID)
    assert [unit.id for unit in campaign.units] == ["north", "south", "east-2"]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_data_is_reported(case: Path, tmp_path: Path):
    data = assemble(case, tmp_path)
    with pytest.raises(DataErrors) as caught:
        load_campaign(data)
    expected = case / "expected.txt"
    if os.environ.get("BIXUE_UPDATE_GOLDEN"):
        expected.write_text(str(caught.value) + "\n", encoding="utf-8")
    assert str(caught.value) + "\n" == expected.read_text(encoding="utf-8")
