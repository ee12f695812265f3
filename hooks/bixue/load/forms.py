"""Value forms accepted the same in YAML, front matter and workbook cells: the date forms, 是/否,
lists typed as one text, percent text. Readers of new record kinds call these."""

from __future__ import annotations

import datetime
import re
from typing import Optional, Tuple

from .cells import ANY_DATE, DATE_EXAMPLE, PERCENT, as_date, narrow, shown_percent

YES, NO = ("是", "true", "1"), ("否", "false", "0")
LIST_MARKS = re.compile("[，、,;；]")
"""What separates the items of a list typed as one text: 林美华，黄志强 / 林美华、黄志强."""

__all__ = ("DATE_EXAMPLE", "date_of", "other_date_form", "yes_no", "split_list", "percent_text")


def date_of(written: str) -> Tuple[Optional[datetime.date], str]:
    """A date in any of the forms (2014-06-30, 2014-6-3, 2014/6/30, 2014.6.30, 2014年6月30日):
    (date, "") or (None, what is wrong)."""
    return as_date(written)


def other_date_form(written: str) -> bool:
    """A date written in a form other than the ISO one (2014-6-3, 2014/6/30, 2014年6月30日)."""
    text = narrow(written)
    return bool(ANY_DATE.fullmatch(text)) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text)


def yes_no(written: str) -> Optional[bool]:
    """是/否 (and true/false, 1/0) as a boolean; None for any other text."""
    word = written.strip().lower()
    if word in YES:
        return True
    return False if word in NO else None


def split_list(written: str) -> Tuple[str, ...]:
    """A person or unit list typed as one text, split at ，、,; — empty pieces dropped."""
    return tuple(piece.strip() for piece in LIST_MARKS.split(written) if piece.strip())


def percent_text(written: str) -> Optional[float]:
    """`95%` (or `95％`) as 95; None for text that is not a number with a percent sign."""
    match = PERCENT.fullmatch(narrow(written))
    return shown_percent(float(match.group(1))) if match else None
