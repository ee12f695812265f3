"""No module of bixue keeps state: everything kept between builds is the build session's
(session/build_session.py). Module-level names hold constants only."""

from __future__ import annotations

import ast
import dataclasses
import datetime
import decimal
import enum
import importlib
import re
import types
import typing
from fractions import Fraction
from pathlib import Path, PurePath

from conftest import ROOT

PACKAGE = ROOT / "hooks" / "bixue"

PROCESS_CONSTANTS = {
    "bixue.render.ENVIRONMENT": "the Jinja environment: templates and filters, the same all along",
    "bixue.render.BYTECODE": "compiled templates on disk, keyed by each template's source",
    "bixue.session.build_session.ACTIVE": "a context variable: the session is set for a build",
}
"""Objects that are mutable in kind but constant in use, each named with why."""

LEAVES = (
    type(None),
    bool,
    int,
    float,
    complex,
    str,
    bytes,
    Fraction,
    decimal.Decimal,
    datetime.date,
    datetime.time,
    datetime.timedelta,
    datetime.tzinfo,
    re.Pattern,
    PurePath,
    enum.Enum,
    type,
    types.FunctionType,
    types.BuiltinFunctionType,
    types.ModuleType,
    typing.TypeVar,
)


def constant(value, seen=()) -> bool:
    """Whether nothing reachable from `value` can be changed in place."""
    if isinstance(value, LEAVES) or id(value) in seen or type(value).__module__ == "typing":
        return True  # typing's aliases (Dict[str, int]) are types
    if not hasattr(value, "__dict__") and getattr(type(value), "__slots__", None) == ():
        return True  # an object with no attributes: a marker
    seen = (*seen, id(value))
    if isinstance(value, (tuple, frozenset)):
        return all(constant(item, seen) for item in value)
    if isinstance(value, types.MappingProxyType):
        return all(constant(k, seen) and constant(v, seen) for k, v in value.items())
    params = getattr(type(value), "__dataclass_params__", None)
    if params is not None and params.frozen:
        return all(constant(getattr(value, f.name), seen) for f in dataclasses.fields(value))
    return False


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def assigned_names(tree: ast.Module):
    """(line, name) of every name a module's top level assigns."""
    for node in tree.body:
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and node.value is not None:
            targets = [node.target]
        for target in targets:
            for name in ast.walk(target):
                if isinstance(name, ast.Name):
                    yield node.lineno, name.id


def class_attributes(tree: ast.Module):
    """(line, class name, attribute) assigned in a top-level class's body."""
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            for line, name in assigned_names(ast.Module(body=node.body, type_ignores=[])):
                yield line, node.name, name


def cached_functions(tree: ast.Module):
    """(line, function) decorated with a cache that outlives a call (lru_cache, cache)."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for decorator in node.decorator_list:
                text = ast.unparse(decorator)
                if re.search(r"\b(lru_cache|cache)\b", text) and "cached_property" not in text:
                    yield node.lineno, node.name


def state_of(path: Path) -> list:
    """Every piece of module-level state in one module of the package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    name = module_name(path)
    module = importlib.import_module(name)
    where = path.relative_to(PACKAGE.parent)
    found = [
        f"{where}:{node.lineno}: global" for node in ast.walk(tree) if isinstance(node, ast.Global)
    ]
    found += [f"{where}:{line}: {func} cached" for line, func in cached_functions(tree)]
    for line, attr in assigned_names(tree):
        value = getattr(module, attr, None)
        if f"{name}.{attr}" not in PROCESS_CONSTANTS and not constant(value):
            found.append(f"{where}:{line}: {attr} = {type(value).__name__}")
    for line, cls, attr in class_attributes(tree):
        value = getattr(getattr(module, cls), attr, None)
        if not (constant(value) or isinstance(value, (property, staticmethod, classmethod))):
            found.append(f"{where}:{line}: {cls}.{attr} = {type(value).__name__}")
    return found


def test_no_module_of_the_package_keeps_state():
    found = [entry for path in sorted(PACKAGE.rglob("*.py")) for entry in state_of(path)]
    assert found == []


def test_the_scan_finds_each_kind_of_state(tmp_path, monkeypatch):
    package = tmp_path / "bixue_probe"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "kept.py").write_text(
        "import functools\n"
        "import re\n"
        "from types import MappingProxyType\n"
        "SEEN = {}\n"
        "NAMES = ['a']\n"
        "FIXED = MappingProxyType({'a': (1, 2)})\n"
        "HIDDEN = MappingProxyType({'a': []})\n"
        "WORD = re.compile('w')\n"
        "class Holder:\n"
        "    items = []\n"
        "    size = 3\n"
        "@functools.lru_cache(maxsize=None)\n"
        "def made(x):\n"
        "    return x\n"
        "def count():\n"
        "    global SEEN\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(__import__(__name__), "PACKAGE", package)
    found = state_of(package / "kept.py")
    assert [entry.split(": ", 1)[1] for entry in found] == [
        "global",
        "made cached",
        "SEEN = dict",
        "NAMES = list",
        "HIDDEN = mappingproxy",
        "Holder.items = list",
    ]
