"""scripts/serve.sh's address (scripts/serve_addr.py): a port another program holds is said in one
Chinese line and the next free port taken; a bad BOARD_ADDR is one Chinese line, no traceback."""

from __future__ import annotations

import re
import socket
import subprocess
import sys

from conftest import ROOT

SCRIPT = ROOT / "scripts" / "serve_addr.py"


def run(address: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), address], capture_output=True, text=True, cwd=ROOT
    )


def test_a_busy_port_is_said_and_the_next_free_one_taken():
    with socket.socket() as other:  # another program, answering at the address
        other.bind(("127.0.0.1", 0))
        other.listen()
        busy = other.getsockname()[1]
        result = run(f"127.0.0.1:{busy}")
    assert result.returncode == 0
    host, port = result.stdout.strip().rsplit(":", 1)
    assert host == "127.0.0.1" and int(port) > busy
    (line,) = result.stderr.splitlines()
    assert line == f"端口 {busy} 已被别的程序占用，改用 {port}：http://127.0.0.1:{port}/"


def test_a_free_port_is_taken_as_it_is_without_a_word():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free = probe.getsockname()[1]
    result = run(f"127.0.0.1:{free}")
    assert (result.returncode, result.stdout, result.stderr) == (0, f"127.0.0.1:{free}\n", "")


def test_a_bad_address_is_one_chinese_line():
    for address in ("8000", "127.0.0.1:port", "192.0.2.55:8000"):
        result = run(address)
        assert result.returncode == 1 and not result.stdout
        (line,) = result.stderr.splitlines()
        assert line.startswith("BOARD_ADDR：") and "Traceback" not in result.stderr
        assert re.search(r"[\u4e00-\u9fff]", line)


def test_serve_sh_serves_at_the_address_chosen():
    script = (ROOT / "scripts" / "serve.sh").read_text(encoding="utf-8")
    chosen = re.search(r'addr="\$\(.venv/bin/python scripts/serve_addr.py "\$\{BOARD_ADDR', script)
    assert chosen and '--dev-addr "$addr"' in script
