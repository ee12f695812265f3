"""The computed figures of DATA-MODEL.md, including the edge cases its definitions name."""

from __future__ import annotations

from fractions import Fraction

import pytest
from bixue import figures
from bixue.figures.board import compute_board
from bixue.model import (
    Campaign,
    Criterion,
    Evaluations,
    Indicator,
    Indicators,
    Level,
    Phase,
    Round,
    Unit,
)
from boards import AS_OF, D, item, plan


def test_time_progress_matches_the_worked_example():
    progress = figures.time_progress(D("2014-03-01"), D("2014-12-31"), D("2014-06-30"))
    assert progress == Fraction(122, 306)
    assert figures.format_percent(progress) == "39.9%"


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        ("2014-02-01", "0.0%"),
        ("2014-03-01", "0.3%"),
        ("2014-12-31", "100.0%"),
        ("2015-06-01", "100.0%"),
    ],
)
def test_time_progress_is_clamped(as_of, expected):
    progress = figures.time_progress(D("2014-03-01"), D("2014-12-31"), D(as_of))
    assert figures.format_percent(progress) == expected


PHASES = (
    Phase("a", "动员部署", D("2014-03-01"), D("2014-03-31")),
    Phase("b", "内部自查", D("2014-04-10"), D("2014-04-30")),
)


@pytest.mark.parametrize(
    ("as_of", "label", "phase_id"),
    [
        ("2014-02-28", "未开始", None),
        ("2014-03-01", "动员部署", "a"),
        ("2014-03-31", "动员部署", "a"),
        ("2014-04-05", "阶段间隙", None),
        ("2014-04-30", "内部自查", "b"),
        ("2014-05-01", "已结束", None),
    ],
)
def test_current_phase(as_of, label, phase_id):
    status = figures.current_phase(PHASES, D(as_of))
    assert status.label == label
    assert (status.phase.id if status.phase else None) == phase_id


def test_current_phase_is_the_first_of_overlapping_phases():
    overlapping = PHASES + (Phase("c", "全程", D("2014-03-01"), D("2014-12-31")),)
    assert figures.current_phase(overlapping, D("2014-03-15")).phase.id == "a"


PERIODS = ("2014-Q1", "2014-Q2", "2014-Q3", "2014-Q4")


def test_latest_value_is_the_last_reported_period_in_periods_order():
    values = {"2014-Q3": 5, "2014-Q1": 1}
    assert figures.latest_value(values, PERIODS) == ("2014-Q3", 5)


def test_a_unit_that_reported_nothing_has_no_latest_value():
    assert figures.latest_value({}, PERIODS) is None


def test_a_reported_zero_is_a_value():
    assert figures.latest_value({"2014-Q1": 0}, PERIODS) == ("2014-Q1", 0)


@pytest.mark.parametrize(
    ("direction", "latest", "target", "expected"),
    [
        ("up", 600, 1200, Fraction(1, 2)),
        ("up", 1500, 1200, Fraction(5, 4)),
        ("down", 4, 6, Fraction(1)),
        ("down", 6, 6, Fraction(1)),
        ("down", 8, 6, Fraction(3, 4)),
        ("down", 0, 6, Fraction(1)),
        ("up", None, 1200, None),
        ("up", 5, 0, None),
    ],
)
def test_completion(direction, latest, target, expected):
    assert figures.completion(direction, latest, target) == expected


def test_completion_can_exceed_100_percent_for_up():
    assert figures.format_percent(figures.completion("up", 1300, 1200)) == "108.3%"


def indicator(**kwargs) -> Indicator:
    return Indicator(id="revenue", name="营业收入", **kwargs)


def test_behind_schedule_only_for_cumulative_up_indicators():
    progress = Fraction(1, 2)
    assert figures.is_behind(indicator(), Fraction(2, 5), progress)
    assert not figures.is_behind(indicator(), Fraction(1, 2), progress)
    assert not figures.is_behind(indicator(cumulative=False), Fraction(2, 5), progress)
    assert not figures.is_behind(indicator(direction="down"), Fraction(2, 5), progress)
    assert not figures.is_behind(indicator(), None, progress)


def test_board_completion_counts_units_with_target_and_latest_value():
    revenue = indicator(
        targets={"a": 100, "b": 200, "c": 300},
        values={"a": {"2014-Q1": 50, "2014-Q2": 80}, "b": {"2014-Q1": 100}, "d": {"2014-Q1": 999}},
    )
    # a: 80/100, b: 100/200; c reported nothing, d has no target
    assert figures.board_completion(revenue, PERIODS) == Fraction(180, 300)
    assert figures.board_completion(indicator(direction="down", targets={"a": 1}), PERIODS) is None


UNITS = tuple(Unit(uid, uid.upper()) for uid in ("a", "b", "c", "d", "e"))


def scored_round(scores: dict) -> Round:
    return Round("r", "评比", D("2014-04-10"), {u: {"x": s} for u, s in scores.items()})


def test_tied_totals_share_a_rank_and_the_next_rank_skips():
    ranked = figures.rank_round(scored_round({"a": 80, "b": 90, "c": 90, "d": 70}), UNITS)
    assert [(r.unit_id, r.rank) for r in ranked] == [("b", 1), ("c", 1), ("a", 3), ("d", 4)]


