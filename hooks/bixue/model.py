"""The campaign as read from data/: frozen dataclasses, nothing computed, no MkDocs."""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field
from datetime import date
from functools import cached_property
from types import MappingProxyType
from typing import Mapping, Optional, Tuple, Union

Number = Union[int, float]

PRIVACY = "privacy"
"""Key of a field's metadata that says what the public build does with the field's strings."""
PERSON, TEXT, MARKDOWN, UNPUBLISHED = "person", "text", "markdown", "unpublished"
"""Person values are masked; in text and Markdown every person named is masked (links in
Markdown are checked too); unpublished strings are never shown. Strings of undeclared fields
(ids, paths, fixed words) are published as written. See bixue.privacy."""


def person_field(default=MISSING):
    """A field holding a person's name, or a tuple of names."""
    return field(default=default, metadata={PRIVACY: PERSON})


def text_field(default=MISSING):
    """A field holding plain text a reader sees, or a tuple of such texts."""
    return field(default=default, metadata={PRIVACY: TEXT})


def markdown_field(default=MISSING):
    """A field holding Markdown a reader sees, or a tuple of such texts."""
    return field(default=default, metadata={PRIVACY: MARKDOWN})


def unpublished_field(default=MISSING):
    """A field no page shows (what `check` reports to the clerk)."""
    return field(default=default, metadata={PRIVACY: UNPUBLISHED})


RETURN_MARK = "交回单位"
"""The 说明 sheet's row naming the unit a pre-filled ledger workbook is for: sent back, it is a
return (load/returns), not a ledger."""
RETURN_AS_OF = "数据截至"
"""The 说明 sheet's row dating a unit's workbook: of two returns of one item, the later wins."""

STATUSES = ("todo", "doing", "done", "verified", "ongoing")
"""Ledger statuses in display order."""

STATUS_NAMES = MappingProxyType(
    {
        "todo": "未启动",
        "doing": "整改中",
        "done": "已完成",
        "verified": "已销号",
        "ongoing": "长期坚持",
    }
)

SLIDE_NAMES = (
    "overview",
    "ranking",
    "indicators",
    "rectification",
    "exemplars",
    "notices",
    "pairs",
)
"""Slides the screen knows, in their default order."""

MORE_SLIDE_NAMES = ("changes", "projects")
"""Slides a rotation may name besides the seven defaults (本期动态, 重点项目)."""

UNIT_SLIDE_NAMES = ("unit", "unit-pair", "unit-ledger", "unit-indicators")
"""Slides of a unit's own rotation (screen/units/<unit_id>/), about that unit."""


def _none_known() -> Mapping:
    return MappingProxyType({})


@dataclass(frozen=True)
class Origin:
    """Where a record was written: the file (relative to the project, posix) and its first line."""

    path: str
    line: int
    lines: Mapping[str, int] = field(default_factory=_none_known, compare=False)
    """Line of each field of the record, by key, for errors raised after loading."""
    cells: Mapping[str, str] = field(default_factory=_none_known, compare=False)
    """In a workbook (`line` is then the row): each field's `sheet!cell` (整改台账!C12), and
    under "" the row's first cell."""
    labels: Mapping[str, str] = field(default_factory=_none_known, compare=False)
    """In a workbook: each field's column header, which errors say instead of the key."""

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)

    def cell_of(self, key: str) -> str:
        return self.cells.get(key) or self.cells.get("", "")

    def label_of(self, key: str) -> str:
        return self.labels.get(key, key)


@dataclass(frozen=True)
class Phase:
    id: str
    name: str = text_field()
    start: date
    end: date
    description: str = markdown_field("")
    """Markdown."""


@dataclass(frozen=True)
class LeaderRole:
    """One row of the leading group (组织领导): a role and its members (persons)."""

    role: str = text_field()
    members: Tuple[str, ...] = person_field()


@dataclass(frozen=True)
class Slide:
    """One slide of the screen rotation; `seconds` overrides the screen interval."""

    name: str
    seconds: Optional[int] = None


@dataclass(frozen=True)
class Screen:
    interval: int = 15
    """Seconds a slide stays, unless the slide says otherwise."""
    reload: int = 300
    """Seconds between checks for a newly published build."""
    slides: Tuple[Slide, ...] = tuple(Slide(name) for name in SLIDE_NAMES)


@dataclass(frozen=True)
class NamedScreen:
    """One entry of `screens`: a rotation of its own at screen/<id>/."""

    id: str
    title: str = text_field()
    screen: Screen


