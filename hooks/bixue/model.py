"""The campaign as read from data/: frozen dataclasses, nothing computed, no MkDocs."""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field
from datetime import date
from functools import cached_property
from types import MappingProxyType
from typing import Any, Mapping, Optional, Tuple, Union

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

MORE_SLIDE_NAMES = ("changes", "projects", "activities")
"""Slides a rotation may name besides the seven defaults (本期动态, 重点项目)."""

SLIDE_WORDS = MappingProxyType(
    {
        "总体态势": "overview",
        "评比排名": "ranking",
        "指标进度": "indicators",
        "整改台账": "rectification",
        "先进典型": "exemplars",
        "通知公告": "notices",
        "结对比学": "pairs",
        "本期动态": "changes",
        "重点项目": "projects",
        "学习交流": "activities",
    }
)
"""The slides by the titles the screen shows them with: a rotation may name them so."""

UNIT_SLIDE_NAMES = ("unit", "unit-pair", "unit-ledger", "unit-indicators")
"""Slides of a unit's own rotation (screen/units/<unit_id>/), about that unit."""


def _none_known() -> Mapping:
    return MappingProxyType({})


def sources_field():
    """Where each value of a record was written (`file:line`, `workbook:sheet!cell`), by
    `source_key`: for the internal build's 来源, never published."""
    return field(default_factory=_none_known, compare=False, metadata={PRIVACY: UNPUBLISHED})


def source_key(*parts: str) -> str:
    """The key of one value in a record's `sources`: source_key("value", unit, period)."""
    return "\t".join(parts)


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
class Break:
    """The campaign's own break (寒假, 暑假): its days count neither as elapsed nor in the whole."""

    name: str = text_field()
    start: date
    end: date


DAYS, WORKDAYS = "days", "workdays"
"""How time progress counts: calendar days (v2) or mainland working days less the breaks."""


@dataclass(frozen=True)
class TimeProgress:
    by: str = DAYS
    breaks: Tuple[Break, ...] = ()


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
    pairs: Tuple[Tuple[str, ...], ...] = ()
    """互学互比 groups: two to four unit ids each (a pair, or three campuses side by side)."""
    requirements: Tuple[str, ...] = markdown_field(())
    screen: Screen = Screen()
    mask_leading_group: bool = False
    warn_days: int = 3
    origin: Origin = Origin("data/campaign.yml", 1)
    screens: Tuple[NamedScreen, ...] = ()
    unit_screens: bool = True
    change_days: int = 7
    """The window of 本期动态: this many days ending on the as-of day."""
    archive_keep: Optional[int] = None
    """`archive.keep`: publications kept in 往期公示 (None: every one)."""
    terms: Terms = Terms()
    time_progress: TimeProgress = TimeProgress()
    black_list: bool = True
    """`ranking.black_list`: false shows only the 红榜 (front runners), never a 黑榜."""
    stale_days: int = 14
    """数据已 N 天未更新 shows when the as-of day is this many days before the build day (0:
    never)."""

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
    compare: bool = True
    """False: listed, may host activities and own ledger items, but never ranked, in no
    indicator, pair or 红黑榜, and counted in no denominator (a kindergarten helped)."""

    @property
    def label(self) -> str:
        """The short name where there is one: for charts and narrow tables."""
        return self.short or self.name


WHOLE, WHOLE_ID = "whole", ""
"""An indicator of the whole campaign, and the id its one row is kept under (no unit has it)."""


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str = text_field()
    unit: str = ""
    """Unit of measure (万元, %, 件), shown beside numbers."""
    direction: str = "up"
    cumulative: bool = True
    per_period: bool = False
    """Values are each period's own count; loading adds them up to running totals."""
    counts: Mapping[str, Mapping[str, Number]] = field(default_factory=dict)
    """With `per_period`: unit_id -> {period: its own count} as reported; `values` then holds
    the running totals the board figures from."""
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
    scope: str = "units"
    """"units", or WHOLE: one target and one series for the whole campaign, kept under the
    unit id WHOLE_ID in `targets` and `values` (2 所园评上省三级)."""
    source: Optional[LogSource] = None
    """Values counted from the activity log or the honours, never typed (`source:`)."""
    sources: Mapping[str, str] = sources_field()
    """source_key("value", unit, period) and source_key("target", unit) -> where written."""

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
    sources: Mapping[str, str] = sources_field()
    """source_key("score", unit, criterion) -> where written."""


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
    publish_names: bool = False
    """The people named agreed to be named in full: the public build keeps `people` (and their
    names in this case's text) as written, here only."""


