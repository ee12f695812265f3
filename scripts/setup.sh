#!/usr/bin/env bash
# Set up a fresh machine: Python packages in .venv and plotly.js's basic bundle in vendor/ (from
# the npm registry); with --browser also Debian's Chromium, a CJK font and LibreOffice Writer (for
# the browser tests, screenshots and the 通报 rendered to PDF). Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo

if [ "${1:-}" = "--browser" ]; then
  need=()
  [ -x /usr/bin/chromium ] || need+=(chromium)
  fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
  command -v pdftoppm >/dev/null || need+=(poppler-utils)
  command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
  if [ ${#need[@]} -gt 0 ]; then
    echo "Installing Debian packages: ${need[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
  fi
  requirements=requirements-dev.txt
else
  requirements=requirements.txt
fi

# Debian's python3 makes no venv without its python3-venv package ("ensurepip is not available").
if [ ! -x .venv/bin/python ] && ! python3 -m venv .venv 2>/dev/null; then
  rm -rf .venv
  echo "Installing Debian's python3-venv"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends python3-venv
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -r "$requirements" -c constraints.txt
# The package's compiled modules, written now: where PYTHONDONTWRITEBYTECODE is set (many container
# images set it) Python would otherwise compile its 190 modules again at every build (0.15 s).
.venv/bin/python -m compileall -q hooks
# The second engine, when chosen (README: 换一个构建引擎); requirements-dev.txt has it anyway.
if [ "${BIXUE_ENGINE:-}" = properdocs ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check properdocs -c constraints.txt
fi
# jieba was a requirement until 2026-12: a venv made before then drops it (material would still
# load its 70 MB dictionary every build, for word breaks the search separator splits again).
if .venv/bin/python -c "import jieba" 2>/dev/null; then
  .venv/bin/python -m pip uninstall -q -y jieba
fi

# The chart library the site ships (hooks/bixue/outputs/plotly_asset.py): plotly.js's basic bundle
# (bar, scatter, pie; 1.2 MB instead of 4.8 MB) at the version the plotly Python package targets.
# Fetched once here, never at build or view time; the build stops with a message when it is missing.
PLOTLY_PKG=plotly.js-basic-dist-min
PLOTLY_VERSION=4.1.1
PLOTLY_SHA256=99784e3abfb07b142a15e521a439e6d9addceadb3f79553fd24c72774f0649ba
bundle="vendor/$PLOTLY_PKG/plotly-basic.min.js"
# Debian's npm fetches plotly.js and the old-browser checks below from the npm registry.
if ! command -v npm >/dev/null; then
  echo "正在安装 Debian 的 npm（下载图表库 $PLOTLY_PKG 和大屏的旧浏览器检查工具用）"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends npm
fi
if [ ! -f "$bundle" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "$PLOTLY_PKG@$PLOTLY_VERSION" >/dev/null)
  tar -xzf "$work/$PLOTLY_PKG-$PLOTLY_VERSION.tgz" -C "$work"
  echo "$PLOTLY_SHA256  $work/package/plotly-basic.min.js" | sha256sum --check --quiet
  mkdir -p "vendor/$PLOTLY_PKG"
  cp "$work/package/plotly-basic.min.js" "$work/package/LICENSE" "vendor/$PLOTLY_PKG/"
  echo "已安装图表库 $bundle（$PLOTLY_PKG@$PLOTLY_VERSION）"
fi

# The screen's checks for old TV browsers (tests/test_old_browsers.py): es-check and doiuse at the
# versions tools/package-lock.json pins, into tools/node_modules (not committed). Again only when
# the lock file changed since the last install.
if [ ! -f tools/node_modules/.package-lock.json ] \
  || [ tools/package-lock.json -nt tools/node_modules/.package-lock.json ]; then
  (cd tools && npm ci --silent --no-audit --no-fund)
  echo "已安装大屏的旧浏览器检查工具（tools/node_modules，测试用）"
fi
