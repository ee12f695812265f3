#!/usr/bin/env bash
# Build and serve the demo board at http://127.0.0.1:8000/ (sets up .venv first).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
echo "读取数据：$(realpath "${BOARD_DATA:-data}")（修改后自动重建）"
# BIXUE_ENGINE=properdocs serves with ProperDocs instead (README: 换一个构建引擎).
engine="${BIXUE_ENGINE:-mkdocs}"
case "$engine" in
  mkdocs|properdocs) ;;
  *) echo "BIXUE_ENGINE：必须是 mkdocs 或 properdocs，实际为 '$engine'" >&2; exit 1 ;;
esac
exec ".venv/bin/$engine" serve -f mkdocs.yml --dev-addr "${BOARD_ADDR:-127.0.0.1:8000}" "$@"
