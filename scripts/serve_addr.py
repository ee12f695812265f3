"""The address scripts/serve.sh serves at: BOARD_ADDR's (default 127.0.0.1:8000), or the next
free port when another program holds that one, said in one Chinese line.

Usage: python scripts/serve_addr.py HOST:PORT — prints HOST:PORT to use; exit status 1 with a
Chinese line when none can be used. MkDocs itself would build the whole site first and then stop
with an English traceback, while the other program goes on answering at the address.
"""

from __future__ import annotations

import errno
import socket
import sys
from typing import List, Optional, Tuple

TRIES = 20
"""Ports tried after the one asked for."""


def parse(address: str) -> Tuple[str, int]:
    """HOST:PORT as (host, port); ValueError with a Chinese message."""
    host, _colon, port = address.strip().rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"BOARD_ADDR：应写成 主机:端口，如 127.0.0.1:8000，实际为 '{address}'")
    return host.strip("[]"), int(port)


def bind_problem(host: str, port: int) -> Optional[int]:
    """None when a server could listen at host:port now, else the errno that stops it."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # As MkDocs' server does: a port left in TIME_WAIT by the last serve counts as free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            return error.errno or errno.EADDRINUSE
    return None


def choose(host: str, port: int) -> Tuple[Optional[int], str]:
    """(the port to use, the line to say) — (None, why) when none will do."""
    problem = bind_problem(host, port)
    if problem is None:
        return port, ""
    if problem == errno.EACCES:
        return None, f"BOARD_ADDR：端口 {port} 需要管理员权限，请用 1024 以上的端口，如 8000"
    if problem != errno.EADDRINUSE:
        return None, f"BOARD_ADDR：无法使用地址 {host}（{errno.errorcode.get(problem, problem)}）"
    for other in range(port + 1, min(port + TRIES, 65535) + 1):
        if bind_problem(host, other) is None:
            return (
                other,
                f"端口 {port} 已被别的程序占用，改用 {other}：http://{shown(host)}:{other}/",
            )
    return None, f"端口 {port} 到 {port + TRIES} 都被占用了，请用 BOARD_ADDR 指定别的端口"


def shown(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def main(argv: List[str]) -> int:
    if len(argv) != 1:
        print("用法：python scripts/serve_addr.py 主机:端口", file=sys.stderr)
        return 2
    try:
        host, port = parse(argv[0])
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    chosen, said = choose(host, port)
    if said:
        print(said, file=sys.stderr)
    if chosen is None:
        return 1
    print(f"{shown(host)}:{chosen}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
