"""Reading campaign.yml: the plan, its phases, leading group, pairs and screen settings."""

from __future__ import annotations

from datetime import date
from types import MappingProxyType
from typing import Dict, List, Optional, Tuple

from .. import model
from . import slips
from .campaign_xlsx import plan_part
from .fields import (
    a_date,
    boolean,
    check_chronological,
    integer,
    join,
    mapping,
    markdown,
    nonempty_sequence,
    sequence,
    text,
    unit_ref,
)
from .lists import listed, listed_texts
from .made import with_ids, written_id
from .reading import Reading, Source, note_unique, origin
from .screens import read_screen, read_screens
from .time_progress import read_time_progress
from .yamlfile import Node

PLAN_REQUIRED = ("title", "organization", "period", "phases")
PLAN_OPTIONAL = (
    *("short_title", "theme", "as_of", "goals", "leading_group", "pairs", "requirements"),
    *("screen", "privacy", "ledger", "terms"),
    *("screens", "unit_screens", "changes", "time_progress", "ranking", "stale_days", "archive"),
)
WITHIN_PERIOD = "阶段必须在 period 的起止日期之内"
WITHIN_SHEET = "阶段必须在“活动”表的开始日期和结束日期之内"
MAX_SETTINGS = MappingProxyType(
    {"warn_days": 365, "days": 366, "stale_days": 3660, "keep": 100_000}
)
"""Upper limits of the settings: beyond them a screen would never turn (a browser fires a timer
of more than 24.8 days at once) and every item would be 临期."""


def load_plan(reading: Reading) -> Optional[model.Plan]:
    source, root = plan_part(reading, "campaign", required=True)
    entries = mapping(source, root, "", PLAN_REQUIRED, PLAN_OPTIONAL) if source else None
    if entries is None:
        return None
    get = entries.get
    start, end = read_span(
        source, mapping(source, get("period"), "period", ("start", "end")), "period"
    )
    words = {key: text(source, get(key), key) or "" for key in ("short_title", "theme")}
    return model.Plan(
        title=text(source, get("title"), "title") or "",
        organization=text(source, get("organization"), "organization") or "",
        start=start,
        end=end,
        phases=read_phases(source, get("phases"), start, end),
        **words,
        as_of=a_date(source, get("as_of"), "as_of"),
        goals=markdowns(source, get("goals"), "goals"),
        leading_group=read_leading_group(source, get("leading_group")),
        pairs=read_pairs(source, get("pairs")),
        requirements=markdowns(source, get("requirements"), "requirements"),
        screen=(screen := read_screen(source, get("screen"))),
        mask_leading_group=read_setting(
            source, get("privacy"), "privacy", "mask_leading_group", False
        ),
        warn_days=read_setting(
            source, get("ledger"), "ledger", "warn_days", 3, MAX_SETTINGS["warn_days"]
        ),
        origin=origin(source, root),
        screens=read_screens(source, get("screens"), screen),
        unit_screens=read_flag(source, get("unit_screens"), "unit_screens", True),
        change_days=read_days(source, get("changes")),
        archive_keep=read_keep(source, get("archive")),
        terms=read_terms(source, get("terms")),
        time_progress=read_time_progress(source, get("time_progress"), start, end),
        black_list=read_setting(source, get("ranking"), "ranking", "black_list", True),
        stale_days=read_stale_days(source, get("stale_days")),
    )


def read_span(
    source: Source, entries: Optional[Dict[str, Node]], name: str
) -> Tuple[Optional[date], Optional[date]]:
    """`start` and `end` of a period or phase, checked to be in order."""
    if entries is None:
        return None, None
    start = a_date(source, entries.get("start"), join(name, "start"))
    end = a_date(source, entries.get("end"), join(name, "end"))
    if start and end and start > end:
        source.error(entries["end"].line, join(name, "end"), f"结束日期 {end} 早于开始日期 {start}")
    return start, end


def markdowns(source: Source, node: Optional[Node], name: str) -> Tuple[str, ...]:
    values = (markdown(source, item, name) for item in sequence(source, node, name))
    return tuple(value for value in values if value is not None)


def read_phases(
    source: Source, node: Optional[Node], start: Optional[date], end: Optional[date]
) -> Tuple[model.Phase, ...]:
    """The phases, each within the period and starting no earlier than the one before."""
    seen: Dict[str, str] = {}
    items = with_ids(source, nonempty_sequence(source, node, "phases", "一个阶段"), "阶段")
    found = [(phase, item.value) for item in items if (phase := read_phase(source, item, seen))]
    # Dates missing or in the wrong order are reported already: nothing to compare them with.
    dated = [(phase, entries) for phase, entries in found if in_order(phase.start, phase.end)]
    within = WITHIN_PERIOD if source.term("period.start") == "period.start" else WITHIN_SHEET
    for phase, entries in dated if in_order(start, end) else ():
        if phase.start < start:
            message = f"阶段 '{phase.id}' 的开始日期 {phase.start} 早于活动开始日期 {start}"
            source.error(entries["start"].line, "phases.start", message, within)
        if phase.end > end:
            message = f"阶段 '{phase.id}' 的结束日期 {phase.end} 晚于活动结束日期 {end}"
            source.error(entries["end"].line, "phases.end", message, within)
    starts = [(phase.id, phase.start, entries["start"].line) for phase, entries in dated]
    check_chronological(source, starts, "phases.start", "阶段", "开始日期")
    return tuple(phase for phase, _ in found)


