"""README.md stays true: its commands exist, and it names every marker block the code has."""

from __future__ import annotations

import re

from bixue import generate
from conftest import ROOT


def readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_marker_block_is_documented_and_every_documented_marker_exists():
    documented = set(re.findall(r"^\| `([a-z0-9-]+)` \|", readme(), re.MULTILINE))
    assert documented == set(generate.all_blocks())


def test_the_two_commands_and_the_format_reference_exist():
    text = readme()
    for script in re.findall(r"^bash (scripts/\S+)", text, re.MULTILINE):
        assert (ROOT / script).is_file(), script
    assert "bash scripts/serve.sh" in text and "bash scripts/test.sh" in text
    assert "(FORMAT.md)" in text and (ROOT / "FORMAT.md").is_file()


def test_ci_runs_the_readme_test_command():
    assert "bash scripts/test.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
