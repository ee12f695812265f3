"""The screen engine (大屏): rotations of slides for TVs — the campaign's, the named, the units'.

Every rotation is a `Rotation` (address, title, interval, reload, slide names); its slides come
from `SLIDES`, a dict name -> renderer(board, rotation, seconds) -> [SlideView]. A rotation's page
holds every slide's heading but only the first slide's body; each body is a file of its own under
screen-slides/ (named by its content, so rotations share it), fetched by screen.js when the
rotation reaches it: the page stays light however many units the campaign has.
"""

from __future__ import annotations

import hashlib
import json
from types import MappingProxyType
from typing import Callable, Iterable, List, Mapping, Optional, Tuple

from markupsafe import Markup

from .. import figures
from ..charts import red_black  # noqa: F401  (the screen's red and black lists, for tests)
from ..contents import GeneratedFile, GeneratedPage, Output
from ..figures.board import Board
from ..model import Screen, Slide
from ..outputs import images
from ..render import relative_url, render_block
from . import exemplars as page_exemplars
from . import screen_activities, screen_projects, screen_slides, screen_units
from .screen_parts import Rotation, SlideView, chunks  # noqa: F401  (chunks: for tests)

HERE = "screen/"
SLIDE_FOLDER = "screen-slides/"
UNIT_SLIDES = ("unit", "unit-pair", "unit-ledger", "unit-indicators", "top-three", "notices")
"""A unit's rotation: its own standing first, then the campaign's top three and notices."""

Renderer = Callable[[Board, Rotation, int], List[SlideView]]
SLIDES: Mapping[str, Renderer] = MappingProxyType(
    {
        **screen_slides.SLIDES,
        **screen_units.SLIDES,
        "projects": screen_projects.projects,
        "activities": screen_activities.activities,
    }
)
"""Every slide the engine can show, by name. A new slide is one more entry (see README)."""


def rotations(board: Board) -> List[Rotation]:
    """screen/, then every entry of `screens`, then (unless unit_screens: false) every unit's."""
    plan = board.campaign.plan
    found = [Rotation(HERE, plan.display_title, plan.screen)]
    found += [Rotation(f"screen/{s.id}/", s.title, s.screen, "named") for s in plan.screens]
    if plan.unit_screens:
        slides = tuple(Slide(name) for name in UNIT_SLIDES)
        screen = Screen(plan.screen.interval, plan.screen.reload, slides)
        found += [
            Rotation(f"screen/units/{unit.id}/", unit.name, screen, "unit", unit)
            for unit in board.campaign.units
        ]
    return found


def slide_views(board: Board, rotation: Rotation) -> List[SlideView]:
    """The rotation's slides in order; slides with nothing to show are left out, and a
    rotation left with none shows the overview."""
    views = [view for slide in rotation.screen.slides for view in views_of(board, rotation, slide)]
    return views or views_of(board, rotation, Slide("overview"))


SHARED = frozenset({*screen_slides.SLIDES, "projects", "activities"})
"""Slides that show the same whatever the rotation: made once a build, shared by every unit's."""


def views_of(board: Board, rotation: Rotation, slide: Slide) -> List[SlideView]:
    render = SLIDES.get(slide.name)
    seconds = slide.seconds or rotation.screen.interval
    if render is None or slide.name not in SHARED:
        return render(board, rotation, seconds) if render else []
    return board.once(f"slide:{slide.name}:{seconds}", lambda: render(board, rotation, seconds))


def body_of(board: Board, view: SlideView) -> Tuple[str, str]:
    """A slide's body file and its address, made once however many rotations show the slide
    (a shared slide's body, hashed again for each of 500 rotations, was a third of a second)."""

    def body() -> tuple:
        text = render_part(view, "body", SLIDE_FOLDER)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
        return (view, text, f"{SLIDE_FOLDER}{view.name}-{digest}.html")

    made = board.once(f"body:{id(view)}", body)  # holds the view: no other takes its address
    return made[1], made[2]


def render_part(view: SlideView, part: str, here: str, src: str = "") -> str:
    """`full`: the slide's section with its body; `shell`: the section without it; `body`."""
    context = {**view.context, "here": here, "name": view.name, "seconds": view.seconds}
    return render_block(view.template, part=part, src=src, **context)


def render_deck(board: Board, rotation: Rotation) -> Tuple[str, List[GeneratedFile]]:
    """The page's deck (the first slide whole, the others as shells) and the slides' files."""
    sections, files = [], []
    for index, view in enumerate(slide_views(board, rotation)):
        body, dest = body_of(board, view)
        files.append(GeneratedFile(dest, content=body + "\n"))
        part = "full" if index == 0 else "shell"
        src = relative_url(rotation.path, dest)
        sections.append(Markup(render_part(view, part, rotation.path, src)))
    return render_block("screen_deck.html", screen=rotation.screen, sections=sections), files


def render_screen(board: Board, rotation: Optional[Rotation] = None) -> str:
    """Every slide of a rotation (default screen/) whole, as one deck: what the slides show."""
    rotation = rotation or rotations(board)[0]
    views = slide_views(board, rotation)
    sections = [Markup(render_part(view, "full", rotation.path)) for view in views]
    return render_block("screen_deck.html", screen=rotation.screen, sections=sections)


def decks(board: Board) -> List[Tuple[Rotation, str, List[GeneratedFile]]]:
    """Every rotation's deck, rendered once a board for the screen pages, their files and the
    list of screens."""
    return board.once(
        "decks",
        lambda: [(rotation, *render_deck(board, rotation)) for rotation in rotations(board)],
    )


def page_uri(rotation: Rotation) -> str:
    return "screen.md" if rotation.path == HERE else rotation.path.rstrip("/") + ".md"


def screen_markdown(board: Board, rotation: Rotation, deck: str) -> str:
    """A rotation's page: the standalone template, its title in the header band, kept out of
    search (it repeats the other pages) and out of the sitemap, so material's instant
    navigation loads it in full (overrides/screen.html)."""
    plan = board.campaign.plan
    sub = plan.display_title if rotation.path != HERE else ""
    title = figures.theme_text(title_of(rotation))  # the theme's <title>: inert, as every page's
    meta = {"template": "screen.html", "title": title, "sitemap": False}
    meta.update(screen_title=rotation.title, screen_subtitle=sub, screen_home=rotation.path == HERE)
    front = "".join(
        f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items()
    )
    return f"---\n{front}search:\n  exclude: true\n---\n\n{deck}\n"


def title_of(rotation: Rotation) -> str:
    return "大屏展示" if rotation.path == HERE else f"大屏展示 · {rotation.title}"


def pages(board: Board) -> Iterable[GeneratedPage]:
    for rotation, deck, _ in decks(board):
        yield GeneratedPage(page_uri(rotation), screen_markdown(board, rotation, deck), False)


def files(board: Board) -> Iterable[GeneratedFile]:
    """Every slide's body, and the covers the exemplar slides show (each published once)."""
    for _, _, slide_files in decks(board):
        yield from slide_files
    views = [page_exemplars.case_view(board, c) for c in screen_slides.shown_cases(board)]
    yield from images.unique_files(view.cover for view in views if view.cover)


def make(board: Board) -> Output:
    """This module's pages, files and blocks."""
    return Output(tuple(pages(board)), tuple(files(board)))
