"""A chart figure as the plain dict plotly.js draws, without plotly.graph_objects: building,
validating and converting go.Figure objects took seconds of every build (more at 500 units)."""

from __future__ import annotations

from types import MappingProxyType
from typing import Iterable, Optional


class Figure:
    """The few go.Figure methods the charts use, holding what go.Figure(...).to_dict() would.

    Nothing is validated or normalised: the charts write plotly's canonical form themselves
    (nested dicts such as `title={"text": ...}`, never `title="..."` or `xaxis_title=...`;
    strings where plotly has strings). tests/test_chart_dicts.py holds every chart of the demo
    and of a generated campaign to `go.Figure(fig.to_dict()).to_dict()`."""

    def __init__(self, data: Iterable[dict] = (), layout: Optional[dict] = None):
        self.data = [copied(trace) for trace in data]
        """The traces, each with its `type`."""
        self.layout = copied(layout or {})

    def add_bar(self, **trace) -> None:
        self.data.append(copied({"type": "bar", **trace}))

    def add_scatter(self, **trace) -> None:
        self.data.append(copied({"type": "scatter", **trace}))

    def add_shape(self, shape: dict) -> None:
        self.layout.setdefault("shapes", []).append(copied(shape))

    def add_annotation(self, **note) -> None:
        self.layout.setdefault("annotations", []).append(copied(note))

    def update_layout(self, **layout) -> None:
        """A nested dict (xaxis, legend) goes into the one already there key by key, as in
        plotly; None removes the key."""
        merge(self.layout, layout)

    def to_dict(self) -> dict:
        """A copy: the caller may change it without changing the figure."""
        return {"data": copied(self.data), "layout": copied(self.layout)}


def copied(value):
    """A copy the figure owns (the charts pass shared dicts such as TOP_LEGEND). Tuples become
    lists, and a key set to None is left out, as plotly leaves unset attributes out."""
    if isinstance(value, (dict, MappingProxyType)):
        return {key: copied(item) for key, item in value.items() if item is not None}
    if isinstance(value, (list, tuple)):
        return [copied(item) for item in value]
    return value


def merge(target: dict, updates: dict) -> None:
    for key, value in updates.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            merge(target[key], value)
        elif value is None:
            target.pop(key, None)
        else:
            target[key] = copied(value)
