"""Under `mkdocs serve`: a file the last build wrote is moved back into the site when this build
would write the same bytes to the same place, instead of MkDocs writing it again. MkDocs empties
the site folder and writes every page and file on each rebuild: at 500 units 135 MB in 5,400
files, 2-5 s of a rebuild, more as the disk falls behind. Part of the adapter: it knows MkDocs'
files, how it writes a page and (through patches) the line it logs for a page it does not write.
What it keeps is the build session's (`BuildSession.written`: what the last build wrote)."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import threading
import uuid
from collections import Counter
from typing import Optional

from ..session.build_session import BuildSession
from ..session.kept_renders import Deferred
from . import patches

ASIDE = ".bixue-last"
"""The last build's files while this one is made, inside the site folder: MkDocs' cleaning leaves
names that start with a dot, and serve removes the folder, this with it, when it stops."""


def set_last_aside(session: BuildSession, site_dir: str) -> None:
    """Before MkDocs empties the site folder: under `serve` (not `--dirty`, which writes only
    some pages), move the last build's files aside so the same ones can be moved back."""
    aside = os.path.join(site_dir, ASIDE)
    shutil.rmtree(aside, ignore_errors=True)
    written = session.written
    if not written.current and os.path.isdir(site_dir):  # a session's first build
        for name in os.listdir(site_dir):
            if name.startswith(ASIDE + "-"):
                _drop(session, os.path.join(site_dir, name))
    written.start_build()
    serve = session.serving and not session.dirty
    session.build.site_dir = site_dir if serve else None
    if not serve or not written.previous or not os.path.isdir(site_dir):
        written.forget()
        return
    os.mkdir(aside)
    for name in os.listdir(site_dir):
        if not name.startswith("."):
            os.rename(os.path.join(site_dir, name), os.path.join(aside, name))
    session.build.quiet = _SkippedPages(session.build.moved)
    patches.filter_skipped_pages(session.build.quiet)


def keep_unchanged_files(session: BuildSession, files, config):
    """The site's files, those the last build wrote the same moved back in place and left for
    MkDocs to skip (a file copied onto itself is not copied)."""
    if session.build.site_dir is None:
        return files
    written = session.written
    static = [
        file for file in files if not file.is_documentation_page() and file.inclusion.is_in_serve()
    ]
    twice = {uri for uri, count in Counter(f.dest_uri for f in static).items() if count > 1}
    for file in static:
        if file.dest_uri in twice:
            continue
        key = _file_key(file)
        written.current[file.dest_uri] = key
        if written.previous.get(file.dest_uri) != key or not _move_back(session, file.dest_uri):
            continue
        if file.abs_src_path is None:  # made in memory: one on disk where it already is
            kept = type(file).generated(config, file.src_uri, abs_src_path=file.abs_dest_path)
            kept.dest_uri, kept.url, kept.inclusion = file.dest_uri, file.url, file.inclusion
            files.remove(file)
            files.append(kept)
        else:
            file.abs_src_path = file.abs_dest_path
    return files


def keep_unchanged_page(
    session: BuildSession, output: str, page, render_key: Optional[str] = None
) -> str:
    """The page's output to write, or "" (MkDocs writes nothing) when the last build wrote the
    same to the same place and that file is back in place. The same: rendered from the same
    inputs (`render_key`, a digest of all of them, when there is one: digesting 80 MB of pages
    took a quarter of a second), or else with the same digest."""
    path = page.file.dest_uri
    last = session.written.previous.get(path)
    if isinstance(output, Deferred):  # its last output, from the same inputs: moved back
        if session.build.site_dir is not None and last is not None and last[0] == render_key:
            if _move_back(session, path):
                session.written.current[path] = last
                session.build.moved.add(page.file.src_uri)
                return ""
        output = output.full()
    if session.build.site_dir is None or not output.strip():
        return output
    if render_key is not None and last is not None and last[0] == render_key:
        digest = last[1]  # the digest of the output this key renders
    else:
        digest = _digest(output.encode("utf-8", "xmlcharrefreplace"))
    session.written.current[path] = (render_key, digest)
    if last is not None and last[1] == digest and _move_back(session, path):
        session.build.moved.add(page.file.src_uri)
        return ""
    return output


def end_build(session: BuildSession, built: bool) -> None:
    """After the build: what is left aside was not written again; it is dropped while serve
    waits (2,200 emptied folders took a quarter of a second). A failed build's site is not
    known, so the next one writes every file."""
    site_dir, session.build.site_dir = session.build.site_dir, None
    if session.build.quiet is not None:
        patches.unfilter_skipped_pages(session.build.quiet)
        session.build.quiet = None
    if site_dir is not None and os.path.isdir(os.path.join(site_dir, ASIDE)):
        old = os.path.join(site_dir, f"{ASIDE}-{uuid.uuid4().hex}")
        os.rename(os.path.join(site_dir, ASIDE), old)
        _drop(session, old)
    if not (built and site_dir is not None):
        session.written.forget()


def _drop(session: BuildSession, folder: str) -> None:
    dropping = threading.Thread(target=shutil.rmtree, args=(folder, True), daemon=True)
    session.dropping.append(dropping)
    dropping.start()


def wait_until_dropped(session: BuildSession) -> None:
    """Until the files of earlier builds that were not moved back are gone (for tests)."""
    while session.dropping:
        session.dropping.pop().join()


def _file_key(file) -> bytes:
    if file.abs_src_path is None:
        return _digest(file.content_bytes)
    stat = os.stat(file.abs_src_path)  # ctime: new even when a tool puts the old mtime back
    source = f"{file.abs_src_path}\0{stat.st_mtime_ns}\0{stat.st_ctime_ns}\0{stat.st_size}"
    return _digest(source.encode("utf-8", "surrogateescape"))  # a name that is not UTF-8


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def _move_back(session: BuildSession, path: str) -> bool:
    site_dir = session.build.site_dir
    source = os.path.join(site_dir, ASIDE, path)
    if not os.path.isfile(source):
        return False
    target = os.path.join(site_dir, path)
    folder = os.path.dirname(target)
    if folder not in session.build.folders:
        if _folder_moved_back(session, os.path.dirname(source), folder):
            return True
        os.makedirs(folder, exist_ok=True)
        session.build.folders.add(folder)
    os.replace(source, target)
    return True


def _folder_moved_back(session: BuildSession, aside: str, folder: str) -> bool:
    """Whether the file's whole folder was moved back: one rename, where the site has no such
    folder yet and the file is all the last build's folder held (a page's own folder, as
    units/puyang-south/). Making 2,200 folders again and removing their old ones was half a
    second of a 500-unit rebuild."""
    if os.path.isdir(folder) or len(os.listdir(aside)) != 1:
        return False
    parent = os.path.dirname(folder)
    if parent not in session.build.folders:
        os.makedirs(parent, exist_ok=True)
        session.build.folders.add(parent)
    try:
        os.rename(aside, folder)
    except OSError:  # made meanwhile: the file is moved alone
        return False
    session.build.folders.add(folder)
    return True


class _SkippedPages(logging.Filter):
    """Drops MkDocs' "Page skipped" line for a page moved back; a page skipped for being empty
    is still logged."""

    def __init__(self, moved: set) -> None:
        super().__init__()
        self.moved = moved

    def filter(self, record: logging.LogRecord) -> bool:
        return patches.skipped_page(record) not in self.moved
