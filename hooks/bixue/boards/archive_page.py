"""The 往期公示 page (archive/): every publication kept, the one being built among them, with its
headline figures and what changed since the one before."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Optional, Sequence, Tuple

from .. import render
from ..contents import GeneratedPage
from ..exports import data_json
from .changes import Comparison, compare
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
    data: dict


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
    """Newest first, each compared with the one published before it."""
    made = []
    for number, publication in enumerate(publications):
        before = publications[number - 1] if number else None
        made.append(
            Row(
                name=publication.name,
                as_of=publication.data["as_of"],
                published=publication.published,
                published_text=shown_time(publication.published),
                figures=tuple(f for f in headline(publication.data) if f.key in SHOWN_FIGURES),
                comparison=compare(before.data, publication.data) if before else None,
                previous=before.data["as_of"] if before else "",
                current=number == len(publications) - 1,
            )
        )
    return tuple(reversed(made))


def page(publications: Sequence[Publication], keep: Optional[int]) -> GeneratedPage:
    """The archive page over `publications`, oldest first, the one being built last."""
    shown = rows(publications)  # this publication's time among them: a block made once
    html = render.render_block_anew("archive_list.html", rows=shown, keep=keep, shown=SHOWN)
    # Left out of search: it changes at every publish, and its figures are the boards' own.
    meta = "search:\n  exclude: true\n"
    return GeneratedPage(PAGE, render.page_markdown(TITLE, [("", html)], meta), True)


def for_build(board, earlier: Sequence[Publication], name: str, published: str) -> GeneratedPage:
    """The page a build publishes: the kept publications and this build's board as `name`."""
    current = Publication(name, published, data_json.board_data(board))
    return page([*earlier, current], board.campaign.plan.archive_keep)


def banner(as_of: str, published: str, up: str) -> str:
    """Said first on every archived page; `up` leads from the page to the site's root."""
    return render.render_block(
        "archive_banner.html", as_of=as_of, published=shown_time(published), up=up
    )
