"""The build's steps between MkDocs and the board: load, configure, add pages, fill markers."""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from pathlib import Path
from typing import Mapping

import figures
import generate
import load
import privacy
from board import Board, compute_board
from errors import DataErrors
from mkdocs.structure.files import File, InclusionLevel

PROFILES = ("internal", "public")
MARKER = re.compile(r"<!--\s*bixue:([a-z0-9-]+)\s*-->")
STAMP = "build-stamp.json"
UNSTAMPED = {STAMP, "sitemap.xml", "sitemap.xml.gz"}
"""Files left out of the stamp: the sitemap carries the build date, not new content."""


def load_board(config, environ: Mapping[str, str]) -> Board:
    """Read and check the data, apply the profile, compute every figure; raise on bad data."""
    profile = environ.get("BOARD_PROFILE") or "internal"
    if profile not in PROFILES:
        raise ValueError(f"BOARD_PROFILE: 必须是 internal 或 public，实际为 '{profile}'")
    project = Path(config.config_file_path).parent
    data_dir = Path(environ.get("BOARD_DATA") or project / "data").resolve()
    campaign = load.load_campaign(data_dir, project_dir=project)
    if profile == "public":
        errors = privacy.check_public_text(campaign)
        if errors:
            raise DataErrors(errors)
        campaign = privacy.publish(campaign)
    day = as_of(environ, campaign.plan.as_of)
    return compute_board(campaign, day, profile == "public", config.site_url or "")


def as_of(environ: Mapping[str, str], plan_as_of) -> datetime.date:
    try:
        return figures.resolve_as_of(environ.get("BOARD_AS_OF"), plan_as_of, datetime.date.today())
    except ValueError:
        raise ValueError(
            f"BOARD_AS_OF: 必须是 2014-06-30 这样的日期，实际为 '{environ.get('BOARD_AS_OF')}'"
        ) from None


def configure(config, board: Board, log) -> None:
    """Title and as-of date for every page's template."""
    plan = board.campaign.plan
    config.site_name = plan.title
    config.extra["bixue"] = {
        "title": plan.title,
        "short_title": plan.display_title,
        "as_of": figures.format_date(board.as_of),
        "as_of_long": figures.format_date(board.as_of, long=True),
        "phase": board.phase.label,
        "time_progress": figures.format_percent(board.time_progress),
        "public": board.public,
    }
    if not config.site_url:
        log.warning("site_url 未设置：二维码和订阅源中的绝对链接将被省略")


def add_generated(files, config, board: Board):
    """Add generated pages (a hand-written page of the same path wins) and generated files."""
    for page in generate.all_pages(board):
        if files.get_file_from_path(page.src_uri) is None:
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(
                File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion)
            )
    for item in generate.all_files(board):
        if item.source:
            files.append(File.generated(config, item.dest_uri, abs_src_path=item.source))
        else:
            files.append(File.generated(config, item.dest_uri, content=item.content))
    return files


def fill_markers(markdown: str, page, board: Board, log) -> str:
    """Replace `<!-- bixue:NAME -->` in any page by that generated block."""
    blocks = generate.all_blocks()

    def block(match: re.Match) -> str:
        name = match.group(1)
        if name not in blocks:
            log.warning(
                f"{page.file.src_uri}: 未知的标记 bixue:{name}（可用：{', '.join(sorted(blocks))}）"
            )
            return match.group(0)
        return "\n" + blocks[name](board, page.url) + "\n"

    return MARKER.sub(block, markdown)


def write_stamp(site_dir: str) -> None:
    """A digest of the whole built site, which the screen polls to notice a new build."""
    digest = hashlib.sha256()
    for path in sorted(Path(site_dir).rglob("*")):
        if path.is_file() and path.name not in UNSTAMPED:
            digest.update(path.relative_to(site_dir).as_posix().encode())
            digest.update(path.read_bytes())
    stamp = {"build": digest.hexdigest()[:16]}
    (Path(site_dir) / STAMP).write_text(json.dumps(stamp), encoding="utf-8")
