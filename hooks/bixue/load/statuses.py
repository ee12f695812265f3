"""Ledger statuses as codes (todo …) or as the Chinese words clerks write (未启动, 已整改 …), in
YAML and workbooks; a word not known is answered by what it means, never by its spelling."""

from __future__ import annotations

from types import MappingProxyType
from typing import Optional, Tuple

from .. import model
from . import mdsafety
from .fields import did_you_mean, text
from .yamlfile import Node

WORDS = MappingProxyType(
    {
        "todo": ("未启动", "未开始", "未整改"),
        "doing": ("整改中", "正在整改", "推进中"),
        "done": ("已完成", "已整改", "整改完成", "完成"),
        "verified": ("已销号", "销号"),
        "ongoing": ("长期坚持", "持续整改"),
    }
)
"""The words the data model accepts for each status, its label (model.STATUS_NAMES) first."""
CODES = MappingProxyType({word: code for code, words in WORDS.items() for word in words})
"""未启动 -> todo, 已整改 -> done …"""
MEANINGS = (
    ("todo", ("未", "没", "尚未", "待整改", "待启动", "待开始")),
    ("ongoing", ("长期", "持续", "坚持", "常态")),
    ("done", ("待销号", "待验收")),
    ("verified", ("销号", "验收", "核销")),
    ("doing", ("中", "正在", "推进", "进行", "开展")),
    ("done", ("已", "完成", "完毕", "整改完", "办结", "结束", "好了")),
)
"""Marks of meaning, checked in order: 未完成 is todo before it is done, 待销号 is done before it
is verified, 整改中 is doing before 整改 says anything."""


def status_code(written: str) -> Optional[str]:
    """The code of a status written as its code or one of its words; None if it is neither."""
    value = written.strip()
    code = CODES.get(value, value.lower())
    return code if code in model.STATUSES else None


def meant_status(written: str) -> Optional[str]:
    """The status a word not in the table most likely means, by its marks of meaning."""
    for code, marks in MEANINGS:
        if any(mark in written for mark in marks):
            return code
    return None


def status_hint(written: str) -> str:
    """`是不是 已完成？` chosen by meaning; for a code's misspelling (dnoe), by spelling."""
    if written.isascii():
        return did_you_mean(written.lower(), model.STATUSES)
    code = meant_status(written)
    return f"是不是 {model.STATUS_NAMES[code]}？" if code else ""


def status_problem(written: str, labels: bool = True) -> Tuple[str, str]:
    """(message, hint) for a status that is not one; `labels`: name the Chinese labels."""
    shown = mdsafety.shorten(written)
    options = "、".join(model.STATUS_NAMES.values()) if labels else ", ".join(model.STATUSES)
    return f"必须是 {options} 之一，实际为 '{shown}'", status_hint(written.strip())


def read_status(source, node: Optional[Node], name: str) -> Optional[str]:
    """A `status:` value; a Chinese word counts as its code."""
    value = text(source, node, name)
    if value is None:
        return None
    code = status_code(value)
    if code is None:
        labels = not value.isascii()
        source.error(node.line, name, *status_problem(value, labels=labels))
    return code
