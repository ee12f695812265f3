#!/usr/bin/env bash
# Write the Excel templates for the campaign in data/ into OUT/: bash scripts/templates.sh OUT/
# (a ledger template, one pre-filled ledger per unit, the indicators workbook, the score sheets).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ]; then
  echo "用法：bash scripts/templates.sh 输出文件夹/" >&2
  exit 2
fi
out="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
shift
bash scripts/setup.sh
PYTHONPATH=hooks exec .venv/bin/python -m bixue templates "$out" "$@"
