"""HTML blocks set aside from Markdown come back in place, and nothing else is touched."""

from __future__ import annotations

import markdown
from bixue import raw_blocks

EXTENSIONS = ["tables", "attr_list", "md_in_html", "toc"]
PAGE = """---
title: "测试"
---

# 测试

## 表格

<div class="bx-table-wrap">
<p>表前</p><div class="x" data-search-exclude><div><img src="a.jpg"><br/></div>
<table><tbody><tr><td>甲 *不是强调*</td></tr></tbody></table></div><p>表后</p>
</div>

<span>行内标签开头：当作段落</span>

<p>一段</p>
接着是 *Markdown*

一段 **文字** <!--bx:0000:0-->
"""


def convert(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(text)


def test_the_page_converts_to_the_same_html_with_its_blocks_set_aside():
    key = raw_blocks.nonce()
    stashed, blocks, hidden = raw_blocks.stash(PAGE, key)
    assert len(blocks) == 1  # only the whole block; the inline start and the mixed chunk stay
    assert "bx-table-wrap" not in stashed
    for_search = raw_blocks.restore(convert(stashed), blocks, key)
    assert "表前" in for_search and "表后" in for_search and "甲" not in for_search
    assert raw_blocks.restore_hidden(for_search, hidden, key) == convert(PAGE)


def test_a_placeholder_written_in_the_page_is_left_alone():
    key = raw_blocks.nonce()
    assert key != raw_blocks.nonce()
    stashed, blocks, hidden = raw_blocks.stash(PAGE, key)
    page = raw_blocks.restore_hidden(raw_blocks.restore(convert(stashed), blocks, key), hidden, key)
    assert "<!--bx:0000:0-->" in page


def test_an_elements_end_is_found_as_counting_its_tags_would():
    import random

    chosen = random.Random(5)
    pieces = ["<td data-search-exclude>", "</td>", "<span>", "</span>", "<br>", "x", "<TD>",
              "</TD>", "<img src=a>", "<b/>", "文字", "<td class=a>"]  # fmt: skip
    for _ in range(5000):
        html = "".join(chosen.choices(pieces, k=chosen.randint(1, 12)))
        for start in (i for i in range(len(html)) if html.startswith("<", i)):
            if html.startswith("</", start):
                continue
            expected = raw_blocks.counted_end(html, start)
            assert raw_blocks._element_end(html, start) == expected, (html, start)
