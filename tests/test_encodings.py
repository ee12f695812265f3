"""A text data file that is not UTF-8 is named by the encoding it is in, when it can be told."""

from __future__ import annotations

from bixue.load.yamlfile import decode
from hypothesis import assume, given
from hypothesis import strategies as st

CHINESE = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1)


def message(raw: bytes) -> str:
    text, errors = decode(raw, "data/notices/kickoff.md")
    assert text is None
    (error,) = errors
    return error.message


@given(CHINESE, st.sampled_from(["utf-16", "utf-16-be", "utf-32"]))
def test_a_file_with_a_utf16_or_utf32_bom_is_named_so(text, encoding):
    bom = "\ufeff" if encoding == "utf-16-be" else ""
    name = "UTF-32" if encoding == "utf-32" else "UTF-16"
    assert message((bom + "title: " + text).encode(encoding)) == f"文件是 {name} 编码，不是 UTF-8"


@given(CHINESE)
def test_chinese_text_saved_as_gbk_is_named_gbk(text):
    raw = ("title: " + text + "\n").encode("gbk")
    try:
        raw.decode("utf-8")
        assume(False)  # a few short GBK strings are also valid UTF-8
    except UnicodeDecodeError:
        pass
    assert message(raw) == "文件是 GBK 编码，不是 UTF-8"


def test_bytes_no_encoding_explains_keep_the_plain_message():
    assert message(b"title: \xff\xff\x80") == "文件不是 UTF-8 编码"


def test_the_line_of_the_first_bad_byte_is_named():
    _text, (error,) = decode("a: 1\nb: 北\n".encode("gbk"), "data/x.yml")
    assert error.line == 2
