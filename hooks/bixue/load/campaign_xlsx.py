"""data/campaign.xlsx: the plan kept as one workbook, read into the nodes campaign.yml, units.yml,
indicators.yml, evaluations.yml and projects.yml give, so the same code checks them."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from .. import model
from . import campaign_nodes, mdsafety
from .campaign_layout import MARKS, PARTS, PROJECT_SHEETS, SETTINGS, TABLES
from .cells import header_text
from .datafiles import present
from .fields import did_you_mean
from .projects_xlsx import OPTIONS, Labels
from .reading import Reading, Source, required_file
from .workbook import NOTE_SHEETS, Sheet, WorkbookSource, line_of, open_workbook
from .workbook_files import check_not_workbooks, named_workbook, refused_files
from .yamlfile import Node

STEM = "campaign"


@dataclass
class CampaignBook:
    """The sheets of campaign.xlsx by name, known sheets only; None sheets: unreadable book."""

    file: Path
    source: WorkbookSource
    sheets: Optional[Dict[str, Sheet]]
    roots: Dict[str, Optional[Node]] = field(default_factory=dict)

    def holds(self, part: str) -> bool:
        return self.sheets is not None and MARKS[part] in self.sheets


def campaign_book(reading: Reading) -> Optional[CampaignBook]:
    """data/campaign.xlsx, opened on first use in a load (units.yml's place comes first)."""
    if reading.campaign_book is None:
        reading.campaign_book = open_book(reading) or False
    return reading.campaign_book or None


def open_book(reading: Reading) -> Optional[CampaignBook]:
    file = named_workbook(reading, STEM)
    check_not_workbooks(reading, refused_files(reading.data_dir, STEM))
    if not present(file):
        return None
    source, sheets = open_workbook(reading, file)
    if sheets is None:
        return CampaignBook(file, source, None)
    return CampaignBook(file, source, known_sheets(source, sheets))


def known_sheets(source: WorkbookSource, sheets: List[Sheet]) -> Dict[str, Sheet]:
    """The sheets of the layout by name; any other sheet holding something is an error (a
    misspelt name would leave its rows out in silence). An empty one (the Sheet1 a new workbook
    has) leaves nothing out."""
    names = (SETTINGS, *(table.name for table in TABLES), *PROJECT_SHEETS)
    found: Dict[str, Sheet] = {}
    for sheet in sheets:
        name = header_text(sheet.name)
        if name in NOTE_SHEETS or name == OPTIONS or not sheet.rows:
            continue
        if name in names:
            found[name] = sheet
            continue
        hint = did_you_mean(name, names) or "可用的工作表：" + "、".join(names)
        source.error(line_of(sheet, 1, 1), "", f"未知的工作表 '{mdsafety.shorten(name)}'", hint)
    return found


def plan_part(
    reading: Reading, part: str, required: bool = False
) -> Tuple[Optional[Source], Optional[Node]]:
    """Where `part` (campaign, units, indicators, evaluations, projects) is written: the
    workbook's sheets, or its YAML file; both is one error naming both."""
    book = campaign_book(reading)
    yml = reading.data_dir / PARTS[part]
    if book is not None and book.holds(part):
        if present(yml):
            where = f"{reading.relative(book.file)} 的“{MARKS[part]}”工作表"
            message = f"{reading.relative(yml)} 和 {where}写的是同一份内容，不能同时存在"
            reading.file_error(
                yml, message, f"只保留一处：删掉 {yml.name}，或删掉工作簿里的这些工作表"
            )
        if part == "units":
            reading.units_where = f"{book.file.name} 的“{MARKS[part]}”工作表"
        return book.source, part_root(book, part)
    if book is not None and book.sheets is None and required:
        return None, None  # the workbook's own error comes first
    if required:
        file = required_file(reading, PARTS[part])
        if file is None:
            missing = reading.errors[-1]
            hint = missing.hint or f"或者写进 data/{STEM}.xlsx 的“{MARKS[part]}”工作表"
            reading.errors[-1] = dataclasses.replace(missing, hint=hint)
            return None, None
        return reading.read(file)
    return reading.read(yml) if present(yml) else (None, None)


def part_root(book: CampaignBook, part: str) -> Optional[Node]:
    """The node the part's YAML file would give, made once per load."""
    if part not in book.roots:
        book.source.headers = Labels({**campaign_nodes.LABELS, **book.source.headers})
        book.roots[part] = campaign_nodes.ROOTS[part](book.source, book.sheets)
    return book.roots[part]


def with_cell_origins(campaign: model.Campaign, reading: Reading) -> model.Campaign:
    """Records read from the workbook name their cells in errors found after loading (the
    public build's checks), as the other workbooks' records do."""
    book = reading.campaign_book
    if not book:
        return campaign
    source = book.source

    def moved(record):
        if record is None or record.origin.path != source.path:
            return record
        return dataclasses.replace(record, origin=source.cell_origin(record.origin))

    indicators, evaluations = campaign.indicators, campaign.evaluations
    if indicators is not None:
        indicators = dataclasses.replace(
            indicators, indicators=tuple(moved(item) for item in indicators.indicators)
        )
    if evaluations is not None:
        evaluations = dataclasses.replace(
            evaluations, rounds=tuple(moved(item) for item in evaluations.rounds)
        )
    return dataclasses.replace(
        campaign,
        plan=moved(campaign.plan),
        units=tuple(moved(unit) for unit in campaign.units),
        indicators=indicators,
        evaluations=evaluations,
    )