@dataclass(frozen=True)
class Publicity:
    """A notice's 公示期: objections are taken from `start` to `end` (both included)."""

    start: date
    end: date
    office: str = text_field("")
    """`contact` in the data: where to raise them, an office and a landline (0393-1234567),
    published as written (it names no person: a name in it is masked as in any text)."""


@dataclass(frozen=True)
class Notice:
    slug: str
    title: str = text_field()
    date: date
    body: str = markdown_field()
    pinned: bool = False
    internal: bool = False
    publicity: Optional[Publicity] = None
    origin: Origin = Origin("data/notices/notice.md", 1)


@dataclass(frozen=True)
class Milestone:
    """A project's node (节点): planned date, and the day it was done if it was."""

    name: str = text_field()
    planned: date
    done: Optional[date] = None


@dataclass(frozen=True)
class Target:
    """A task's counted target (目标任务): 走访调研侨资企业 5 家."""

    name: str = text_field()
    target: Number
    unit: str = text_field("")
    """The unit of count (家, 次, 个), or ""."""
    done: Tuple[Tuple[date, Number], ...] = ()
    """(date, cumulative count), oldest first, never decreasing."""


PROJECT, TASK = "project", "task"
"""A project's kind: 工程 (measured by investment) or 工作任务 (measured by counted targets)."""


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
    kind: str = PROJECT
    """PROJECT or TASK: what the states are called and what completion measures."""
    difficulties: Tuple[str, ...] = markdown_field(())
    """工作难度."""
    measures: Tuple[str, ...] = markdown_field(())
    """工作措施."""
    targets: Tuple[Target, ...] = ()
    """目标任务, in the order written."""

    @property
    def is_task(self) -> bool:
        return self.kind == TASK


@dataclass(frozen=True)
class Projects:
    groups: Tuple[ProjectGroup, ...]
    projects: Tuple[Project, ...]
    origin: Origin = Origin("data/projects.yml", 1)


@dataclass(frozen=True)
class LogSource:
    """Where a log-sourced indicator's values come from: `log` is `activities` (then `role` is
    hosted or attended) or `achievements`; `kind` and `level` narrow the records counted."""

    log: str
    role: str = ""
    kind: str = text_field("")
    level: str = ""
    spans: Mapping[str, Tuple[date, date]] = field(default_factory=dict)
    """Period label -> its first and last day, found when the indicator is read."""
    line: int = 0
    """Line of `source:` in indicators.yml."""


@dataclass(frozen=True)
class Activity:
    """One record of the activity log (学习交流): a visit, 观摩, 交流会, 讲座, 培训 or 研讨."""

    id: str
    date: date
    kind: str = text_field()
    title: str = text_field()
    host: str
    guests: Tuple[str, ...] = ()
    """Unit ids of the units that came, as written."""
    people: Optional[int] = None
    """参加人数."""
    summary: str = markdown_field("")
    photos: Tuple[str, ...] = ()
    """Paths relative to data/ (posix), checked to exist."""
    internal: bool = False
    origin: Origin = Origin("data/activities.yml", 1)


ACHIEVEMENT_LEVELS = ("国家级", "省级", "市级", "县级", "区级", "校级", "园级", "单位")
"""Levels of an honour (荣誉成果), highest first."""


@dataclass(frozen=True)
class Achievement:
    """One honour or achievement (荣誉成果): a paper, award, certificate or title."""

    date: date
    unit: str
    title: str = text_field()
    kind: str = text_field()
    level: str
    grade: str = text_field("")
    people: Tuple[str, ...] = person_field(())
    internal: bool = False
    origin: Origin = Origin("data/achievements.yml", 1)


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
    activities: Tuple[Activity, ...] = ()
    """The activity log, in file order."""
    achievements: Tuple[Achievement, ...] = ()
    """Honours and achievements, in file order."""
    data_dir: str = field(default="data", metadata={PRIVACY: UNPUBLISHED})
    """Absolute path of the data folder, for copying images."""
    made_ids: Tuple[Tuple[str, str, str, str], ...] = field(
        default=(), metadata={PRIVACY: UNPUBLISHED}
    )
    """(where, kind, name, id) of every id made from a name, for check.sh to list."""
    completions: Tuple[Tuple[date, Any], ...] = field(default=(), metadata={PRIVACY: UNPUBLISHED})
    """(date, DataError without a message) of each milestone's `done`, checked against the
    as-of day once it is known (load.asof)."""
    returns: Tuple[Return, ...] = unpublished_field(())
    """The units' returned workbooks, already applied to `ledger`."""

    def unit(self, unit_id: str) -> Unit:
        return self._units_by_id[unit_id]

    @cached_property
    def _units_by_id(self) -> Mapping[str, Unit]:
        return {u.id: u for u in reversed(self.units)}
