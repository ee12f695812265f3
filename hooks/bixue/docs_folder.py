"""The board as a plain docs folder: every page as Markdown and every file, for any builder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Callable

from . import build, generate
from .figures.board import Board
from .session.build_session import BuildSession

SETTINGS = ".bixue.yml"
"""Written beside the pages (a dot file, so no builder publishes it): site_name and extra.bixue
for the theme, to be merged into the builder's config (MkDocs: `INHERIT: docs/.bixue.yml`)."""


def page_url(src_uri: str) -> str:
    """Where a page at docs/src_uri is served with directory URLs: units/x.md -> units/x/."""
    stem = src_uri[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def write_docs(board: Board, docs_dir: Path, out: Path, warn: Callable[[str], None]) -> int:
    """Copy docs_dir to out, add every generated page and file, fill markers; return pages."""
    with BuildSession().active() as session:  # one build: nothing is kept for another
        session.start_build()
        return _write_docs(board, docs_dir, out, warn)


def _write_docs(board: Board, docs_dir: Path, out: Path, warn: Callable[[str], None]) -> int:
    if docs_dir.is_dir():
        shutil.copytree(docs_dir, out, dirs_exist_ok=True)
    out.mkdir(parents=True, exist_ok=True)
    output = generate.generate(board)
    for page in output.pages:
        target = out / page.src_uri
        if not (docs_dir / page.src_uri).exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.markdown, encoding="utf-8")
    for item in output.files:
        target = out / item.dest_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        if item.source:
            shutil.copyfile(item.source, target)
        elif isinstance(item.content, bytes):
            target.write_bytes(item.content)
        else:
            target.write_text(item.content or "", encoding="utf-8")
    pages = sorted(out.rglob("*.md"))
    for path in pages:
        src_uri = path.relative_to(out).as_posix()
        text = path.read_text(encoding="utf-8")
        filled = build.fill_markers(text, src_uri, page_url(src_uri), board, warn)
        if filled != text:
            path.write_text(filled, encoding="utf-8")
    settings = {"site_name": build.site_name(board), "extra": {"bixue": build.site_info(board)}}
    (out / SETTINGS).write_text(json.dumps(settings, ensure_ascii=False, indent=2), "utf-8")
    build.write_stamp(str(out))  # the screens poll it: a new render is a new board
    return len(pages)
