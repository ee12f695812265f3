"""What `serve` keeps in memory from one build to the next, kept on disk (disk_cache) from one
`mkdocs build` to the next under the same digests: search entries (serve.search_key; the search
plugin parsing every page's HTML again was a fifth of a warm build at 500 units) and the theme's
output of each page (serve.reuse_unchanged_pages; a seventh). Most pages are as they were."""

from __future__ import annotations

import importlib.util
import json
import platform
import struct
import zlib
from importlib import metadata
from typing import Dict, Iterator, List, Optional, Tuple

from ..session import disk_cache
from ..session.build_session import BuildSession
from . import patches

KIND = "search-entries"
PAGES = "theme-outputs"
ENTRY_KEYS = frozenset(("location", "title", "text", "tags", "boost"))


def load_pages(session: BuildSession, config) -> None:
    """The last build's theme outputs, offered to this one as its last build's (Cache)."""
    record = disk_cache.load(PAGES, _versions_key(PAGES, config))
    for key, output in _outputs(record.get("outputs") if record else None):
        session.pages.previous.setdefault(key, output)


def store(session: BuildSession, config) -> None:
    """This build's, for the next: only what its pages used, so nothing grows."""
    _store_search(session, config)
    if session.pages.current:
        outputs = b"".join(_packed(key, output) for key, output in session.pages.current.items())
        disk_cache.store(PAGES, _versions_key(PAGES, config), {}, {"outputs": outputs})
    for kind in (KIND, PAGES):
        disk_cache.prune(kind, RECORDS)


RECORDS = 6
"""Records kept of each kind, the newest: one a site folder, and builds into ever new folders
(tests, trials) would fill the cache."""


def _packed(key: str, output: bytes) -> bytes:
    name = key.encode("ascii")
    return struct.pack(">HI", len(name), len(output)) + name + output


def _outputs(content) -> Iterator[Tuple[str, bytes]]:
    """The kept outputs, each a compressed page that inflates to text; none if any is not."""
    if not isinstance(content, bytes):
        return iter(())
    found = []
    at = 0
    try:
        while at < len(content):
            size, length = struct.unpack_from(">HI", content, at)
            at += 6
            key = content[at : at + size].decode("ascii")
            output = content[at + size : at + size + length]
            at += size + length
            zlib.decompress(output).decode("utf-8", "surrogatepass")
            found.append((key, output))
    except (struct.error, UnicodeDecodeError, zlib.error):
        return iter(())
    return iter(found)


def _versions_key(kind: str, config) -> str:
    """The theme's outputs depend on the packages that render them; their own keys hold the
    config, the theme's files, the nav and the page. One record a site folder: the internal and
    public builds (each its own folder) do not take each other's place."""
    parts = (config.site_dir, metadata.version("mkdocs-material"), metadata.version("mkdocs"))
    parts += (metadata.version("Jinja2"), platform.python_version())
    return disk_cache.key(kind, "\0".join(parts).encode("utf-8"))


def load_search(session: BuildSession, config) -> None:
    """The entries the last build stored, offered to this one as its last build's (Cache)."""
    key = _record_key(config)
    if key is None:
        return
    record = disk_cache.load(KIND, key)
    kept = _entries(record.get("entries")) if record else None
    for page_key, entries in (kept or {}).items():
        session.search.previous.setdefault(page_key, entries)


def _store_search(session: BuildSession, config) -> None:
    key = _record_key(config)
    if key is None or not session.search.current:
        return
    content = json.dumps(session.search.current, ensure_ascii=False, separators=(",", ":"))
    disk_cache.store(KIND, key, {}, {"entries": content.encode("utf-8")})


def _record_key(config) -> Optional[str]:
    """What the entries depend on besides each page: the plugin's settings and version, and
    whether jieba (which splits Chinese words) is importable; one record a site folder, as for
    pages. None: search is not Material's."""
    index = patches.search_index(config)
    if index is None:
        return None
    settings = json.dumps(index.config, sort_keys=True, default=repr)
    parts = (
        config.site_dir,
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
