"""Blocks kept on disk between `mkdocs build` runs (session.kept_blocks): a warm build renders no
block, digests are the same in every process, and a record that is damaged or planted is never
published. That a kept block is right after every kind of edit: test_blocks_kept_guard."""

from __future__ import annotations

import shutil
import zlib
from pathlib import Path

import pytest
from bixue.session import build_session, disk_cache, kept_blocks
from bixue.session.cache import Packed
from conftest import ROOT, built
from test_build_kept_on_disk import same_pages


@pytest.fixture
def setup(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    return data, tmp_path / "cache"


def session_of_build(site, monkeypatch, data, cache):
    """A `mkdocs build` in this process, as a new process makes it; its build session."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    monkeypatch.setenv("BOARD_DATA", str(data))
    monkeypatch.setenv("BIXUE_CACHE", str(cache))
    monkeypatch.setenv("BIXUE_ARCHIVE", "0")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build`: not serve
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()  # the new site published, the site's lock let go
    hooks = [plugin.PLUGIN for plugin in config.plugins.values() if hasattr(plugin, "PLUGIN")]
    return hooks[0].session


def record(cache: Path) -> Path:
    return next((cache / kept_blocks.KIND).glob("*.blocks"))


def lines(part: Path) -> list:
    """The record's (key, text) pairs."""
    return [(key, Packed(data).text()) for key, data in kept_blocks._blocks(part.read_bytes())]


def test_a_warm_build_renders_no_block_and_leaves_the_record_as_it_was(
    tmp_path, setup, monkeypatch
):
    """The hook module is loaded once a process: each build here is made by the same session,
    as in a new process but for what the session holds, which these counts are taken from."""
    data, cache = setup

    def counts():
        session = session_of_build(tmp_path / "site", monkeypatch, data, cache)
        texts = texts_of(session)
        return session.blocks.made, session.blocks.reused, len(texts), len(session.blocks.current)

    made, _reused, texts, blocks = counts()
    assert made == blocks and texts > 100
    assert len(lines(record(cache))) == texts
    others = blocks - texts  # paged tables come with their files: not kept on disk
    made, reused, texts, blocks = counts()  # a chart taken whole asks no more for its block
    assert made == others and reused >= texts and blocks == texts + others
    written = record(cache).read_bytes()
    assert counts() == (made, reused, texts, blocks)
    assert record(cache).read_bytes() == written
    notice = sorted((data / "notices").glob("*.md"))[0]
    notice.write_text(notice.read_text(encoding="utf-8") + "\n补充说明：巡查改为每周一次。\n")
    made, reused, texts, blocks = counts()
    assert 0 < made - others < texts // 4
    assert record(cache).read_bytes() != written
    assert len(lines(record(cache))) == texts


def texts_of(session) -> dict:
    return {key: text for key, text in session.blocks.current.items() if type(text) is Packed}


def test_a_plain_build_keeps_blocks_but_nothing_else_of_serve():
    plain = build_session.BuildSession()
    plain.start_build(blocks_on_disk=True)
    assert plain.build.keys is not None and not plain.keeping
    plain.blocks.get("k", lambda: "made")
    plain.start_build(blocks_on_disk=True)
    assert plain.blocks.previous == {}  # only what the disk offers


def test_the_kept_digests_are_the_same_in_every_process(tmp_path, setup):
    """A digest made of something in the order of this process's string hashes (a set) would
    miss every block in the next process half the time."""
    data, cache = setup
    found = []
    for seed in ("1", "2"):
        shutil.rmtree(cache, ignore_errors=True)
        built(tmp_path / "site", data, BIXUE_CACHE=str(cache), PYTHONHASHSEED=seed)
        found.append({key for key, _text in lines(record(cache))})
    assert len(found[0]) > 100 and found[0] == found[1]


@pytest.mark.parametrize(
    "damage",
    [
        lambda part: part.write_bytes(part.read_bytes()[:-40]),  # cut short
        lambda part: part.write_bytes(b"k\t3\nabc"),  # not a packed text
        lambda part: part.write_bytes(zlib.compress(b'["k", "v"]\n')),  # the old form
        lambda part: part.write_bytes(b"not a record"),
    ],
    ids=["cut-short", "not-packed", "old-form", "not-a-record"],
)
def test_a_damaged_record_is_not_read_and_the_pages_are_rendered(tmp_path, setup, damage):
    data, cache = setup
    first = built(tmp_path / "site", data, BIXUE_CACHE=str(cache))
    first = Path(shutil.copytree(first, tmp_path / "first"))
    damage(record(cache))
    again = built(tmp_path / "site", data, BIXUE_CACHE=str(cache))
    assert same_pages(again, first)


def test_planted_blocks_under_the_digest_are_refused_unless_the_record_is_whole(tmp_path):
    """The record's digest of its part is checked (disk_cache); a part rewritten whole with
    lines of the right shape is read: the cache folder is private (disk_cache._check_private),
    as for the theme's kept outputs."""
    session = build_session.BuildSession()
    session.start_build(blocks_on_disk=True)
    session.blocks.get("a", lambda: "<p>一</p>")
    session.blocks.get("b", lambda: "<p>二</p>")
    kept_blocks.store(session, str(tmp_path / "site"))
    part = disk_cache.folder(kept_blocks.KIND) / (
        kept_blocks._record_key(str(tmp_path / "site")) + ".blocks"
    )
    later = build_session.BuildSession()
    later.start_build(blocks_on_disk=True)
    kept_blocks.load(later, str(tmp_path / "site"))
    assert texts(later.blocks.previous) == {"a": "<p>一</p>", "b": "<p>二</p>"}
    assert later.blocks.get("a", lambda: "made") == "<p>一</p>" and later.blocks.made == 0
    part.write_bytes(kept_blocks._framed("a", Packed.of("<script>planted</script>").data))
    planted = build_session.BuildSession()
    planted.start_build(blocks_on_disk=True)
    kept_blocks.load(planted, str(tmp_path / "site"))
    assert planted.blocks.previous == {}


def texts(blocks: dict) -> dict:
    return {key: packed.text() for key, packed in blocks.items()}


@pytest.mark.parametrize(
    "content",
    [
        b"a\t5\nabc",  # cut short
        b"a\tfive\nabcde",  # not a size
        b"a5\nabcde",  # no key
        b"a\t5abcde",  # no line end
        b"\t5\nabcde",  # an empty key
    ],
)
def test_a_record_not_made_of_blocks_whole_offers_none(content):
    assert kept_blocks._blocks(content) == []
    assert kept_blocks._blocks(b"a\t3\nabcb\t0\n") == [("a", b"abc"), ("b", b"")]


def test_a_packed_text_that_does_not_unpack_is_made_again():
    """A text the record holds whole but that is not one packed (a planted record that kept
    the digest): the block is rendered, as for none."""
    session = build_session.BuildSession()
    session.start_build(blocks_on_disk=True)
    session.blocks.previous["a"] = Packed(b"not zlib")
    assert session.blocks.get("a", lambda: "<p>made</p>") == "<p>made</p>"
    assert session.blocks.made == 1 and type(session.blocks.current["a"]) is Packed


def test_the_record_is_another_for_other_code_or_another_site(monkeypatch, tmp_path):
    one = kept_blocks._record_key(str(tmp_path / "site"))
    assert kept_blocks._record_key(str(tmp_path / "other")) != one
    monkeypatch.setattr(disk_cache, "code_digest", lambda: b"other code")
    assert kept_blocks._record_key(str(tmp_path / "site")) != one
