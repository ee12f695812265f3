"""Reading the rotations of campaign.yml: `screen`, the named `screens` and their slides."""

from __future__ import annotations

from types import MappingProxyType
from typing import Dict, Optional, Tuple

from .. import model
from . import mdsafety
from .fields import (
    did_you_mean,
    integer,
    is_map,
    join,
    mapping,
    nonempty_sequence,
    sequence,
    text,
    url_safe_id,
)
from .made import suggested, with_ids
from .reading import Source, note_unique
from .yamlfile import Node

MAX_SETTINGS = MappingProxyType({"interval": 3600, "reload": 86400, "seconds": 3600})
"""Seconds: a browser timer over 24.8 days fires at once; a day is plenty for any of them."""

SLIDE_NAMES = (*model.SLIDE_NAMES, *model.MORE_SLIDE_NAMES)
"""What `slides` may name; the unit slides belong to the units' own rotations only."""
NAMED_REQUIRED = ("id", "title", "slides")
RESERVED_IDS = ("units",)
"""screen/units/ holds the units' rotations: no named rotation may take it."""


DEFAULT = model.Screen()


def read_screen(
    source: Source, node: Optional[Node], name: str = "screen", base: model.Screen = DEFAULT
) -> model.Screen:
    """Interval, reload and slides; what is not written comes from `base`."""
    entries = mapping(source, node, name, (), ("interval", "reload", "slides"))
    if entries is None:
        return base
    return screen_from(source, entries, name, base)


def screen_from(
    source: Source, entries: Dict[str, Node], name: str, base: model.Screen
) -> model.Screen:
    settings = {
        key: integer(source, entries.get(key), join(name, key), 1, MAX_SETTINGS[key])
        for key in ("interval", "reload")
    }
    if entries.get("slides") is not None and entries["slides"].value is not None:
        settings["slides"] = read_slides(source, entries["slides"], join(name, "slides"))
    settings = {key: value for key, value in settings.items() if value is not None}
    return model.Screen(**{**base.__dict__, **settings})


def read_slides(source: Source, node: Node, name: str) -> Optional[Tuple[model.Slide, ...]]:
    items = nonempty_sequence(source, node, name, "一张")
    slides = [read_slide(source, item, name) for item in items]
    return tuple(slide for slide in slides if slide) or None


def read_slide(source: Source, node: Node, name: str) -> Optional[model.Slide]:
    if not is_map(node):
        slide = slide_name(source, node, name)
        return model.Slide(slide) if slide else None
    entries = mapping(source, node, name, ("name",), ("seconds",))
    slide = slide_name(source, entries.get("name"), join(name, "name"))
    seconds = integer(
        source, entries.get("seconds"), join(name, "seconds"), 1, MAX_SETTINGS["seconds"]
    )
    return model.Slide(slide, seconds) if slide else None


def slide_name(source: Source, node: Optional[Node], name: str) -> Optional[str]:
    """A slide by its name or by the title the screen shows it with (总体态势 for overview)."""
    value = text(source, node, name)
    if value is None or value in SLIDE_NAMES:
        return value
    if value in model.SLIDE_WORDS:
        return model.SLIDE_WORDS[value]
    message = f"必须是 {', '.join(SLIDE_NAMES)} 之一，实际为 '{mdsafety.shorten(value)}'"
    hint = did_you_mean(value, (*SLIDE_NAMES, *model.SLIDE_WORDS))
    source.error(
        node.line, name, message, hint or "也可以写大屏上的标题：" + "、".join(model.SLIDE_WORDS)
    )
    return None


def read_screens(
    source: Source, node: Optional[Node], base: model.Screen
) -> Tuple[model.NamedScreen, ...]:
    """The named rotations, each at screen/<id>/; interval and reload default to `screen`'s."""
    seen: Dict[str, str] = {}
    items = with_ids(source, sequence(source, node, "screens"), "大屏")
    found = (read_named(source, item, base, seen) for item in items)
    return tuple(screen for screen in found if screen)


def read_named(
    source: Source, node: Node, base: model.Screen, seen: Dict[str, str]
) -> Optional[model.NamedScreen]:
    entries = mapping(source, node, "screens", NAMED_REQUIRED, ("interval", "reload"))
    if entries is None:
        return None
    screen_id = text(source, entries.get("id"), "screens.id")
    if screen_id is not None and url_safe_id(
        source, screen_id, entries["id"], "screens.id", lambda: suggested(entries)
    ):
        if screen_id in RESERVED_IDS:
            message = f"id 不能是 '{screen_id}'：screen/{screen_id}/ 已用于各单位的大屏"
            source.error(entries["id"].line, "screens.id", message)
        note_unique(source, seen, screen_id, entries.get("id"), "screens.id")
    title = text(source, entries.get("title"), "screens.title")
    screen = screen_from(source, entries, "screens", base)
    if not (screen_id and title) or "slides" not in entries:
        return None
    return model.NamedScreen(screen_id, title, screen)
