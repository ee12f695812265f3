"""The plan of a data folder as written, before any workbook of reported figures is laid over it:
what data/campaign.xlsx holds (the internal board's download writes it back)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Tuple

from .. import model
from . import load_units
from .campaign_xlsx import campaign_book
from .datafiles import present
from .plan import load_plan
from .projects import load_projects
from .reading import Reading
from .scores import load_evaluations, load_indicators
from .workbook_files import named_workbook


@dataclass(frozen=True)
class PlanParts:
    plan: model.Plan
    units: Tuple[model.Unit, ...]
    indicators: Optional[model.Indicators] = None
    """As indicators.yml (or the workbook's 指标 sheets) has them: no indicators.xlsx values."""
    evaluations: Optional[model.Evaluations] = None
    """As evaluations.yml has them: no evaluations.xlsx scores."""
    projects: Optional[model.Projects] = None
    """None when data/projects.xlsx keeps them: that workbook stays where it is."""


def load_plan_parts(data_dir: Path, kept: Any = None) -> Optional[PlanParts]:
    """The plan of `data_dir`, or None when it does not read (the build says why). `kept`: a
    build session, whose load has parsed the same YAML files already (500 units' indicators and
    scores took seconds to parse again)."""
    reading = Reading(Path(data_dir), Path(data_dir).parent)
    if kept is not None:
        reading.kept = kept
    units = load_units(reading)
    plan = load_plan(reading)
    indicators, evaluations = load_indicators(reading), load_evaluations(reading)
    book = campaign_book(reading)
    own = (book is not None and book.holds("projects")) or not present(
        named_workbook(reading, "projects")
    )
    projects = load_projects(reading) if own else None
    if plan is None or reading.errors:
        return None
    return PlanParts(plan, units, indicators, evaluations, projects)
