"""Boards for the portal's tests and benchmark: the demo's data.json, computed as of several dates
(no MkDocs build), written into folders as built sites hold it."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def demo_data(as_of: str, profile: str = "internal") -> dict:
    """The demo board's data.json as of `as_of`."""
    from bixue import build
    from bixue.exports import data_json

    environ = {"BOARD_AS_OF": as_of, "BOARD_DATA": str(ROOT / "data")}
    if profile == "public":
        environ["BOARD_PROFILE"] = "public"
    return data_json.board_data(build.load_board(ROOT, environ, ""))


def write_board(folder: Path, data: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "data.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    (folder / "index.html").write_text("<!doctype html><title>board</title>", "utf-8")
    return folder
