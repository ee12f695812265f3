"""The 指标 and 评比 sheets of data/campaign.xlsx as indicators.yml and evaluations.yml: periods,
indicators with their targets and values, criteria, rounds with their scores, levels."""

from __future__ import annotations

import re
from typing import Dict, List

from .. import model
from . import mdsafety
from .campaign_layout import WHOLE_UNIT
from .campaign_rows import Row, Sheets, listed, rows, with_made_ids
from .cells import as_text, reported
from .fields import did_you_mean
from .indicators_xlsx import date_headers
from .tables import header_row
from .workbook import WorkbookSource, line_of
from .yamlfile import Node

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def indicators_root(source: WorkbookSource, sheets: Sheets) -> Node:
    periods = [cells["periods"] for _line, cells in rows(source, sheets, "时期") or []]
    found = rows(source, sheets, "指标") or []
    by_name = named(found)
    for _line, entries, unit, cells in unit_rows(source, sheets, "指标目标", by_name, "指标"):
        for key in ("target", "baseline"):
            if key in cells:
                add_unit_value(source, entries, key, unit, cells[key])
    texts = {as_text(node.value): as_text(node.value) for node in periods if node.value}
    # A period typed as 2012年9月 is a date to Excel, in 时期 and in the header alike: the header
    # cell reads as `2012-09-01 00:00:00`, the 时期 cell as 2012-09-01.
    texts.update({f"{text} 00:00:00": text for text in texts if ISO_DAY.fullmatch(text)})
    written = set(texts.values())
    texts.update(dated_headers(source, sheets, texts))
    for line, entries, unit, cells in unit_rows(source, sheets, "指标数值", by_name, "指标", texts):
        reported_values = {k: v for k, v in cells.items() if k in written}
        if whole_row(source, entries, unit):
            if "values" in entries:
                source.error(unit.line, "", f"这个指标的 {WHOLE_UNIT} 写了两行", "删掉其中一行")
            entries["values"] = Node(reported_values, line)
        elif not is_whole(entries):
            values = entries.setdefault("values", Node({}, line)).value
            once(source, values, unit, Node(reported_values, line), "这个指标")
    top = sheets["指标"]
    periods_node = Node(periods, line_of(sheets.get("时期", top), 1))
    return Node({"periods": periods_node, "indicators": listed(found, top)}, line_of(top, 1))


def is_whole(entries: Dict[str, Node]) -> bool:
    return getattr(entries.get("scope"), "value", None) == model.WHOLE


def whole_row(source: WorkbookSource, entries: Dict[str, Node], unit: Node) -> bool:
    """Whether a 指标数值 row holds the values of an indicator of the whole (单位 整体); a row
    of one unit for such an indicator, or 整体 for one of units, is reported."""
    whole = is_whole(entries)
    if whole != (unit.value == model.WHOLE_ID):
        if whole:
            message, hint = "范围为整体的指标只有一组数值", f"单位一栏写 {WHOLE_UNIT}"
        else:
            message, hint = f"{WHOLE_UNIT} 只用于“范围”为整体的指标", "单位一栏写单位名称"
        source.error(unit.line, "", message, hint)
    return whole and unit.value == model.WHOLE_ID


def dated_headers(source: WorkbookSource, sheets: Sheets, texts: Dict[str, str]) -> Dict[str, str]:
    """指标数值 headers Excel made into dates, by the period of 时期 they name (`2012年9月`
    typed where 时期 says 9月); one naming none is reported once, as typed, its column left out."""
    sheet = sheets.get("指标数值")
    at = header_row(sheet, ["指标"]) if sheet is not None else None
    if at is None:
        return {}
    periods = tuple(dict.fromkeys(texts.values()))
    where = ("“时期”工作表", "“时期”工作表")
    dated, unmatched = date_headers(source, sheet, at, periods, where)
    left_out = {header: f"?{header}" for header in unmatched}  # no period: never a value
    return {**left_out, **{k: v for k, v in dated.items() if k not in texts}}


