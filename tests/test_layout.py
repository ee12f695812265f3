"""The package plan: a stage imports only the stages before it; only the adapter knows MkDocs."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "hooks" / "bixue"
MAY_IMPORT = {
    "__init__": set(),
    "model": set(),
    "errors": set(),
    "contents": set(),
    "load": {"model", "errors", "session"},
    "privacy": {"model", "errors"},
    "figures": {"model", "errors"},
    "render": {"figures", "model", "session"},
    "charts": {"render", "figures", "model"},
    "pages": {"render", "charts", "figures", "model", "contents", "outputs", "errors"},
    "outputs": {"render", "figures", "model", "contents", "errors", "session"},
    "exports": {"render", "pages", "figures", "model", "contents"},
    "generate": {"pages", "outputs", "exports", "figures", "contents"},
    "publish": set(),
    "raw_blocks": set(),
    "session": {"model"},
    "build": {"load", "privacy", "figures", "generate", "errors"},
    "docs_folder": {"build", "generate", "figures"},
    "__main__": {"build", "session", "docs_folder", "errors", "outputs"},
    "adapter": {"build", "generate", "errors", "figures", "raw_blocks", "render", "session"},
}
"""Stage (top-level module or folder of bixue) -> the stages it may import; DEVELOPING.md's map."""


def stage(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def imports(path: Path):
    """(absolute module names, bixue stages) imported by one module."""
    package = path.relative_to(PACKAGE).parts[:-1]  # the folder holds the module's package
    names, stages = set(), set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - (node.level - 1)])
            target = base + (node.module.split(".") if node.module else [])
            if target:
                stages.add(target[0])
            else:
                stages.update(alias.name for alias in node.names)
    return names, stages


def modules():
    return sorted(PACKAGE.rglob("*.py"))


def test_every_stage_imports_only_what_the_map_allows():
    wrong = []
    for path in modules():
        _, stages = imports(path)
        own = stage(path)
        assert own in MAY_IMPORT, f"{path}: a stage the map does not know"
        wrong += [
            f"{path.relative_to(PACKAGE)} -> {other}" for other in stages - MAY_IMPORT[own] - {own}
        ]
    assert wrong == []


def test_only_the_adapter_imports_mkdocs_and_nothing_patches_sys_path():
    knows_mkdocs = []
    for path in modules():
        names, _ = imports(path)
        if any(name.split(".")[0] == "mkdocs" for name in names):
            knows_mkdocs.append(path)
        assert "sys.path" not in path.read_text(encoding="utf-8"), path
    assert knows_mkdocs and all(path.parent.name == "adapter" for path in knows_mkdocs)
    assert "sys.path" not in (ROOT / "hooks" / "board_hooks.py").read_text(encoding="utf-8")


def test_the_hook_module_is_glue_only():
    # one to four lines an event: each calls into bixue and returns
    assert len((ROOT / "hooks" / "board_hooks.py").read_text(encoding="utf-8").splitlines()) < 100
