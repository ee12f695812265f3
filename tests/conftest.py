"""Shared fixtures: the hooks' and scripts' modules on sys.path, demo builds, a server, Chromium."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
# As bixue/__init__ does, before any test imports openpyxl: one XML writer whatever is installed.
os.environ.setdefault("OPENPYXL_LXML", "False")
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))

# Imported once the paths are set; the browser tests import Server and free_port from here.
from headless import CHROMIUM, Server, free_port, launch  # noqa: E402, F401


@pytest.fixture(autouse=True, scope="session")
def image_cache_of_this_run(tmp_path_factory):
    """Processed images are cached in a folder of this test run, not the user's (image_cache)."""
    os.environ["BIXUE_CACHE"] = str(tmp_path_factory.mktemp("bixue-cache"))
    yield
    os.environ.pop("BIXUE_CACHE", None)


def build_site(dest: Path, data: Path | None = None, **env: str) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` into dest, as a user would; env adds BOARD_* variables. The
    board alone, without 往期公示 (BIXUE_ARCHIVE=0), as serve builds it: tests of the archive
    and of publishing ask for it with BIXUE_ARCHIVE="1"."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1400000000"}
    full_env["BIXUE_ARCHIVE"] = "0"
    if data is not None:
        full_env["BOARD_DATA"] = str(data)
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
    )


def built(dest: Path, data: Path | None = None, **env: str) -> Path:
    result = build_site(dest, data, **env)
    assert result.returncode == 0, result.stderr[-4000:]
    return dest


SERVE_URL = "http://127.0.0.1:8000/"


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> Path:
    """A copy of the demo's data/, which this test's in-process builds read and may edit."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    monkeypatch.setenv("BOARD_DATA", str(data))
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    return data


def serve_build(site: Path) -> None:
    """One build in this process as `mkdocs serve` makes it: a rebuild reuses what the last
    one kept (search entries, rendered pages, workbooks)."""
    from bixue.adapter import serve_site
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site))
    config.site_url = SERVE_URL
    config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url=SERVE_URL)
    config.plugins.on_shutdown()
    serve_site.wait_until_dropped(plugin_of(config).session)  # as serve waits for the next edit


def plugin_of(config):
    """The board's plugin of the hook module MkDocs loaded (once per process) for `config`."""
    (hooks,) = config.hooks.values()
    return hooks.PLUGIN


def hook_plugin():
    """The board's plugin of this process's hook module."""
    from mkdocs.config import load_config

    return plugin_of(load_config(config_file=str(ROOT / "mkdocs.yml")))


def forget_kept():
    """As if serve had just started: a new build session, nothing kept from an earlier build."""
    return hook_plugin().new_session(serving=True)


def minimal_campaign(tmp_path: Path) -> Path:
    """A copy of the valid minimal campaign (tests/golden/valid-minimal) to spoil in a test."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests" / "golden" / "valid-minimal" / "data", data)
    return data


def campaign_of_2012(tmp_path: Path) -> Path:
    """The minimal campaign moved to 2012 (dates and ids), as a small office would keep it."""
    data = minimal_campaign(tmp_path)
    for path in data.rglob("*"):
        if path.suffix in (".yml", ".md"):
            path.write_text(path.read_text("utf-8").replace("2014", "2012"), "utf-8")
    return data


def load_errors(data: Path) -> list:
    """The errors loading a data folder gives (it must give some)."""
    from bixue.errors import DataErrors
    from bixue.load import load_campaign

    with pytest.raises(DataErrors) as caught:
        load_campaign(data)
    return caught.value.errors


def soup(site: Path, url: str) -> BeautifulSoup:
    """The parsed page at a site URL such as 'units/puyang-south/'."""
    path = site / url / "index.html" if url.endswith("/") or not url else site / url
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    """The demo campaign built with the internal profile."""
    return built(tmp_path_factory.mktemp("demo") / "site")


@pytest.fixture(scope="session")
def public_site(tmp_path_factory) -> Path:
    """The demo campaign built with BOARD_PROFILE=public."""
    return built(tmp_path_factory.mktemp("public") / "site", BOARD_PROFILE="public")


@contextlib.contextmanager
def served_copy(site: Path, port: int, tmp_path: Path):
    """A fresh copy of a built site served on its port; the test may stop and restart it."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    server = Server(copy, port)
    server.site = copy
    try:
        yield server
    finally:
        try:
            server.stop()
        except OSError:
            pass


@pytest.fixture(scope="session")
def served_demo(tmp_path_factory):
    """The demo built for and served at a loopback URL (site_url matches: instant navigation)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    site = built(tmp_path_factory.mktemp("served") / "site", BOARD_SITE_URL=url)
    server = Server(site, port)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def served_wide(tmp_path_factory):
    """The demo widened to six long-named criteria (tests/wide_campaign.py), served on loopback."""
    from wide_campaign import six_criteria_data

    data = six_criteria_data(tmp_path_factory.mktemp("wide") / "data")
    port = free_port()
    site = built(
        tmp_path_factory.mktemp("wide-site") / "site",
        data,
        BOARD_SITE_URL=f"http://127.0.0.1:{port}/",
    )
    server = Server(site, port)
    server.site = site
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium; never a downloaded browser."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium")
    with playwright_api.sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh 1920×1080 page that fails the test on any request outside loopback."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    outside = []
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("http://127.0.0.1", "data:", "blob:"))
            else (outside.append(route.request.url), route.abort())
        ),
    )
    new_page = context.new_page()
    errors = []
    new_page.on("pageerror", lambda error: errors.append(str(error)))
    new_page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    new_page.outside_requests = outside
    new_page.js_errors = errors
    yield new_page
    context.close()
    assert not outside, f"requests outside the site: {outside}"
