"""The headline figures of one board, from its data.json alone: what a list of boards shows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    value: Optional[float]
    """A ratio 0–1, or a count; None where the board has no such figure."""
    rate: bool
    """A ratio (shown as a percentage, drawn in the comparison chart), not a count."""

    @property
    def text(self) -> str:
        if self.value is None:
            return "—"
        return f"{self.value * 100:.1f}%" if self.rate else str(int(self.value))


FIGURES = (
    ("time_progress", "序时进度", True),
    ("indicators", "指标完成率", True),
    ("completion", "整改完成率", True),
    ("closure", "销号率", True),
    ("overdue", "逾期事项", False),
    ("projects", "项目投资完成率", True),
    ("units", "参与单位", False),
    ("rounds", "评比轮次", False),
)
"""Every headline figure, in the order shown."""
RATES = tuple(key for key, _, rate in FIGURES if rate)


def values(data: dict) -> dict:
    ledger = data.get("ledger") or {}
    projects = data.get("projects") or {}
    completions = [
        i["completion"] for i in data.get("indicators", ()) if i.get("completion") is not None
    ]
    return {
        "time_progress": data.get("time_progress"),
        "indicators": sum(completions) / len(completions) if completions else None,
        "completion": ledger.get("completion_rate"),
        "closure": ledger.get("closure_rate"),
        "overdue": ledger.get("overdue"),
        "projects": projects.get("completion"),
        "units": len(data.get("units", ())),
        "rounds": len(data.get("rounds", ())),
    }


def headline(data: dict) -> Tuple[Figure, ...]:
    """The figures of FIGURES for a valid data.json (schema.problems is empty)."""
    found = values(data)
    return tuple(Figure(key, label, found[key], rate) for key, label, rate in FIGURES)
