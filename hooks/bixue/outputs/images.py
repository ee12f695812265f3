"""Images from data/ for the site: the original copied, and a lighter web copy when it is big."""

from __future__ import annotations

import functools
import io
import os
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, List, Tuple, Union

from PIL import Image, ImageOps

from ..contents import GeneratedFile

MEDIA = "media"
"""Folder of the site that holds every image taken from data/, under its path in data/."""
MAX_WIDTH = 1600
MAX_BYTES = 500 * 1024
"""Above either, a phone would download more than it can show: a web copy is made."""
WEB_WIDTH = 1280
WEB_QUALITY = 82


@dataclass(frozen=True)
class WebImage:
    """An image ready for a page: the files to publish, what to show, what to link, its size."""

    files: List[GeneratedFile]
    src: str
    """URL (relative to the site root) of the image to show: the web copy, or the original."""
    original: str
    """URL (relative to the site root) of the original, to link for a closer look."""
    width: int
    height: int
    """Size of the image at `src`, as the browser shows it, so pages do not jump while loading."""


def web_image(board_or_data_dir, rel_path: str) -> WebImage:
    """The image at `rel_path` (posix, relative to data/) as published under media/."""
    source = Path(_data_dir(board_or_data_dir)) / rel_path
    stat = source.stat()
    width, height, web_bytes = _measure(str(source), stat.st_mtime_ns, stat.st_size)
    original = posixpath.join(MEDIA, rel_path)
    files = [GeneratedFile(original, source=str(source))]
    if web_bytes is None:
        return WebImage(files, original, original, width, height)
    src = web_path(original)
    files.append(GeneratedFile(src, content=web_bytes))
    return WebImage(files, src, original, width, height)


def web_path(original: str) -> str:
    """media/photos/a.png -> media/photos/a.web.jpg."""
    stem, _ext = posixpath.splitext(original)
    return f"{stem}.web.jpg"


def unique_files(images: Iterable[WebImage]) -> List[GeneratedFile]:
    """The files of several images, each once: two items may show the same photo."""
    seen = {}
    for image in images:
        for generated in image.files:
            seen.setdefault(generated.dest_uri, generated)
    return list(seen.values())


def needs_web_copy(width: int, size: int) -> bool:
    return width > MAX_WIDTH or size > MAX_BYTES


# Cached by path, time and size: pages and the screen ask for the same cover in one build, and
# `mkdocs serve` rebuilds often; a changed file has a new time, so it is never served stale.
@functools.lru_cache(maxsize=256)
def _measure(path: str, _mtime_ns: int, size: int) -> Tuple[int, int, Union[bytes, None]]:
    """Shown width and height, and the web copy's bytes (None when the original will do)."""
    with Image.open(path) as opened:
        upright = ImageOps.exif_transpose(opened)
        if not needs_web_copy(upright.width, size):
            return upright.width, upright.height, None
        web = _resized(upright)
        profile = opened.info.get("icc_profile")
    return web.width, web.height, _jpeg_bytes(web, profile)


def _resized(image: Image.Image) -> Image.Image:
    if image.mode not in ("RGB", "L"):
        image = _flattened(image)
    if image.width <= WEB_WIDTH:
        return image.copy()
    height = max(1, round(image.height * WEB_WIDTH / image.width))
    return image.resize((WEB_WIDTH, height), Image.Resampling.LANCZOS)


def _flattened(image: Image.Image) -> Image.Image:
    """Transparency on white: JPEG has no alpha, and black would hide dark drawings."""
    rgba = image.convert("RGBA")
    background = Image.new("RGB", rgba.size, (255, 255, 255))
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background


def _jpeg_bytes(image: Image.Image, profile: Union[bytes, None]) -> bytes:
    # No exif: camera, time and GPS stay out of the web copy. The colour profile stays.
    buffer = io.BytesIO()
    options = {"quality": WEB_QUALITY, "optimize": True, "progressive": True}
    if profile:
        options["icc_profile"] = profile
    image.save(buffer, "JPEG", **options)
    return buffer.getvalue()


def _data_dir(board_or_data_dir) -> str:
    campaign = getattr(board_or_data_dir, "campaign", None)
    return campaign.data_dir if campaign is not None else os.fspath(board_or_data_dir)
