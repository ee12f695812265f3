"""Rendered blocks kept on disk from one `mkdocs build` to the next, as `serve` keeps them in
memory (BuildSession.blocks): by a digest of their template and every value given to it. At 500
units, rendering every block again was over a third of a build that changed nothing.

What a block's digest leaves out is in the record's key: the package's own code and templates
(disk_cache.code_digest), the libraries that render (Jinja, MarkupSafe, Markdown, the
sanitiser) and the site folder, one record each (the internal and public builds do not take each
other's place). Only texts are kept, packed as a plain build's session keeps them (cache.Packed:
a fifth of their size); a record not made of them whole counts as none, and a text that does
not unpack is made again where it is asked for."""

from __future__ import annotations

from importlib import metadata
from typing import List, Tuple

from . import disk_cache
from .build_session import BuildSession
from .cache import Packed

KIND = "blocks"
RECORDS = 4
"""Records kept, the newest: one a site folder (tests and trials build into ever new ones)."""
LIBRARIES = ("Jinja2", "MarkupSafe", "Markdown", "nh3")


def load(session: BuildSession, site_dir: str) -> None:
    """The last build's blocks, offered to this one as its last build's (Cache), packed."""
    record = disk_cache.load(KIND, _record_key(site_dir))
    for key, data in _blocks(record.get("blocks") if record else None):
        session.blocks.previous.setdefault(key, Packed(data))


def store(session: BuildSession, site_dir: str) -> None:
    """This build's blocks for the next: only those it used, so nothing grows. A build that
    used every block it was offered and no other leaves the record as it was (a warm build)."""
    texts = {key: value for key, value in session.blocks.current.items() if type(value) is Packed}
    if not texts:
        return
    record_key = _record_key(site_dir)
    offered = session.blocks.previous
    if len(texts) == len(offered) and all(key in offered for key in texts):
        disk_cache.touch(KIND, record_key)
        return
    content = b"".join(_framed(key, packed.data) for key, packed in texts.items())
    disk_cache.store(KIND, record_key, {}, {"blocks": content})
    disk_cache.prune(KIND, RECORDS)


def _framed(key: str, data: bytes) -> bytes:
    """One block in the record: its key and size on a line, then its packed text."""
    return f"{key}\t{len(data)}\n".encode("utf-8", "surrogatepass") + data


def _blocks(content) -> List[Tuple[str, bytes]]:
    """The kept (key, packed text) pairs; none if the record is not made of them whole. A
    packed text that does not unpack is made again where it is asked for (Cache.get)."""
    if not isinstance(content, bytes):
        return []
    found, at = [], 0
    try:
        while at < len(content):
            end = content.index(b"\n", at, at + LONGEST_HEAD)
            key, size = content[at:end].decode("utf-8", "surrogatepass").split("\t")
            start, at = end + 1, end + 1 + int(size)
            if not key or int(size) < 0 or at > len(content):
                return []
            found.append((key, content[start:at]))
    except ValueError:  # no line end, not two fields, not a number, UnicodeDecodeError
        return []
    return found


LONGEST_HEAD = 1024
"""A block's key and size: digests are 32 characters."""


def _record_key(site_dir: str) -> str:
    versions = (metadata.version(name) for name in LIBRARIES)
    parts = (site_dir, disk_cache.code_digest().decode(), *versions)
    return disk_cache.key(KIND, "\0".join(parts).encode("utf-8", "surrogatepass"))
