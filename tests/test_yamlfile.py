"""The strict YAML reader: YAML 1.2 scalars, line numbers, and every refused construct."""

from __future__ import annotations

import codecs
from datetime import date

import pytest
from bixue.load.yamlfile import INVALID, Node, decode, parse_yaml

PATH = "data/x.yml"


def read(text: str, first_line: int = 1) -> tuple[Node | None, list[str]]:
    root, errors = parse_yaml(text, PATH, first_line)
    return root, [str(error) for error in errors]


def value_of(scalar: str):
    root, errors = read(f"key: {scalar}\n")
    assert errors == []
    return root.value["key"].value


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("no", "no"),
        ("off", "off"),
        ("yes", "yes"),
        ("on", "on"),
        ("True", "True"),
        ("0571", "0571"),
        ("12:30", "12:30"),
        ("0x1F", "0x1F"),
        ("1_000", "1_000"),
        (".inf", ".inf"),
        ("true", True),
        ("false", False),
        ("0", 0),
        ("12", 12),
        ("-3", -3),
        ("1.5", 1.5),
        ("1e3", 1000.0),
        ("'12'", "12"),
        ("2014-03-06", date(2014, 3, 6)),
        ("'2014-03-06'", "2014-03-06"),
        ("~", None),
        ("null", None),
        ("", None),
        ("a # comment", "a"),
        ("'a # not a comment'", "a # not a comment"),
    ],
)
def test_scalars_are_read_yaml_1_2_style(written, expected):
    value = value_of(written)
    assert value == expected
    assert type(value) is type(expected)


def test_a_plain_scalar_keeps_its_text():
    root, _ = read("code: 0571\nscore: 12.50\n")
    assert root.value["code"].text == "0571"
    assert root.value["score"].text == "12.50"


def test_an_impossible_date_is_text_until_a_date_is_needed():
    # Where a date is needed it is an error (golden case impossible-date); an id such as
    # `2014-09-31` in a text field is the text as written.
    root, errors = read("start: 2014-03-01\nend: 2014-02-30\n")
    assert errors == []
    assert root.value["end"].value == "2014-02-30"
    assert root.value["start"].value == date(2014, 3, 1)


def test_lines_of_keys_and_items():
    text = "a: 1\nb:\n  - x\n  -\n    c: 2\n    d: |\n      long\n      text\ne: [p, q]\n"
    root, errors = read(text)
    assert errors == []
    assert root.line == 1
    assert [root.value[key].line for key in "abe"] == [1, 2, 9]
    first, second = root.value["b"].value
    assert (first.line, second.line) == (3, 5)
    assert second.value["d"].line == 6
    assert second.value["d"].value == "long\ntext\n"


def test_first_line_shifts_every_line():
    root, errors = read("a: 1\nb: 2\nb: 3\n", first_line=5)
    assert root.value["b"].line == 6
    assert errors == [f"{PATH}:7: b: 重复的键（第 6 行已经有了）"]


def test_a_duplicate_key_is_an_error_and_the_first_value_stays():
    root, errors = read("- id: a\n  name: 甲\n  name: 乙\n")
    assert errors == [f"{PATH}:3: name: 重复的键（第 2 行已经有了）"]
    assert root.value[0].value["name"].value == "甲"


def test_tab_indentation_is_an_error_on_each_line():
    _, errors = read("a:\n\tb: 1\n  \tc: 2\n")
    assert errors == [
        f"{PATH}:2: 这一行用 Tab 缩进（YAML 只能用空格缩进）",
        f"{PATH}:3: 这一行用 Tab 缩进（YAML 只能用空格缩进）",
    ]


def test_a_tab_inside_a_quoted_value_is_fine():
    root, errors = read("a: 'x\ty'\n")
    assert errors == []
    assert root.value["a"].value == "x\ty"


def test_a_tab_after_a_plain_value_says_so():
    # PyYAML refuses it; the message must not send the clerk hunting for brackets.
    _, errors = read("a: 1\nb: x\ty\n")
    assert errors == [f"{PATH}:2: 这一行有 Tab 字符（把 Tab 换成空格，或者给这个值加上引号）"]


def test_anchors_and_aliases_are_errors():
    root, errors = read("a: &one 1\nb: *one\n")
    assert errors == [
        f"{PATH}:1: a: 不能使用锚点 &one，请把内容直接写出来",
        f"{PATH}:2: b: 不能使用别名 *one，请把内容直接写出来",
    ]
    assert root.value["b"].value is INVALID


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("!!python/object/apply:os.system ['ls']", "!!python/object/apply:os.system"),
        ("!!python/name:os.system", "!!python/name:os.system"),
        ("!foo {a: 1}", "!foo"),
        ("!!str 12", "!!str"),
        ("! 12", "!"),
    ],
)
def test_any_tag_is_an_error(written, shown):
    root, errors = read(f"a: {written}\n")
    assert errors == [f"{PATH}:1: a: 不能使用标签 {shown}，只写值本身"]
    assert root.value["a"].value is INVALID


def test_several_documents_are_an_error():
    _, errors = read("a: 1\n---\nb: 2\n")
    assert errors == [f"{PATH}:2: 一个文件只能有一个文档（删掉多余的 --- 分隔线）"]


@pytest.mark.parametrize("text", ["", "\n\n", "# 只有注释\n", "---\n", "---\n...\n"])
def test_an_empty_file_is_an_error(text):
    root, errors = read(text)
    assert root is None
    assert errors == [f"{PATH}:1: 内容是空的"]


def test_a_syntax_error_names_its_line_and_stops_the_file():
    root, errors = read("a: 1\nb: [1, 2\nc: 3\n")
    assert root is None
    assert len(errors) == 1
    assert errors[0].startswith(f"{PATH}:3: YAML 格式错误：")


def test_a_control_character_is_an_error():
    _, errors = read("a: 1\nb: x\x07\n")
    hint = "删掉它：它多半是从 Word、网页或微信里复制时带进来的"
    assert errors == [f"{PATH}:2: 有看不见的控制字符 U+0007（{hint}）"]


def test_errors_of_one_file_are_all_collected():
    _, errors = read('a: 1\na: 2\nb: !!str x\nc: "\\e"\nd: *x\n')
    assert [error.split(":")[1] for error in errors] == ["2", "3", "4", "5"]


def test_non_utf8_is_an_error_naming_the_first_bad_line():
    text, errors = decode("a: 1\nb: 北区\n".encode("gbk"), PATH)
    assert text is None
    (error,) = errors
    assert (error.line, error.message) == (2, "文件是 GBK 编码，不是 UTF-8")


def test_a_bom_and_crlf_are_fine_and_lines_still_count():
    raw = codecs.BOM_UTF8 + "a: 北区\r\nb:\r\n  - x\r\n  - y\r\n".encode()
    text, errors = decode(raw, PATH)
    assert errors == []
    root, errors = read(text)
    assert errors == []
    assert root.value["a"].value == "北区"
    assert [item.line for item in root.value["b"].value] == [3, 4]


def test_a_non_scalar_key_is_an_error():
    _, errors = read("? [a, b]\n: 1\n")
    assert errors == [f"{PATH}:1: 键必须是一个简单的名字"]


def test_merge_keys_are_plain_keys():
    root, errors = read("<<: {a: 1}\n")
    assert errors == []
    assert list(root.value) == ["<<"]


def test_forbidden_characters_written_as_escapes_in_keys_and_nested_values_are_errors():
    _, errors = read('items:\n  - "k\\u202e": 1\n    note: "a\\x1bb"\n')
    assert [error.split(":")[1] for error in errors] == ["2", "3"]
