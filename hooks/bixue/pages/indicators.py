"""指标进度 (indicators.md): latest value, target and completion beside time progress."""

from __future__ import annotations

from typing import Iterable, List, Tuple

from .. import figures, render
from ..charts import embed as chart_html
from ..charts import indicators as charts_indicators
from ..contents import GeneratedFile, GeneratedPage
from ..figures.board import Board, IndicatorView
from . import paged, workbooks

HERE = "indicators.md"


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


def render_indicators(board: Board, here: str) -> str:
    """Every indicator's latest standing, each with its own heading: for hand-written pages."""
    return "\n".join(render_latest(board, view, here, caption=True) for view in board.indicators)


def sections(board: Board, here: str, files: paged.Files) -> List[Tuple[str, str]]:
    if not board.indicators:
        return [("", render.render_block("indicators_empty.html"))]
    found = [(_heading(view), _both(board, view, here, files)) for view in board.indicators]
    return [("", workbooks.render_links(board, here, "indicators")), *found]


def _heading(view: IndicatorView) -> str:
    measure = view.indicator.unit
    return f"{view.indicator.name}（{measure}）" if measure else view.indicator.name


def _both(board: Board, view: IndicatorView, here: str, files: paged.Files) -> str:
    """Each table followed by its chart; a chart without data is left out. Tables longer than a
    page show their first rows, the rest paged."""

    def table(html: str, kind: str) -> str:
        uri = f"indicators/{view.indicator.id}-{kind}.json"
        return paged.table(html, uri, here, files, "个单位")

    parts = (
        table(render_latest(board, view, here), "latest"),
        chart_html.render(charts_indicators.indicator_completion(board, view), "completion"),
        table(render_periods(board, view, here), "periods"),
        chart_html.render(charts_indicators.indicator_periods(board, view), "periods"),
    )
    return "\n".join(part for part in parts if part)


def _page(board: Board) -> Tuple[str, List[GeneratedFile]]:
    return paged.page(board, HERE, "指标进度", sections)


def pages(board: Board) -> Iterable[GeneratedPage]:
    yield GeneratedPage(HERE, _page(board)[0])


def files(board: Board) -> List[GeneratedFile]:
    return _page(board)[1]


BLOCKS = {"indicators": render_indicators}
