"""The 通报's content as plain records: headings, paragraphs and tables, each figure the board's."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Optional, Tuple, Union

CHINESE_NUMBERS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Heading:
    text: str
    level: int
    """1: 一、 in 黑体; 2: （一） in 楷体."""


@dataclass(frozen=True)
class Table:
    headers: Tuple[str, ...]
    rows: Tuple[Tuple[str, ...], ...]
    widths: Tuple[int, ...]
    """Relative column widths."""


@dataclass(frozen=True)
class Paragraph:
    text: str
    placeholder: bool = False
    """Left for the clerk to write (shown highlighted)."""


Block = Union[Heading, Paragraph, Table]


@dataclass(frozen=True)
class Report:
    """One 通报: what the built-in layout and an office template both put on the page."""

    title: str
    addressee: str
    blocks: Tuple[Block, ...]
    organization: str
    as_of: datetime.date
    number: str
    """The 文号 with its number left blank: 〔2014〕　号."""


def numbered(index: int, level: int) -> str:
    """一、 for level 1, （一） for level 2 (index from 0)."""
    word = chinese_number(index + 1)
    return f"{word}、" if level == 1 else f"（{word}）"


def chinese_number(number: int) -> str:
    """1..99 in Chinese numerals: 十一, 二十."""
    if number <= 10:
        return CHINESE_NUMBERS[number - 1]
    tens, ones = divmod(number, 10)
    head = "" if tens == 1 else CHINESE_NUMBERS[tens - 1]
    return head + "十" + (CHINESE_NUMBERS[ones - 1] if ones else "")


def long_date(day: Optional[datetime.date]) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else "—"
