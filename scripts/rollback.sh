#!/usr/bin/env bash
# Put the previous release of the published site back, atomically: bash scripts/rollback.sh [SITE]
# (default site/); --list shows the kept releases. The site stays served throughout.
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python scripts/rollback.py "$@"
