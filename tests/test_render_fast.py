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


def relpath_link(here: str, target: str) -> str:
    """relative_url's link as posixpath makes it, for any two paths."""
    import posixpath

    base = posixpath.join("/", here)
    if not base.endswith("/"):
        base = posixpath.dirname(base) + "/"
    link = posixpath.relpath(posixpath.join("/", target), base)
    return link + "/" if (not target or target.endswith("/")) and not link.endswith("/") else link


SEGMENTS = ["units", "a", "b", "x.md", "case-1", "照片", "a b#1%", ".hidden", "..", "", "rank"]


def test_plain_paths_link_exactly_as_posixpath_would():
    from urllib.parse import quote

    chosen = random.Random(7)
    for _ in range(20000):
        here = "/".join(chosen.choice(SEGMENTS) for _ in range(chosen.randint(0, 4)))
        target = "/".join(chosen.choice(SEGMENTS) for _ in range(chosen.randint(0, 4)))
        here += chosen.choice(["", "/"])
        target += chosen.choice(["", "/"])
        assert render.relative_url(here, target) == quote(relpath_link(here, target)), (
            here,
            target,
        )
