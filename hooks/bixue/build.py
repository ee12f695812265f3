"""Build steps that need no builder: load the board, describe it, fill markers, stamp a site."""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
from pathlib import Path
from typing import List, Mapping, Optional, Tuple

from . import figures, generate, load, privacy
from .campaigns import layout
from .errors import DataErrors
from .figures import glossary
from .figures.board import Board, compute_board
from .load import kept_campaign
from .load.asof import completed_after
from .load.returned import change_lines
from .session.cache import Cache

PROFILES = ("internal", "public")
MARKER = re.compile(r"<!--\s*bixue:([a-z0-9-]+)\s*-->")
STAMP = "build-stamp.json"
UNSTAMPED = frozenset({STAMP, "sitemap.xml", "sitemap.xml.gz"})
"""Files left out of the stamp: the sitemap carries the build date, not new content."""
SEVERAL = (
    "data/ 里是多个活动（data/campaigns/<活动>/）：整个站点请用 bash scripts/build.sh 构建；"
    "只构建其中一个：BOARD_DATA=data/campaigns/<活动> mkdocs build"
)


def data_dir(project: Path, environ: Mapping[str, str]) -> Path:
    """The folder the board is read from: BOARD_DATA, else data/ beside mkdocs.yml."""
    return Path(environ.get("BOARD_DATA") or project / "data").resolve()


def load_board(
    project: Path,
    environ: Mapping[str, str],
    site_url: str,
    kept: Optional[load.Kept] = None,
    like: Optional[Board] = None,
) -> Board:
    """Read and check the data, apply the profile, compute every figure; raise on bad data.
    `kept`: what the last load read (a build session), taken again where nothing changed;
    `like`: the last build's board, whose figures from the same records are taken again."""
    profile = environ.get("BOARD_PROFILE") or "internal"
    for reason in generate.missing_assets():
        raise ValueError(reason)
    if profile not in PROFILES:
        raise ValueError(f"BOARD_PROFILE: 必须是 internal 或 public，实际为 '{profile}'")
    if layout.is_several(data_dir(project, environ)):
        raise ValueError(SEVERAL)
    folder = data_dir(project, environ)
    read = lambda: load.load_campaign(folder, project, kept)  # noqa: E731
    # Under `serve` the session keeps what each file read (an edit reads one file again); a
    # build of its own takes the last build's campaign when no file changed (kept_campaign).
    serving = kept is not None and getattr(kept, "serving", False)
    digests = getattr(kept, "file_digests", None)
    campaign = read() if serving else kept_campaign.load_kept(folder, project, read, digests)
    day = as_of(environ, campaign.plan.as_of)
    # A board as of an earlier day than the campaign's own (a past 通报, 往期, the portal's
    # history) simply leaves later completions out; only one after both days is a slip.
    late = completed_after(campaign, max(day, campaign.plan.as_of or day))
    if late:
        raise DataErrors(late)
    if profile == "public":
        errors = privacy.check_public_text(campaign)
        if errors:
            raise DataErrors(errors)
        campaign = privacy.publish(campaign)
    built = figures.build_day(environ.get("SOURCE_DATE_EPOCH"), datetime.date.today())
    return compute_board(campaign, day, profile == "public", site_url, built, like)


def returned_lines(board: Board) -> List[str]:
    """What each unit's returned ledger workbook changed, a line per item (`check` prints it)."""
    return [line for made in board.campaign.returns for line in change_lines(made)]


def as_of(environ: Mapping[str, str], plan_as_of) -> datetime.date:
    try:
        day = figures.resolve_as_of(environ.get("BOARD_AS_OF"), plan_as_of, datetime.date.today())
        if not 1900 <= day.year <= 2099:  # as campaign.yml's dates; 9999 would overflow
            raise ValueError(day)
        return day
    except ValueError:
        raise ValueError(
            f"BOARD_AS_OF: 必须是 2014-06-30 这样的日期，实际为 '{environ.get('BOARD_AS_OF')}'"
        ) from None


def site_name(board: Board) -> str:
    """The theme's site_name: the campaign's title, inert in any template (figures.theme_text)."""
    return figures.theme_text(board.campaign.plan.title)


def site_info(board: Board) -> dict:
    """Title and as-of date for every page's template (the theme's `extra.bixue`)."""
    plan = board.campaign.plan
    return {
        "title": plan.title,
        "short_title": plan.display_title,
        "as_of": figures.format_date(board.as_of),
        "as_of_long": figures.format_date(board.as_of, long=True),
        "phase": board.phase.label,
        "time_progress": figures.format_percent(board.time_progress),
        "public": board.public,
        "help": {term: glossary.TERMS[term] for term in ("序时进度", "公开版", "数据截至")},
        "stale": f"数据已 {board.stale} 天未更新" if board.stale else "",
    }


def fill_markers(markdown: str, src_uri: str, url: str, board: Board, warn) -> str:
    """Replace `<!-- bixue:NAME -->` in a page (at docs/src_uri, served at url) by that block."""
    blocks = generate.all_blocks()

    def block(match: re.Match) -> str:
        name = match.group(1)
        if name not in blocks:
            warn(f"{src_uri}: 未知的标记 bixue:{name}（可用：{', '.join(sorted(blocks))}）")
            return match.group(0)
        return "\n" + blocks[name](board, url) + "\n"

    return MARKER.sub(block, markdown)


def _site_files(site_dir: str) -> List[Tuple[str, str]]:
    """(path in the site, posix; path on disk) of every file the stamp covers, in path order:
    not hidden ones (a builder's own, as serve's last site while it is dropped)."""
    found = []
    for folder, folders, names in os.walk(site_dir):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        names = [name for name in names if not name.startswith(".")]
        here = os.path.relpath(folder, site_dir).replace(os.sep, "/")
        prefix = "" if here == "." else here + "/"
        found += [
            (prefix + name, os.path.join(folder, name))
            for name in names
            if name not in UNSTAMPED and os.path.isfile(os.path.join(folder, name))
        ]
    return sorted(found)


SEARCH_INDEX = "search/search_index.json"


def compact_search_index(site_dir: str) -> None:
    """Material writes its index with every non-ASCII character escaped (a Chinese character:
    6 bytes instead of 3, its word breaks too): written again as UTF-8, it is half the size."""
    path = Path(site_dir) / SEARCH_INDEX
    if path.is_file():
        index = json.loads(path.read_text(encoding="utf-8"))
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        path.write_text(text, encoding="utf-8")


def write_stamp(site_dir: str, kept: Optional[Cache] = None) -> None:
    """A digest of the whole built site, which the screen polls to notice a new build: of each
    file's path and the digest of its bytes. With `kept` (a serve session's), a file's digest
    is kept for the next build, which reads again only files written since (another inode,
    time or size)."""
    digest = hashlib.sha256()
    if kept is not None:
        kept.start_build()
    for name, path in _site_files(site_dir):
        stat = os.stat(path)
        mark = (stat.st_ino, stat.st_mtime_ns, stat.st_size)

        def read(path=path, mark=mark) -> tuple:
            return (mark, hashlib.sha256(Path(path).read_bytes()).digest())

        if kept is None:
            last = read()
        else:
            last = kept.get(name, read, lambda last, mark=mark: last[0] == mark)
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0" + last[1])
    stamp = {"build": digest.hexdigest()[:16]}
    (Path(site_dir) / STAMP).write_text(json.dumps(stamp), encoding="utf-8")
