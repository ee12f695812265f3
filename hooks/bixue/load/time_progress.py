"""campaign.yml's `time_progress`: calendar days (the default) or working days less the breaks."""

from __future__ import annotations

from datetime import date
from types import MappingProxyType
from typing import Optional, Tuple

from chinese_calendar import constants as calendar_data

from .. import model
from .fields import a_date, join, mapping, sequence, text
from .reading import Source
from .yamlfile import Node

WORDS = MappingProxyType(
    {
        **{"days": model.DAYS, "日历日": model.DAYS, "自然日": model.DAYS},
        **{"workdays": model.WORKDAYS, "工作日": model.WORKDAYS},
    }
)


def calendar_years() -> Tuple[int, int]:
    """The first and last year the installed chinese-calendar knows the holidays of."""
    years = sorted({day.year for day in calendar_data.holidays})
    return years[0], years[-1]


def read_time_progress(
    source: Source, node: Optional[Node], start: Optional[date], end: Optional[date]
) -> model.TimeProgress:
    entries = mapping(source, node, "time_progress", (), ("by", "breaks"))
    if entries is None:
        return model.TimeProgress()
    by = read_by(source, entries.get("by"))
    items = sequence(source, entries.get("breaks"), "time_progress.breaks")
    breaks = tuple(read_break(source, item) for item in items)
    if by == model.WORKDAYS and start and end:
        check_years(source, entries.get("by") or node, start, end)
    return model.TimeProgress(by, tuple(item for item in breaks if item))


def read_by(source: Source, node: Optional[Node]) -> str:
    written = text(source, node, "time_progress.by")
    if written is None:
        return model.DAYS
    if written.strip() in WORDS:
        return WORDS[written.strip()]
    message = f"必须是 days（日历日）或 workdays（工作日），实际为 '{written}'"
    source.error(node.line, "time_progress.by", message)
    return model.DAYS


def read_break(source: Source, node: Node) -> Optional[model.Break]:
    entries = mapping(source, node, "time_progress.breaks", ("name", "start", "end"))
    if entries is None:
        return None
    name = text(source, entries.get("name"), "time_progress.breaks.name")
    first = a_date(source, entries.get("start"), "time_progress.breaks.start")
    last = a_date(source, entries.get("end"), "time_progress.breaks.end")
    if first and last and first > last:
        message = f"假期“{name}”的开始日期 {first} 晚于结束日期 {last}"
        source.error(entries["end"].line, "time_progress.breaks.end", message)
        return None
    if name is None or first is None or last is None:
        return None
    return model.Break(name, first, last)


def check_years(source: Source, node: Node, start: date, end: date) -> None:
    """Working days are known only for the years chinese-calendar holds."""
    first, last = calendar_years()
    if start.year < first or end.year > last:
        message = (
            f"按工作日计算序时进度要用到 {start.year}–{end.year} 年的法定节假日，"
            f"已安装的 chinese-calendar 只有 {first}–{last} 年的数据"
        )
        hint = "升级 chinese-calendar，或改用 by: days（按日历日计）"
        source.error(node.line, join("time_progress", "by"), message, hint)
