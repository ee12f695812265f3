"""The board: every computed figure of a campaign as of one day, ready for pages and charts."""

from __future__ import annotations

import dataclasses
import datetime
import functools
import operator
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, TypeVar

from .. import figures
from ..model import (
    STATUSES,
    WHOLE,
    WHOLE_ID,
    Campaign,
    Exemplar,
    Indicator,
    Notice,
    Number,
    RectificationItem,
    Round,
    Unit,
)
from .activities import ActivityLog, Honours, activity_log, honours, with_log_values
from .ledger_as_of import ledger_as_of
from .projects import ProjectRow, ProjectsView, projects_view
from .workdays import plan_progress

T = TypeVar("T")


@dataclass(frozen=True)
class IndicatorRow:
    """One unit's standing on one indicator."""

    unit: Unit
    latest_period: Optional[str]
    latest: Optional[Number]
    """None: the unit reported nothing (未报送)."""
    target: Optional[Number]
    completion: Optional[Fraction]
    behind: bool
    """落后序时进度."""
    missed: str = ""
    """超标 ("over") or 未达标 ("short"), figures.missed_target; "" for neither."""

    lent = True
    """Taken again by the next board computed from the same records (compute_board's `like`):
    its digest is kept for the next build (session.value_key)."""

    @property
    def missed_word(self) -> str:
        return figures.MISSED_WORDS.get(self.missed, "")

    @property
    def flagged(self) -> bool:
        """Behind time progress or a target missed: what a reader must see in alert colour."""
        return self.behind or bool(self.missed)


@dataclass(frozen=True)
class IndicatorView:
    indicator: Indicator
    rows: Tuple[IndicatorRow, ...]
    """Every unit, in units.yml order."""
    completion: Optional[Fraction]
    """Board-wide completion (up indicators only)."""

    lent = True
    """Taken again by the next board computed from the same records (compute_board's `like`):
    its digest is kept for the next build (session.value_key)."""

    def row(self, unit_id: str) -> Optional[IndicatorRow]:
        return self._by_unit.get(unit_id)

    @functools.cached_property
    def _by_unit(self) -> Mapping[str, IndicatorRow]:
        return {row.unit.id: row for row in reversed(self.rows)}


@dataclass(frozen=True)
class RankRow:
    unit: Unit
    rank: Optional[int]
    """None: not scored in this round (未参评)."""
    total: Optional[Number]
    scores: Mapping[str, Number]
    change: Optional[int]
    """Previous rank minus this rank: positive moved up; None where not ranked before."""
    level: str

    lent = True
    """Taken again by the next board computed from the same records (compute_board's `like`):
    its digest is kept for the next build (session.value_key)."""


@dataclass(frozen=True)
class RoundView:
    round: Round
    rows: Tuple[RankRow, ...]
    """Ranked units by rank (ties in units.yml order), then the unranked in units.yml order."""

    lent = True
    """Taken again by the next board computed from the same records (compute_board's `like`):
    its digest is kept for the next build (session.value_key)."""

    def ranked(self) -> Tuple[RankRow, ...]:
        return self._ranked

    @functools.cached_property
    def _ranked(self) -> Tuple[RankRow, ...]:
        """Found once a round: every unit's page and screen asks (500 units: 0.3 s a build)."""
        return tuple(row for row in self.rows if row.rank is not None)

    def top(self, places: int = 3) -> Tuple[RankRow, ...]:
        """Rows ranked within the first `places` ranks: ties can make more than `places` rows."""
        return tuple(row for row in self.ranked() if row.rank <= places)

    def row(self, unit_id: str) -> Optional[RankRow]:
        """The unit's row; every unit has one (未参评 rows included)."""
        return self._by_unit.get(unit_id)

    def criterion_averages(self, criteria: Sequence) -> Mapping[str, Optional[Number]]:
        """Each criterion's average over the units scored: worked out once a round, not once a
        unit page (500 units: half a second a build)."""
        key = tuple(criterion.id for criterion in criteria)
        averages = self.__dict__.setdefault("_averages", {})
        if key not in averages:
            averages[key] = figures.criterion_averages(self.round, criteria)
        return averages[key]

    @functools.cached_property
    def _by_unit(self) -> Mapping[str, RankRow]:
        return {row.unit.id: row for row in reversed(self.rows)}


