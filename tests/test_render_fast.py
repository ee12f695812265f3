"""Plain one-line texts skip Markdown: their HTML must be exactly what Markdown would make."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from bixue import render

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import gen_campaign  # noqa: E402

TRICKY = [
    "a & b",
    "5 < 6",
    "x *y*",
    "1. 第一",
    "- 项目",
    "# 标题",
    "> 引用",
    "见 http://example.com",
    "a  b",
    " 前导空格",
    "末尾空格 ",
    "全角　空格",
    "问题：“引号”、（括号）《书名》",
    "百分之九十%，约30处；是否？",
    "K123+456东侧",
    "a_b_c",
    "`代码`",
    "Tom's",
    "行一\n行二",
    "<script>alert(1)</script>",
    "[链接](javascript:alert(1))",
    "100\\%",
    "€100 ¥5 $3 @某人 ^上标",
    "a -b",
    "x+y",
    "a.b",
    "见http://x.y/z",
    "a=b",
    "2014-06-30完成",
    "C++ 与 C#",
    "a - b",
    'a "b" c',
    "a 1. b",
    "a # b",
    "a  # b",
    "a > b",
    "a:b",
    "a --- b",
    "问题 ",
]


def texts() -> list:
    rng = random.Random(7)
    made = [gen_campaign.problem(rng) for _ in range(200)]
    return TRICKY + made + list(gen_campaign.MEASURES + gen_campaign.NOTES + gen_campaign.FAULTS)


@pytest.mark.parametrize("text", texts())
def test_the_fast_path_gives_markdowns_html(text: str):
    assert str(render.render_markdown(text)) == str(render.markdown_html(text))


def test_the_fast_path_is_taken_for_plain_sentences():
    assert all(render._PLAIN.fullmatch(text) for text in texts()[len(TRICKY) :])
    assert not render._PLAIN.fullmatch("- 项目") and not render._PLAIN.fullmatch("a *b*")
