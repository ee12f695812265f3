"""data/evaluations.xlsx: the score sheet of each round, a sheet each; a row per unit.

Criteria, rounds and levels stay in evaluations.yml."""

from __future__ import annotations

import dataclasses
from typing import Dict, Optional, Sequence

from .. import model
from .cells import header_text
from .datafiles import present
from .indicators_xlsx import number_in, written_at
from .reading import Reading
from .tables import cell_value, header_columns, header_row, named_sheet, unit_rows
from .workbook import Sheet, WorkbookSource, line_of, open_workbook
from .workbook_files import check_not_workbooks, named_workbook, refused_files

FILE = "evaluations.xlsx"
UNIT, TOTAL = "单位", "总分"


def with_score_workbook(
    reading: Reading, evaluations: Optional[model.Evaluations]
) -> Optional[model.Evaluations]:
    """`evaluations` with the scores of data/evaluations.xlsx, when there is one."""
    file = named_workbook(reading, "evaluations")
    check_not_workbooks(reading, refused_files(reading.data_dir, "evaluations"))
    if not present(file):  # a folder or a link so named is reported by open_workbook
        return evaluations
    others = [reading.data_dir / f"evaluations.{suffix}" for suffix in ("yml", "yaml")]
    if evaluations is None and any(other.is_file() for other in others):
        return None  # that file's own errors (or its misnaming) are reported; this would follow
    if evaluations is None:
        hint = "先在 evaluations.yml 里写评比内容（criteria）和轮次（rounds）"
        reading.file_error(file, "有评分工作簿，却没有 evaluations.yml", hint)
        return None
    source, sheets = open_workbook(reading, file)
    names = {header_text(r.name): r for r in evaluations.rounds if r.name}
    names.update({header_text(r.id): r for r in evaluations.rounds if r.id})
    given: Dict[str, model.Round] = {}
    for sheet in sheets or ():
        round_ = named_sheet(source, sheet, names, "轮次")
        if round_ is None:
            continue
        if round_.id in given:
            source.error(line_of(sheet, 1, 1), "", f"轮次 '{round_.name}' 有两个工作表")
            continue
        given[round_.id] = read_sheet(source, sheet, round_, evaluations.criteria)
    rounds = tuple(given.get(round_.id, round_) for round_ in evaluations.rounds)
    return dataclasses.replace(evaluations, rounds=rounds)


def read_sheet(
    source: WorkbookSource, sheet: Sheet, round_: model.Round, criteria: Sequence[model.Criterion]
) -> model.Round:
    if round_.scores:
        where = written_at(source.reading, round_.origin, "scores")
        message = f"轮次 '{round_.name}' 的分数已经写在 {where}，不能两处都写"
        source.error(line_of(sheet, 1, 1), "", message, "只保留一处")
    at = header_row(sheet, (UNIT,))
    if at is None:
        source.error(line_of(sheet, 1, 1), "", "前 10 行里找不到表头“单位”")
        return round_
    known = {UNIT: "unit", TOTAL: "total"}
    known.update({header_text(c.name): c.id for c in criteria if c.name})
    known.update({header_text(c.id): c.id for c in criteria})
    columns = header_columns(source, sheet, at, known, unknown=("评比内容里没有这一项", ""))
    header_line = line_of(sheet, sheet.rows[at][0], 1)
    for criterion in criteria:
        if criterion.id not in columns:
            source.error(header_line, "", f"缺少评比内容“{criterion.name}”这一列")
    scores, sources = {}, {}
    for number, unit, row in unit_rows(source, sheet, at, columns.get("unit", 1)):
        unit_scores = read_row(source, sheet, number, row, columns, criteria)
        if unit_scores is not None:
            scores[unit] = unit_scores
            for key in unit_scores:
                where = source.where(line_of(sheet, number, columns[key]))
                sources[model.source_key("score", unit, key)] = where
    return dataclasses.replace(round_, scores=scores, sources=sources)


def read_row(source, sheet: Sheet, number: int, row, columns, criteria) -> Optional[Dict]:
    """A unit's scores; None when every criterion cell is blank (未参评)."""
    present = [c for c in criteria if c.id in columns]
    cells = {
        c.id: (line_of(sheet, number, columns[c.id]), cell_value(row, columns[c.id]))
        for c in present
    }
    if all(value is None for _line, value in cells.values()):
        return None
    scores = {}
    for criterion in present:
        line, value = cells[criterion.id]
        if value is None:
            hint = "未参评的单位整行留空"
            source.error(line, criterion.name, "这一行已有分数，这一项不能空着", hint)
            continue
        score = number_in(source, line, value, criterion.name)
        if score is not None and criterion.max is not None and not 0 <= score <= criterion.max:
            source.error(
                line, criterion.name, f"分数必须在 0 到 {criterion.max} 之间，实际为 {score}"
            )
        scores[criterion.id] = score
    check_total(source, sheet, number, row, columns, scores)
    return scores


def check_total(source, sheet: Sheet, number: int, row, columns, scores: Dict) -> None:
    """A 总分 beside the scores must be their sum: a typing slip caught before it is published."""
    if "total" not in columns or any(score is None for score in scores.values()):
        return
    line = line_of(sheet, number, columns["total"])
    total = number_in(source, line, cell_value(row, columns["total"]), TOTAL)
    computed = sum(scores.values())
    if total is not None and abs(total - computed) > 1e-9:
        shown = round(computed, 6)
        shown = int(shown) if float(shown).is_integer() else shown
        source.error(line, TOTAL, f"总分 {total} 不等于各项分数之和 {shown}", "核对各项分数和总分")
