"""The portal: one static page over many boards (a county's office over its departments), made
from their data.json alone — own HTML, CSS and script, no request outside the page."""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence, Tuple

import jinja2

from .headline import FIGURES, RATES
from .reading import BoardEntry, is_url

PAGE = "index.html"
BAR_HEIGHT = 18
CHART_WIDTH = 640
LABEL_WIDTH = 200
"""The comparison charts' geometry (SVG units; the SVG scales to the screen's width)."""


def environment() -> jinja2.Environment:
    loader = jinja2.FileSystemLoader(str(Path(__file__).parent))
    return jinja2.Environment(loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True)


@dataclass(frozen=True)
class Bar:
    name: str
    link: str
    value: float
    marker: float
    """序时进度, drawn as a tick over the bar (None-free: 0 when the board has none)."""


def link_from(out: Path, entry: BoardEntry) -> str:
    """A board's link as the portal page writes it: relative for a folder beside the page."""
    if not entry.link or is_url(entry.link):
        return entry.link
    return os.path.relpath(entry.link, out.resolve()).replace(os.sep, "/") + "/"


def chart(entries: Sequence[BoardEntry], links, key: str) -> Tuple[Bar, ...]:
    """The boards that have figure `key`, highest first, for one comparison chart."""
    bars = []
    for entry in entries:
        found = {figure.key: figure.value for figure in entry.figures}
        if found.get(key) is not None:
            name = entry.data["short_title"]
            bars.append(Bar(name, links[entry.source], found[key], found["time_progress"] or 0))
    return tuple(sorted(bars, key=lambda bar: -bar.value))


def render(out: Path, entries: Sequence[BoardEntry], title: str, now: datetime.datetime) -> str:
    links = {entry.source: link_from(out, entry) for entry in entries}
    labels = {key: label for key, label, _ in FIGURES}
    charts = [
        (key, labels[key], chart(entries, links, key)) for key in RATES if key != "time_progress"
    ]
    template = environment().get_template("portal.html")
    return template.render(
        title=title,
        now=now.strftime("%Y-%m-%d %H:%M"),
        entries=entries,
        links=links,
        figures=FIGURES,
        charts=[c for c in charts if c[2]],
        bar_height=BAR_HEIGHT,
        chart_width=CHART_WIDTH,
        label_width=LABEL_WIDTH,
        unreadable=sum(1 for entry in entries if entry.data is None),
    )


def write_portal(
    out: Path, entries: Sequence[BoardEntry], title: str, now: datetime.datetime
) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    page = out / PAGE
    page.write_text(render(out, entries, title, now), "utf-8")
    return page
