"""Which layout data/ has: one campaign (campaign.yml in it) or campaigns/<id>/ folders."""

from __future__ import annotations

import re
from pathlib import Path
from typing import List

FOLDER = "campaigns"
ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
"""A campaign id is its folder's name and its site folder's: letters, digits, - and _."""
YEAR = re.compile(r"^(19|20)\d\d$")


def campaigns_dir(data: Path) -> Path:
    return data / FOLDER


def is_several(data: Path) -> bool:
    """campaigns/ with folders in it, and no campaign of data/ itself: today's layout wins."""
    return campaigns_dir(data).is_dir() and not (data / "campaign.yml").exists() and bool(ids(data))


def ids(data: Path) -> List[str]:
    """Every campaign folder's name, in name order (hidden folders left out)."""
    folder = campaigns_dir(data)
    names = [p.name for p in folder.iterdir() if p.is_dir()] if folder.is_dir() else []
    return sorted(name for name in names if not name.startswith("."))


def bad_ids(data: Path) -> List[str]:
    """Folder names that cannot be a campaign's id (a site folder's name)."""
    return [name for name in ids(data) if not ID.match(name)]


def label(campaign_id: str) -> str:
    """How a campaign is named beside the others: 2014年 for a year, else its id."""
    return f"{campaign_id}年" if YEAR.match(campaign_id) else campaign_id
