"""A past day's board (a round's 通报) takes what no day changes from the current board: the
same figures as a board computed afresh, without computing every indicator ratio again."""

from __future__ import annotations

import dataclasses
import datetime

import pytest
from bixue import load
from bixue.figures.board import compute_board
from conftest import ROOT


@pytest.fixture(scope="module")
def board():
    campaign = load.load_campaign(ROOT / "data", project_dir=ROOT)
    return compute_board(campaign, campaign.plan.as_of)


def past_days(board):
    start, end = board.campaign.plan.start, board.campaign.plan.end
    middle = start + (end - start) / 2
    rounds = [view.round.date for view in board.rounds]
    return [start, middle, *rounds, start - datetime.timedelta(days=30)]


def test_a_board_lent_figures_equals_one_computed_afresh(board):
    for day in past_days(board):
        lent = compute_board(board.campaign, day, like=board)
        afresh = compute_board(board.campaign, day)
        assert lent.indicators == afresh.indicators, day
        assert lent.rounds == afresh.rounds, day
        assert lent == dataclasses.replace(afresh, indicators=lent.indicators, rounds=lent.rounds)


def test_only_behind_is_held_against_the_day(board):
    early = board.campaign.plan.start + datetime.timedelta(days=20)
    lent = compute_board(board.campaign, early, like=board)
    assert lent.rounds is board.rounds
    shared = changed = 0
    for now, then in zip(board.indicators, lent.indicators, strict=True):
        if then.indicator is not now.indicator:  # counted from the activity log as of the day
            assert then.indicator.source
            continue
        for row_now, row_then in zip(now.rows, then.rows, strict=True):
            if row_then is row_now:
                shared += 1
            else:
                changed += 1
                assert row_then.behind != row_now.behind
                assert dataclasses.replace(row_then, behind=row_now.behind) == row_now
    assert shared > 20 and changed > 0  # the demo has units ahead and behind of both days


def test_nothing_is_lent_from_a_board_of_other_units(board):
    first, *others = board.campaign.units
    renamed = dataclasses.replace(first, name=first.name + "（新）")
    campaign = dataclasses.replace(board.campaign, units=(renamed, *others))
    day = board.rounds[0].round.date
    lent = compute_board(campaign, day, like=board)
    assert lent.rounds is not board.rounds
    assert (lent.rounds, lent.indicators) == (
        compute_board(campaign, day).rounds,
        compute_board(campaign, day).indicators,
    )
    names = {row.unit.name for view in lent.indicators for row in view.rows}
    assert renamed.name in names and first.name not in names


def test_the_last_builds_board_lends_all_but_what_the_edit_changed(board):
    """Under serve the last build's board is `like`: an edited ledger item is a new record, so
    only its row and its unit's figures are computed again."""
    campaign = board.campaign
    edited = dataclasses.replace(campaign.ledger[3], problem=campaign.ledger[3].problem + "（改）")
    ledger = (*campaign.ledger[:3], edited, *campaign.ledger[4:])
    again = compute_board(dataclasses.replace(campaign, ledger=ledger), board.as_of, like=board)
    afresh = compute_board(dataclasses.replace(campaign, ledger=ledger), board.as_of)
    assert again == dataclasses.replace(afresh, campaign=again.campaign)
    for view, had in zip(again.indicators, board.indicators, strict=True):
        assert (view is had) != bool(view.indicator.source)  # counted from the log: anew
    new_rows = [row for row, had in zip(again.ledger, board.ledger, strict=True) if row is not had]
    assert [row.item for row in new_rows] == [edited]
    changed_unit = edited.unit
    for unit in campaign.units:
        same = again.ledger_by_unit[unit.id] is board.ledger_by_unit[unit.id]
        assert same == (unit.id != changed_unit) or not board.ledger_by_unit[unit.id].total


def test_nothing_of_the_ledger_is_lent_from_another_day(board):
    day = board.rounds[0].round.date
    lent = compute_board(board.campaign, day, like=board)
    assert not set(map(id, lent.ledger)) & set(map(id, board.ledger))
