#!/usr/bin/env bash
# Build and serve the demo board at http://127.0.0.1:8000/ (sets up .venv first).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
echo "读取数据：$(realpath "${BOARD_DATA:-data}")（修改后自动重建）"
exec .venv/bin/mkdocs serve --dev-addr "${BOARD_ADDR:-127.0.0.1:8000}" "$@"
