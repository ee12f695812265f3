#!/usr/bin/env bash
# Set up a fresh machine: Python packages in .venv; with --browser also Debian's Chromium and a
# CJK font (for the browser tests and screenshots). Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--browser" ]; then
  need=()
  [ -x /usr/bin/chromium ] || need+=(chromium)
  fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
  command -v pdftoppm >/dev/null || need+=(poppler-utils)
  if [ ${#need[@]} -gt 0 ]; then
    echo "Installing Debian packages: ${need[*]}"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
  fi
  requirements=requirements-dev.txt
else
  requirements=requirements.txt
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r "$requirements" -c constraints.txt
