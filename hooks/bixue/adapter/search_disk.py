"""Search entries kept on disk from one `mkdocs build` to the next (disk_cache), under the digest
`serve` keeps them by in memory (serve.search_key): the search plugin parsing every page's HTML
again was a fifth of a warm build at 500 units, and most pages are as they were."""

from __future__ import annotations

import importlib.util
import json
from importlib import metadata
from typing import Dict, List, Optional

from ..session import disk_cache
from ..session.build_session import BuildSession
from . import patches

KIND = "search-entries"
ENTRY_KEYS = frozenset(("location", "title", "text", "tags", "boost"))


def load_kept(session: BuildSession, config) -> None:
    """The entries the last build stored, offered to this one as its last build's (Cache)."""
    key = _record_key(config)
    if key is None:
        return
    record = disk_cache.load(KIND, key)
    kept = _entries(record.get("entries")) if record else None
    for page_key, entries in (kept or {}).items():
        session.search.previous.setdefault(page_key, entries)


def store(session: BuildSession, config) -> None:
    """This build's entries, for the next: only those of pages it built, so it never grows."""
    key = _record_key(config)
    if key is None or not session.search.current:
        return
    content = json.dumps(session.search.current, ensure_ascii=False, separators=(",", ":"))
    disk_cache.store(KIND, key, {}, {"entries": content.encode("utf-8")})


def _record_key(config) -> Optional[str]:
    """What the entries depend on besides each page: the plugin's settings and version, and
    whether jieba (which splits Chinese words) is importable. None: search is not Material's."""
    index = patches.search_index(config)
    if index is None:
        return None
    settings = json.dumps(index.config, sort_keys=True, default=repr)
    parts = (
        settings,
        metadata.version("mkdocs-material"),
        metadata.version("mkdocs"),
        str(importlib.util.find_spec("jieba") is not None),
    )
    return disk_cache.key(KIND, "\0".join(parts).encode("utf-8"))


def _entries(content) -> Optional[Dict[str, List[dict]]]:
    """The stored entries if every one has the shape the plugin makes; the cache folder is read
    as untrusted, and what it holds is published in the search index."""
    if not isinstance(content, bytes):
        return None
    try:
        kept = json.loads(content.decode("utf-8"))
    except ValueError:
        return None
    if not isinstance(kept, dict):
        return None
    if all(_page_entries(entries) for entries in kept.values()):
        return kept
    return None


def _page_entries(entries) -> bool:
    return isinstance(entries, list) and all(_entry(entry) for entry in entries)


def _entry(entry) -> bool:
    if not isinstance(entry, dict) or not ENTRY_KEYS.issuperset(entry):
        return False
    texts = all(isinstance(entry.get(name), str) for name in ("location", "title", "text"))
    tags = entry.get("tags", [])
    boost = entry.get("boost", 1)
    return (
        texts
        and isinstance(tags, list)
        and all(isinstance(tag, str) for tag in tags)
        and isinstance(boost, (int, float, str))
    )
