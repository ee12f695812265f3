"""The board's words and what each means: the 名词解释 page, and every tooltip that explains a
term where it appears (tiles, table headers, the bar at the top of every page)."""

from __future__ import annotations

from types import MappingProxyType

TERMS = MappingProxyType(
    {
        "序时进度": "活动已过天数占活动总天数的比例。"
        "累计类、越高越好的指标，完成率低于序时进度就是落后。",
        "完成率": "指标：最新值 ÷ 目标（越低越好的指标，不超过上限即为 100%）。"
        "整改事项：完成率 = (已完成 + 已销号) ÷ 总数。",
        "已完成": "整改事项的一种状态：整改已完成，尚未验收销号。"
        "“已完成（含已销号）”是已完成和已销号的事项合计。",
        "销号": "整改完成并经验收后，从台账上注销，状态为“已销号”。",
        "销号率": "已销号的事项 ÷ 事项总数。",
        "逾期": "整改时限已过，事项仍是未启动或整改中（时限当天不算逾期）。",
        "临期": "整改时限就在最近几天（含统计日期当天），事项仍未完成。",
        "长期坚持": "不设整改时限、需要一直坚持做的事项，不算逾期。",
        "落后": "落后序时进度：累计类、越高越好的指标，完成率低于序时进度。",
        "超标": "越低越好的指标（如投诉件数），最新值高于上限。",
        "未达标": "时点值、越高越好的指标（如满意度），最新值低于目标。",
        "进度状态": "累计类、越高越好的指标和序时进度比：落后或达到序时进度；"
        "越低越好的指标和上限比：超标或达到目标；时点值指标和目标比：未达标或达到目标。",
        "越高越好": "数值越大越好的指标，如营业收入。",
        "越低越好": "数值越小越好的指标，如投诉件数，目标是上限。",
        "名次变化": "与上一轮评比相比：▲/↑ 上升（绿色），▼/↓ 下降（红色），"
        "— 持平，新 为上轮未参评。",
        "未报送": "该单位没有报送这一期的数值；不按 0 计算。",
        "—": "没有可显示的数值：无目标、不适用，或这一项不与序时进度比较。",
        "公开版": "面向公众发布的看板：人名只显示姓氏，内部事项不列出，但计入合计数。",
        "数据截至": "看板上所有数字的统计日期。",
    }
)
"""Term -> its meaning, in the words a reader of the board uses."""

ORDER = tuple(TERMS)


def anchor(term: str) -> str:
    """The term's anchor on the glossary page: ids the theme's toc would not make themselves."""
    return "term-" + str(ORDER.index(term) + 1)
