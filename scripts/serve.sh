#!/usr/bin/env bash
# Build and serve the board at http://127.0.0.1:8000/, or at BOARD_ADDR (sets up .venv first);
# a port another program holds is said in Chinese and the next free one taken.
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
# Another program on the port: say so in one Chinese line and take the next free one.
addr="$(.venv/bin/python scripts/serve_addr.py "${BOARD_ADDR:-127.0.0.1:8000}")" || exit 1
# The engine's own lines are English; the one the clerk needs is said first, in Chinese.
echo "生成后用浏览器打开 http://$addr/（下面英文的 INFO 是生成过程的记录；按 Ctrl+C 停止）"
exec ".venv/bin/$engine" serve -f mkdocs.yml --dev-addr "$addr" "$@"
