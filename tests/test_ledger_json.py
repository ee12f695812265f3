"""rectification/ledger.json, which the ledger page's script filters and pages: every listed
item in id order, one compact row each; under `serve` rows of unchanged items are reused."""

from __future__ import annotations

import dataclasses
import datetime
import json

from bixue import load, render
from bixue.figures.board import compute_board, in_id_order
from bixue.pages import ledger_table
from bixue.session.build_session import BuildSession
from conftest import ROOT

AS_OF = datetime.date(2014, 10, 20)


def board(campaign):
    return compute_board(campaign, AS_OF, False)


def test_the_json_has_every_listed_row_in_id_order_and_reuses_rows_under_serve():
    campaign = load.load_campaign(ROOT / "data")
    first = board(campaign)
    text = ledger_table.json_file(first, {}).content
    units = {unit.id: index for index, unit in enumerate(campaign.units)}
    rows = in_id_order(first.listed_ledger())
    assert json.loads(text) == {
        "units": [[unit.id, unit.name] for unit in campaign.units],
        "rows": [ledger_table._row(row, units, None, True) for row in rows],
    }
    session = BuildSession(serving=True)
    with session.active():
        render.start_build(session)
        assert ledger_table.json_file(first, {}).content == text
        render.start_build(session)
        edited = dataclasses.replace(campaign.ledger[0], owner="新负责人")
        again = board(dataclasses.replace(campaign, ledger=(edited, *campaign.ledger[1:])))
        made = session.blocks.made
        changed = ledger_table.json_file(again, {}).content
        assert session.blocks.made - made == 1  # the edited item's row only
        assert [row.get("o") for row in json.loads(changed)["rows"]].count("新负责人") == 1
