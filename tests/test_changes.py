"""本期动态: the window's edges (first day, last day, the day before) and the public profile."""

from __future__ import annotations

from bixue.figures.board import compute_board
from bixue.figures.changes import compute_changes, window
from bixue.model import (
    Campaign,
    Criterion,
    Evaluations,
    Exemplar,
    Notice,
    Phase,
    Round,
    Unit,
    Update,
)
from bixue.pages.changes import SHOWN, render_changes
from boards import D, item, plan
from bs4 import BeautifulSoup

AS_OF = D("2014-10-20")
FIRST, BEFORE, AFTER = D("2014-10-14"), D("2014-10-13"), D("2014-10-21")
"""The default window as of 2014-10-20: 2014-10-14..2014-10-20."""
UNITS = (Unit("a", "甲单位"), Unit("b", "乙单位"), Unit("c", "丙单位"))


def campaign(ledger=(), rounds=(), cases=(), notices=(), days=7) -> Campaign:
    phases = (Phase("p", "阶段", D("2014-03-01"), D("2014-12-31")),)
    evaluations = Evaluations((Criterion("s", "服务", 100),), tuple(rounds)) if rounds else None
    return Campaign(
        plan=plan(phases, change_days=days),
        units=UNITS,
        evaluations=evaluations,
        ledger=tuple(ledger),
        exemplars=tuple(cases),
        notices=tuple(notices),
    )


def changes(public=False, **parts):
    return compute_changes(compute_board(campaign(**parts), AS_OF, public))


def ids(records):
    return [record.id for record in records]


def test_the_window_is_the_days_ending_on_the_as_of_day():
    assert window(AS_OF, 7) == window(AS_OF, 7)
    span = window(AS_OF, 7)
    assert (span.first, span.last) == (FIRST, AS_OF)
    assert span.holds(FIRST) and span.holds(AS_OF)
    assert not span.holds(BEFORE) and not span.holds(AFTER) and not span.holds(None)
    one = window(AS_OF, 1)
    assert (one.first, one.last) == (AS_OF, AS_OF)


def test_found_and_completed_count_on_the_first_and_last_day_not_the_day_before():
    ledger = [
        item("todo", found="2014-10-13", item_id="before"),
        item("todo", found="2014-10-14", item_id="first"),
        item("todo", found="2014-10-20", item_id="last"),
        item("todo", found="2014-10-21", item_id="after"),
        item("done", "2014-10-30", "2014-10-13", item_id="done-before"),
        item("done", "2014-10-30", "2014-10-14", item_id="done-first"),
        item("verified", "2014-10-30", "2014-10-20", item_id="verified-last"),
    ]
    found = changes(ledger=ledger)
    assert ids(found.found) == ["last", "first"]  # newest first
    assert ids(found.completed) == ["verified-last", "done-first"]


def test_an_item_became_overdue_when_deadline_plus_one_is_in_the_window():
    ledger = [
        item("todo", "2014-10-12", item_id="overdue-before"),  # first overdue day 10-13
        item("doing", "2014-10-13", item_id="overdue-first"),  # first overdue day 10-14
        item("todo", "2014-10-19", item_id="overdue-last"),  # first overdue day 10-20
        item("doing", "2014-10-20", item_id="due-today"),  # not overdue yet
        item("done", "2014-10-15", "2014-10-18", item_id="done-late"),  # no longer open
        item("ongoing", None, item_id="ongoing"),
    ]
    assert ids(changes(ledger=ledger).overdue) == ["overdue-last", "overdue-first"]


