"""往期公示 on disk: every publication kept under archive/<as of>/ of the site, as published.

Each entry is written once, into a store beside the site (`.site.archive/<name>/`, like
`.site.releases/`): the new site's own files hard-linked, its HTML pages with a banner saying
往期. A site, the published one and each release kept for a rollback, holds `archive/<name>` as a
link to the store, one a publication: publishing costs one entry's files and a link per kept
entry, whatever the archive's size, and every release keeps exactly the archive it was published
with. An entry holds the board's data.json as published and `publication.json`: when it was
published, its profile and its row of the archive page as first shown (its figures and what
changed since the one before), so that a later build reads no entry's data.json but the latest's,
and that only in part (`view.json`: what a comparison reads). It never holds archive/ itself.
Entries of another profile are never carried: an internal board never enters a public site's
archive. The store drops an entry no site links to.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, List, Optional, Sequence

ARCHIVE = "archive"
RECORD = "publication.json"
VIEW = "view.json"
MAIN = re.compile(r'<main[^>]*data-md-component="main"[^>]*>')
BODY = re.compile(r"<body[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class Entry:
    name: str
    """The folder under archive/: the as-of date, `-2`, `-3` for another publication of it."""
    published: str
    """When it was published (ISO 8601)."""
    folder: Path
    row: Optional[dict] = None
    """Its row of the archive page as first shown (boards.archive_page.record_of); None in an
    entry written before rows were kept."""

    def data(self) -> dict:
        """What a comparison reads of its data.json (view.json), else the whole of it."""
        for name in (VIEW, "data.json"):
            try:
                found = json.loads((self.folder / name).read_text("utf-8"))
            except (OSError, ValueError):
                continue
            if isinstance(found, dict):
                return found
        return {}


def entries(site: Path, profile: str) -> List[Entry]:
    """The site's archived publications of `profile`, oldest first."""
    folder = site / ARCHIVE
    found = []
    for entry in sorted(folder.iterdir()) if folder.is_dir() else ():
        read = read_entry(entry, profile)
        if read is not None:
            found.append(read)
    return sorted(found, key=lambda e: (e.published, *publication_order(e.name)))


def publication_order(name: str) -> tuple:
    """An entry's place among those published the same second (a reproducible build's time,
    SOURCE_DATE_EPOCH): by as-of date, then by number, 2014-06-30-9 before 2014-06-30-10."""
    as_of, number = name[:10], name[11:]
    return (as_of, int(number) if name[10:11] == "-" and number.isdigit() else 1, name)


def read_entry(folder: Path, profile: str) -> Optional[Entry]:
    """The entry, when it is one of `profile`. An entry written before its record said its
    profile (and kept its row) is known by its data.json."""
    try:
        record = json.loads((folder / RECORD).read_text("utf-8"))
        if not isinstance(record, dict):
            return None
        row = record.get("row")
        if "profile" not in record or not isinstance(row, dict):
            row = None
            data = json.loads((folder / "data.json").read_text("utf-8"))
            record["profile"] = data.get("profile") if isinstance(data, dict) else None
    except (OSError, ValueError):
        return None  # not an entry this code wrote: left out of the new site
    if record["profile"] != profile:
        return None
    return Entry(folder.name, str(record.get("published", "")), folder, row)


def new_name(taken: Sequence[str], as_of: str) -> str:
    """The as-of date, or the first of `-2`, `-3` … free when that date was published before."""
    name, number = as_of, 1
    while name in taken:
        number += 1
        name = f"{as_of}-{number}"
    return name


def kept(earlier: Sequence[Entry], keep: Optional[int]) -> List[Entry]:
    """The earlier entries the new site keeps: with the new one, at most `keep` (None: all)."""
    if keep is None:
        return list(earlier)
    return list(earlier)[max(len(earlier) - (keep - 1), 0) :] if keep > 1 else []


def store_dir(site: Path) -> Path:
    """Where the entries are, beside the site."""
    return site.with_name(f".{site.name}.archive")