@dataclass(frozen=True)
class LedgerRow:
    item: RectificationItem
    overdue: bool
    due_soon: bool
    late: bool
    """Completed after its deadline (逾期完成)."""
    days_late: int
    """Days past the deadline for overdue items, else 0."""
    days_left: Optional[int]
    """Days to the deadline of an open item (0: due on the as-of day, negative: overdue)."""

    lent = True
    """Taken again by the next board computed from the same records (compute_board's `like`):
    its digest is kept for the next build (session.value_key)."""

    @functools.cached_property
    def id_order(self) -> Tuple:
        """The item's id as in_id_order sorts it, made once: several pages and files sort the
        same rows."""
        return _natural_key(self.item.id)


@dataclass(frozen=True)
class LedgerStats:
    """Counts and rates over a set of ledger items (internal ones included)."""

    total: int
    by_status: Mapping[str, int]
    finished: int
    completion_rate: Optional[Fraction]
    closure_rate: Optional[Fraction]
    overdue: int
    due_soon: int

    lent = True
    """Taken again by the next board computed from the same records (compute_board's `like`):
    its digest is kept for the next build (session.value_key)."""


@dataclass(frozen=True)
class Board:
    """A campaign and everything computed from it as of one day, for one profile."""

    campaign: Campaign
    as_of: datetime.date
    public: bool
    time_progress: Fraction
    phase: figures.PhaseStatus
    indicators: Tuple[IndicatorView, ...]
    rounds: Tuple[RoundView, ...]
    """Oldest first."""
    ledger: Tuple[LedgerRow, ...]
    """Every item, internal ones included, in ledger order, as it stood on the as-of day
    (figures.ledger_as_of); `campaign.ledger` holds the items as read."""
    ledger_stats: LedgerStats
    ledger_by_unit: Mapping[str, LedgerStats]
    site_url: str = ""
    """Where the site is published (mkdocs.yml site_url), for QR codes and feeds; "" if unset."""
    projects: Optional[ProjectsView] = None
    """Key projects, when projects.yml exists; internal ones included (totals count them)."""
    built: Optional[datetime.date] = None
    """The build's day (figures.build_day); None: not known, never called stale."""

    @property
    def stale(self) -> int:
        """数据已 N 天未更新: N when the data is `stale_days` or more older than the build."""
        return figures.days_stale(self.as_of, self.built, self.campaign.plan.stale_days)

    digested = False
    """Not digested for `serve` (value_key): a block given the whole board changes with any edit,
    and digesting all of it took longer than rendering the few blocks that are."""

    def once(self, key: str, make: Callable[[], T]) -> T:
        """`make()` once for this board: what several page modules of one build show (the
        screen's decks, the changes of the window, a page and its tables' files) is made once,
        and goes with the board."""
        memo = self._memo
        if key not in memo:
            memo[key] = make()
        return memo[key]

    @functools.cached_property
    def _memo(self) -> Dict[str, Any]:
        return {}

    @property
    def latest_round(self) -> Optional[RoundView]:
        return self.rounds[-1] if self.rounds else None

    def listed_ledger(self, unit_id: str = "") -> Tuple[LedgerRow, ...]:
        """Ledger rows a page may show: internal items are left out of the public build."""
        return self._listed_by_unit.get(unit_id, ())

    @functools.cached_property
    def _listed_by_unit(self) -> dict:
        """Listed rows by unit id, and all of them under "": found once, not once per unit page
        (500 units × 20,000 items was 15 s of a build)."""
        listed = tuple(row for row in self.ledger if self.listed(row.item))
        return {"": listed, **rows_by_unit(listed)}

    def overdue_rows(self) -> Tuple[LedgerRow, ...]:
        """Listed overdue items, the longest overdue first, ties in id order."""
        return self._overdue_rows

    @functools.cached_property
    def _overdue_rows(self) -> Tuple[LedgerRow, ...]:
        rows = in_id_order(row for row in self.listed_ledger() if row.overdue)
        return tuple(sorted(rows, key=lambda row: -row.days_late))

    def due_soon_rows(self) -> Tuple[LedgerRow, ...]:
        """Listed due-soon items, the nearest deadline first, ties in id order."""
        return self._due_soon_rows

    @functools.cached_property
    def _due_soon_rows(self) -> Tuple[LedgerRow, ...]:
        rows = in_id_order(row for row in self.listed_ledger() if row.due_soon)
        return tuple(sorted(rows, key=lambda row: row.days_left))

    def unlisted_count(self) -> int:
        return sum(not self.listed(row.item) for row in self.ledger)

    def listed(self, record) -> bool:
        return not (self.public and record.internal)

    def exemplars(self, unit_id: str = "") -> Tuple[Exemplar, ...]:
        """Published cases, newest first (then by slug, for a stable order)."""
        if not unit_id:
            return self._published_cases
        return self._cases_by_unit.get(unit_id, ())

    def learned_from(self, unit_id: str) -> Tuple[Exemplar, ...]:
        """Published cases the unit adopted (学习借鉴: it is in their adopted_by), newest first."""
        return self._cases_adopted_by.get(unit_id, ())

    @functools.cached_property
    def _published_cases(self) -> Tuple[Exemplar, ...]:
        cases = [e for e in self.campaign.exemplars if self.listed(e)]
        return tuple(sorted(cases, key=lambda e: (-e.date.toordinal(), e.slug)))

    @functools.cached_property
    def _cases_by_unit(self) -> Dict[str, Tuple[Exemplar, ...]]:
        return _grouped(((case.unit,), case) for case in self._published_cases)

    @functools.cached_property
    def _cases_adopted_by(self) -> Dict[str, Tuple[Exemplar, ...]]:
        return _grouped((case.adopted_by, case) for case in self._published_cases)

    def notices(self) -> Tuple[Notice, ...]:
        """Published notices, pinned first, then newest first."""
        shown = [n for n in self.campaign.notices if self.listed(n)]
        return tuple(sorted(shown, key=lambda n: (not n.pinned, -n.date.toordinal(), n.slug)))

    def unit(self, unit_id: str) -> Unit:
        return self.campaign.unit(unit_id)

    @functools.cached_property
    def compared_units(self) -> Tuple[Unit, ...]:
        """The units ranked and measured (not `compare: false`), in units.yml order."""
        return tuple(unit for unit in self.campaign.units if unit.compare)

    def listed_projects(self, unit_id: str = "") -> Tuple[ProjectRow, ...]:
        """Project rows a page may show (no internal ones in the public build), file order."""
        rows = self.projects.rows if self.projects else ()
        return tuple(
            row
            for row in rows
            if self.listed(row.project) and (not unit_id or row.project.unit == unit_id)
        )

    @functools.cached_property
    def activity_log(self) -> ActivityLog:
        """The activity log's figures (学习交流): internal records counted."""
        return activity_log(self.campaign)

    @functools.cached_property
    def honours(self) -> Honours:
        """Honours' figures (荣誉成果): internal records counted."""
        return honours(self.campaign)

    def listed_activities(self, unit_id: str = "", role: str = "") -> Tuple:
        """Records a page may show, newest first: all, or a unit's (`hosted`, `attended` or
        either)."""
        records = (r for r in self.activity_log.records if self.listed(r))
        if not unit_id:
            return tuple(records)
        hosted, attended = role in ("", "hosted"), role in ("", "attended")
        return tuple(
            r
            for r in records
            if (hosted and r.host == unit_id) or (attended and unit_id in r.guests)
        )

    def listed_honours(self, unit_id: str = "") -> Tuple:
        records = (r for r in self.honours.records if self.listed(r))
        return tuple(r for r in records if not unit_id or r.unit == unit_id)

    def unlisted_projects(self) -> int:
        rows = self.projects.rows if self.projects else ()
        return sum(not self.listed(row.project) for row in rows)


