"""Units with `compare: false` take part in nothing compared: a pair, a score or an indicator
value naming one is an error (it would count nowhere and mislead whoever typed it)."""

from __future__ import annotations

from typing import Dict, Iterable, List, Tuple

from .. import model
from ..errors import DataError

HINT = "units.yml 里这个单位写了 compare: false（不参与比较）；要比较就删掉那一行"
SHEET_HINT = "“单位”表里这个单位的“参与比较”写了 否；要比较就清空那一格"


def not_compared_errors(campaign: model.Campaign) -> List[DataError]:
    outside = {unit.id: unit.name for unit in campaign.units if not unit.compare}
    if not outside:
        return []
    named = [*pairs_naming(campaign), *scores_naming(campaign), *values_naming(campaign)]
    in_sheet = campaign.units[0].origin.path.endswith(".xlsx")  # declared on the 单位 sheet
    hint = SHEET_HINT if in_sheet else HINT
    return [
        error(origin, key, field, message(outside, unit), hint)
        for origin, key, field, unit in named
        if unit in outside
    ]


def error(origin: model.Origin, key: str, field: str, text: str, hint: str) -> DataError:
    """At the record's line, or (read from a workbook) its cell, in the sheet's words."""
    line, cell = origin.line_of(key), origin.cell_of(key)
    return DataError(origin.path, line, origin.label_of(field), text, hint, cell=cell)


Named = Iterable[Tuple[model.Origin, str, str, str]]
"""(origin, key whose line to name, field, unit id) of every unit a compared record names."""


def pairs_naming(campaign: model.Campaign) -> Named:
    plan = campaign.plan
    pairs = plan.pairs if plan else ()
    units = dict.fromkeys(unit for pair in pairs for unit in pair)
    return [(plan.origin, "pairs", "pairs", unit) for unit in units]


def scores_naming(campaign: model.Campaign) -> Named:
    rounds = campaign.evaluations.rounds if campaign.evaluations else ()
    return [(r.origin, "scores", f"scores.{unit}", unit) for r in rounds for unit in r.scores]


def values_naming(campaign: model.Campaign) -> Named:
    indicators = campaign.indicators.indicators if campaign.indicators else ()
    return [(i.origin, "values", f"values.{unit}", unit) for i in indicators for unit in i.values]


def message(outside: Dict[str, str], unit: str) -> str:
    return f"{outside[unit]}（{unit}）不参与比较，不能出现在这里"
