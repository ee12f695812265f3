#!/usr/bin/env bash
# Start a new board's data: bash scripts/new.sh DIR writes DIR/data/ with the starter workbook
# campaign.xlsx (one example row per sheet, drop-down lists, 说明) and says what to do next.
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "用法：bash scripts/new.sh 新公示栏的文件夹" >&2
  exit 2
fi
target="$(mkdir -p "$1" && cd "$1" && pwd)"
cd "$(dirname "$0")/.."
bash scripts/setup.sh
PYTHONPATH=hooks exec .venv/bin/python -m bixue new "$target"