def test_updates_rounds_cases_and_notices_dated_in_the_window():
    notes = (Update(D("2014-10-20"), "最后一天"), Update(D("2014-10-14"), "第一天"))
    notes += (Update(D("2014-10-13"), "前一天"),)
    rounds = [
        Round("r1", "第一轮", BEFORE, {"a": {"s": 80}, "b": {"s": 90}}),
        Round("r2", "第二轮", FIRST, {"a": {"s": 95}, "b": {"s": 85}, "c": {"s": 70}}),
    ]
    cases = [
        Exemplar(slug, slug, "a", day, "好做法", "正文")
        for slug, day in (("c-before", BEFORE), ("c-first", FIRST), ("c-last", AS_OF))
    ]
    notices = [
        Notice(slug, slug, day, "正文") for slug, day in (("n-before", BEFORE), ("n-last", AS_OF))
    ]
    found = changes(ledger=[item(updates=notes)], rounds=rounds, cases=cases, notices=notices)
    assert [u.update.note for u in found.updates] == ["最后一天", "第一天"]
    (second,) = found.rounds
    assert second.round.id == "r2"
    assert {row.unit.id: row.change for row in second.rows} == {"a": 1, "b": -1, "c": None}
    assert [case.slug for case in found.cases] == ["c-last", "c-first"]
    assert [notice.slug for notice in found.notices] == ["n-last"]
    assert not found.empty


def test_nothing_in_the_window_is_empty_and_the_window_follows_changes_days():
    ledger = [item("todo", found="2014-10-10")]
    assert changes(ledger=ledger).empty
    assert ids(changes(ledger=ledger, days=11).found) == ["ZG-1"]  # 10-10..10-20
    assert changes(ledger=ledger, days=10).empty  # 10-11..10-20


def test_the_public_profile_lists_only_what_it_publishes():
    ledger = [
        item("todo", "2014-10-15", found="2014-10-15", item_id="open"),
        item("todo", "2014-10-15", found="2014-10-15", item_id="secret", internal=True,
             updates=(Update(AS_OF, "内部进展"),)),
    ]  # fmt: skip
    cases = [Exemplar("hidden", "内部案例", "a", AS_OF, "好做法", "正文", internal=True)]
    notices = [
        Notice("inner", "内部通知", AS_OF, "正文", internal=True),
        Notice("out", "通知", AS_OF, "正文"),
    ]
    internal = changes(ledger=ledger, cases=cases, notices=notices)
    assert ids(internal.found) == ["open", "secret"] and ids(internal.overdue) == ["open", "secret"]
    assert len(internal.updates) == 1 and len(internal.cases) == 1
    assert [n.slug for n in internal.notices] == ["inner", "out"]
    public = changes(public=True, ledger=ledger, cases=cases, notices=notices)
    assert ids(public.found) == ["open"] and ids(public.overdue) == ["open"]
    assert public.updates == () and public.cases == ()
    assert [n.slug for n in public.notices] == ["out"]


def test_a_long_list_shows_its_first_entries_and_says_where_the_rest_are():
    # A week of a 500-unit campaign: more items found than the home page lists.
    ledger = [item("todo", found="2014-10-18", item_id=f"ZG-{n}") for n in range(SHOWN + 7)]
    board = compute_board(campaign(ledger=ledger), AS_OF, False)
    page = BeautifulSoup(render_changes(board, "index.md"), "html.parser")
    found = page.select_one("[data-kind=found]")
    assert f"（{SHOWN + 7} 项）" in found.h3.get_text()
    assert len(found.select("li")) == SHOWN
    more = found.select_one(".bx-more")
    assert more["data-more"] == "7" and "另有 7 项" in more.get_text()
    assert more.a["href"] == "rectification/"


def test_a_short_list_is_shown_whole():
    ledger = [item("todo", found="2014-10-18", item_id=f"ZG-{n}") for n in range(3)]
    board = compute_board(campaign(ledger=ledger), AS_OF, False)
    page = BeautifulSoup(render_changes(board, "index.md"), "html.parser")
    assert len(page.select("[data-kind=found] li")) == 3 and not page.select(".bx-more")


def test_the_changes_of_a_board_are_worked_out_once_and_those_of_another_board_anew():
    board = compute_board(campaign(ledger=[item(item_id="ZG-1", found="2014-10-14")]), AS_OF, False)
    first = compute_changes(board)
    assert compute_changes(board) is first  # the home page, screen, feeds and data.json ask
    other = compute_board(campaign(ledger=[item(item_id="ZG-2", found="2014-10-14")]), AS_OF, False)
    assert ids(compute_changes(other).found) == ["ZG-2"]
    assert ids(compute_changes(board).found) == ["ZG-1"]