def _grouped(keyed_cases) -> dict:
    """Cases (in the order given) under each unit id given with them."""
    grouped: dict = {}
    for keys, case in keyed_cases:
        for key in dict.fromkeys(keys):
            grouped.setdefault(key, []).append(case)
    return {key: tuple(cases) for key, cases in grouped.items()}


def in_id_order(rows: Iterable[LedgerRow]) -> List[LedgerRow]:
    """By id, numbers compared as numbers: ZG-2014-9 before ZG-2014-10."""
    return sorted(rows, key=operator.attrgetter("id_order"))


def _natural_key(text: str) -> Tuple:
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part)
        for part in re.split(r"(\d+)", text)
        if part
    )


def compute_board(
    campaign: Campaign,
    as_of: datetime.date,
    public: bool = False,
    site_url: str = "",
    built: Optional[datetime.date] = None,
    like: Optional[Board] = None,
) -> Board:
    """The board as of `as_of`. `like`, a board of the same campaign (as of another day: the
    past days' boards of the 通报; or the last build's, under serve), lends what was computed
    from the very same records: its rounds, its indicator rows but for `behind`, and on the same
    day its ledger rows and units' ledger figures. The 通报's past boards computed every ratio
    again, a second of each 500-unit build; and a lent record's digest is kept (value_key)."""
    plan = campaign.plan
    campaign = with_log_values(campaign, as_of)
    progress = plan_progress(plan, as_of)
    # campaign.ledger stays as read: a 通报 for another day is computed again from it
    items = ledger_as_of(campaign.ledger, as_of)
    lent_rows = _lent_ledger(like, campaign, as_of)
    ledger = tuple(
        _lent_row(lent_rows, item) or ledger_row(item, as_of, plan.warn_days) for item in items
    )
    by_unit = rows_by_unit(ledger)
    lent_stats = _lent_unit_stats(like, lent_rows, by_unit)
    return Board(
        campaign=campaign,
        as_of=as_of,
        public=public,
        time_progress=progress,
        phase=figures.current_phase(plan.phases, as_of),
        indicators=indicator_views(campaign, progress, _lent_indicators(like, campaign)),
        rounds=_lent_rounds(like, campaign) or round_views(campaign),
        ledger=ledger,
        ledger_stats=ledger_stats(ledger),
        ledger_by_unit={
            u.id: lent_stats.get(u.id) or ledger_stats(by_unit.get(u.id, ()))
            for u in campaign.units
        },
        site_url=site_url,
        built=built,
        projects=(
            projects_view(campaign.projects, as_of, progress, plan.warn_days)
            if campaign.projects
            else None
        ),
    )


