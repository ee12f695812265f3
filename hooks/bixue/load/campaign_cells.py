"""A cell of data/campaign.xlsx as the node its YAML form would give, by its column's kind (dates,
numbers, 是/否, units by name, lists typed with 、)."""

from __future__ import annotations

import re
from typing import Optional

from .. import model
from . import mdsafety
from .campaign_layout import LIST_SPLIT, SOURCE_WORDS, WHOLE_UNIT, WORDS, YES_NO, Column
from .cells import as_date, as_number, as_text, reported
from .ledger_xlsx import BULLET
from .tables import resolve_unit
from .workbook import WorkbookSource
from .yamlfile import INVALID, Node

TRUE, FALSE = ("是", "true", "1"), ("否", "false", "0")
GROUP_PREFIX = re.compile(r"^分组[:：]\s*")
SLIDE_SECONDS = re.compile(r"^(.+?)\s*[:：]\s*(\d+)\s*秒?$")
HAN_NAME = re.compile(r"[\u4e00-\u9fff·]{2,}")
LIKE_YES = ("是的", "对", "有", "y", "yes", "√", "✓", "✔", "☑")
LIKE_NO = ("不是", "不", "无", "n", "no", "×", "✗", "✘", "☒")
"""Other ways of writing 是/否: answered with the word meant, never read as it (a wrong guess on
当期数 or 累计 changes every figure of the indicator)."""


def cell_node(source: WorkbookSource, column: Column, value, line: int, name: str) -> Node:
    """The node of one cell; `name` is the field as errors name it (`phases.start`)."""
    if value is None or reported(value):
        return Node(value, line)
    written = as_text(value)
    kind = column.kind
    if kind in ("text", "markdown"):
        shown = BULLET.sub("- ", written) if kind == "markdown" else written
        return Node(shown, line, written)
    if kind == "date":
        day, problem = as_date(value)
        return Node(day if day else failed(source, line, name, problem), line, written)
    if kind in ("int", "number"):
        return Node(number_of(source, value, line, name, kind), line, written)
    if kind == "bool":
        return Node(yes_no(source, value, line, name), line, written)
    if kind in WORDS:
        return Node(word_of(source, WORDS[kind], written, line, name), line, written)
    if kind == "source":
        return source_node(source, written, line, name)
    if kind == "whole" and written == WHOLE_UNIT:
        return Node(model.WHOLE_ID, line, written)
    if kind in ("unit", "whole"):
        return Node(resolve_unit(source, value, line, name), line, written)
    return Node(list_value(source, kind, written, line, name), line, written)


def failed(source: WorkbookSource, line: int, name: str, problem: str, hint: str = ""):
    source.error(line, name, problem, hint)
    return INVALID


def number_of(source: WorkbookSource, value, line: int, name: str, kind: str):
    number, problem = as_number(value)
    if number is None:
        return failed(source, line, name, problem)
    if kind == "int" and isinstance(number, float) and number.is_integer():
        return int(number)
    return number


def yes_no(source: WorkbookSource, value, line: int, name: str):
    if isinstance(value, bool):
        return value
    written = as_text(value).lower()
    if written in TRUE or written in FALSE:
        return written in TRUE
    shown = mdsafety.shorten(as_text(value))
    meant = "是" if written in LIKE_YES else "否" if written in LIKE_NO else ""
    hint = f"写 {meant}（或从下拉列表选）" if meant else "从下拉列表选"
    return failed(source, line, name, f"必须是 {' 或 '.join(YES_NO)}，实际为 '{shown}'", hint)


def word_of(source: WorkbookSource, words, written: str, line: int, name: str):
    """One of a few words (越高越好, 整体, 按工作日), or the YAML value it stands for."""
    if written in words or written in words.values():
        return words.get(written, written)
    message = f"必须是 {' 或 '.join(words)}，实际为 '{mdsafety.shorten(written)}'"
    return failed(source, line, name, message, "从下拉列表选")


def source_node(source: WorkbookSource, written: str, line: int, name: str) -> Node:
    """An indicator's 来源 as indicators.yml's `source:` (主办活动：观摩 is {activities: hosted,
    kind: 观摩}; 荣誉成果：论文：省级 is {achievements: {kind: 论文, level: 省级}})."""
    head, *rest = [part.strip() for part in re.split(r"[:：]", written)]
    if head not in SOURCE_WORDS or len(rest) > (1 if head != "荣誉成果" else 2) or "" in rest:
        shown = "、".join(SOURCE_WORDS)
        hint = "如 主办活动、参加活动：观摩、荣誉成果：论文：省级"
        message = f"必须是 {shown} 之一（可加类型或级别），实际为 '{mdsafety.shorten(written)}'"
        return Node(failed(source, line, name, message, hint), line, written)
    log, role = SOURCE_WORDS[head]
    if log == "activities":
        entries = {"activities": Node(role, line, role)}
        entries.update({"kind": Node(rest[0], line, rest[0])} if rest else {})
        return Node(entries, line, written)
    narrowed = {}
    for part in rest:
        key = "level" if part in model.ACHIEVEMENT_LEVELS else "kind"
        if key in narrowed:
            message = f"“{written}”写了两个{'级别' if key == 'level' else '类别'}"
            hint = "如 荣誉成果：论文：省级"
            return Node(failed(source, line, name, message, hint), line, written)
        narrowed[key] = Node(part, line, part)
    return Node({"achievements": Node(narrowed or None, line, written)}, line, written)


def list_value(source: WorkbookSource, kind: str, written: str, line: int, name: str):
    """A list typed in one cell, `、` or `，` between its items."""
    if kind == "units" and GROUP_PREFIX.match(written):
        group = GROUP_PREFIX.sub("", written)
        return {"group": Node(group, line, group)}
    items = [item.strip() for item in re.split(LIST_SPLIT, written) if item.strip()]
    if kind == "names":
        items = [name for item in items for name in spaced_names(item)]
    if kind == "units":
        return [Node(resolve_unit(source, item, line, name), line, item) for item in items]
    if kind == "slides":
        return [slide_node(item, line) for item in items]
    return [Node(item, line, item) for item in items]


def spaced_names(written: str) -> list:
    """林美华 黄志强: Chinese names parted by spaces are two people; John Smith stays one."""
    parts = written.split()
    return (
        parts if len(parts) > 1 and all(HAN_NAME.fullmatch(part) for part in parts) else [written]
    )


def slide_node(written: str, line: int) -> Node:
    """`exemplars:25` stays 25 seconds on that slide; `overview` takes the rotation's time."""
    match = SLIDE_SECONDS.match(written)
    if not match:
        return Node(written, line, written)
    seconds = int(match.group(2))
    entries = {"name": Node(match.group(1), line, match.group(1)), "seconds": Node(seconds, line)}
    return Node(entries, line, written)


def header_of(value) -> Optional[str]:
    return None if value is None else as_text(value)
