"""`pip install .` and `pip install -e .` of a copy of the checkout, into a venv of their own: the
package imports from there, and the `bixue` command checks and renders the demo as the checkout
does, templates and chart library included."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict

import pytest
from bixue import build
from bixue.outputs import plotly_asset, templates_xlsx
from conftest import ROOT

pytestmark = pytest.mark.slow

LEFT_OUT = (".git", ".venv", "site", ".site*", "build", "*.egg-info", "__pycache__", ".*_cache")
"""What a copy of the checkout leaves out: tools' and builds' folders. vendor/ is copied whole
(a link to it, followed), since the wheel is to carry its bundle."""
ENV = {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1400000000", "BOARD_AS_OF": "2014-10-20"}
"""The demo's own as-of day: a completion date after it is an error of the data."""
SETUPTOOLS = re.compile(r"^setuptools==(\S+)$", re.M)
TEMPLATES = "hooks/bixue/templates"
PIP = ["-m", "pip", "install", "-q", "--disable-pip-version-check"]


def run(command: list, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "BOARD_DATA")}
    result = subprocess.run(
        command, cwd=cwd, env={**clean, **ENV, **env}, capture_output=True, text=True
    )
    assert result.returncode == 0, f"{command}\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    return result


def venv_beside_this_one(folder: Path) -> Path:
    """A new venv that sees this interpreter's packages (the pinned ones, installed) through a
    .pth file, behind its own: nothing is downloaded and this venv is left as it was."""
    run([sys.executable, "-m", "venv", "--without-pip", str(folder)], cwd=folder.parent)
    python = folder / "bin" / "python"
    own = run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], folder)
    outer = [entry for entry in sys.path if Path(entry).name in ("site-packages", "dist-packages")]
    (Path(own.stdout.strip()) / "outer-packages.pth").write_text("\n".join(outer) + "\n")
    return python


def with_build_backend(python: Path) -> None:
    """setuptools new enough to build a wheel alone, as pinned; before scripts/setup.sh has put
    it in this venv, from PyPI into the new one."""
    code = "import setuptools; print(setuptools.__version__)"
    version = run([str(python), "-c", code], python.parent).stdout.strip()
    if tuple(int(part) for part in version.split(".")[:2]) < (70, 1):
        pinned = SETUPTOOLS.search((ROOT / "constraints.txt").read_text()).group(1)
        run([str(python), *PIP, f"setuptools=={pinned}"], python.parent)


def files_of(folder: Path) -> Dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def checkout_render(tmp_path_factory) -> Path:
    """What `python -m bixue render` writes from the checkout itself."""
    out = tmp_path_factory.mktemp("checkout") / "docs"
    run([sys.executable, "-m", "bixue", "render", str(out)], ROOT, PYTHONPATH=str(ROOT / "hooks"))
    return out


@pytest.fixture(scope="module", params=["install", "editable"])
def installed(request, tmp_path_factory):
    """(mode, the venv's python, the copy of the checkout) after `pip install [-e] COPY`."""
    where = tmp_path_factory.mktemp(request.param)
    copy = where / "board"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(*LEFT_OUT))
    python = venv_beside_this_one(where / "venv")
    with_build_backend(python)
    editable = ["-e"] if request.param == "editable" else []
    run([str(python), *PIP, "--no-build-isolation", "--no-deps", *editable, str(copy)], where)
    return request.param, python, copy


def package_folder(python: Path, cwd: Path) -> Path:
    code = "import bixue; print(bixue.__file__)"
    return Path(run([str(python), "-c", code], cwd).stdout.strip()).parent


def test_bixue_imports_from_the_install_not_from_a_checkout(installed, tmp_path):
    mode, python, copy = installed
    package = package_folder(python, tmp_path)
    if mode == "install":
        assert package.is_relative_to(python.parents[1] / "lib")
    else:
        assert package == copy / "hooks" / "bixue"
    assert not package.is_relative_to(ROOT)
    templates = sorted(path.name for path in (package / "templates").glob("*.html"))
    assert templates == sorted(path.name for path in (ROOT / TEMPLATES).glob("*.html"))


def test_the_wheel_carries_the_chart_library_of_vendor(installed, tmp_path):
    mode, python, copy = installed
    package = package_folder(python, tmp_path)
    carried = package / "vendor" / plotly_asset.PACKAGE / "plotly-basic.min.js"
    if mode == "install":
        assert carried.read_bytes() == plotly_asset.BUNDLE.read_bytes()
        assert (carried.parent / "LICENSE").is_file()
    else:  # the package is the copy's own, reading the copy's vendor/ in place
        assert not carried.exists()


def test_the_command_checks_the_project_it_is_run_in(installed):
    _, python, copy = installed
    result = run([str(python.parent / "bixue"), "check"], copy / "docs")
    assert result.stdout.splitlines()[0] == f"检查 {copy / 'data'}"
    campaign = build.load_board(ROOT, {}, "").campaign
    counted = [int(n) for n in re.findall(r"(\d+) ", result.stdout.splitlines()[1])]
    rounds = campaign.evaluations.rounds
    things = (campaign.units, campaign.ledger, rounds, campaign.exemplars, campaign.notices)
    assert counted == [len(each) for each in things]


def test_the_command_renders_the_pages_the_checkout_renders(installed, checkout_render, tmp_path):
    _, python, copy = installed
    out = tmp_path / "docs"
    result = run([str(python.parent / "bixue"), "render", str(out)], copy)
    assert re.fullmatch(r"已写出 \d+ 个页面到 .*", result.stdout.strip())
    written, expected = files_of(out), files_of(checkout_render)
    assert sorted(written) == sorted(expected)
    assert [name for name in expected if written[name] != expected[name]] == []
    assert written["assets/plotly.min.js"] == plotly_asset.BUNDLE.read_bytes()


def test_the_command_writes_the_templates(installed, tmp_path):
    _, python, copy = installed
    run([str(python.parent / "bixue"), "templates", str(tmp_path / "out")], copy)
    written = sorted(path.name for path in (tmp_path / "out").iterdir())
    expected = templates_xlsx.templates(build.load_board(ROOT, {}, ""))
    assert written == sorted(template.name for template in expected)


def test_the_command_helps_in_chinese(installed, tmp_path):
    _, python, _ = installed
    result = run([str(python.parent / "bixue"), "--help"], tmp_path)
    assert result.stdout.startswith("用法：bixue ")
    assert {"render", "check", "templates"} <= set(re.findall(r"^    (\w+)\s", result.stdout, re.M))
