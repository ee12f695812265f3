"""One indicator's page (indicators/<slug>/): every unit's latest value, target and completion
beside time progress, the values by period, each table with its chart. Twenty indicators on one
page were 3 MB of HTML at 500 units; one page each stays under 200 KB."""

from __future__ import annotations

import re
from typing import Dict, List, Sequence, Tuple

from .. import figures, render
from ..charts import embed as chart_html
from ..charts import indicators as charts_indicators
from ..figures import provenance
from ..figures.board import Board, IndicatorView
from ..figures.source_dates import reports_due
from ..model import Indicator
from . import paged

FOLDER = "indicators"
_SAFE_ID = re.compile(r"[a-z0-9][a-z0-9-]*")


def slugs(indicators: Sequence[Indicator]) -> Dict[str, str]:
    """Indicator id -> the last part of its page's URL. An id is free text in the data, so only
    one made of [a-z0-9-] (and not `index`, the overview's own file) is used as it is; any other
    takes `indicator-<position>`, never one a usable id already has."""
    usable = {ind.id for ind in indicators if _SAFE_ID.fullmatch(ind.id) and ind.id != "index"}
    found: Dict[str, str] = {}
    for position, indicator in enumerate(indicators, 1):
        slug = indicator.id if indicator.id in usable else f"indicator-{position}"
        while slug != indicator.id and slug in usable:
            slug += "-x"
        found[indicator.id] = slug
    return found


def urls(board: Board) -> Dict[str, str]:
    """Indicator id -> its page's URL (relative to the site root), for links from other pages."""
    return {key: f"{FOLDER}/{slug}/" for key, slug in _slugs(board).items()}


def _slugs(board: Board) -> Dict[str, str]:
    return slugs([view.indicator for view in board.indicators])


def src_uri(board: Board, view: IndicatorView) -> str:
    return f"{FOLDER}/{_slugs(board)[view.indicator.id]}.md"


def heading(indicator: Indicator) -> str:
    """营业收入（万元）: the page's title, and the heading each indicator had on the old page."""
    return f"{indicator.name}（{indicator.unit}）" if indicator.unit else indicator.name


def reported_periods(board: Board, view: IndicatorView) -> Tuple[str, ...]:
    """Periods at least one unit reported: a gap there is 未报送; later periods are not due yet."""
    values = view.indicator.values.values()
    return tuple(p for p in board.campaign.indicators.periods if any(p in v for v in values))


def render_latest(board: Board, view: IndicatorView, here: str, caption: bool = False) -> str:
    return render.render_block(
        "indicators_latest.html",
        view=view,
        progress=board.time_progress,
        here=here,
        caption=caption,
        terms=board.campaign.plan.terms,
        growth=growth_note(view),
        scope=scope_note(board, view),
        due=reports_due(board).get(view.indicator.id),
        sources=provenance.indicator_sources(board, view),
        completion_sources=provenance.board_completion_sources(view),
    )


def growth_note(view: IndicatorView) -> str:
    """基期 2600 万元，目标增长 10% → 目标 2860 万元; one baseline per unit: the rule only."""
    indicator = view.indicator
    if indicator.growth is None:
        return ""
    growth = f"目标增长 {figures.format_number(indicator.growth)}%"
    baselines = {row.unit.id: indicator.baselines.get(row.unit.id) for row in view.rows}
    values = set(baselines.values()) - {None}
    measure = f" {indicator.unit}" if indicator.unit else ""
    if len(values) != 1:
        return f"目标 = 各单位基期 ×（1 + 增长率），{growth}"
    (baseline,) = values
    target = next(row.target for row in view.rows if row.target is not None)
    shown = figures.format_number
    return f"基期 {shown(baseline)}{measure}，{growth} → 目标 {shown(target)}{measure}"


def scope_note(board: Board, view: IndicatorView) -> str:
    """Which units an indicator concerns, when not all of them."""
    if view.indicator.applies_to is None:
        return ""
    names = "、".join(row.unit.label for row in view.rows)
    return f"适用于 {names}（{len(view.rows)} 个单位）" if names else "没有适用的单位"


def render_periods(board: Board, view: IndicatorView, here: str) -> str:
    return render.render_block(
        "indicators_periods.html",
        view=view,
        periods=board.campaign.indicators.periods,
        due=reported_periods(board, view),
        here=here,
    )


def sections(board: Board, view: IndicatorView, here: str, files: paged.Files):
    """Each table followed by its chart; a chart without data is left out. Tables longer than a
    page show their first rows, the rest paged from JSON files in the page's own folder."""

    def table(html: str, kind: str) -> str:
        return paged.table(html, f"{here}{kind}.json", here, files, "个单位")

    def joined(*parts: str) -> str:
        return "\n".join(part for part in parts if part)

    latest = joined(
        table(render_latest(board, view, here), "latest"),
        chart_html.render(charts_indicators.indicator_completion(board, view), "completion"),
    )
    periods = joined(
        table(render_periods(board, view, here), "periods"),
        chart_html.render(charts_indicators.indicator_periods(board, view), "periods"),
    )
    return [
        ("", _around(board, view, here, "indicator_back.html")),
        ("各单位完成情况", latest),
        (f"各期报送值{_measure(view.indicator)}", periods),
        ("", _around(board, view, here, "indicator_neighbours.html")),
    ]


def _measure(indicator: Indicator) -> str:
    return f"（{indicator.unit}）" if indicator.unit else ""


def _around(board: Board, view: IndicatorView, here: str, template: str) -> str:
    """The way back to the overview, and to the indicators before and after this one."""
    views = board.indicators
    index = views.index(view)
    before = views[index - 1] if index > 0 else None
    after = views[index + 1] if index + 1 < len(views) else None
    links = urls(board)
    return render.render_block(
        template,
        here=here,
        count=len(views),
        before=before and (before.indicator.name, links[before.indicator.id]),
        after=after and (after.indicator.name, links[after.indicator.id]),
    )


def page(board: Board, view: IndicatorView) -> Tuple[str, List]:
    """The page's Markdown and its paged tables' JSON files, made once for pages() and files()."""
    return paged.page(
        board,
        src_uri(board, view),
        heading(view.indicator),
        lambda board, here, files: sections(board, view, here, files),
    )