def names_taken(site: Path) -> List[str]:
    """Names an entry may not take: those in the store (a rolled-back publication's stays there
    while its release is kept) and those the site links to."""
    store = store_dir(site)
    names = {p.name for p in store.iterdir()} if store.is_dir() else set()
    folder = site / ARCHIVE
    return sorted(names | ({p.name for p in folder.iterdir()} if folder.is_dir() else set()))


def link_kept(site: Path, staging: Path, names: Sequence[str]) -> None:
    """The named entries of the published site linked from the new one."""
    (staging / ARCHIVE).mkdir(parents=True, exist_ok=True)
    for name in names:
        entry = store_dir(site) / name
        if not entry.is_dir():  # a folder in the site itself (an archive copied by hand)
            link_tree(site / ARCHIVE / name, entry)
        (staging / ARCHIVE / name).symlink_to(entry.absolute(), target_is_directory=True)


def prune_store(site: Path, sites: Iterable[Path]) -> None:
    """Delete the entries none of `sites` (the published site and the kept releases) links to."""
    store = store_dir(site)
    if not store.is_dir():
        return
    linked = set()
    for folder in sites:
        archive = folder / ARCHIVE
        for link in archive.iterdir() if archive.is_dir() else ():
            if link.is_symlink():
                linked.add(Path(os.readlink(link)).name)
    for entry in store.iterdir():
        if entry.name not in linked:
            shutil.rmtree(entry, ignore_errors=True)


def add(
    site: Path,
    staging: Path,
    name: str,
    record: dict,
    view: dict,
    banner: Callable[[str], str],
) -> None:
    """The new site, as built, becomes the entry `name` in the store, linked from its own
    archive/. `record`: publication.json (published, profile, row); `view`: what a later
    comparison reads of its data.json. `banner(up)` is the HTML said on every archived page,
    `up` the relative link from that page to the site's root."""
    target = store_dir(site) / name
    shutil.rmtree(target, ignore_errors=True)  # a publish that died here left part of it
    banners = {}  # by depth: the same for every page of a folder level
    for folder, subfolders, files in os.walk(staging):
        here = Path(folder)
        if here == staging:
            subfolders[:] = [d for d in subfolders if d != ARCHIVE]
        inside = here.relative_to(staging)
        (target / inside).mkdir(parents=True, exist_ok=True)
        for file in files:
            if file.endswith(".html"):
                page = here / file
                depth = len(inside.parts) + 2  # from archive/<name>/<inside>/ up to the root
                if depth not in banners:
                    banners[depth] = banner("../" * depth)
                text = marked(relinked(page.read_text("utf-8"), depth), banners[depth])
                (target / inside / file).write_text(text, "utf-8")
            else:
                link_file(here / file, target / inside / file)
    (target / VIEW).write_text(json.dumps(view, ensure_ascii=False), "utf-8")
    (target / RECORD).write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    (staging / ARCHIVE).mkdir(parents=True, exist_ok=True)
    (staging / ARCHIVE / name).symlink_to(target.absolute(), target_is_directory=True)


def relinked(page: str, depth: int) -> str:
    """Links to the archive page lead out of the archived copy, which holds none, to the site's."""
    inside = "../" * (depth - 2) + ARCHIVE + "/"
    return page.replace(f'href="{inside}"', f'href="{"../" * depth}{ARCHIVE}/"')


def marked(page: str, banner: str) -> str:
    """The page with the banner first in material's main part, below the tabs (instant
    navigation replaces it, so the banner goes with the archived page), else first in the body."""
    for tag in (MAIN, BODY):
        found = tag.search(page)
        if found:
            return page[: found.end()] + banner + page[found.end() :]
    return banner + page


def link_tree(source: Path, target: Path) -> None:
    """`target` a copy of `source` made of hard links."""
    for folder, _, files in os.walk(source):
        here = Path(folder)
        (target / here.relative_to(source)).mkdir(parents=True, exist_ok=True)
        for file in files:
            link_file(here / file, target / here.relative_to(source) / file)


def link_file(source: Path, target: Path) -> None:
    """A hard link (no space, no time); a copy where the file system has none."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
