"""往期公示 on disk: every publication kept under archive/<as of>/ of the site, as published.

At each publish the archive of the published site is hard-linked into the new one (nothing is
copied again, nothing rebuilt): into a scratch folder beside the site while MkDocs builds
(`prepare`, in a thread: the links are the file system's work, not Python's), moved into the
built site afterwards (`adopt`, one rename an entry). Then the new site itself, minus archive/, is
added as one more entry: its HTML pages with a banner saying 往期, every other file hard-linked.
An entry holds the board's data.json as published and `publication.json` (when it was
published). Entries of another profile are never carried: an internal board never enters a
public site's archive.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, List, Optional, Sequence

ARCHIVE = "archive"
RECORD = "publication.json"
MAIN = re.compile(r'<main[^>]*data-md-component="main"[^>]*>')
BODY = re.compile(r"<body[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class Entry:
    name: str
    """The folder under archive/: the as-of date, `-2`, `-3` for another publication of it."""
    published: str
    """When it was published (ISO 8601)."""
    data: dict
    """Its data.json as published."""


def entries(site: Path, profile: str) -> List[Entry]:
    """The site's archived publications of `profile`, oldest first."""
    folder = site / ARCHIVE
    found = []
    for entry in sorted(folder.iterdir()) if folder.is_dir() else ():
        read = read_entry(entry)
        if read is not None and read.data.get("profile") == profile:
            found.append(read)
    return sorted(found, key=lambda e: (e.published, e.name))


def read_entry(folder: Path) -> Optional[Entry]:
    try:
        record = json.loads((folder / RECORD).read_text("utf-8"))
        data = json.loads((folder / "data.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None  # not an entry this code wrote: left out of the new site
    return Entry(folder.name, str(record.get("published", "")), data)


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


def scratch_dir(site: Path) -> Path:
    """Where the kept entries are linked while the new site is built, beside the site."""
    return site.with_name(f".{site.name}.archive-next")


def prepare(site: Path, names: Sequence[str]) -> None:
    """Hard-link the named entries of the published site into the scratch folder."""
    scratch = scratch_dir(site)
    shutil.rmtree(scratch, ignore_errors=True)  # a build that died left it
    scratch.mkdir(parents=True)
    for name in names:
        link_tree(site / ARCHIVE / name, scratch / name)


def adopt(site: Path, staging: Path, names: Sequence[str]) -> None:
    """Move the prepared entries into the built site; the scratch folder goes."""
    scratch = scratch_dir(site)
    (staging / ARCHIVE).mkdir(parents=True, exist_ok=True)
    for name in names:
        os.replace(scratch / name, staging / ARCHIVE / name)
    discard(site)


def discard(site: Path) -> None:
    shutil.rmtree(scratch_dir(site), ignore_errors=True)


def add(staging: Path, name: str, published: str, banner: Callable[[str], str]) -> None:
    """The new site, as built, becomes archive/<name>/ of itself. `banner(up)` is the HTML said
    on every archived page, `up` the relative link from that page to the site's root."""
    target = staging / ARCHIVE / name
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
                text = marked(relinked(page.read_text("utf-8"), depth), banner("../" * depth))
                (target / inside / file).write_text(text, "utf-8")
            else:
                link_file(here / file, target / inside / file)
    record = {"published": published}
    (target / RECORD).write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")


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
    """`target` a copy of `source` made of hard links: `cp -al` where there is one (its loop is
    C, and 52 entries of the demo are 12,000 files), else the same in Python."""
    if shutil.which("cp") and os.name == "posix":
        done = subprocess.run(["cp", "-al", str(source), str(target)], capture_output=True)
        if done.returncode == 0:
            return
        shutil.rmtree(target, ignore_errors=True)
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
