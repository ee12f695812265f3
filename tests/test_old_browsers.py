"""What the screen ships, checked offline for the TVs offices have (Chromium / Android WebView 52):
es-check (ES5) on every script a screen page runs, doiuse (browserslist `chrome >= 52`) on its
stylesheets. Both are pinned in tools/package.json; scripts/setup.sh installs them (`npm ci`)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, soup

BIN = ROOT / "tools" / "node_modules" / ".bin"
TARGET = "chrome >= 52"
ALLOWED = {
    ("css-overflow", "hidden"): "only overflow: clip and the two-value form are partial before "
    "Chromium 90; a single `hidden` works everywhere",
}
"""doiuse findings that do no harm, by feature and the value that triggers it, with why."""
SCREENS = ("screen/", "screen/units/hebi/")


def tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: run scripts/setup.sh (npm ci in tools/)")
    return str(path)


def shipped(site: Path, selector: str, attribute: str) -> list:
    """Every local file the screen pages load through `selector`, as paths in the built site."""
    found = []
    for url in SCREENS:
        for element in soup(site, url).select(selector):
            path = (site / url / element[attribute]).resolve()
            if path not in found:
                found.append(path)
    return found


def test_the_screen_runs_no_inline_script_and_only_its_own_files(demo_site):
    for url in SCREENS:
        scripts = soup(demo_site, url).select("script")
        assert scripts and all(script.get("src") and not script.string for script in scripts)
    assert [path.name for path in shipped(demo_site, "script[src]", "src")] == ["screen.js"]


def test_every_script_the_screen_runs_is_es5_with_no_later_builtins(demo_site):
    scripts = [str(path) for path in shipped(demo_site, "script[src]", "src")]
    result = subprocess.run(
        [tool("es-check"), "es5", *scripts, "--checkFeatures", "--noColor"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def findings(css: list) -> list:
    """doiuse's findings for `css` as (feature, value, message)."""
    result = subprocess.run(
        [tool("doiuse"), "--json", "--browsers", TARGET, *map(str, css)],
        capture_output=True,
        text=True,
    )
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return [(row["feature"], row["usage"].get("value", ""), row["message"]) for row in rows]


def test_the_screen_css_uses_nothing_chromium_52_lacks_beyond_the_allow_list(demo_site):
    sheets = shipped(demo_site, "link[rel=stylesheet]", "href")
    assert [path.name for path in sheets] == ["screen.css"]
    left = [
        message for feature, value, message in findings(sheets) if (feature, value) not in ALLOWED
    ]
    assert left == []


def test_the_css_check_finds_what_52_lacks(tmp_path):
    sheet = tmp_path / "new.css"
    sheet.write_text(
        ".a { display: grid; }\n.b { display: flex; gap: 8px; }\n.c :is(h1, h2) { color: red; }\n"
    )
    features = {feature for feature, _, _ in findings([sheet])}
    assert {"css-grid", "flexbox-gap", "css-matches-pseudo"} <= features
