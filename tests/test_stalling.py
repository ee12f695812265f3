"""No input stalls the build: every check is linear in its input. The worst inputs known run in a
child process with a time limit, so a check that went super-linear fails instead of hanging (one
line of 30,000 backticks once took the Markdown check minutes; each case here takes milliseconds).
"""

from __future__ import annotations

import importlib
import itertools
import pkgutil
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 120
"""Seconds for everything below; linear, it takes a few on a slow machine."""
N = 30_000
CHARACTERS = " \t\n`{}=<>[]()!a0:-.\\\"'#*_|&"


def worst_markdown() -> list:
    """Markdown inputs that were, or are in similar checks elsewhere, super-linear."""
    return [
        "`" * N * 10,
        "`a``" * N,
        "".join("`" * size + "x" for size in range(1, 700)),
        "{" + "=" * N * 10,
        "<a" + " " * N + "x" * N,
        "\\" * N + "`" * N,
        "`\\" * N,
        ("[" * 50 + "\n\n") * (N // 10),
        "<" + "a" * N,
        "](" * N + "javascript:",
    ]


def every_pattern():
    """Every compiled regular expression at the top of a module of bixue."""
    import bixue

    for info in pkgutil.walk_packages(bixue.__path__, "bixue."):
        if info.name.endswith(("mkdocs_adapter", "__main__")):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                yield f"{info.name}.{name}", value


def run_checks() -> None:
    """The child process: every case, printing the slowest."""
    sys.path.insert(0, str(ROOT / "hooks"))
    from bixue.load import mdsafety
    from bixue.load.yamlfile import parse_yaml
    from bixue.render import render_markdown

    timings = []
    for text in worst_markdown():
        started = time.perf_counter()
        mdsafety.unsafe_markdown(text)
        timings.append((time.perf_counter() - started, "markdown check", text[:20]))
    for text in ("\t" * N * 10 + "\n", "a: " + "[" * 15 + "]" * 15 + " " * N, "- " * N):
        started = time.perf_counter()
        parse_yaml(text, "data/x.yml")
        timings.append((time.perf_counter() - started, "yaml", text[:20]))
    # The largest Markdown field the loader lets through renders in bounded time.
    started = time.perf_counter()
    render_markdown(("[" * 50 + "长" * 350 + "\n\n") * 50)
    timings.append((time.perf_counter() - started, "render", "brackets"))
    # Runs of one character, long; of two, shorter (there are many pairs): quadratic on either
    # takes minutes.
    inputs = [a * N for a in CHARACTERS] + [
        (a + b) * 2_000 for a, b in itertools.product(CHARACTERS, repeat=2)
    ]
    encoded = [text.encode() for text in inputs]
    for name, pattern in every_pattern():
        started = time.perf_counter()
        for text in inputs if isinstance(pattern.pattern, str) else encoded:
            for _ in pattern.finditer(text):
                pass
            pattern.match(text)
        timings.append((time.perf_counter() - started, name, "all inputs"))
    for seconds, what, sample in sorted(timings, reverse=True):
        print(f"{seconds:.3f} s  {what}  {sample!r}")


def test_no_check_is_super_linear():
    result = subprocess.run(
        [sys.executable, __file__], capture_output=True, text=True, timeout=LIMIT, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "s  markdown check" in result.stdout


def test_every_pattern_is_found():
    # A guard for the sweep above: it sees the patterns of load, render and privacy.
    sys.path.insert(0, str(ROOT / "hooks"))
    names = {name for name, _ in every_pattern()}
    assert {"bixue.load.mdsafety.HTML_TAG", "bixue.load.yamlfile.TAB_INDENT"} <= names
    assert "bixue.render._MD_SPECIAL" in names
    assert any(name.startswith("bixue.privacy") for name in names)


if __name__ == "__main__":
    run_checks()
