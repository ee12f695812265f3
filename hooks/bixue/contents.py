"""The records page modules hand to the build: generated pages and generated files."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Union


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
