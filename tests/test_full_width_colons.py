"""Full-width colons after keys: each is reported on its line, and the rest of the file is still
read, so its other errors are reported too."""

from __future__ import annotations

from bixue.load.yamlfile import MAX_FIXES, parse_yaml
from hypothesis import given
from hypothesis import strategies as st

KEYS = [f"key{number}" for number in range(8)]


# The first key keeps its colon: a file of slipped lines only is one plain text, no mapping.
@given(st.sets(st.integers(1, len(KEYS) - 1), min_size=1))
def test_every_slipped_key_is_named_once_and_the_mapping_still_reads(slipped):
    lines = [f"{key}{'：' if at in slipped else ': '}值{at}" for at, key in enumerate(KEYS)]
    root, errors = parse_yaml("\n".join(lines), "data/x.yml")
    assert [error.line for error in errors] == sorted(at + 1 for at in slipped)
    assert all("用了全角冒号" in error.message for error in errors)
    assert {key: node.value for key, node in root.value.items()} == {
        key: f"值{at}" for at, key in enumerate(KEYS)
    }


def test_a_full_width_colon_inside_a_block_of_text_is_left_alone():
    text = "x: 0\na：1\nnote: |\n  说明：见附件\nb: 2\n"
    root, errors = parse_yaml(text, "data/x.yml")
    assert [error.line for error in errors] == [2]
    assert root.value["note"].value == "说明：见附件\n"


def test_past_the_limit_the_first_syntax_error_stands():
    text = "x: 0\n" + "\n".join(f"k{number}：v" for number in range(MAX_FIXES + 5))
    root, errors = parse_yaml(text, "data/x.yml")
    assert root is None
    assert [error.line for error in errors] == list(range(2, MAX_FIXES + 3))