def rows_by_unit(rows: Iterable[LedgerRow]) -> dict:
    """Unit id → its rows, in the order given."""
    found: dict = {}
    for row in rows:
        found.setdefault(row.item.unit, []).append(row)
    return {unit: tuple(unit_rows) for unit, unit_rows in found.items()}


def _lent_indicators(like: Optional[Board], campaign: Campaign) -> Tuple[IndicatorView, ...]:
    """`like`'s indicator views, where they were computed from the same units (equal records:
    units.yml is read anew at every load), whole-campaign name and periods; else ()."""
    if like is None or not _same_units(like.campaign, campaign):
        return ()
    periods = campaign.indicators.periods if campaign.indicators else None
    had = like.campaign.indicators.periods if like.campaign.indicators else None
    return like.indicators if had == periods else ()


def _lent_rounds(like: Optional[Board], campaign: Campaign) -> Tuple[RoundView, ...]:
    """`like`'s rounds, where they were computed from the same units and the very same
    evaluations; else ()."""
    if like is None or not _same_units(like.campaign, campaign):
        return ()
    return like.rounds if like.campaign.evaluations is campaign.evaluations else ()


def _same_units(had: Campaign, campaign: Campaign) -> bool:
    return had.units == campaign.units and had.plan.terms.whole == campaign.plan.terms.whole


def _lent_ledger(like: Optional[Board], campaign: Campaign, as_of: datetime.date) -> dict:
    """id(item) → `like`'s row of that item, where its rows were computed for the same day and
    warning days; else {}."""
    if (
        like is None
        or like.as_of != as_of
        or like.campaign.plan.warn_days != campaign.plan.warn_days
    ):
        return {}
    return {id(row.item): row for row in like.ledger}


def _lent_row(lent: dict, item: RectificationItem) -> Optional[LedgerRow]:
    row = lent.get(id(item))
    return row if row is not None and row.item is item else None


def _lent_unit_stats(like: Optional[Board], lent: dict, by_unit: Mapping) -> dict:
    """Unit id → `like`'s ledger figures for the unit, where its rows are the very same rows in
    the same order (rows are lent only when `lent` is not empty)."""
    if not lent:
        return {}
    had = rows_by_unit(like.ledger)
    return {
        unit: like.ledger_by_unit[unit]
        for unit, rows in by_unit.items()
        if unit in like.ledger_by_unit
        and len(rows) == len(had.get(unit, ()))
        and all(map(operator.is_, rows, had[unit]))
    }


