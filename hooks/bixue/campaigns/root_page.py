"""The site's root page over its campaigns: each board's title, as-of date and headline figures
from its own data.json, newest first (the portal's page, links relative to the root)."""

from __future__ import annotations

import dataclasses
import datetime
import os
from pathlib import Path
from typing import Mapping, Sequence

from ..boards import portal, reading
from . import layout

TITLE = "互学互比公示栏 · 历年活动"


def newest_first(entries: Sequence[reading.BoardEntry]) -> list:
    """By as-of date, latest first; a board that cannot be read last."""
    read = [e for e in entries if e.data is not None]
    read.sort(key=lambda e: (e.data.get("as_of", ""), e.source), reverse=True)
    return read + [e for e in entries if e.data is None]


def generated_at(environ: Mapping[str, str]) -> datetime.datetime:
    """Now, or SOURCE_DATE_EPOCH's time: a reproducible build writes the same page."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    return datetime.datetime.fromtimestamp(int(epoch)) if epoch else datetime.datetime.now()


def named(entry: reading.BoardEntry, campaign_id: str) -> reading.BoardEntry:
    """The board named with its year first: the campaigns of one office share a short title."""
    if entry.data is None:
        return entry
    name = f"{layout.label(campaign_id)} · {entry.data['short_title']}"
    return dataclasses.replace(entry, data={**entry.data, "short_title": name})


def write(site: Path, ids: Sequence[str], environ: Mapping[str, str] = os.environ) -> Path:
    read = reading.read_boards([str(site / one) for one in ids])
    entries = newest_first([named(entry, one) for entry, one in zip(read, ids, strict=True)])
    return portal.write_portal(site, entries, TITLE, generated_at(environ))
