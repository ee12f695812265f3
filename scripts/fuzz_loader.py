"""A long fuzz run of the loader: tests/test_fuzz.py with many more examples per property.

Usage: .venv/bin/python scripts/fuzz_loader.py [--examples N] [--hang SECONDS] [-- PYTEST_ARGS]
Prints Hypothesis' statistics; exits with pytest's code (0: every example gave a board or the
project's own DataErrors). A failing example is printed in full, ready to become a golden case.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000, help="per property and file")
    parser.add_argument("--hang", type=int, default=60, help="seconds an example may take")
    parser.add_argument("pytest_args", nargs="*", help="passed on to pytest, e.g. -k bytes")
    args = parser.parse_args(argv)
    environ = {
        **os.environ,
        "BIXUE_FUZZ_EXAMPLES": str(args.examples),
        "BIXUE_FUZZ_HANG_SECONDS": str(args.hang),
        "NO_MKDOCS_2_WARNING": "1",
    }
    command = [sys.executable, "-m", "pytest", "-q", "tests/test_fuzz.py"]
    command += ["--hypothesis-show-statistics", *args.pytest_args]
    return subprocess.run(command, cwd=ROOT, env=environ).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