@dataclass(frozen=True)
class Terms:
    """The campaign's own words for all units together and for a unit's group."""

    whole: str = text_field("全部单位")
    """For example 全乡 or 全局."""
    group: str = text_field("分组")
    """For example 条线: what units.yml's `group` is called."""


@dataclass(frozen=True)
class Plan:
    """campaign.yml: the campaign's identity, period, phases and organisation (实施方案)."""

    title: str = text_field()
    organization: str = text_field()
    start: date
    end: date
    phases: Tuple[Phase, ...]
    short_title: str = text_field("")
    theme: str = text_field("")
    as_of: Optional[date] = None
    goals: Tuple[str, ...] = markdown_field(())
    leading_group: Tuple[LeaderRole, ...] = ()
    pairs: Tuple[Tuple[str, str], ...] = ()
    requirements: Tuple[str, ...] = markdown_field(())
    screen: Screen = Screen()
    mask_leading_group: bool = False
    warn_days: int = 3
    origin: Origin = Origin("data/campaign.yml", 1)
    screens: Tuple[NamedScreen, ...] = ()
    unit_screens: bool = True
    change_days: int = 7
    """The window of 本期动态: this many days ending on the as-of day."""
    terms: Terms = Terms()

    @property
    def display_title(self) -> str:
        """The short title where there is one: for headers and the screen."""
        return self.short_title or self.title


@dataclass(frozen=True)
class Unit:
    id: str
    name: str = text_field()
    short: str = text_field("")
    group: str = text_field("")
    contact: str = person_field("")
    origin: Origin = Origin("data/units.yml", 1)

    @property
    def label(self) -> str:
        """The short name where there is one: for charts and narrow tables."""
        return self.short or self.name


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str = text_field()
    unit: str = ""
    """Unit of measure (万元, %, 件), shown beside numbers."""
    direction: str = "up"
    cumulative: bool = True
    targets: Mapping[str, Number] = field(default_factory=dict)
    """unit_id -> target; a single target in the file is given to every unit."""
    values: Mapping[str, Mapping[str, Number]] = field(default_factory=dict)
    """unit_id -> {period label: value}."""
    origin: Origin = Origin("data/indicators.yml", 1)
    applies_to: Optional[Tuple[str, ...]] = None
    """The units it concerns, in units.yml order; None: every unit."""
    baselines: Mapping[str, Number] = field(default_factory=dict)
    """unit_id -> baseline (基期), with `growth`: the target is baseline × (1 + growth / 100)."""
    growth: Optional[Number] = None
    """Target growth over the baseline, in percent (10 for 10%)."""

    def applies(self, unit_id: str) -> bool:
        return self.applies_to is None or unit_id in self.applies_to

    @property
    def tracks_progress(self) -> bool:
        """Whether completion is held against time progress: year-to-date totals, higher better."""
        return self.cumulative and self.direction == "up"


@dataclass(frozen=True)
class Indicators:
    periods: Tuple[str, ...]
    indicators: Tuple[Indicator, ...]
    origin: Origin = Origin("data/indicators.yml", 1)
    """Where `periods` is written."""


@dataclass(frozen=True)
class Criterion:
    id: str
    name: str = text_field()
    max: Number


@dataclass(frozen=True)
class Round:
    id: str
    name: str = text_field()
    date: date
    scores: Mapping[str, Mapping[str, Number]]
    """unit_id -> {criterion_id: score}."""
    origin: Origin = Origin("data/evaluations.yml", 1)


@dataclass(frozen=True)
class Level:
    min: Number
    label: str = text_field()


@dataclass(frozen=True)
class Evaluations:
    criteria: Tuple[Criterion, ...]
    rounds: Tuple[Round, ...]
    levels: Tuple[Level, ...] = ()
    origin: Origin = Origin("data/evaluations.yml", 1)


@dataclass(frozen=True)
class Update:
    date: date
    note: str = markdown_field()


@dataclass(frozen=True)
class RectificationItem:
    """One line of the rectification ledger (整改台账)."""

    id: str
    unit: str
    problem: str = markdown_field()
    status: str
    deadline: Optional[date] = None
    measures: str = markdown_field("")
    source: str = text_field("")
    category: str = text_field("")
    owner: str = person_field("")
    found: Optional[date] = None
    completed: Optional[date] = None
    updates: Tuple[Update, ...] = ()
    """Newest first."""
    photo_before: str = ""
    photo_after: str = ""
    """Photo paths relative to data/ (posix), checked to exist."""
    internal: bool = False
    origin: Origin = Origin("data/rectifications/ledger.yml", 1)


