"""The other campaigns of the site, as the driver hands them to each board's build: which units
each has, so that a unit page links to the same unit's page in the other years."""

from __future__ import annotations

import html
import json
import os
from pathlib import Path
from typing import List, Mapping, Sequence, Tuple

from .. import load, render
from ..errors import DataErrors
from . import layout

ENV = "BIXUE_CAMPAIGNS"
"""Set by the driver for each board's build: {"current": id, "campaigns": [{id, label, units}]}."""
HEADING = "其他年度"


def scan(project: Path, data: Path, ids: Sequence[str]) -> Tuple[List[str], List[dict]]:
    """Every campaign loaded and checked (all errors of all of them), and its unit ids."""
    errors, campaigns = [], []
    for campaign_id in ids:
        try:
            campaign = load.load_campaign(layout.campaigns_dir(data) / campaign_id, project)
        except DataErrors as error:
            errors += [str(one) for one in error.errors]
            continue
        units = [unit.id for unit in campaign.units]
        campaigns.append({"id": campaign_id, "label": layout.label(campaign_id), "units": units})
    return errors, campaigns


def encode(current: str, campaigns: Sequence[dict]) -> str:
    return json.dumps({"current": current, "campaigns": list(campaigns)}, ensure_ascii=False)


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
