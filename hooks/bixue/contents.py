"""The records page modules hand to the build: generated pages, generated files, their output."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Callable, Mapping, Optional, Tuple, Union


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    """Where the page would be in docs/, e.g. units/puyang-south.md."""
    markdown: str
    in_nav: bool = True
    """False for per-unit, per-case and per-notice pages, reached from their index pages."""


@dataclass(frozen=True)
class GeneratedFile:
    dest_uri: str
    """Path in the built site, e.g. downloads/ledger.csv."""
    content: Optional[Union[str, bytes]] = None
    source: Optional[str] = None
    """Absolute path of a file to copy as it is, instead of `content`."""


NO_BLOCKS: Mapping[str, Callable[[Any, str], str]] = MappingProxyType({})


@dataclass(frozen=True)
class Output:
    """What a page module makes of a board, in one call (`make(board)`)."""

    pages: Tuple[GeneratedPage, ...] = ()
    files: Tuple[GeneratedFile, ...] = ()
    blocks: Mapping[str, Callable[[Any, str], str]] = field(default_factory=lambda: NO_BLOCKS)
    """The blocks hand-written pages embed with `<!-- bixue:name -->`: name -> render(board,
    here) -> HTML, `here` the URL of the page being rendered (`units/`), for relative links."""
