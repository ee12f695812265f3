"""The plan as data/campaign.xlsx: every sheet of the layout (load.campaign_layout) filled from the
records, with drop-down lists and a 说明 sheet; read back, it gives the same records."""

from __future__ import annotations

import datetime
from typing import Dict, List, Optional, Sequence

from .. import model
from ..load.campaign_layout import (
    DIRECTIONS,
    SCOPES,
    SETTING_HEADERS,
    SETTING_ROWS,
    SETTINGS,
    SOURCE_WORDS,
    TIME_WAYS,
    WHOLE_UNIT,
    WORDS,
    YES_NO,
    table,
)
from ..load.plan_parts import PlanParts
from . import campaign_note, campaign_projects, xlsx_stream

ROWS = 500
"""Rows given the drop-down lists."""
CHOICES = '"' + ",".join(YES_NO) + '"'
WAYS = '"' + ",".join(DIRECTIONS) + '"'
WIDE = frozenset({"内容", "工作内容", "成员", "幻灯片", "适用单位"})


def campaign_xlsx(parts: PlanParts, stamp: datetime.datetime, purpose: str = "") -> bytes:
    """The workbook's bytes, the same every time for the same records and stamp."""
    names = unit_labels(parts.units)
    sheets = [settings_sheet(parts.plan), *plan_sheets(parts, names)]
    if parts.indicators is not None:
        sheets += indicator_sheets(parts.indicators, parts.units, names)
    if parts.evaluations is not None:
        sheets += evaluation_sheets(parts.evaluations, names)
    if parts.projects is not None:
        sheets += campaign_projects.sheets(parts.projects, names, len(parts.units))
    sheets.append(xlsx_stream.note_sheet(campaign_note.lines(purpose), (16, 80)))
    return xlsx_stream.workbook(sheets, f"{parts.plan.title} 活动方案", stamp)


def unit_labels(units: Sequence[model.Unit]) -> Dict[str, str]:
    """How the workbook names each unit: its name, or its id where the name is not unique."""
    names = [unit.name for unit in units] + [unit.short for unit in units if unit.short]
    return {
        unit.id: unit.name if unit.name and names.count(unit.name) == 1 else unit.id
        for unit in units
    }


def sheet(name: str, rows: List[Sequence], headers: Optional[Sequence[str]] = None, **options):
    """A table sheet of the layout; `headers` for those with a column per period or criterion."""
    shown = list(headers or table(name).headers())
    widths = [40 if header in WIDE else 16 for header in shown]
    return xlsx_stream.table(name, shown, widths, rows, **options)


def pick(column: str, formula: str, strict: bool = True) -> xlsx_stream.Validation:
    return xlsx_stream.Validation(
        f"{column}2:{column}{ROWS + 1}", formula, error="请从下拉列表中选择", show_error=strict
    )


def unit_list(count: int) -> str:
    return f"'单位'!$B$2:$B${max(count, 1) + ROWS}"


def settings_sheet(plan: model.Plan) -> xlsx_stream.Sheet:
    values = settings_values(plan)
    rows = [(column.header, values.get(column.key)) for column in SETTING_ROWS]
    checks = [
        xlsx_stream.Validation(f"B{at}", CHOICES, error="请选择 是 或 否")
        for at, column in enumerate(SETTING_ROWS, start=2)
        if column.kind == "bool"
    ] + [
        xlsx_stream.Validation(f"B{at}", listed(WORDS[column.kind]), error="请从下拉列表中选择")
        for at, column in enumerate(SETTING_ROWS, start=2)
        if column.kind in WORDS
    ]
    return xlsx_stream.table(SETTINGS, SETTING_HEADERS, (18, 60), rows, validations=checks)


def settings_values(plan: model.Plan) -> Dict[str, object]:
    return {
        "title": plan.title,
        "short_title": plan.short_title or None,
        "organization": plan.organization,
        "theme": plan.theme or None,
        "period.start": plan.start,
        "period.end": plan.end,
        "as_of": plan.as_of,
        "terms.whole": plan.terms.whole,
        "terms.group": plan.terms.group,
        "ledger.warn_days": plan.warn_days,
        "changes.days": plan.change_days,
        "screen.interval": plan.screen.interval,
        "screen.reload": plan.screen.reload,
        "screen.slides": slides_text(plan.screen.slides),
        "unit_screens": yes_no(plan.unit_screens),
        "privacy.mask_leading_group": yes_no(plan.mask_leading_group),
        "time_progress.by": word(TIME_WAYS, plan.time_progress.by),
        "ranking.black_list": yes_no(plan.black_list),
        "stale_days": plan.stale_days,
        "archive.keep": plan.archive_keep,
    }


def word(words, value: str) -> str:
    """The word of a column of a few words (越高越好, 整体, 按工作日) for the value it means."""
    return next(shown for shown, code in words.items() if code == value)


def listed(words) -> str:
    return '"' + ",".join(words) + '"'


def source_text(found: Optional[model.LogSource]) -> Optional[str]:
    """An indicator's 来源: 主办活动：观摩, 荣誉成果：论文：省级 (None: units report it)."""
    if found is None:
        return None
    head = next(w for w, way in SOURCE_WORDS.items() if way == (found.log, found.role))
    return "：".join(part for part in (head, found.kind, found.level) if part)


