"""Ledger statuses as codes (todo …) or as Chinese labels (未启动 …), in YAML and workbooks."""

from __future__ import annotations

from types import MappingProxyType
from typing import Optional

from .. import model
from . import mdsafety
from .fields import did_you_mean, text
from .yamlfile import Node

CODES = MappingProxyType({name: code for code, name in model.STATUS_NAMES.items()})
"""未启动 -> todo …"""


def status_code(written: str) -> Optional[str]:
    """The code of a status written as its code or its label; None if it is neither."""
    value = written.strip()
    code = CODES.get(value, value.lower())
    return code if code in model.STATUSES else None


def status_problem(written: str, labels: bool) -> tuple:
    """(message, hint) for a status that is not one; `labels`: name the Chinese labels."""
    shown = mdsafety.shorten(written)
    if labels:
        options = "、".join(model.STATUS_NAMES.values())
        hint = did_you_mean(written, list(CODES))
        return f"必须是 {options} 之一，实际为 '{shown}'", hint
    hint = did_you_mean(written, model.STATUSES)
    return f"必须是 {', '.join(model.STATUSES)} 之一，实际为 '{shown}'", hint


def read_status(source, node: Optional[Node], name: str) -> Optional[str]:
    """A `status:` value; the Chinese label counts as its code."""
    value = text(source, node, name)
    if value is None:
        return None
    code = status_code(value)
    if code is None:
        source.error(node.line, name, *status_problem(value, labels=False))
    return code
