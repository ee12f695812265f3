"""The second engine: ProperDocs builds the demo into the very site MkDocs builds, page for page."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict

import build_site
import pytest
from bixue import build
from conftest import ROOT

GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')
"""The one difference inherent to the engine: each names itself in every HTML page's head
(`mkdocs-1.6.1, mkdocs-material-9.8.2` against `mkdocs-ProperDocs 1.6.7, ...`). build-stamp.json,
a digest of every file, differs with it and nothing else: it is written again after the rewrite."""


def properdocs_build(dest: Path, monkeypatch, **env: str) -> Path:
    """What `BIXUE_ENGINE=properdocs bash scripts/build.sh` runs, strict, at conftest's date."""
    settings = {
        "BIXUE_ENGINE": "properdocs",
        "SOURCE_DATE_EPOCH": "1400000000",
        "BIXUE_ARCHIVE": "0",
        **env,
    }
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    result = build_site.build(dest, ["--strict"])
    assert result.returncode == 0, result.stderr[-4000:]
    return dest


def files_of(site: Path) -> Dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def generator(page: bytes) -> bytes:
    (name,) = GENERATOR.findall(page)
    return name


def as_mkdocs_named_it(site: Path, mkdocs_site: Path, tmp: Path) -> Path:
    """A copy of ProperDocs' site with each page's generator tag set to MkDocs' one and the
    build stamp written again; the pages are otherwise untouched."""
    copy = tmp / "rewritten"
    shutil.copytree(site, copy)
    tag = b'<meta name="generator" content="%s">' % generator(
        (mkdocs_site / "index.html").read_bytes()
    )
    for page in copy.rglob("*.html"):
        text = page.read_bytes()
        if GENERATOR.search(text):
            assert generator(text).startswith(b"mkdocs-ProperDocs "), page
            page.write_bytes(GENERATOR.sub(tag, text))
    build.write_stamp(str(copy))
    return copy


def differing(one: Path, other: Path) -> list:
    first, second = files_of(one), files_of(other)
    names = first.keys() | second.keys()
    return sorted(name for name in names if first.get(name) != second.get(name))


@pytest.mark.slow
@pytest.mark.parametrize("profile", ["internal", "public"])
def test_properdocs_builds_every_page_as_mkdocs_does(profile, tmp_path, request, monkeypatch):
    mkdocs_site = request.getfixturevalue("demo_site" if profile == "internal" else "public_site")
    site = properdocs_build(tmp_path / "site", monkeypatch, BOARD_PROFILE=profile)
    assert generator((mkdocs_site / "index.html").read_bytes()).startswith(b"mkdocs-1.6.1, ")
    assert sorted(files_of(site)) == sorted(files_of(mkdocs_site))
    assert differing(site, mkdocs_site), "the engines' sites should differ in their generator tag"
    assert differing(as_mkdocs_named_it(site, mkdocs_site, tmp_path), mkdocs_site) == []


def test_properdocs_installs_beside_mkdocs_not_over_it():
    # Both in one venv (requirements-dev.txt): `mkdocs build` must stay MkDocs' own.
    code = "import mkdocs, properdocs; print(mkdocs.__file__); print(properdocs.__file__)"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert found.returncode == 0, found.stderr
    mkdocs_file, properdocs_file = map(Path, found.stdout.split())
    assert (mkdocs_file.parent.name, properdocs_file.parent.name) == ("mkdocs", "properdocs")


@pytest.mark.slow
def test_bad_data_stops_either_engine_with_the_same_words(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    units = data / "units.yml"
    units.write_text(units.read_text(encoding="utf-8").replace("  group:", "  gruop:", 1))
    monkeypatch.setenv("BOARD_DATA", str(data))
    shown = {}
    for engine in build_site.ENGINES:
        monkeypatch.setenv("BIXUE_ENGINE", engine)
        result = build_site.build(tmp_path / engine)
        assert result.returncode == 1 and not (tmp_path / engine).exists()
        shown[engine] = build_site.report(result, tmp_path / engine, 0.0)
    *errors, last = shown["mkdocs"]
    assert errors[-1].endswith("/data/units.yml:4: gruop: 未知的键（是不是 group？）")
    assert last == build_site.UNCHANGED
    assert shown["properdocs"] == shown["mkdocs"]


def test_the_engine_is_mkdocs_unless_properdocs_is_chosen():
    assert build_site.engine({}) == "mkdocs"
    assert build_site.engine({"BIXUE_ENGINE": "properdocs"}) == "properdocs"
    with pytest.raises(
        ValueError, match="BIXUE_ENGINE：必须是 mkdocs 或 properdocs，实际为 'zensical'"
    ):
        build_site.engine({"BIXUE_ENGINE": "zensical"})