def yes_no(value: bool) -> str:
    return YES_NO[0] if value else YES_NO[1]


def slides_text(slides: Sequence[model.Slide]) -> str:
    """The slides by the titles the screen shows (总体态势、评比排名:20)."""
    word = {name: title for title, name in model.SLIDE_WORDS.items()}
    shown = [(word.get(s.name, s.name), s.seconds) for s in slides]
    return "、".join(name if seconds is None else f"{name}:{seconds}" for name, seconds in shown)


def plan_sheets(parts: PlanParts, names: Dict[str, str]) -> List[xlsx_stream.Sheet]:
    plan, count = parts.plan, len(parts.units)
    units = [
        (u.id, u.name, u.short or None, u.group or None, u.contact or None)
        + (None if u.compare else YES_NO[1],)
        for u in parts.units
    ]
    phases = [(p.id, p.name, p.start, p.end, p.description or None) for p in plan.phases]
    leaders = [(role.role, "、".join(role.members)) for role in plan.leading_group]
    pairs = [tuple(names[unit] for unit in pair) + (None,) * (4 - len(pair)) for pair in plan.pairs]
    breaks = [(b.name, b.start, b.end) for b in plan.time_progress.breaks]
    screens = [
        (s.id, s.title, s.screen.interval, s.screen.reload, slides_text(s.screen.slides))
        for s in plan.screens
    ]
    both = [pick(column, unit_list(count), False) for column in "ABCD"]
    return [
        sheet("活动目标", [(goal,) for goal in plan.goals]),
        sheet("阶段", phases),
        sheet("领导小组", leaders),
        sheet("单位", units),
        sheet("结对", pairs, validations=both),
        sheet("活动要求", [(item,) for item in plan.requirements]),
        sheet("大屏", screens),
        sheet("假期", breaks),
    ]


def indicator_sheets(
    indicators: model.Indicators, units: Sequence[model.Unit], names: Dict[str, str]
) -> List[xlsx_stream.Sheet]:
    every = tuple(unit.id for unit in units)
    rows, own, values = [], [], []
    for item in indicators.indicators:
        whole = item.scope == model.WHOLE
        if whole:
            single = item.targets.get(model.WHOLE_ID)
        else:
            single = single_target(item, item.applies_to or every)
        applies = None if item.applies_to is None else "、".join(names[u] for u in item.applies_to)
        rows.append(
            (item.id, item.name, item.unit or None, word(DIRECTIONS, item.direction))
            + (yes_no(item.cumulative), yes_no(item.per_period), single, item.growth, applies)
            + (word(SCOPES, model.WHOLE) if whole else None, source_text(item.source))
        )
        targets = {} if single is not None or item.growth is not None else item.targets
        for unit in dict.fromkeys((*targets, *item.baselines)):
            own.append((item.id, names[unit], targets.get(unit), item.baselines.get(unit)))
        if item.source is not None:
            continue  # counted from the log: never typed
        # A per_period indicator's cells take each period's own count, as the clerk typed them.
        for unit, by_period in (item.counts if item.per_period else item.values).items():
            shown = WHOLE_UNIT if whole else names[unit]
            values.append((item.id, shown, *(by_period.get(p) for p in indicators.periods)))
    count, last = len(units), len(indicators.indicators) + ROWS
    choices = [pick("D", WAYS), pick("E", CHOICES), pick("F", CHOICES), pick("J", listed(SCOPES))]
    named = [pick("A", f"'指标'!$B$2:$B${last}", False), pick("B", unit_list(count), False)]
    return [
        sheet("时期", [(period,) for period in indicators.periods]),
        sheet("指标", rows, validations=choices),
        sheet("指标目标", own, validations=named),
        sheet("指标数值", values, ("指标", "单位", *indicators.periods), validations=named),
    ]


def single_target(item: model.Indicator, concerned: Sequence[str]) -> Optional[model.Number]:
    """The one target every concerned unit has, if so (indicators.yml's `target: 95`)."""
    found = set(item.targets.values())
    if item.growth is not None or len(found) != 1 or set(item.targets) != set(concerned):
        return None
    return next(iter(found))


def evaluation_sheets(
    evaluations: model.Evaluations, names: Dict[str, str]
) -> List[xlsx_stream.Sheet]:
    criteria = evaluations.criteria
    headers = ("评比", "单位", *(c.name or c.id for c in criteria))
    scores = [
        (item.id, names[unit], *(by_criterion.get(c.id) for c in criteria))
        for item in evaluations.rounds
        for unit, by_criterion in item.scores.items()
    ]
    last = len(evaluations.rounds) + ROWS
    named = [pick("A", f"'评比'!$B$2:$B${last}", False), pick("B", unit_list(len(names)), False)]
    return [
        sheet("评比内容", [(c.id, c.name, c.max) for c in criteria]),
        sheet("评比", [(r.id, r.name, r.date) for r in evaluations.rounds]),
        sheet("评分", scores, headers, validations=named),
        sheet("等级", [(level.min, level.label) for level in evaluations.levels]),
    ]