def indicator_views(
    campaign: Campaign, progress: Fraction, lent: Sequence[IndicatorView] = ()
) -> Tuple[IndicatorView, ...]:
    """Every indicator's view. A view in `lent` of the very same indicator is taken again, its
    rows' `behind` held against this `progress`: only that depends on the day."""
    if campaign.indicators is None:
        return ()
    periods = campaign.indicators.periods
    lent_views = {id(view.indicator): view for view in lent}
    views = []
    for indicator in campaign.indicators.indicators:
        view = lent_views.get(id(indicator))
        if view is not None and view.indicator is indicator:
            views.append(_behind_again(view, progress))
            continue
        rows = tuple(
            indicator_row(indicator, unit, periods, progress)
            for unit in measured_units(campaign, indicator)
        )
        views.append(IndicatorView(indicator, rows, figures.board_completion(indicator, periods)))
    return tuple(views)


def _behind_again(view: IndicatorView, progress: Fraction) -> IndicatorView:
    indicator = view.indicator
    rows = tuple(
        row if row.behind == behind else dataclasses.replace(row, behind=behind)
        for row in view.rows
        for behind in (figures.is_behind(indicator, row.completion, progress),)
    )
    if all(map(operator.is_, rows, view.rows)):
        return view
    return IndicatorView(indicator, rows, view.completion)


def measured_units(campaign: Campaign, indicator: Indicator) -> Tuple[Unit, ...]:
    """The units an indicator has a row for; an indicator of the whole has one row, named by
    `terms.whole`, for the whole campaign."""
    if indicator.scope == WHOLE:
        return (Unit(WHOLE_ID, campaign.plan.terms.whole),)
    return tuple(u for u in campaign.units if u.compare and indicator.applies(u.id))


def indicator_row(
    indicator: Indicator, unit: Unit, periods: Sequence[str], progress
) -> IndicatorRow:
    latest = figures.latest_value(indicator.values.get(unit.id, {}), periods)
    period, value = latest if latest else (None, None)
    target = indicator.targets.get(unit.id)
    ratio = figures.completion(indicator.direction, value, target)
    behind = figures.is_behind(indicator, ratio, progress)
    missed = figures.missed_target(indicator, value, target)
    return IndicatorRow(unit, period, value, target, ratio, behind, missed)


def round_views(campaign: Campaign) -> Tuple[RoundView, ...]:
    if campaign.evaluations is None:
        return ()
    views, previous = [], {}
    for round_ in campaign.evaluations.rounds:
        view = round_view(round_, campaign, previous)
        previous = {row.unit.id: row.rank for row in view.rows if row.rank is not None}
        views.append(view)
    return tuple(views)


def round_view(round_: Round, campaign: Campaign, previous: Mapping[str, int]) -> RoundView:
    levels = campaign.evaluations.levels
    rows = [
        RankRow(
            unit=campaign.unit(ranked.unit_id),
            rank=ranked.rank,
            total=ranked.total,
            scores=round_.scores[ranked.unit_id],
            change=figures.rank_change(previous.get(ranked.unit_id), ranked.rank),
            level=figures.level_for(ranked.total, levels),
        )
        for ranked in figures.rank_round(round_, campaign.units)
    ]
    rows += [
        RankRow(unit, None, None, {}, None, "")
        for unit in campaign.units
        if unit.compare and unit.id not in round_.scores
    ]
    return RoundView(round_, tuple(rows))


def ledger_row(item: RectificationItem, as_of: datetime.date, warn_days: int) -> LedgerRow:
    return LedgerRow(
        item=item,
        overdue=figures.is_overdue(item, as_of),
        due_soon=figures.is_due_soon(item, as_of, warn_days),
        late=figures.is_completed_late(item),
        days_late=figures.days_late(item, as_of),
        days_left=figures.days_left(item, as_of),
    )


def ledger_stats(rows: Sequence[LedgerRow]) -> LedgerStats:
    items = [row.item for row in rows]
    by_status = {status: sum(item.status == status for item in items) for status in STATUSES}
    return LedgerStats(
        total=len(items),
        by_status=by_status,
        finished=by_status["done"] + by_status["verified"],
        completion_rate=figures.completion_rate(items),
        closure_rate=figures.closure_rate(items),
        overdue=sum(row.overdue for row in rows),
        due_soon=sum(row.due_soon for row in rows),
    )
