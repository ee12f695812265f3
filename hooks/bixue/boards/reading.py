"""Read the boards a portal lists: a built site folder or a data.json URL each, checked, never
fatal — a board that cannot be read carries the reason instead of its figures."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence, Tuple
from urllib.parse import urlsplit

from . import schema
from .headline import Figure, headline

TIMEOUT = 10.0
"""Seconds to wait for one board's data.json over the network."""
MAX_BYTES = 50 * 1024 * 1024
"""A data.json larger than this is not a board's (a 2,000-unit board's is a few MB)."""
WORKERS = 16


@dataclass(frozen=True)
class BoardEntry:
    source: str
    """What was given on the command line."""
    link: str
    """Where the board's pages are: the folder or the URL data.json is in."""
    data: Optional[dict]
    reason: str = ""
    """无法读取 because of this (empty when `data` is read)."""

    @property
    def figures(self) -> Tuple[Figure, ...]:
        return headline(self.data) if self.data is not None else ()


def is_url(source: str) -> bool:
    return "://" in source


def read_boards(sources: Sequence[str], timeout: float = TIMEOUT) -> Tuple[BoardEntry, ...]:
    """Every board, in the order given; URLs are fetched side by side, folders read in turn
    (threads only add contention where nothing waits for the network)."""
    validator = schema.load_validator()
    urls = [source for source in sources if is_url(source)]
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        fetched = dict(
            zip(urls, pool.map(lambda u: read_board(u, validator, timeout), urls), strict=True)
        )
    return tuple(fetched.get(s) or read_board(s, validator, timeout) for s in sources)


def read_board(source: str, validator, timeout: float) -> BoardEntry:
    try:
        text, link = fetch_url(source, timeout) if is_url(source) else read_folder(source)
    except Unreadable as error:
        return BoardEntry(source, "", None, str(error))
    try:
        data = json.loads(text)
    except ValueError as error:
        return BoardEntry(source, link, None, f"data.json 不是有效的 JSON：{error}")
    reasons = schema.problems(data, validator)
    return BoardEntry(source, link, None if reasons else data, "；".join(reasons))


class Unreadable(Exception):
    """The board's data.json could not be had; the message says why, in Chinese."""


def read_folder(source: str) -> Tuple[bytes, str]:
    folder = Path(source)
    path = folder / "data.json" if folder.is_dir() or not folder.suffix else folder
    if not path.is_file():
        raise Unreadable(f"找不到 {path}（看板文件夹里应有 data.json）")
    if path.stat().st_size > MAX_BYTES:
        raise Unreadable(f"{path} 太大（超过 {MAX_BYTES // 1024 // 1024} MB）")
    return path.read_bytes(), str(path.parent.resolve())


def fetch_url(source: str, timeout: float) -> Tuple[bytes, str]:
    parts = urlsplit(source)
    if parts.scheme not in ("http", "https", "file") or (
        parts.scheme != "file" and not parts.netloc
    ):
        raise Unreadable(f"网址不对：{source}（应以 http://、https:// 或 file:// 开头）")
    url = source if source.endswith(".json") else source.rstrip("/") + "/data.json"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            text = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as error:
        raise Unreadable(f"{url}：服务器回答 {error.code} {error.reason}") from None
    except TimeoutError:
        raise Unreadable(f"{url}：{timeout:g} 秒内没有读完（超时）") from None
    except (urllib.error.URLError, OSError, ValueError) as error:
        if isinstance(getattr(error, "reason", None), (socket.timeout, TimeoutError)):
            raise Unreadable(f"{url}：{timeout:g} 秒内没有读完（超时）") from None
        raise Unreadable(f"{url}：无法连接（{getattr(error, 'reason', error)}）") from None
    if len(text) > MAX_BYTES:
        raise Unreadable(f"{url} 太大（超过 {MAX_BYTES // 1024 // 1024} MB）")
    return text, url.rsplit("/", 1)[0] + "/"
