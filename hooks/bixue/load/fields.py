"""Typed reading of YAML nodes: each helper checks one value and records a DataError if wrong."""

from __future__ import annotations

import difflib
import re
from datetime import date
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from .. import model
from . import forms, guards, mdsafety, slips, unitref
from .reading import Source
from .yamlfile import INVALID, Node, NotADate

UNIT_ID = re.compile(r"[a-z0-9-]+")
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
EARLIEST, LATEST = date(1900, 1, 1), date(2099, 12, 31)
"""Dates outside these are typing slips (0214, 20140), and would overflow date arithmetic."""


def join(name: str, key: str) -> str:
    return f"{name}.{key}" if name else key


def skipped(node: Optional[Node]) -> bool:
    """Absent, empty, or already reported: nothing more to check."""
    return node is None or node.value is None or node.value is INVALID


def found(node: Node) -> str:
    """What was written instead, for messages: `文本 '0571'`, `一个列表`."""
    value = node.value
    if isinstance(value, dict):
        return "一组键值"
    if isinstance(value, list):
        return "一个列表"
    if isinstance(value, str):
        return f"文本 '{mdsafety.shorten(value)}'"
    return f" '{node.text}'"


def did_you_mean(word: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"是不是 {close[0]}？" if close else ""


def is_map(node: Optional[Node]) -> bool:
    return node is not None and isinstance(node.value, dict)


def any_mapping(source: Source, node: Optional[Node], name: str) -> Optional[Dict[str, Node]]:
    """The entries of a mapping whatever its keys; None if `node` is not a mapping."""
    if skipped(node):
        return None
    if not is_map(node):
        hint = slips.text_slip(node.value) if isinstance(node.value, str) else ""
        source.error(node.line, name, f"必须是一组键值（key: value），实际为{found(node)}", hint)
        return None
    return node.value


def mapping(
    source: Source,
    node: Optional[Node],
    name: str,
    required: Sequence[str],
    optional: Sequence[str] = (),
) -> Optional[Dict[str, Node]]:
    """The entries of a mapping after checking its keys; None if `node` is not a mapping."""
    if any_mapping(source, node, name) is None:
        return None
    known = (*required, *optional)
    meant = set()
    for key, child in node.value.items():
        if key not in known:
            close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
            meant.update(close)
            hint = did_you_mean(key, known) or "可用的键：" + ", ".join(known)
            source.error(child.line, join(name, key), "未知的键", hint)
    for key in required:
        # A misspelt key is reported as such, not again as the required key it was meant to be.
        if key not in meant or key in node.value:
            check_present(source, node, name, key)
    return node.value


def check_present(source: Source, node: Node, name: str, key: str) -> None:
    child = node.value.get(key)
    if child is None:
        source.error(node.line, join(name, key), "缺少这一项（必填）")
    elif child.value is None and child.text.startswith("#"):
        hint = f"要写 # 就给整个值加上引号：{key}: '{mdsafety.shorten(child.text)}'"
        source.error(child.line, join(name, key), "值以 # 开头，被当作了注释，读到的是空值", hint)
    elif child.value is None or (isinstance(child.value, str) and not child.value.strip()):
        source.error(child.line, join(name, key), "不能为空")


def sequence(source: Source, node: Optional[Node], name: str) -> List[Node]:
    if skipped(node):
        return []
    if not isinstance(node.value, list):
        source.error(node.line, name, f"必须是一个列表（每项以 - 开头），实际为{found(node)}")
        return []
    # A `-` with nothing after it would be dropped in silence: a half-deleted item, most often.
    for item in node.value:
        if item.value is None:
            source.error(item.line, name, "列表里的这一项是空的", "删掉这个 -，或者写上内容")
    return [item for item in node.value if item.value is not None]


def nonempty_sequence(source: Source, node: Optional[Node], name: str, least: str) -> List[Node]:
    """A list that must hold something; `least` says what in the error: `一个阶段`."""
    items = sequence(source, node, name)
    if node is not None and isinstance(node.value, list) and not items:
        source.error(node.line, name, f"至少要有{least}")
    return items


def check_chronological(
    source: Source, dated: Iterable[Tuple[str, date, int]], name: str, kind: str, when_name: str
) -> None:
    """Each (id, date, line) is no earlier than any before it; `kind` names the records (`轮次`)
    and `when_name` their date (`评比日期`) in the error."""
    latest: Optional[Tuple[str, date]] = None
    for label, when, line in dated:
        if latest and when < latest[1]:
            earlier = f"前面的{kind} '{latest[0]}'（{latest[1]}）"
            message = f"{kind} '{label}' 的{when_name} {when} 早于{earlier}"
            source.error(line, name, message, f"{kind}按{when_name}从早到晚写")
        else:
            latest = (label, when)


def text(source: Source, node: Optional[Node], name: str) -> Optional[str]:
    """Plain text; a number or date written plainly stays as written."""
    if skipped(node):
        return None
    if isinstance(node.value, (dict, list)):
        source.error(node.line, name, f"必须是一段文字，实际为{found(node)}")
        return None
    value = node.value if isinstance(node.value, str) else node.text
    return value if within(source, node, name, value, guards.MAX_TEXT_CHARS) else None


def within(source: Source, node: Node, name: str, value: str, limit: int) -> bool:
    """Whether `value` keeps to its size limit; an error if not."""
    problem = guards.too_long(value, limit)
    if problem:
        hint = "删掉粘贴进来的大段内容；长的说明写在 Markdown 字段或正文里"
        source.error(node.line, name, problem, hint)
    return problem is None


def markdown(source: Source, node: Optional[Node], name: str) -> Optional[str]:
    if skipped(node) or isinstance(node.value, (dict, list)):
        return text(source, node, name)
    value = node.value if isinstance(node.value, str) else node.text
    if not within(source, node, name, value, guards.MAX_MARKDOWN_CHARS):
        return None
    check_markdown(source, value, node.line, name, exact=False)
    return value


def check_markdown(source: Source, value: str, line: int, name: str, exact: bool) -> None:
    """`exact`: `value` starts on `line` line for line (a body), else all problems go on `line`."""
    for offset, message, hint in mdsafety.unsafe_markdown(value):
        source.error(line + offset if exact else line, name, message, hint)


def texts(source: Source, node: Optional[Node], name: str) -> Tuple[str, ...]:
    values = (text(source, item, name) for item in sequence(source, node, name))
    return tuple(value for value in values if value is not None)


def number_hint(node: Node) -> str:
    if not isinstance(node.value, str):
        return ""
    if slips.text_slip(node.value):
        return slips.text_slip(node.value)
    if re.fullmatch(r"0[0-9]+", node.value):
        return "以 0 开头会被当作文本，去掉开头的 0"
    if re.fullmatch(r"[0-9]+(?::[0-9]+)+", node.value):
        return "带冒号的写法是文本，不是数字"
    if re.fullmatch(r"[-+]?[0-9.]+", node.value.strip()):
        return "去掉引号"
    return ""


def number(source: Source, node: Optional[Node], name: str) -> Optional[model.Number]:
    if skipped(node):
        return None
    if isinstance(node.value, str) and forms.percent_text(node.value) is not None:
        return forms.percent_text(node.value)  # `95%` is the 95 it shows
    if isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
        source.error(node.line, name, f"必须是数字，实际为{found(node)}", number_hint(node))
        return None
    problem = guards.number_problem(node.value)
    if problem:
        source.error(node.line, name, f"{problem}，实际为 '{mdsafety.shorten(node.text)}'")
        return None
    return node.value


def integer(
    source: Source, node: Optional[Node], name: str, minimum: int, maximum: Optional[int] = None
) -> Optional[int]:
    value = number(source, node, name)
    if value is None:
        return None
    if not isinstance(value, int) or value < minimum:
        source.error(node.line, name, f"必须是不小于 {minimum} 的整数，实际为 '{node.text}'")
        return None
    if maximum is not None and value > maximum:
        source.error(node.line, name, f"不能大于 {maximum}，实际为 '{node.text}'")
        return None
    return value


def boolean(source: Source, node: Optional[Node], name: str) -> Optional[bool]:
    """true/false, or 是/否 as a workbook cell has it."""
    if skipped(node):
        return None
    if isinstance(node.value, str) and forms.yes_no(node.value) is not None:
        return forms.yes_no(node.value)
    if not isinstance(node.value, bool):
        hint = "只有 true/false 或 是/否 表示是与否"
        source.error(node.line, name, f"必须是 true/false 或 是/否，实际为{found(node)}", hint)
        return None
    return node.value


def a_date(source: Source, node: Optional[Node], name: str) -> Optional[date]:
    day = any_date(source, node, name)
    if day is not None and not EARLIEST <= day <= LATEST:
        hint = "检查年份是不是少写或多写了一位"
        source.error(node.line, name, f"日期超出范围：{day}，必须在 1900 年到 2099 年之间", hint)
        return None
    return day


def any_date(source: Source, node: Optional[Node], name: str) -> Optional[date]:
    if skipped(node):
        return None
    if isinstance(node.value, date):
        return node.value
    if isinstance(node.value, str) and forms.other_date_form(node.value):
        day, problem = forms.date_of(node.value)
        if problem:
            source.error(node.line, name, problem)
        return day
    if isinstance(node.value, str) and ISO_DATE.fullmatch(node.value.strip()):
        try:
            return date.fromisoformat(node.value.strip())
        except ValueError:
            # Named by its own key (`end`), as the reading named it before it knew the field.
            key = name.rsplit(".", 1)[-1] if isinstance(node.value, NotADate) else name
            source.error(node.line, key, f"日期不存在：'{node.value}'", "检查月份和日子")
            return None
    hint = slips.text_slip(node.value) if isinstance(node.value, str) else ""
    message = f"必须是日期（{forms.DATE_EXAMPLE}），实际为{found(node)}"
    source.error(node.line, name, message, hint)
    return None


def choice(
    source: Source, node: Optional[Node], name: str, options: Sequence[str]
) -> Optional[str]:
    value = text(source, node, name)
    if value is None or value in options:
        return value
    message = f"必须是 {', '.join(options)} 之一，实际为 '{mdsafety.shorten(value)}'"
    source.error(node.line, name, message, did_you_mean(value, options))
    return None


def url_safe_id(
    source: Source, value: str, node: Node, name: str, suggest: Optional[Callable[[], str]] = None
) -> bool:
    """Unit ids and slugs appear in URLs; `suggest` gives the id made from the record's name,
    asked for only when the id is bad (making one may load pypinyin's dictionaries)."""
    if UNIT_ID.fullmatch(value):
        return True
    hint = "只能用小写字母、数字和 -，它会出现在网址里"
    made = suggest() if suggest else ""
    if made:
        hint += f"，如 {made}；也可以不写 id，由名称生成"
    source.error(node.line, name, f"id 不合格：'{mdsafety.shorten(value)}'", hint)
    return False


def unit_ref(source: Source, node: Optional[Node], name: str) -> Optional[str]:
    """A reference to a unit of units.yml."""
    value = text(source, node, name)
    return value if value is None else known_unit(source, value, node.line, name)


def known_unit(source: Source, value: str, line: int, name: str) -> Optional[str]:
    """The id of the unit `value` names by its id, name or unambiguous short name."""
    reading = source.reading
    known = reading.unit_ids
    if known is None or value in known:
        return value
    if value in reading.invalid_ids:
        return None  # units.yml's own error says what is wrong with this id: not repeated here
    if unitref.unit_id_of(reading, value):
        return unitref.unit_id_of(reading, value)
    if unitref.candidates(reading, value):
        source.error(line, name, *unitref.ambiguous(reading, value))
        return None
    options = [*known, *reading.unit_ways]
    where = reading.units_where
    hint = slips.text_slip(value) or did_you_mean(value, options) or f"先在 {where} 里加上这个单位"
    source.error(line, name, f"{where} 里没有这个单位：'{mdsafety.shorten(value)}'", hint)
    return None
