#!/usr/bin/env bash
# Put the previous release of the published site back, atomically: bash scripts/rollback.sh [SITE]
# (default site/ of the project; a relative SITE is from where you are); --list shows the kept
# releases. The site stays served throughout.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
exec "$root/.venv/bin/python" "$root/scripts/rollback.py" "$@"
