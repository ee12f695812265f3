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
    "load": {"model", "errors", "session.cache", "session.disk_cache", "session.file_digests"},
    "privacy": {"model", "errors"},
    "figures": {"model", "errors"},
    "render": {"figures", "model", "session"},
    "charts": {"render", "figures", "model"},
    "pages": {"render", "charts", "figures", "model", "contents", "outputs", "errors", "report"},
    "outputs": {
        *("render", "figures", "model", "contents", "errors", "session"),
        *("load.campaign_layout", "load.plan_parts"),
    },
    "exports": {"render", "pages", "figures", "model", "contents"},
    "report": {"charts", "figures", "model", "contents", "outputs", "render", "session"},
    "generate": {"pages", "outputs", "exports", "figures", "contents", "report"},
    "publish": set(),
    "raw_blocks": set(),
    "session": {"model"},
    "build": {"load", "privacy", "figures", "generate", "errors", "session.cache", "campaigns"},
    "campaigns": {"load", "errors", "pages", "publish", "boards"},
    "docs_folder": {"build", "generate", "figures", "session.build_session"},
    "__main__": {
        *("build", "session", "docs_folder", "errors", "outputs", "report", "boards"),
        *("campaigns", "starter"),
    },
    "boards": {"exports", "render", "contents"},
    "starter": {"load.datafiles", "outputs"},
    "adapter": {
        *("build", "generate", "errors", "figures", "raw_blocks", "render", "session", "publish"),
        "boards",
    },
}
"""Stage (top-level module or folder of bixue) -> the stages it may import; DEVELOPING.md's map.
`session.cache` names one module of a stage: load may import the cache type, the disk cache and
the files' digests, and nothing of session that keeps renders; outputs may import the campaign
workbook's layout and the plan as written (the download and the starter write what load reads)."""


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
                stages.add(_stage_of(target, node.names))
            else:
                stages.update(alias.name for alias in node.names)
    return names, stages


def _stage_of(target, names) -> str:
    """The stage, and for session and load the module (`session.cache`), an import names."""
    if target[0] not in ("session", "load"):
        return target[0]
    if len(target) > 1:
        return f"{target[0]}.{target[1]}"
    return ",".join(sorted(f"{target[0]}.{alias.name}" for alias in names))


def allowed(stage_name: str, may: set) -> bool:
    return all(name in may or name.split(".")[0] in may for name in stage_name.split(","))


def modules():
    return sorted(PACKAGE.rglob("*.py"))


def test_every_stage_imports_only_what_the_map_allows():
    wrong = []
    for path in modules():
        _, stages = imports(path)
        own = stage(path)
        assert own in MAY_IMPORT, f"{path}: a stage the map does not know"
        wrong += [
            f"{path.relative_to(PACKAGE)} -> {other}"
            for other in stages
            if not allowed(other, MAY_IMPORT[own] | {own})
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
    # every event is the plugin's: the hook module only hands it on
    assert len((ROOT / "hooks" / "board_hooks.py").read_text(encoding="utf-8").splitlines()) < 80
    tree = ast.parse((ROOT / "hooks" / "board_hooks.py").read_text(encoding="utf-8"))
    events = [
        node
        for node in tree.body
        if isinstance(node, ast.Assign) and node.targets[0].id[:3] == "on_"
    ]
    assert len(events) >= 10
    assert all(ast.unparse(node.value) == f"PLUGIN.{node.targets[0].id}" for node in events)
    assert not [node for node in tree.body if isinstance(node, ast.FunctionDef)]


def test_load_imports_nothing_that_keeps_renders():
    _, stages = imports(PACKAGE / "load" / "reading.py")
    assert stages & {"session.kept_renders", "session.value_key", "session.build_session"} == set()
    assert "session.cache" in stages


def test_every_module_that_makes_pages_or_files_is_generated():
    # A page kind is one module with make(board): forgetting to list it in generate.MODULES
    # would leave its pages out of the site without a word.
    from bixue import generate

    makers = {
        ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        for folder in ("pages", "outputs", "exports", "report")
        for path in (PACKAGE / folder).glob("*.py")
        if any(
            isinstance(node, ast.FunctionDef) and node.name == "make"
            for node in ast.parse(path.read_text(encoding="utf-8")).body
        )
    }
    listed = {module.__name__.removeprefix("bixue.") for module in generate.MODULES}
    assert makers == listed
