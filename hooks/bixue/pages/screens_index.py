"""screens/: every rotation with its address and a QR code, for whoever sets up a TV."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, List

from ..contents import GeneratedFile, GeneratedPage, Output
from ..figures.board import Board
from ..outputs.qr import qr_svg
from ..render import absolute_url, page_markdown, render_block
from .screen import Rotation, decks

HERE = "screens/"
QR_FOLDER = "screens/qr/"
KINDS = (("campaign", "活动大屏"), ("named", "专题大屏"), ("unit", "各单位大屏"))


@dataclass(frozen=True)
class Listed:
    """One rotation as the list shows it."""

    rotation: Rotation
    address: str
    """Its full address; "" without site_url (no QR code either)."""
    qr: str
    """Path of its QR code image under the site root; "" without an address."""
    slides: int


def qr_path(rotation: Rotation) -> str:
    name = rotation.path.strip("/").replace("/", "-")
    return f"{QR_FOLDER}{name}.svg"


def listed(board: Board) -> List[Listed]:
    found = []
    for rotation, _, slide_files in decks(board):
        address = absolute_url(board.site_url, rotation.path)
        qr = qr_path(rotation) if address else ""
        found.append(Listed(rotation, address, qr, len(slide_files)))
    return found


def pages(board: Board) -> Iterable[GeneratedPage]:
    rows = listed(board)
    groups = [(title, [r for r in rows if r.rotation.kind == kind]) for kind, title in KINDS]
    html = render_block("screens_list.html", groups=groups, here=HERE, site=board.site_url)
    yield GeneratedPage("screens.md", page_markdown("全部大屏", [("", html)]), in_nav=False)


def files(board: Board) -> Iterable[GeneratedFile]:
    """The QR codes as image files: inline, 500 units' codes would make the page megabytes."""
    for row in listed(board):
        if row.qr:
            yield GeneratedFile(row.qr, content=qr_svg(row.address, row.rotation.title))


def make(board: Board) -> Output:
    """This module's pages, files and blocks."""
    return Output(tuple(pages(board)), tuple(files(board)))
