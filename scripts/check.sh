#!/usr/bin/env bash
# Check the campaign's data (data/, or the folder BOARD_DATA names) without building the site:
# prints 数据检查通过 with the counts, or every error; exit status 0 or 1. Sets up .venv first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
PYTHONPATH=hooks exec .venv/bin/python -m bixue check "$@"
