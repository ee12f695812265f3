"""LibYAML's reading gives the very nodes, lines and errors of the pure-Python reading."""

from __future__ import annotations

from pathlib import Path

import pytest
from bixue.load import yamlfile

ROOT = Path(__file__).resolve().parents[1]
FILES = [
    file
    for folder in (ROOT / "tests" / "golden", ROOT / "data")
    for file in sorted(folder.rglob("*.yml"))
    if file.is_file()  # a golden case may hold a folder named like a data file
]
SNIPPETS = [
    "a: 1\na: 2\n",
    "a: &x 1\nb: *x\n",
    "a: !!python/object:os.system x\n",
    "a: no\nb: 0571\nc: 12:30\nd: 2014-02-30\ne: 1e3\nf: ~\n",
    "a:\n\t- 1\n",
    "a: 1\nb: x\ty\n",
    "a: b: c\n",
    "a: 'x\n",
    "a: [1, 2\n",
    "--- 1\n--- 2\n",
    "",
    "a: 'x\u2028y'\nb: 1\n",
    "a: \x07\n",
    "? [1, 2]\n: 3\n",
    "<<: {a: 1}\n",
    "".join(f"{'  ' * n}k{n}:\n" for n in range(30)) + "  " * 30 + "x: 1\n",  # too deep, block
    "- - - - - - - - - - - - - - - - - - - - - - 1\n",
    "a: 粗体 **不** 是别名\nb:\n  - 1\n  -\n",
    "problem: #3组\nn: 2\n",
]


def plain(node):
    if node is None or not isinstance(node, yamlfile.Node):
        return node
    value = node.value
    if isinstance(value, dict):
        value = {key: plain(child) for key, child in value.items()}
    elif isinstance(value, list):
        value = [plain(child) for child in value]
    elif value is yamlfile.INVALID:
        value = "INVALID"
    return (value, node.line, node.text)


def both(text: str, monkeypatch) -> tuple:
    fast = yamlfile.parse_yaml(text, "data/x.yml")
    with monkeypatch.context() as patch:
        patch.setattr(yamlfile, "CParser", None)
        pure = yamlfile.parse_yaml(text, "data/x.yml")
    return [(plain(root), [str(e) for e in errors]) for root, errors in (fast, pure)]


def test_libyaml_is_there():
    assert yamlfile.CParser is not None, "PyYAML without LibYAML: reading 500 units takes 20 s"


@pytest.mark.parametrize("file", FILES, ids=[str(f.relative_to(ROOT)) for f in FILES])
def test_every_data_file_reads_the_same(file: Path, monkeypatch):
    text, _ = yamlfile.decode(file.read_bytes(), "data/x.yml")
    if text is not None:
        fast, pure = both(text, monkeypatch)
        assert fast == pure


@pytest.mark.parametrize("text", SNIPPETS)
def test_every_refusal_reads_the_same(text: str, monkeypatch):
    fast, pure = both(text, monkeypatch)
    assert fast == pure
