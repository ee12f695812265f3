"""The stylesheets in docs/assets/: every rule closed, so no rule swallows the ones after it."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ASSETS = Path(__file__).resolve().parent.parent / "docs" / "assets"
SHEETS = sorted(ASSETS.glob("*.css"))


def unclosed(css: str) -> list:
    """Lines where a rule opens while another (not an @-rule) is still open, or depth at the end."""
    css = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group().count("\n"), css, flags=re.S)
    problems, stack = [], []
    for number, line in enumerate(css.splitlines(), 1):
        for char in line:
            if char == "{":
                if stack and not stack[-1]:
                    problems.append(number)
                stack.append(line.lstrip().startswith("@"))
            elif char == "}":
                if not stack:
                    problems.append(number)
                else:
                    stack.pop()
    return problems + (["end"] if stack else [])


@pytest.mark.parametrize("sheet", SHEETS, ids=[sheet.name for sheet in SHEETS])
def test_every_rule_is_closed_before_the_next_opens(sheet: Path):
    assert unclosed(sheet.read_text(encoding="utf-8")) == []


def test_the_check_finds_a_rule_left_open():
    assert unclosed(".a {\n  color: red;\n\n.b {\n  color: blue;\n}\n") == [4, "end"]
    assert unclosed("@media print {\n  .a { color: red; }\n}\n") == []


def test_every_table_of_the_board_is_styled(demo_site):
    # Material styles a table without a class; the board's own tables take .bx-table. A table
    # with a class of its own only would stand bare, without borders or padding (screens/ did).
    bare = set()
    for page in demo_site.rglob("index.html"):
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for table in html.select("article table"):
            classes = table.get("class") or []
            if classes and "bx-table" not in classes:
                bare.add((page.parent.relative_to(demo_site).as_posix(), " ".join(classes)))
    assert bare == set()