def in_order(start: Optional[date], end: Optional[date]) -> bool:
    return start is not None and end is not None and start <= end


def read_phase(source: Source, node: Node, seen: Dict[str, str]) -> Optional[model.Phase]:
    entries = mapping(source, node, "phases", ("id", "name", "start", "end"), ("description",))
    if entries is None:
        return None
    phase_id = written_id(source, entries, "phases.id")
    note_unique(source, seen, phase_id, entries.get("id"), "phases.id")
    start, end = read_span(source, entries, "phases")
    description = markdown(source, entries.get("description"), "phases.description") or ""
    name = text(source, entries.get("name"), "phases.name") or ""
    return model.Phase(phase_id, name, start, end, description)


def read_leading_group(source: Source, node: Optional[Node]) -> Tuple[model.LeaderRole, ...]:
    roles: List[model.LeaderRole] = []
    for item in sequence(source, node, "leading_group"):
        entries = mapping(source, item, "leading_group", ("role", "members"))
        if entries is not None:
            role = text(source, entries.get("role"), "leading_group.role") or ""
            roles.append(
                model.LeaderRole(
                    role, listed_texts(source, entries.get("members"), "leading_group.members")
                )
            )
    return tuple(roles)


def read_pairs(source: Source, node: Optional[Node]) -> Tuple[Tuple[str, ...], ...]:
    pairs = (read_pair(source, item) for item in sequence(source, node, "pairs"))
    return tuple(pair for pair in pairs if pair)


def read_pair(source: Source, node: Node) -> Optional[Tuple[str, ...]]:
    """A pair, or a group of up to four units compared side by side."""
    items = listed(source, node, "pairs")
    if not isinstance(node.value, (list, str)):
        return None
    if not 2 <= len(items) <= 4:
        written = " ".join(item.text for item in items)
        hint = slips.text_slip(written) if "，" in written else ""
        message = f"每一组必须是两到四个单位，实际为 {len(items)} 个"
        source.error(node.line, "pairs", message, hint)
        return None
    units = tuple(unit_ref(source, item, "pairs") for item in items)
    doubled = next((unit for n, unit in enumerate(units) if unit and unit in units[:n]), None)
    if doubled:
        source.error(node.line, "pairs", f"一组里的单位不能相同：'{doubled}'")
        return None
    return units if all(units) else None


def read_flag(source: Source, node: Optional[Node], name: str, default: bool) -> bool:
    value = boolean(source, node, name)
    return default if value is None else value


def read_days(source: Source, node: Optional[Node]) -> int:
    """`changes.days`: the window of 本期动态, at least one day (the as-of day)."""
    entries = mapping(source, node, "changes", (), ("days",))
    days = (
        integer(source, entries.get("days"), "changes.days", 1, MAX_SETTINGS["days"])
        if entries
        else None
    )
    return 7 if days is None else days


def read_stale_days(source: Source, node: Optional[Node]) -> int:
    """`stale_days`: after how many days without new data the board says so (0: never)."""
    days = integer(source, node, "stale_days", 0, MAX_SETTINGS["stale_days"])
    return 14 if days is None else days


def read_keep(source: Source, node: Optional[Node]) -> Optional[int]:
    """`archive.keep`: how many publications 往期公示 keeps, at least one; none said: all."""
    entries = mapping(source, node, "archive", (), ("keep",))
    if not entries:
        return None
    return integer(source, entries.get("keep"), "archive.keep", 1, MAX_SETTINGS["keep"])


def read_setting(
    source: Source,
    node: Optional[Node],
    name: str,
    key: str,
    default: object,
    maximum: Optional[int] = None,
) -> object:
    """One setting of a small section (privacy, ledger), or its default."""
    entries = mapping(source, node, name, (), (key,))
    child = entries.get(key) if entries else None
    if isinstance(default, bool):
        value = boolean(source, child, join(name, key))
    else:
        value = integer(source, child, join(name, key), 0, maximum)
    return default if value is None else value


def read_terms(source: Source, node: Optional[Node]) -> model.Terms:
    """The campaign's own words; a word left out keeps its default."""
    entries = mapping(source, node, "terms", (), ("whole", "group")) or {}
    words = {key: text(source, entries.get(key), join("terms", key)) for key in ("whole", "group")}
    return model.Terms(**{key: word.strip() for key, word in words.items() if word})
