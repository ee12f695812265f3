"""Cell values as people type them: real or text dates, numbers as text, full-width digits, spaces.

Each reader returns (value, problem): the value, or None and what was wrong, for the clerk."""

from __future__ import annotations

import datetime
import re
import unicodedata
from typing import Any, Optional, Tuple

from .sheet_rows import DateSerial, Percent
from .yamlfile import INVALID

DATE_FORMS = (
    re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"),
    re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"),
    re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})"),
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日"),
)
"""The four text forms of a date (after full-width digits are narrowed)."""
ANY_DATE = re.compile("|".join(f"(?:{form.pattern})" for form in DATE_FORMS))
NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)")
PERCENT = re.compile(r"\A([-+]?(?:\d+(?:\.\d*)?|\.\d+))\s*%\Z")
"""Text `95%`: the number 95 (after full-width forms are narrowed). Anchored: a search through a
long run of digits would otherwise try every start again (quadratic)."""
EXCEL_ERRORS = ("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!")
DATE_EXAMPLE = "如 2014-06-30、2014/6/30、2014.6.30 或 2014年6月30日"


def clean(value: Any) -> Any:
    """Text trimmed (empty text is blank); every other value as it is."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def blank(value: Any) -> bool:
    return value is None


def reported(value: Any) -> bool:
    """A cell already reported (a formula never computed): nothing more to check."""
    return value is INVALID


def narrow(text: str) -> str:
    """Full-width digits and signs as ASCII (２０１４ -> 2014), for numbers and dates only."""
    return (text if text.isascii() else unicodedata.normalize("NFKC", text)).strip()


def header_text(value: Any) -> str:
    """A header as compared: no spaces or line breaks inside, full-width forms narrowed."""
    return re.sub(r"\s+", "", narrow(str(value))) if value is not None else ""


def as_text(value: Any) -> Optional[str]:
    """Any cell as text: 12.0 -> '12', a date -> '2014-06-30'."""
    if value is None or value is INVALID:
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def excel_error(value: Any) -> str:
    if isinstance(value, str) and value in EXCEL_ERRORS:
        return f"单元格是 Excel 的错误值 {value}"
    return ""


NO_NUMBER = ("-", "--", "—", "——", "/", "无", "暂无", "空")
"""What a clerk types for "no figure yet"; a blank cell says it (未报送, not 0)."""


def as_number(value: Any) -> Tuple[Optional[float], str]:
    if isinstance(value, bool) or isinstance(value, (datetime.date, datetime.time)):
        return None, f"必须是数字，实际为 '{as_text(value)}'"
    if isinstance(value, Percent):
        return shown_percent(value * 100), ""
    if isinstance(value, (int, float)):
        return value, ""
    text = narrow(str(value))
    if NUMBER.fullmatch(text):
        number = float(text)
        return (int(number) if number.is_integer() and "." not in text else number), ""
    if PERCENT.fullmatch(text):
        return shown_percent(float(PERCENT.fullmatch(text).group(1))), ""
    hint = "去掉千位分隔符" if re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?", text) else ""
    hint = "还没有数就空着，不要写 - 或 /" if text.strip() in NO_NUMBER else hint
    problem = excel_error(value) or f"必须是数字，实际为 '{value}'"
    return None, problem + (f"（{hint}）" if hint else "")


def shown_percent(number: float) -> Any:
    """95.00000000000001 (0.95 × 100) as the 95 the cell shows."""
    number = round(number, 9)
    return int(number) if number.is_integer() else number


def as_date(value: Any) -> Tuple[Optional[datetime.date], str]:
    if isinstance(value, datetime.datetime):
        return value.date(), ""
    if isinstance(value, datetime.date):
        return value, ""
    if isinstance(value, str):
        match = ANY_DATE.fullmatch(narrow(value))
        if match:
            parts = [int(part) for part in match.groups() if part is not None]
            return real_date(value, *parts)
    if isinstance(value, DateSerial):
        return None, f"单元格是日期格式，但数字 {as_text(value)} 超出了日期的范围（{DATE_EXAMPLE}）"
    problem = excel_error(value) or f"必须是日期（{DATE_EXAMPLE}），实际为 '{as_text(value)}'"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        problem += "（把单元格格式设为日期）"
    return None, problem


def real_date(written: str, year: int, month: int, day: int) -> Tuple[Optional[datetime.date], str]:
    try:
        return datetime.date(year, month, day), ""
    except ValueError:
        return None, f"日期不存在：'{written}'（检查月份和日子）"


def leading_date(line: str) -> Tuple[Optional[datetime.date], str, str]:
    """A progress line `2011-12-18 意见箱已采购` as (date, note, problem); no date: (None, line)."""
    parts = line.strip().split(None, 1)
    if len(parts) == 2 and ANY_DATE.fullmatch(narrow(parts[0])):
        when, problem = as_date(parts[0])
        return when, parts[1].strip(), problem
    return None, line.strip(), ""
