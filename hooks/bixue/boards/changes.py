"""What changed between two publications of a board, from their data.json alone (往期公示):
headline figures that moved, items found, done and newly overdue, rounds added, and figures
given for a date both publications cover that differ (更正)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Tuple

from .headline import Figure, headline

FINISHED = frozenset({"done", "verified"})


@dataclass(frozen=True)
class Moved:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class Comparison:
    moved: Tuple[Moved, ...] = ()
    found: Tuple[str, ...] = ()
    """Ids of items listed now and not before."""
    done: Tuple[str, ...] = ()
    """Ids of items finished (已完成 or 已销号) now and not before."""
    overdue: Tuple[str, ...] = ()
    """Ids of items overdue now and not before."""
    rounds: Tuple[str, ...] = ()
    """Names of evaluation rounds added."""
    corrections: Tuple[str, ...] = ()
    """更正: a figure for a past date given differently, said in a sentence each."""

    @property
    def empty(self) -> bool:
        return not any(
            (self.moved, self.found, self.done, self.overdue, self.rounds, self.corrections)
        )


def compare(before: dict, after: dict) -> Comparison:
    """`after` against the publication `before` it."""
    was, now = items(before), items(after)
    return Comparison(
        moved=moved(headline(before), headline(after)),
        found=tuple(i for i in now if i not in was),
        done=tuple(i for i, it in now.items() if finished(it) and not finished(was.get(i))),
        overdue=tuple(i for i, it in now.items() if it["overdue"] and not overdue(was.get(i))),
        rounds=tuple(r["name"] for r in after["rounds"] if r["id"] in new_rounds(before, after)),
        corrections=(*value_corrections(before, after), *round_corrections(before, after)),
    )


def view(data: dict) -> dict:
    """The part of a data.json that `compare` and `headline` read, as they read it: both give
    the same for it as for the whole (a sixth of its size at 500 units)."""
    ledger = data.get("ledger") or {}
    return {
        "as_of": data["as_of"],
        "time_progress": data.get("time_progress"),
        "units": [{"id": u["id"], "short": u["short"]} for u in data.get("units", ())],
        "indicators": [
            {
                "id": i["id"],
                "name": i["name"],
                "completion": i.get("completion"),
                "units": [_some(row, ("unit", "values")) for row in i["units"]],
            }
            for i in data.get("indicators", ())
        ],
        "ledger": {
            **_some(ledger, ("completion_rate", "closure_rate", "overdue")),
            **(
                {"items": [_some(it, ("id", "status", "overdue")) for it in ledger["items"]]}
                if "items" in ledger
                else {}
            ),
        },
        "projects": _some(data.get("projects") or {}, ("completion",)),
        "rounds": [
            {
                "id": r["id"],
                "name": r["name"],
                "ranking": [_some(row, ("unit", "total")) for row in r["ranking"]],
            }
            for r in data.get("rounds", ())
        ],
    }


def _some(entries: dict, keys) -> dict:
    return {key: entries[key] for key in keys if key in entries}


def items(data: dict) -> dict:
    return {item["id"]: item for item in data["ledger"].get("items", ())}


def finished(item) -> bool:
    return item is not None and item["status"] in FINISHED


def overdue(item) -> bool:
    return item is not None and item["overdue"]


def new_rounds(before: dict, after: dict) -> frozenset:
    return round_ids(after) - round_ids(before)


def round_ids(data: dict) -> frozenset:
    """Rounds with a score: a round listed before anyone was scored is added when scored."""
    return frozenset(
        r["id"] for r in data["rounds"] if any(row["total"] is not None for row in r["ranking"])
    )


def moved(before: Tuple[Figure, ...], after: Tuple[Figure, ...]) -> Tuple[Moved, ...]:
    return tuple(
        Moved(now.label, was.text, now.text)
        for was, now in zip(before, after, strict=True)
        if was.text != now.text
    )


def unit_names(data: dict) -> dict:
    return {unit["id"]: unit["short"] for unit in data["units"]}


def value_corrections(before: dict, after: dict) -> Tuple[str, ...]:
    """Indicator values of a period both publications hold, changed."""
    names, found = unit_names(after), []
    was = {
        i["id"]: {row["unit"]: row.get("values", {}) for row in i["units"]}
        for i in before["indicators"]
    }
    for indicator in after["indicators"]:
        old_rows = was.get(indicator["id"], {})
        for row in indicator["units"]:
            old = old_rows.get(row["unit"], {})
            for period, value in row.get("values", {}).items():
                if period in old and old[period] != value:
                    who = names.get(row["unit"], row["unit"])
                    found.append(f"{indicator['name']} {who} {period}：{old[period]} → {value}")
    return tuple(found)


def round_corrections(before: dict, after: dict) -> Tuple[str, ...]:
    """Totals of a round both publications hold, changed."""
    names, found = unit_names(after), []
    was = {r["id"]: {row["unit"]: row["total"] for row in r["ranking"]} for r in before["rounds"]}
    for evaluation in after["rounds"]:
        old = was.get(evaluation["id"], {})
        for row in evaluation["ranking"]:
            if old.get(row["unit"]) is not None and old[row["unit"]] != row["total"]:
                who = names.get(row["unit"], row["unit"])
                change = f"{old[row['unit']]} → {row['total']}"
                found.append(f"{evaluation['name']} {who} 总分：{change}")
    return tuple(found)
