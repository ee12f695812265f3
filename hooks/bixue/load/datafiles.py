"""Which paths may be read as data: real files inside data/, of a sane size; never a folder, a
broken link, a link out of data/, a device or a pipe (which would hang the build)."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Optional, Tuple

from .guards import MAX_FILE_BYTES, file_too_big

Problem = Tuple[str, str]
"""(message, hint) of an error about a whole file."""

OUTSIDE = (
    "是一个指向 data/ 文件夹以外的链接，不读取",
    "把文件本身复制到 data/ 里，不要用快捷方式或链接",
)


def present(file: Path) -> bool:
    """Something is there under this name, even a broken link: it is read, or reported."""
    return os.path.lexists(file)


def path_problem(data_dir: Path, file: Path, what: str = "文件") -> Optional[Problem]:
    """Why `file` cannot be read as a data file, or None. `what` names it: 文件, 图片."""
    if not file.resolve().is_relative_to(data_dir.resolve()):
        return OUTSIDE
    if file.is_symlink() and not file.exists():
        return f"是一个链接，但它指向的{what}不存在", "删掉这个链接，把文件本身放进来"
    try:
        mode = file.stat().st_mode
    except OSError as exc:
        return f"读不出这个{what}：{exc.strerror}", ""
    if stat.S_ISDIR(mode):
        return f"这是一个文件夹，不是{what}", "数据文件不能是文件夹：改名或删掉它"
    if not stat.S_ISREG(mode):
        return f"这不是一个普通{what}", "删掉它，放一个普通文件进来"
    return None


def read_data_file(data_dir: Path, file: Path) -> Tuple[Optional[bytes], Optional[Problem]]:
    """The bytes of a data file, or why they cannot be read."""
    problem = path_problem(data_dir, file)
    if problem:
        return None, problem
    try:
        with open(file, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
            size = os.fstat(handle.fileno()).st_size
    except OSError as exc:
        return None, (f"读不出这个文件：{exc.strerror}", "")
    if len(raw) > MAX_FILE_BYTES:
        return None, (file_too_big(size), "把内容分到几个文件里，或删掉粘贴进来的大段内容")
    return raw, None


def folder_problem(data_dir: Path, folder: Path) -> Optional[Problem]:
    """Why a data folder (rectifications/, exemplars/, notices/) cannot be read, or None."""
    if not present(folder) or (folder.is_dir() and not folder.is_symlink()):
        return None
    if not folder.resolve().is_relative_to(data_dir.resolve()):
        return OUTSIDE
    if not folder.is_dir():
        return "必须是一个文件夹", "把这个文件改名，建一个同名的文件夹，把文件放进去"
    return None
