#!/usr/bin/env bash
# Build the board into site/ (sets up .venv first). One line on success; on bad data only the
# Chinese errors, and the site that was published stays as it was. `--site-dir DIR` builds elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python scripts/build_site.py "$@"
