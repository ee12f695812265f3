"""The site's campaigns, as the driver hands them to each board's build: which units each has,
so that a unit page links to the same unit's page in the other years (pages.other_years)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import List, Sequence, Tuple

from .. import load
from ..errors import DataErrors
from ..pages.other_years import ENV
from . import layout

__all__ = ("ENV", "encode", "scan")


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