@dataclass(frozen=True)
class Exemplar:
    """One exemplar case (先进典型 / 好做法); `slug` is its file name and permanent URL."""

    slug: str
    title: str = text_field()
    unit: str
    date: date
    category: str = text_field()
    body: str = markdown_field()
    """The story, Markdown."""
    summary: str = markdown_field("")
    people: Tuple[str, ...] = person_field(())
    tags: Tuple[str, ...] = text_field(())
    cover: str = ""
    """Path relative to data/ (posix), checked to exist."""
    adopted_by: Tuple[str, ...] = ()
    internal: bool = False
    origin: Origin = Origin("data/exemplars/case.md", 1)


@dataclass(frozen=True)
class Notice:
    slug: str
    title: str = text_field()
    date: date
    body: str = markdown_field()
    pinned: bool = False
    internal: bool = False
    origin: Origin = Origin("data/notices/notice.md", 1)


@dataclass(frozen=True)
class Milestone:
    """A project's node (节点): planned date, and the day it was done if it was."""

    name: str = text_field()
    planned: date
    done: Optional[date] = None


@dataclass(frozen=True)
class ProjectGroup:
    id: str
    name: str = text_field()


@dataclass(frozen=True)
class Project:
    """One key project (重点项目): tracked against its plan and milestones, never ranked."""

    id: str
    name: str = text_field()
    group: str = ""
    """A group id of projects.yml, or ""."""
    unit: str = ""
    """责任单位: a unit id, or ""."""
    leader: str = person_field("")
    """联系领导."""
    owner: str = person_field("")
    """责任人."""
    investment: Optional[Number] = None
    """总投资 (万元)."""
    plan: Optional[Number] = None
    """Investment planned within the campaign period (万元)."""
    invested: Tuple[Tuple[date, Number], ...] = ()
    """(date, cumulative investment completed), oldest first."""
    milestones: Tuple[Milestone, ...] = ()
    """In planned order."""
    progress: Tuple[Update, ...] = ()
    """形象进度, newest first."""
    photos: Tuple[str, ...] = ()
    """Paths relative to data/ (posix), checked to exist."""
    internal: bool = False
    origin: Origin = Origin("data/projects.yml", 1)


@dataclass(frozen=True)
class Projects:
    groups: Tuple[ProjectGroup, ...]
    projects: Tuple[Project, ...]
    origin: Origin = Origin("data/projects.yml", 1)


@dataclass(frozen=True)
class ReturnedItem:
    """What a unit's returned workbook changed in one ledger item."""

    id: str = unpublished_field()
    status: Tuple[str, str] = unpublished_field()
    """(before, after)"""
    completed: Tuple[Optional[date], Optional[date]] = (None, None)
    """(before, after)"""
    measures: bool = False
    """The return's 整改措施 replaced the ledger's."""
    updates: int = 0
    """Progress entries the return added."""


@dataclass(frozen=True)
class Return:
    """A unit's ledger workbook sent back (data/returns/): its file, its unit, its rows read,
    and what it changed. Never published: `check` lists it."""

    file: str = unpublished_field()
    unit: str = unpublished_field()
    rows: int = 0
    changed: Tuple[ReturnedItem, ...] = ()


@dataclass(frozen=True)
class Campaign:
    """Everything in one campaign's data/ folder."""

    plan: Plan
    units: Tuple[Unit, ...]
    indicators: Optional[Indicators] = None
    evaluations: Optional[Evaluations] = None
    ledger: Tuple[RectificationItem, ...] = ()
    exemplars: Tuple[Exemplar, ...] = ()
    notices: Tuple[Notice, ...] = ()
    projects: Optional[Projects] = None
    data_dir: str = field(default="data", metadata={PRIVACY: UNPUBLISHED})
    """Absolute path of the data folder, for copying images."""
    returns: Tuple[Return, ...] = unpublished_field(())
    """The units' returned workbooks, already applied to `ledger`."""

    def unit(self, unit_id: str) -> Unit:
        return self._units_by_id[unit_id]

    @cached_property
    def _units_by_id(self) -> Mapping[str, Unit]:
        return {u.id: u for u in reversed(self.units)}
