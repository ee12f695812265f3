"""Build a site of several campaigns: each board built as today into <id>/ (its own data folder
and address), then the root page; published in one step, under the site's lock."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, List, Mapping, Tuple

from ..publish import lock, swap
from . import archives, layout, root_page, siblings

UNCHANGED = "站点未改动"
DEFAULT_URL = "http://127.0.0.1:8000/"
"""mkdocs.yml's site_url when BOARD_SITE_URL is not set."""

Runner = Callable[[Path, Mapping[str, str]], Tuple[bool, List[str]]]
"""Builds one board into a folder with these environment variables: (built, lines to show)."""


def board_env(environ, data: Path, campaign_id: str, told: str) -> dict:
    base = (environ.get("BOARD_SITE_URL") or DEFAULT_URL).rstrip("/") + "/"
    return {
        **environ,
        "BOARD_DATA": str(layout.campaigns_dir(data) / campaign_id),
        "BOARD_SITE_URL": f"{base}{campaign_id}/",
        siblings.ENV: told,
    }


def build_site(project: Path, data: Path, site: Path, run: Runner, environ=os.environ) -> List[str]:
    """Every campaign's board, the root page, published whole; raises Failed with every error."""
    ids = layout.ids(data)
    bad = [
        f"data/{layout.FOLDER}/{name}: 文件夹名只能用字母、数字、- 和 _"
        for name in layout.bad_ids(data)
    ]
    errors, campaigns = siblings.scan(project, data, ids)
    if bad or errors:
        raise Failed([f"数据有 {len(bad) + len(errors)} 处错误：", *bad, *errors, UNCHANGED])
    try:
        held = lock.take(site)
    except lock.Busy as busy:
        raise Failed([str(busy), UNCHANGED]) from None
    try:
        return _build_locked(data, site, ids, campaigns, run, environ)
    finally:
        lock.let_go(site, held)


def _build_locked(data, site, ids, campaigns, run, environ) -> List[str]:
    home = archives.home_dir(site)
    shown: List[str] = []
    failed: List[str] = []
    try:
        for campaign_id in ids:
            board = archives.seed(site, home, campaign_id)
            told = siblings.encode(campaign_id, campaigns)
            built, lines = run(board, board_env(environ, data, campaign_id, told))
            if built:
                shown += [f"{campaign_id}/：{line}" for line in lines]
            else:
                where = f"data/{layout.FOLDER}/{campaign_id}/"
                failed += [f"{layout.label(campaign_id)}（{where}）：", *lines]
        if failed:
            raise Failed([*failed, UNCHANGED])
        _publish(home, site, ids, environ)
    finally:
        for campaign_id in ids:
            archives.settle(site, home, campaign_id)
    return shown


def _publish(home: Path, site: Path, ids, environ) -> None:
    staging = Path(swap.staging_dir(str(site)))
    swap.discard(str(staging))
    staging.mkdir(parents=True)
    for campaign_id in ids:
        (home / campaign_id).rename(staging / campaign_id)
    root_page.write(staging, ids, environ)
    swap.swap_in(str(staging), str(site))


class Failed(Exception):
    """The site was not built: the lines to show, in Chinese, the last one 站点未改动."""

    def __init__(self, lines: List[str]) -> None:
        self.lines = lines
        super().__init__("\n".join(lines))
