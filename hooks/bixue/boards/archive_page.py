"""The 往期公示 page (archive/): every publication kept, the one being built among them, with its
headline figures and what changed since the one before."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Callable, Dict, Optional, Sequence, Tuple

from .. import render
from ..contents import GeneratedPage
from ..exports import data_json
from .changes import Comparison, Moved, compare, view
from .headline import Figure, headline

PAGE = "archive/index.md"
TITLE = "往期公示"
SHOWN = 20
"""Item ids listed for one kind of change; the rest are counted."""
SHOWN_FIGURES = ("time_progress", "indicators", "completion", "closure", "overdue", "rounds")


@dataclass(frozen=True)
class Publication:
    name: str
    published: str
    """ISO 8601 time."""
    read: Callable[[], dict]
    """Its data.json, or the part a comparison reads (changes.view): read only when its row
    is not kept, or the next publication's is not."""
    row: Optional[dict] = None
    """Its row as first shown (record_of), when kept."""


@dataclass(frozen=True)
class Row:
    name: str
    as_of: str
    published: str
    published_text: str
    figures: Tuple[Figure, ...]
    comparison: Optional[Comparison]
    previous: str
    current: bool

    @property
    def summary(self) -> str:
        c = self.comparison
        counts = (
            (len(c.moved), "项数字变化"),
            (len(c.found), "项新发现"),
            (len(c.done), "项完成"),
            (len(c.overdue), "项新增逾期"),
            (len(c.rounds), "轮新评比"),
            (len(c.corrections), "处更正"),
        )
        return "，".join(f"{n} {word}" for n, word in counts if n)


def shown_time(published: str) -> str:
    try:
        return datetime.datetime.fromisoformat(published).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return published


def rows(publications: Sequence[Publication]) -> Tuple[Row, ...]:
    """Newest first, each compared with the one published before it. A publication's kept row
    is taken as it is when it was compared with the same one before it (or is the first); else
    the row is made from both publications' data, each read once."""
    read: Dict[str, dict] = {}

    def data(publication: Publication) -> dict:
        if publication.name not in read:
            read[publication.name] = publication.read()
        return read[publication.name]

    made = []
    for number, publication in enumerate(publications):
        before = publications[number - 1] if number else None
        made.append(
            kept_row(publication, before, number == len(publications) - 1)
            or Row(
                name=publication.name,
                as_of=data(publication)["as_of"],
                published=publication.published,
                published_text=shown_time(publication.published),
                figures=tuple(f for f in headline(data(publication)) if f.key in SHOWN_FIGURES),
                comparison=compare(data(before), data(publication)) if before else None,
                previous=data(before)["as_of"] if before else "",
                current=number == len(publications) - 1,
            )
        )
    return tuple(reversed(made))


def record_of(row: Row, before: Optional[str]) -> dict:
    """The row as publication.json keeps it; `before`: the name of the publication it was
    compared with."""
    c = row.comparison
    return {
        "before": before,
        "as_of": row.as_of,
        "previous": row.previous,
        "figures": [[f.key, f.label, f.value, f.rate] for f in row.figures],
        "comparison": None
        if c is None
        else {
            "moved": [[m.label, m.before, m.after] for m in c.moved],
            **{kind: list(getattr(c, kind)) for kind in LISTED},
        },
    }


LISTED = ("found", "done", "overdue", "rounds", "corrections")


def kept_row(publication: Publication, before: Optional[Publication], current: bool):
    """The publication's kept row, when it holds for this place in the list; else None."""
    record = publication.row
    if record is None:
        return None
    try:
        if before is not None and record["before"] != before.name:
            return None
        comparison = record["comparison"]
        if before is not None:
            moved = tuple(Moved(*map(str, parts)) for parts in comparison["moved"])
            listed = {kind: tuple(map(str, comparison[kind])) for kind in LISTED}
            comparison = Comparison(moved=moved, **listed)
        else:
            comparison = None
        figures = tuple(
            Figure(str(key), str(label), value, bool(rate))
            for key, label, value, rate in record["figures"]
        )
        if not all(f.value is None or type(f.value) in (int, float) for f in figures):
            return None
        return Row(
            name=publication.name,
            as_of=str(record["as_of"]),
            published=publication.published,
            published_text=shown_time(publication.published),
            figures=figures,
            comparison=comparison,
            previous=str(record["previous"]) if before else "",
            current=current,
        )
    except (KeyError, TypeError, ValueError):
        return None  # not a row this code wrote: made again


def page(publications: Sequence[Publication], keep: Optional[int]) -> Tuple[GeneratedPage, Row]:
    """The archive page over `publications`, oldest first, the one being built last; and the
    last one's row."""
    shown = rows(publications)  # this publication's time among them: a block made once
    html = render.render_block_anew("archive_list.html", rows=shown, keep=keep, shown=SHOWN)
    # Left out of search: it changes at every publish, and its figures are the boards' own.
    meta = "search:\n  exclude: true\n"
    return GeneratedPage(PAGE, render.page_markdown(TITLE, [("", html)], meta), True), shown[0]


@dataclass(frozen=True)
class Made:
    page: GeneratedPage
    record: dict
    """This publication's row as publication.json keeps it (record_of)."""
    view: dict
    """What a later comparison reads of its data.json (changes.view)."""


def for_build(board, earlier: Sequence[Publication], name: str, published: str) -> Made:
    """The page a build publishes: the kept publications and this build's board as `name`."""
    data = data_json.board_data(board)
    current = Publication(name, published, lambda: data)
    made, row = page([*earlier, current], board.campaign.plan.archive_keep)
    return Made(made, record_of(row, earlier[-1].name if earlier else None), view(data))


def banner(as_of: str, published: str, up: str) -> str:
    """Said first on every archived page; `up` leads from the page to the site's root."""
    return render.render_block(
        "archive_banner.html", as_of=as_of, published=shown_time(published), up=up
    )