def test_equal_totals_are_listed_in_units_order():
    ranked = figures.rank_round(scored_round({"d": 85, "a": 85, "c": 85}), UNITS)
    assert [r.unit_id for r in ranked] == ["a", "c", "d"]
    assert {r.rank for r in ranked} == {1}


def test_round_total_is_exact_in_decimal():
    assert figures.round_total({"x": 26.5, "y": 24.3, "z": 0.1, "w": 0.2}) == 51.1
    assert figures.round_total({"x": 26, "y": 24}) == 50


def test_rank_change():
    assert figures.rank_change(5, 2) == 3
    assert figures.rank_change(1, 3) == -2
    assert figures.rank_change(None, 2) is None


def test_level_is_the_highest_threshold_reached():
    levels = (Level(80, "三星"), Level(90, "五星"), Level(85, "四星"))
    assert figures.level_for(92, levels) == "五星"
    assert figures.level_for(85, levels) == "四星"
    assert figures.level_for(79.5, levels) == ""


LEDGER_AS_OF = D("2014-10-20")


@pytest.mark.parametrize(
    ("status", "deadline", "overdue", "due_soon"),
    [
        ("doing", "2014-10-19", True, False),
        ("todo", "2014-10-19", True, False),
        ("doing", "2014-10-20", False, True),
        ("todo", "2014-10-23", False, True),
        ("doing", "2014-10-24", False, False),
        ("done", "2014-10-01", False, False),
        ("verified", "2014-10-21", False, False),
        ("ongoing", None, False, False),
    ],
)
def test_overdue_and_due_soon(status, deadline, overdue, due_soon):
    record = item(
        status, deadline, completed="2014-10-02" if status in ("done", "verified") else None
    )
    assert figures.is_overdue(record, LEDGER_AS_OF) is overdue
    assert figures.is_due_soon(record, LEDGER_AS_OF, 3) is due_soon


def test_completed_late():
    assert figures.is_completed_late(item("done", "2014-06-30", "2014-07-01"))
    assert not figures.is_completed_late(item("done", "2014-06-30", "2014-06-30"))


def test_rates_count_every_item_and_format_with_one_decimal():
    items = [
        item("done", completed="2014-10-01"),
        item("verified", completed="2014-10-01"),
        item("doing"),
        item("ongoing", None, internal=True),
        item("todo"),
        item("verified", completed="2014-10-01"),
    ]
    assert figures.format_percent(figures.completion_rate(items)) == "50.0%"
    assert figures.format_percent(figures.closure_rate(items)) == "33.3%"
    assert figures.completion_rate([]) is None


@pytest.mark.parametrize(
    ("ratio", "text"),
    [
        (Fraction(2, 3), "66.7%"),
        (Fraction(1, 16), "6.3%"),
        (0.5, "50.0%"),
        (None, "—"),
        (Fraction(0), "0.0%"),
    ],
)
def test_format_percent(ratio, text):
    assert figures.format_percent(ratio) == text


def test_format_number_and_dates():
    assert figures.format_number(26.5) == "26.5"
    assert figures.format_number(1200.0) == "1200"
    assert figures.format_number(None) == "—"
    assert figures.format_date(D("2014-06-30")) == "2014-06-30"
    assert figures.format_date(D("2014-06-30"), long=True) == "2014年6月30日"


@pytest.mark.parametrize(
    ("env", "expected"), [("2014-05-01", "2014-05-01"), ("", "2014-10-20"), (None, "2014-10-20")]
)
def test_as_of_prefers_the_environment(env, expected):
    assert figures.resolve_as_of(env, D("2014-10-20"), D("2026-01-01")) == D(expected)
    assert figures.resolve_as_of(None, None, D("2026-01-01")) == D("2026-01-01")


def small_campaign() -> Campaign:
    evaluations = Evaluations(
        (Criterion("x", "文明服务", 100),),
        (scored_round({"a": 80, "b": 70}), scored_round({"b": 90, "a": 80, "c": 80})),
        (Level(85, "四星"),),
    )
    revenue = indicator(targets={"a": 100, "b": 100}, values={"a": {"2014-Q1": 90}})
    return Campaign(plan(PHASES), UNITS[:3], Indicators(PERIODS, (revenue,)), evaluations)


def test_board_ranks_changes_and_unranked_units():
    board = compute_board(small_campaign(), AS_OF)
    first, latest = board.rounds
    assert [(r.unit.id, r.rank) for r in first.rows] == [("a", 1), ("b", 2), ("c", None)]
    assert [(r.unit.id, r.rank, r.change, r.level) for r in latest.rows] == [
        ("b", 1, 1, "四星"),
        ("a", 2, -1, ""),
        ("c", 2, None, ""),
    ]


def test_board_indicator_rows_mark_behind_and_unreported():
    board = compute_board(small_campaign(), AS_OF)
    rows = {row.unit.id: row for row in board.indicators[0].rows}
    assert rows["a"].completion == Fraction(9, 10) and not rows["a"].behind
    assert rows["b"].latest is None and rows["b"].completion is None and not rows["b"].behind
    assert rows["c"].target is None
