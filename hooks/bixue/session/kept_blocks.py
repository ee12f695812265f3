"""Rendered blocks kept on disk from one `mkdocs build` to the next, as `serve` keeps them in
memory (BuildSession.blocks): by a digest of their template and every value given to it. At 500
units, rendering every block again was over a third of a build that changed nothing.

What a block's digest leaves out is in the record's key: the package's own code and templates
(disk_cache.code_digest), the libraries that render (Jinja, MarkupSafe, Markdown, the
sanitiser) and the site folder, one record each (the internal and public builds do not take each
other's place). Only texts are kept; a record that is not a map of texts counts as none."""

from __future__ import annotations

import json
import zlib
from importlib import metadata
from typing import List, Tuple

from . import disk_cache
from .build_session import BuildSession

KIND = "blocks"
RECORDS = 4
"""Records kept, the newest: one a site folder (tests and trials build into ever new ones)."""
LIBRARIES = ("Jinja2", "MarkupSafe", "Markdown", "nh3")


def load(session: BuildSession, site_dir: str) -> None:
    """The last build's blocks, offered to this one as its last build's (Cache)."""
    record = disk_cache.load(KIND, _record_key(site_dir))
    for key, text in _texts(record.get("blocks") if record else None):
        session.blocks.previous.setdefault(key, text)


def store(session: BuildSession, site_dir: str) -> None:
    """This build's blocks for the next: only those it used, so nothing grows. A build that
    used every block it was offered and no other leaves the record as it was (a warm build)."""
    texts = {key: value for key, value in session.blocks.current.items() if type(value) is str}
    if not texts:
        return
    record_key = _record_key(site_dir)
    offered = session.blocks.previous
    if len(texts) == len(offered) and all(key in offered for key in texts):
        disk_cache.touch(KIND, record_key)
        return
    packer = zlib.compressobj(1)
    chunks = []
    for key, text in texts.items():
        line = json.dumps([key, text], ensure_ascii=False) + "\n"
        chunks.append(packer.compress(line.encode("utf-8", "surrogatepass")))
    chunks.append(packer.flush())
    disk_cache.store(KIND, record_key, {}, {"blocks": b"".join(chunks)})
    disk_cache.prune(KIND, RECORDS)


def _texts(content) -> List[Tuple[str, str]]:
    """The kept (key, text) pairs, one JSON line each; none if any line is not one."""
    if not isinstance(content, bytes):
        return []
    found = []
    unpacker = zlib.decompressobj()
    rest = b""
    try:
        for at in range(0, len(content), CHUNK):
            lines = (rest + unpacker.decompress(content[at : at + CHUNK])).split(b"\n")
            rest = lines.pop()
            found += map(_pair, lines)
        if rest + unpacker.flush() or not unpacker.eof:
            return []  # cut short, or something after the last line
    except (zlib.error, ValueError, TypeError):  # ValueError: UnicodeDecodeError, JSON's
        return []
    return found


CHUNK = 1 << 20


def _pair(line: bytes) -> Tuple[str, str]:
    pair = json.loads(line.decode("utf-8", "surrogatepass"))
    if type(pair) is not list or len(pair) != 2 or not all(type(part) is str for part in pair):
        raise TypeError("not a kept block")
    return pair[0], pair[1]


def _record_key(site_dir: str) -> str:
    versions = (metadata.version(name) for name in LIBRARIES)
    parts = (site_dir, disk_cache.code_digest().decode(), *versions)
    return disk_cache.key(KIND, "\0".join(parts).encode("utf-8", "surrogatepass"))
