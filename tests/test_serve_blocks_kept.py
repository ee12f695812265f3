"""Under serve, a one-item ledger edit renders again only the blocks that show the ledger: blocks
given a frozenset (the units 逾期未报) or the board's unit lookup (本期动态) were rendered at
every rebuild, seconds of each at 500 units."""

from __future__ import annotations

import re
import shutil
from collections import Counter

from bixue import render
from conftest import ROOT, forget_kept, serve_build


def test_a_ledger_edit_renders_again_only_blocks_that_show_the_ledger(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    monkeypatch.setenv("BOARD_DATA", str(data))
    forget_kept()
    serve_build(tmp_path / "site")
    rendered: Counter = Counter()
    real = render._render_block

    def counted(template, context):
        rendered[template] += 1
        return real(template, context)

    monkeypatch.setattr(render, "_render_block", counted)
    ledger = sorted((data / "rectifications").glob("*.yml"))[0]
    text, edits = re.subn(r"(problem: )", r"\g<1>改：", ledger.read_text("utf-8"), count=1)
    assert edits == 1
    ledger.write_text(text, "utf-8")
    serve_build(tmp_path / "site")
    assert rendered["unit_ledger.html"] >= 1  # the edit is shown
    assert rendered["unit_indicators.html"] == 0
    assert rendered["screen_unit_indicators.html"] == 0
    assert rendered["indicators_latest.html"] == 0
    assert rendered["home_changes.html"] <= 2  # the home page's and the item's unit's at most
