#!/usr/bin/env bash
# Run every test, browser tests included (sets up .venv, Chromium and fonts first).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
export NO_MKDOCS_2_WARNING=1
.venv/bin/ruff check hooks scripts tests
exec .venv/bin/python -m pytest "$@"
