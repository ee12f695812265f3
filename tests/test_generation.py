"""generate.Generation: the files made in the second process are waited for only when MkDocs
is about to write files, after it has read every page; each path is still published once."""

from __future__ import annotations

import pytest
from bixue import generate
from bixue.contents import GeneratedFile, Output
from conftest import ROOT, plugin_of, serve_build


class Module:
    """A page module giving files of these paths, each naming the module."""

    def __init__(self, name: str, *paths: str) -> None:
        self.__name__ = name
        self.paths = paths

    def make(self, board) -> Output:
        return Output(files=tuple(GeneratedFile(p, content=self.__name__) for p in self.paths))


@pytest.fixture
def modules(monkeypatch):
    def arrange(order, beside):
        monkeypatch.setattr(generate, "MODULES", order)
        monkeypatch.setattr(generate, "BESIDE", beside)

    return arrange


def test_the_files_made_beside_come_later_and_each_path_once(modules):
    here, there = Module("here", "a.txt", "x.txt"), Module("there", "b.txt", "x.txt")
    modules((here, there), (there,))
    made = generate.Generation(board=None)
    assert [(f.dest_uri, f.content) for f in made.files()] == [("a.txt", "here"), ("x.txt", "here")]
    later, replaced = made.later()
    assert [(f.dest_uri, f.content) for f in later] == [("b.txt", "there")]
    assert replaced == ()


def test_a_module_made_beside_before_another_wins_a_path_they_share(modules):
    here, there = Module("here", "a.txt", "x.txt"), Module("there", "b.txt", "x.txt")
    modules((there, here), (there,))
    made = generate.Generation(board=None)
    later, replaced = made.later()
    assert [(f.dest_uri, f.content) for f in later] == [("b.txt", "there"), ("x.txt", "there")]
    assert replaced == ("x.txt",)
    published = [(f.dest_uri, f.content) for f in made.published()]
    assert published == [("b.txt", "there"), ("x.txt", "there"), ("a.txt", "here")]
    assert generate.generate(board=None).files == made.published()


def test_mkdocs_reads_every_page_before_the_files_made_beside_are_waited_for(
    tmp_path, data_copy, monkeypatch
):
    from mkdocs.commands import build as mkdocs_build

    read, asked = [], []
    own_populate = mkdocs_build._populate_page
    own_later = generate.Generation.later

    def populate(page, *args, **kwargs):
        read.append(page.file.src_uri)
        return own_populate(page, *args, **kwargs)

    def later(self):
        asked.append(len(read))
        return own_later(self)

    monkeypatch.setattr(mkdocs_build, "_populate_page", populate)
    monkeypatch.setattr(generate.Generation, "later", later)
    site = tmp_path / "site"
    serve_build(site)
    assert asked == [len(read)] and len(read) > 40
    assert (site / "data.json").is_file()
    assert sorted(p.name for p in (site / "downloads").glob("通报-*.docx"))


def test_a_stopped_build_stops_the_second_process(data_copy, monkeypatch):
    from mkdocs.config import load_config

    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    plugin = plugin_of(config)
    stopped = []
    monkeypatch.setattr(generate.Generation, "abandon", lambda self: stopped.append(self))
    plugin.session.build.generation = generation = object.__new__(generate.Generation)
    plugin.on_build_error(RuntimeError("坏了"))
    assert stopped == [generation] and plugin.session.build.generation is None
