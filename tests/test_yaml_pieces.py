"""A YAML file that is one list, read again only in the items whose text changed, reads exactly as
the whole file does: the same values, lines and errors, whatever the edit."""

from __future__ import annotations

from bixue.load.yaml_pieces import read_in_pieces
from bixue.load.yamlfile import parse_yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_yamlfile_fast import plain as tree

PATH = "data/rectifications/a.yml"

ITEM = """- id: ZG-{n:03d}
  unit: u{n:03d}
  problem: 第{n}处路面破损，夜间易造成车辆混停。
  status: doing
  deadline: 2014-09-01
"""

LEDGER = "# 2014 年整改台账\n\n" + "".join(ITEM.format(n=n) for n in range(1, 7))


def read(text: str, last):
    root, errors, now = read_in_pieces(text, PATH, last)
    return root, errors, now


def same_as_whole(text: str, last) -> dict:
    """Read `text` after a reading that left `last`: it must read as the whole file does."""
    root, errors, now = read(text, last)
    whole, whole_errors = parse_yaml(text, PATH)
    assert tree(root) == tree(whole)
    assert errors == whole_errors
    return now


def test_an_edited_item_is_read_again_and_the_others_are_kept():
    root, errors, pieces = read(LEDGER, {})
    assert not errors and len(pieces) == 6
    edited = LEDGER.replace("第3处", "第3处（已复查）")
    again, errors, now = read(edited, pieces)
    assert not errors
    kept = [a is b for a, b in zip(root.value, again.value, strict=True)]
    assert kept == [True, True, False, True, True, True]
    assert again.value[2].value["problem"].value.startswith("第3处（已复查）")
    same_as_whole(edited, pieces)


def test_a_line_added_moves_the_items_below_it_to_their_new_lines():
    _, _, pieces = read(LEDGER, {})
    edited = LEDGER.replace("  status: doing\n", "  status: doing\n  owner: 赵萍\n", 1)
    root, _, _ = read(edited, pieces)
    whole, _ = parse_yaml(edited, PATH)
    assert [item.line for item in root.value] == [item.line for item in whole.value]
    assert root.value[1].line == LEDGER.count("\n", 0, LEDGER.index("- id: ZG-002")) + 2
    same_as_whole(edited, pieces)


EDITS = (
    # an item added, removed, moved
    LEDGER + ITEM.format(n=7),
    LEDGER.replace(ITEM.format(n=4), ""),
    ITEM.format(n=6) + LEDGER.replace(ITEM.format(n=6), ""),
    # a quoted value running into the next item: one value in the whole file
    LEDGER.replace(
        "  deadline: 2014-09-01\n- id: ZG-002", '  deadline: "2014-09-01\n- id: ZG-002"', 1
    ),
    LEDGER.replace(
        "夜间易造成车辆混停。\n  status: doing\n  deadline: 2014-09-01\n- id: ZG-003",
        "'夜间\n- id: ZG-003'\n  status: doing\n  deadline: 2014-09-01\n- id: ZG-003",
        1,
    ),
    # block values, kept trailing lines, comments at column 0
    LEDGER.replace(
        "  status: doing\n", "  measures: |+\n    一、加装护栏\n\n#注释\n  status: doing\n", 1
    ),
    LEDGER.replace("- id: ZG-004", "# 以下为第二批\n- id: ZG-004"),
    # what makes a file more than one list: markers, directives, keys at column 0
    LEDGER.replace("- id: ZG-004", "---\n- id: ZG-004"),
    LEDGER.replace("- id: ZG-004", "...\n- id: ZG-004"),
    "%YAML 1.2\n---\n" + LEDGER,
    LEDGER.replace("- id: ZG-004", "items:\n- id: ZG-004"),
    # text before the first item that is not a comment
    "  说明: 台账\n" + LEDGER,
    LEDGER.replace("# 2014 年整改台账", "  # 注释\n  备注: 1"),
    # anchors, aliases, flow collections, tabs, other line breaks
    LEDGER.replace("unit: u001", "unit: &u u001").replace("unit: u002", "unit: *u"),
    LEDGER.replace(
        "status: doing\n  deadline: 2014-09-01\n- id: ZG-005", "status: [doing,\n- id: ZG-005", 1
    ),
    LEDGER.replace("  status: doing\n", "\tstatus: doing\n", 1),
    LEDGER.replace("\n", "\r\n"),
    LEDGER.replace("- id: ZG-005\n", "- id: ZG-005\r"),
    # errors: a duplicate key, a full-width colon, a bad date, a value at the wrong indentation
    LEDGER.replace("  status: doing\n", "  status: doing\n  status: done\n", 1),
    LEDGER.replace("  status: doing\n", "  status： doing\n", 1),
    LEDGER.replace("2014-09-01", "2014-13-01", 1),
    LEDGER.replace("  unit: u002", "    unit: u002", 1),
    LEDGER.replace("- id: ZG-003", "-id: ZG-003"),
    # items written otherwise
    LEDGER.replace("- id: ZG-002", "-\n  id: ZG-002"),
    LEDGER + "- 一项文字\n- \n-\n",
    "",
    "# 只有注释\n",
)


def test_every_kind_of_edit_reads_as_the_whole_file():
    _, _, pieces = read(LEDGER, {})
    for edited in EDITS:
        now = same_as_whole(edited, pieces)
        for again in (LEDGER, *EDITS[:3]):  # and the reading after it
            same_as_whole(again, now)


LINES = (
    "- id: A\n",
    "- id: B\n  unit: u1\n",
    "  problem: 路面破损\n",
    "  problem: |\n    第一行\n\n    第二行\n",
    "  problem: |+\n    保留\n\n",
    '  problem: "引号\n',
    '  接着"\n',
    "  problem: '单引号\n",
    "# 注释\n",
    "\n",
    "---\n",
    "- [a,\n",
    "  b]\n",
    "- {x: 1}\n",
    "-\n",
    "- - 嵌套\n",
    "  - 嵌套二\n",
    "x: 1\n",
    "- &a 锚\n",
    "- *a\n",
    "  unit: u1\n  unit: u2\n",
    "  status： done\n",
    "   over: 1\n",
    "- 'a\n",
    "- b'\n",
)


@settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    before=st.lists(st.sampled_from(LINES), max_size=12),
    after=st.lists(st.sampled_from(LINES), max_size=12),
)
def test_any_text_after_any_other_reads_as_the_whole_file(before, after):
    last = same_as_whole("".join(before), {})
    same_as_whole("".join(after), last)
    # the same text twice: every item kept, the reading the same
    text = "".join(after)
    now = same_as_whole(text, same_as_whole(text, last))
    assert now.keys() == (read(text, now)[2].keys())
