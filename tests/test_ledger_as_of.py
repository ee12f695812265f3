"""A board or 通报 for a past day counts the ledger as it stood that day, not as it stands now."""

from __future__ import annotations

import datetime
import json
import re

import docx
import pytest
from bixue import load
from bixue.model import STATUSES
from conftest import ROOT, built, soup

PAST = "2014-06-01"
"""A day of the demo with items found after it, items completed after it (one of them past its
deadline then) and items completed before it: every case of the rule."""

OPEN = ("todo", "doing")
FINISHED = ("done", "verified")


@pytest.fixture(scope="module")
def demo():
    return load.load_campaign(ROOT / "data", project_dir=ROOT)


@pytest.fixture(scope="module")
def past_site(tmp_path_factory):
    return built(tmp_path_factory.mktemp("past") / "site", BOARD_AS_OF=PAST)


def statuses_as_of(items, day: datetime.date) -> dict:
    """Item id → its status on `day`, from the data's dates alone: not yet found, left out;
    completed later, still 整改中."""
    found = {}
    for item in items:
        if item.found is not None and item.found > day:
            continue
        later = item.status in FINISHED and item.completed and item.completed > day
        found[item.id] = "doing" if later else item.status
    return found


def expected(demo, day: datetime.date, unit: str = "") -> dict:
    items = [item for item in demo.ledger if not unit or item.unit == unit]
    status = statuses_as_of(items, day)
    deadline = {item.id: item.deadline for item in items}
    is_open = lambda id_: status[id_] in OPEN and deadline[id_] is not None  # noqa: E731
    soon = day + datetime.timedelta(days=demo.plan.warn_days)
    return {
        "total": len(status),
        "by_status": {s: sum(v == s for v in status.values()) for s in STATUSES},
        "finished": sum(v in FINISHED for v in status.values()),
        "overdue": {i for i in status if is_open(i) and deadline[i] < day},
        "due_soon": {i for i in status if is_open(i) and day <= deadline[i] <= soon},
        "ids": set(status),
    }


def test_the_demo_has_every_case_on_the_past_day(demo):
    day = datetime.date.fromisoformat(PAST)
    assert any(item.found and item.found > day for item in demo.ledger)
    later = [i for i in demo.ledger if i.completed and i.completed > day and i.found <= day]
    assert any(i.deadline < day for i in later) and any(i.deadline >= day for i in later)
    assert any(i.completed and i.completed <= day for i in demo.ledger)


def test_data_json_counts_the_ledger_of_the_past_day(past_site, demo):
    want = expected(demo, datetime.date.fromisoformat(PAST))
    ledger = json.loads((past_site / "data.json").read_text("utf-8"))["ledger"]
    assert ledger["total"] == want["total"] < len(demo.ledger)
    assert ledger["by_status"] == want["by_status"]
    assert ledger["finished"] == want["finished"]
    assert ledger["overdue"] == len(want["overdue"]) > 0
    assert ledger["due_soon"] == len(want["due_soon"])
    assert ledger["completion_rate_pct"] == f"{want['finished'] / want['total'] * 100:.1f}%"
    assert {item["id"] for item in ledger["items"]} == want["ids"]
    for unit in demo.units:
        mine = expected(demo, datetime.date.fromisoformat(PAST), unit.id)
        assert ledger["by_unit"][unit.id]["total"] == mine["total"], unit.id
        assert ledger["by_unit"][unit.id]["finished"] == mine["finished"], unit.id
        assert ledger["by_unit"][unit.id]["overdue"] == len(mine["overdue"]), unit.id


def test_items_completed_later_are_not_done_in_data_json(past_site, demo):
    day = datetime.date.fromisoformat(PAST)
    items = json.loads((past_site / "data.json").read_text("utf-8"))["ledger"]["items"]
    later = {i.id for i in demo.ledger if i.completed and i.completed > day}
    shown = {item["id"]: item for item in items if item["id"] in later}
    assert shown and all(i["status"] == "doing" and i["completed"] is None for i in shown.values())


def test_the_ledger_page_shows_the_past_day(past_site, demo):
    want = expected(demo, datetime.date.fromisoformat(PAST))
    page = soup(past_site, "rectification/")
    counts = {
        li["data-status"]: int(li.select_one(".bx-ledger-count__value").get_text())
        for li in page.select(".bx-ledger-count")
    }
    assert counts["total"] == want["total"]
    assert {s: counts[s] for s in STATUSES} == want["by_status"]
    overdue = page.select('[data-bx-block="ledger-overdue"] tbody tr')
    assert {tr["data-item"] for tr in overdue} == want["overdue"]
    assert {tr["data-item"] for tr in page.select("tr[data-item][id]")} == want["ids"]


def test_a_unit_page_lists_its_items_of_the_past_day(past_site, demo):
    day = datetime.date.fromisoformat(PAST)
    for unit in demo.units:
        page = soup(past_site, f"units/{unit.id}/")
        shown = {tr["data-item"] for tr in page.select("tr[data-item]")}
        assert shown == expected(demo, day, unit.id)["ids"], unit.id


def report_line(path) -> str:
    lines = [p.text for p in docx.Document(path).paragraphs if p.text.startswith("整改台账共")]
    assert len(lines) == 1
    return lines[0]


def test_each_rounds_report_counts_the_ledger_of_its_day(demo_site, demo):
    rounds = json.loads((demo_site / "data.json").read_text("utf-8"))["rounds"]
    assert len(rounds) > 1
    for round_ in rounds:
        day = datetime.date.fromisoformat(round_["date"])
        want = expected(demo, day)
        line = report_line(demo_site / "downloads" / f"通报-{day}.docx")
        counts = re.search(
            r"共 (\d+) 项，完成 (\d+) 项（已完成 (\d+) 项、已销号 (\d+) 项）.*整改中 (\d+) 项，"
            r"未启动 (\d+) 项.*逾期 (\d+) 项，\d+ 天内到期 (\d+) 项",
            line,
        )
        by = want["by_status"]
        assert counts and [int(n) for n in counts.groups()] == [
            *(want["total"], want["finished"], by["done"], by["verified"]),
            *(by["doing"], by["todo"], len(want["overdue"]), len(want["due_soon"])),
        ], (day, line)


def test_an_item_as_of_a_day_keeps_only_what_was_so_then():
    from bixue.figures.ledger_as_of import item_as_of, ledger_as_of
    from bixue.model import RectificationItem, Update

    day = datetime.date(2014, 6, 1)
    before, after = day - datetime.timedelta(days=1), day + datetime.timedelta(days=1)
    notes = (Update(after, "已完成"), Update(before, "推进中"))
    done = RectificationItem(
        "A-1", "north", "灯。", "done", deadline=before, found=before, completed=after,
        updates=notes, photo_before="b.jpg", photo_after="a.jpg",
    )  # fmt: skip
    then = item_as_of(done, day)
    assert (then.status, then.completed, then.photo_after) == ("doing", None, "")
    assert then.updates == notes[1:] and then.photo_before == "b.jpg"
    undated = RectificationItem("A-2", "north", "门。", "verified", completed=day)
    later = RectificationItem("A-3", "north", "窗。", "todo", deadline=after, found=after)
    assert ledger_as_of((done, undated, later), day) == (then, undated)
    assert ledger_as_of((undated,), day)[0] is undated