def unit_rows(source, sheets: Sheets, name: str, by_name, kind: str, extra=None):
    """(line, the record's cells, unit node, cells) of each row of a sheet keyed by a record
    (指标, 评比) and a unit; rows naming no known record or unit are reported and left out."""
    key = "round" if kind == "评比" else "indicator"
    for line, cells in rows(source, sheets, name, extra) or []:
        entries = record_of(source, by_name, cells, key, kind)
        unit = cells.get("unit")
        if unit is not None and unit.value is None:
            source.error(unit.line, "", "这一行有数据，但没有写单位")
        elif entries is not None and unit is not None and isinstance(unit.value, str):
            yield line, entries, unit, cells


def once(source, mapping: Dict[str, Node], unit: Node, node: Node, where: str) -> None:
    """A unit's entry in a map keyed by unit, reported when a row wrote it already."""
    if unit.value in mapping:
        message = f"单位 '{unit.text or unit.value}' 在{where}里写了两行"
        source.error(unit.line, "", message, "删掉其中一行")
        return
    mapping[unit.value] = node


def named(found: List[Row]) -> Dict[str, Dict[str, Node]]:
    """A record's cells by its id and by its name, as other sheets name it."""
    by_name = {}
    for _line, cells in found:
        for key in ("name", "id"):
            node = cells.get(key)
            if node is not None and isinstance(node.value, str):
                by_name[node.value] = cells
    return by_name


def record_of(source, by_name, cells: Dict[str, Node], key: str, kind: str):
    """The cells of the record (指标, 评比) a row names by id or name; None once reported."""
    node = cells.get(key)
    if node is None or reported(node.value):
        return None
    if node.value is None:
        source.error(node.line, "", f"这一行有数据，但没有写{kind}")
        return None
    written = as_text(node.value)
    if written in by_name:
        return by_name[written]
    hint = did_you_mean(written, by_name) or f"先在“{kind}”表里加上它"
    source.error(node.line, "", f"没有这个{kind}：'{mdsafety.shorten(written)}'", hint)
    return None


def add_unit_value(source, entries: Dict[str, Node], key: str, unit: Node, value: Node) -> None:
    """A unit's own target or baseline; a single target on the 指标 sheet besides is an error."""
    current = entries.get(key)
    if current is not None and not isinstance(current.value, dict):
        message = "这个指标已经在“指标”表写了所有单位同一个目标"
        source.error(value.line, "", message, "只写一处：清空“指标”表的目标，或删掉这一行")
        return
    once(source, entries.setdefault(key, Node({}, value.line)).value, unit, value, "这个指标")


def evaluations_root(source: WorkbookSource, sheets: Sheets) -> Node:
    criteria = with_made_ids(source, rows(source, sheets, "评比内容") or [], "评比内容")
    columns = {}
    for _line, cells in criteria:
        ident, name = cells.get("id"), cells.get("name")
        if ident is not None and isinstance(ident.value, str):
            columns.update({ident.value: ident.value})
            if name is not None and isinstance(name.value, str):
                columns[name.value] = ident.value
    rounds = rows(source, sheets, "评比") or []
    by_name = named(rounds)
    for line, entries, unit, cells in unit_rows(source, sheets, "评分", by_name, "评比", columns):
        scores = {k: v for k, v in cells.items() if k not in ("round", "unit")}
        by_unit = entries.setdefault("scores", Node({}, line)).value
        once(source, by_unit, unit, Node(scores, line), "这一轮评比")
    top = sheets["评比内容"]
    entries = {"criteria": listed(criteria, top)}
    if "评比" in sheets:
        entries["rounds"] = listed(rounds, sheets["评比"])
    if "等级" in sheets:
        entries["levels"] = listed(rows(source, sheets, "等级") or [], sheets["等级"])
    return Node(entries, line_of(top, 1))
