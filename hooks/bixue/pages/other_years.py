"""其他年度 on a board's home and unit pages: the site's other campaigns, the same unit's page
in them, as the several-campaign build tells each board (campaigns.siblings) in the environment."""

from __future__ import annotations

import html
import json
import os
from typing import Mapping

from .. import render

ENV = "BIXUE_CAMPAIGNS"
"""Set by the driver for each board's build: {"current": id, "campaigns": [{id, label, units}]}."""
HEADING = "其他年度"
ALL = "历年一览"


def decode(environ: Mapping[str, str]) -> dict:
    text = environ.get(ENV)
    return json.loads(text) if text else {"current": "", "campaigns": []}


def unit_links(unit_id: str, here: str, environ: Mapping[str, str] = os.environ) -> str:
    """其他年度：2014年 · 2015年 on a unit's page (`here`, its URL in its board), the campaigns
    holding the same unit id, this one unlinked; "" when no other campaign has the unit."""
    told = decode(environ)
    holding = [c for c in told["campaigns"] if unit_id in c["units"]]
    if not any(c["id"] != told["current"] for c in holding):
        return ""
    page = f"{told['current']}/{here}"
    parts = [_part(c, told["current"], page, here) for c in holding]
    return f'<p class="other-campaigns">{HEADING}：{" · ".join(parts)}</p>'


def _part(campaign: dict, current: str, page: str, here: str) -> str:
    name = html.escape(campaign["label"])
    if campaign["id"] == current:
        return f'<strong aria-current="page">{name}</strong>'
    link = render.relative_url(page, f"{campaign['id']}/{here}")
    return f'<a href="{html.escape(link)}">{name}</a>'


def campaign_links(here: str, environ: Mapping[str, str] = os.environ) -> str:
    """On a board's home page (`here`): every campaign of the site and the root's list of them;
    "" for a board built alone."""
    told = decode(environ)
    if len(told["campaigns"]) < 2:
        return ""
    page = f"{told['current']}/{here}"
    parts = [_board(c, told["current"], page) for c in told["campaigns"]]
    listed = f'<a href="{html.escape(render.relative_url(page, ""))}">{ALL}</a>'
    return f'<p class="other-campaigns">{HEADING}：{" · ".join(parts)}（{listed}）</p>'


def _board(campaign: dict, current: str, page: str) -> str:
    name = html.escape(campaign["label"])
    if campaign["id"] == current:
        return f'<strong aria-current="page">{name}</strong>'
    return f'<a href="{html.escape(render.relative_url(page, campaign["id"] + "/"))}">{name}</a>'
