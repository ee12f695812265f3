"""What `mkdocs serve` watches: the data, the hook module and the package's templates, which a
rebuild reads again; not the package's Python code, which serve never loads again."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT
from mkdocs.config import load_config


def test_serve_watches_the_data_the_hook_module_and_the_templates_not_the_code():
    watched = {Path(path).resolve() for path in load_config(str(ROOT / "mkdocs.yml")).watch}
    assert ROOT / "data" in watched
    assert ROOT / "hooks" / "board_hooks.py" in watched
    assert ROOT / "hooks" / "bixue" / "templates" in watched
    assert not any(path in watched for path in (ROOT / "hooks", ROOT / "hooks" / "bixue"))
