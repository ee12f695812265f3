"""One build at a time into a site: a lock file beside it, which the system lets go of when the
process holding it ends, however it ends (a killed build never blocks the next one)."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path


class Busy(Exception):
    """Another process is writing the site."""


def lock_path(site: Path) -> Path:
    return site.with_name(f".{site.name}.lock")


def take(site: Path) -> int:
    """Lock `site` for this process, or raise Busy naming the process that holds it; returns the
    lock's file descriptor, for `let_go`."""
    path = lock_path(site)
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            os.close(fd)
            raise Busy(f"另一个构建正在写入 {site}/{holder}，请等它结束后再试") from None
        if _still_there(fd, path):
            break
        os.close(fd)  # its holder let go and removed it meanwhile: lock the new file
    os.ftruncate(fd, 0)
    os.write(fd, f"{os.getpid()}\n".encode())
    return fd


def let_go(site: Path, fd: int) -> None:
    """Remove the lock file while still holding it (`take` checks for that), then unlock."""
    try:
        lock_path(site).unlink(missing_ok=True)
    finally:
        os.close(fd)


def _still_there(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except FileNotFoundError:
        return False


def _holder(fd: int) -> str:
    pid = os.read(fd, 32).decode("ascii", "replace").strip()
    return f"（进程 {pid}）" if pid.isdigit() else ""
