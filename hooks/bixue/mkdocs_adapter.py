"""The one module besides hooks/board_hooks.py that knows MkDocs: config, files and pages."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from . import build, generate
from .errors import DataErrors
from .figures.board import Board

KEPT = "数据有错，继续显示上一次正确的公示栏；改正后将自动重建。"


def load_board(config, log, previous: Optional[Board] = None) -> Board:
    """The checked board for this config; bad data stops MkDocs with the Chinese errors only.

    Under `serve`, `previous` is the last good board: a bad edit is reported and that board is
    built again, so the clerk keeps seeing a whole site until the next good edit."""
    try:
        board = build.load_board(project_dir(config), os.environ, config.site_url or "")
    except (DataErrors, ValueError) as error:
        if previous is None:
            raise PluginError(str(error)) from None
        log.error(f"{error}\n{KEPT}")
        board = previous
    config.site_name = build.site_name(board)
    config.extra["bixue"] = build.site_info(board)
    if not config.site_url:
        log.warning("site_url 未设置：二维码和订阅源中的绝对链接将被省略")
    return board


def project_dir(config) -> Path:
    return Path(config.config_file_path).parent


def watch_data(server, config) -> None:
    """`serve` rebuilds on any change in the folder the board is read from, wherever it is."""
    server.watch(str(build.data_dir(project_dir(config), os.environ)))


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
    return build.fill_markers(markdown, page.file.src_uri, page.url, board, log.warning)
