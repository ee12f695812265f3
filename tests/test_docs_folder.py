"""`python -m bixue render OUT/`: a docs folder that MkDocs builds without the hooks."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, soup

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1400000000"}


def render(out: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bixue", "render", str(out)],
        cwd=ROOT,
        env={**ENV, "PYTHONPATH": str(ROOT / "hooks"), **env},
        capture_output=True,
        text=True,
    )


def unhooked_config(folder: Path, docs: Path) -> Path:
    """The project's mkdocs.yml without `hooks:` and `watch:`, reading the rendered folder."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^(hooks|watch):\n(  - .*\n)+", "", text, flags=re.M)
    assert "board_hooks" not in text
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    config = folder / "mkdocs.yml"
    settings = docs / ".bixue.yml"
    config.write_text(f"INHERIT: {settings}\ndocs_dir: {docs}\n{text}", encoding="utf-8")
    return config


def pages(site: Path) -> set:
    return {path.relative_to(site).as_posix() for path in site.rglob("index.html")}


def test_the_rendered_folder_builds_without_hooks_into_every_page_of_the_hooked_build(
    tmp_path, demo_site
):
    result = render(tmp_path / "docs", BOARD_SITE_URL="http://127.0.0.1:8000/")  # as mkdocs.yml
    assert result.returncode == 0, result.stderr
    assert "个页面" in result.stdout
    config = unhooked_config(tmp_path, tmp_path / "docs")
    site = tmp_path / "site"
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
        env=ENV,
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    assert pages(site) == pages(demo_site)
    for url in ("", "ranking/", "units/puyang-south/"):
        assert soup(site, url).select_one("article h1").get_text() == (
            soup(demo_site, url).select_one("article h1").get_text()
        )
    # markers are filled and the as-of banner comes from the written settings
    assert "bixue:" not in (tmp_path / "docs" / "index.md").read_text(encoding="utf-8")
    assert soup(site, "").select_one(".bx-asof time").get_text() == (
        soup(demo_site, "").select_one(".bx-asof time").get_text()
    )
    for name in ("downloads/ledger.xlsx", "data.json", "build-stamp.json"):
        assert (site / name).is_file()
    # The hooked build sets its HTML blocks aside from Markdown (raw_blocks); Markdown parsing
    # them here must give every page the same content.
    for url in sorted(pages(site)):
        ours, plain = (content(root / url) for root in (demo_site, site))
        assert ours == plain, url
    # … and search reads the same sections, without what it should skip: Material's parser
    # stops skipping at the first nested element of the same tag (a photo <div> in a skipped
    # table <div>), so the unhooked index has rows the hooked one leaves out, as intended.
    ours, plain = (entries(root / "search" / "search_index.json") for root in (demo_site, site))
    assert [entry[:2] for entry in ours] == [entry[:2] for entry in plain]
    for (location, _title, text), (_, _, plain_text) in zip(ours, plain, strict=True):
        assert words(text) <= words(plain_text), location
    ledger = dict((location, text) for location, _title, text in ours)
    problem = "餐厅价格公示"
    assert problem not in ledger["rectification/#台账明细"]
    assert any(problem in text for location, text in ledger.items() if "units/" in location)


def words(text: str) -> set:
    return set(re.split(r"[\u200b\s]+", text))


def entries(index: Path) -> list:
    """The index's (location, title, text) in one order (pages reach MkDocs in another)."""
    docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
    return sorted((entry["location"], entry["title"], entry["text"]) for entry in docs)


def content(page: Path) -> str:
    """The page's article, or for a page without one (the screen) everything after <title>:
    the site name differs, as the unhooked build keeps mkdocs.yml's."""
    text = page.read_text(encoding="utf-8")
    if "<article" in text:
        return text[text.index("<article") : text.rindex("</article>")]
    return text[text.index("</title>") :]


def test_render_refuses_a_folder_that_is_not_empty_and_reports_bad_data(tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("x")
    assert render(tmp_path / "full").returncode == 1
    bad = tmp_path / "data"
    bad.mkdir()
    (bad / "campaign.yml").write_text("title: 测试\n", encoding="utf-8")
    result = render(tmp_path / "out", BOARD_DATA=str(bad))
    assert result.returncode == 1
    assert "units.yml" in result.stderr
    assert not (tmp_path / "out").exists()
