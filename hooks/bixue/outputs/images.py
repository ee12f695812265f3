"""Images from data/ for the site: a clean upright copy without metadata, and a web copy."""

from __future__ import annotations

import hashlib
import io
import os
import posixpath
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Iterable, List, Optional, Union

from PIL import Image, ImageCms, ImageOps, JpegImagePlugin

from ..contents import GeneratedFile
from ..session import build_session, disk_cache
from ..session.file_digests import FileDigests

MEDIA = "media"
"""Folder of the site that holds every image taken from data/, under its path in data/."""
MAX_WIDTH = 1600
MAX_BYTES = 500 * 1024
"""Above either, a phone would download more than it can show: a web copy is made."""
WEB_WIDTH = 1280
WEB_QUALITY = 82
FORMATS = MappingProxyType({"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP"})
"""Formats published as they are (a phone's MPO is a JPEG); any other becomes a PNG."""
SUFFIX = MappingProxyType({"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"})
SUFFIXES = MappingProxyType(
    {".jpg": (".jpg", ".jpeg", ".jpe", ".jfif"), ".png": (".png",), ".webp": (".webp",)}
)
"""File name endings that already say the published format; any other gets SUFFIX added."""
PNG_MODES = ("1", "L", "LA", "I", "I;16", "P", "RGB", "RGBA")


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
    """The image at `rel_path` (posix, relative to data/) as published under media/: always a
    clean copy, upright and without metadata, and a lighter web copy when it is big."""
    source = Path(_data_dir(board_or_data_dir)) / rel_path
    stat = source.stat()
    public = getattr(board_or_data_dir, "public", False)
    times = (stat.st_mtime_ns, stat.st_ctime_ns)
    measured = _measured(str(source), *times, stat.st_size, public)
    original = published_path(rel_path, measured, public)
    files = [GeneratedFile(original, content=measured.clean)]
    if measured.web is None:
        return WebImage(files, original, original, measured.width, measured.height)
    src = web_path(original)
    files.append(GeneratedFile(src, content=measured.web))
    return WebImage(files, src, original, measured.web_width, measured.web_height)


def published_path(rel_path: str, measured: Measured, public: bool) -> str:
    """media/<path in data/>; in the public build media/<digest of the image>, so that no name
    from data/ (a person's, an internal case's, a folder's) reaches the public site."""
    if public:
        digest = hashlib.sha256(measured.clean).hexdigest()[:16]
        return f"{MEDIA}/{digest}{measured.suffix}"
    ext = posixpath.splitext(rel_path)[1]
    kept = ext.lower() in SUFFIXES[measured.suffix]
    return posixpath.join(MEDIA, rel_path if kept else rel_path + measured.suffix)


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


@dataclass(frozen=True)
class Measured:
    """An image read once: its clean copy, the web copy when one is needed, and their sizes."""

    clean: bytes
    suffix: str
    width: int
    height: int
    web: Optional[bytes]
    web_width: int
    web_height: int


def _measured(path: str, mtime_ns: int, ctime_ns: int, size: int, public: bool) -> Measured:
    """Kept by the build session by path, times and size: pages and the screen ask for the same
    cover in one build, and `mkdocs serve` rebuilds often. A file written again has a new change
    time (ctime) even when a tool puts its old modification time back (cp -p, tar, exiftool -P),
    so it is never served stale. Between builds, disk_cache keeps the result by a digest of the
    image's bytes (the session's file_digests: not read again while its mark is the same). The
    public build's copies are kept apart: they have no colour profile."""
    session = build_session.current()
    if session is None:
        return _measure(path, size, public)
    key = f"{path}\0{mtime_ns}\0{ctime_ns}\0{size}\0{public}"
    return session.images.get(key, lambda: _measure(path, size, public, session.file_digests))


def _measure(path: str, size: int, public: bool, digests: Optional[FileDigests] = None) -> Measured:
    kind = "public-images" if public else "images"
    source = None if digests else Path(path).read_bytes()
    digest = digests.digest(path) if digests else hashlib.sha256(source).hexdigest()
    entry_key = disk_cache.key(kind, f"sha256:{digest}".encode())
    kept = disk_cache.load(kind, entry_key)
    if kept is not None and _sound(kept):
        return Measured(web=kept.get("web"), **{name: kept[name] for name in ("clean", *SIZES)})
    if source is None:
        source = Path(path).read_bytes()
        read = hashlib.sha256(source).hexdigest()
        if read != digest:  # written since it was digested: kept by the bytes processed
            entry_key = disk_cache.key(kind, f"sha256:{read}".encode())
    measured = _processed(source, size, public)
    fields = {name: getattr(measured, name) for name in SIZES}
    parts = {"clean": measured.clean, **({"web": measured.web} if measured.web else {})}
    disk_cache.store(kind, entry_key, fields, parts)
    return measured


SIZES = ("suffix", "width", "height", "web_width", "web_height")


def _sound(kept: dict) -> bool:
    """Whether a cache entry is one this module wrote: the cache folder is not trusted, and its
    suffix becomes part of a published file's name."""
    web = kept.get("web")
    sizes = ("width", "height") + (("web_width", "web_height") if web is not None else ())
    suffix = kept.get("suffix")
    return (
        isinstance(suffix, str)
        and suffix in SUFFIXES
        and isinstance(kept.get("clean"), bytes)
        and (web is None or isinstance(web, bytes))
        and all(_pixels(kept.get(name)) for name in sizes)
    )


def _pixels(value) -> bool:
    return type(value) is int and 0 < value <= 1_000_000


def _processed(source: bytes, size: int, public: bool = False) -> Measured:
    with Image.open(io.BytesIO(source)) as opened:
        fmt = FORMATS.get(opened.format or "", "PNG")
        profile = opened.info.get("icc_profile")
        upright = ImageOps.exif_transpose(opened)
        if public and profile:
            # A profile's description and copyright tags are free text (a name, a phone number).
            upright, profile = _in_srgb(upright, profile), None
            clean = _encoded(upright, fmt, None, _sampling(opened))
        elif opened.format == "JPEG" and _untouched(opened):
            clean = _jpeg_kept(opened, profile)
        else:
            clean = _encoded(upright, fmt, profile, _sampling(opened))
        if not needs_web_copy(upright.width, size):
            return Measured(clean, SUFFIX[fmt], upright.width, upright.height, None, 0, 0)
        web = _resized(upright)
    jpeg = _jpeg_bytes(web, profile)
    return Measured(clean, SUFFIX[fmt], upright.width, upright.height, jpeg, *web.size)


def _in_srgb(image: Image.Image, profile: bytes) -> Image.Image:
    """The pixels in sRGB, what a browser assumes without a profile, so colours stay close; a
    profile Pillow cannot read, or an image mode it cannot convert, is simply left out."""
    modes = {"RGB": "RGB", "CMYK": "RGB", "RGBA": "RGBA"}
    if image.mode not in modes:
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        srgb = ImageCms.createProfile("sRGB")
        return ImageCms.profileToProfile(image, source, srgb, outputMode=modes[image.mode])
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image


def _encoded(image: Image.Image, fmt: str, profile, sampling: int) -> bytes:
    """The pixels alone, in `fmt`: no EXIF (GPS, camera, owner), XMP, comments or text chunks.
    A new image holds nothing of the old one's info but its transparency."""
    bare = _bare(image)
    options = {"icc_profile": profile} if profile else {}
    if fmt == "JPEG":
        if bare.mode not in ("RGB", "L", "CMYK"):
            bare = _flattened(bare)
        options.update(quality=95, optimize=True, subsampling=max(sampling, 0))
    elif fmt == "WEBP":
        bare = bare if bare.mode in ("RGB", "RGBA") else bare.convert("RGBA")
        options.update(quality=95, method=4)
    else:
        bare = bare if bare.mode in PNG_MODES else bare.convert("RGBA")
        options.update(optimize=True)
    buffer = io.BytesIO()
    bare.save(buffer, fmt, **options)
    return buffer.getvalue()


def _untouched(opened: Image.Image) -> bool:
    """Whether a JPEG is upright as stored (no turn or mirror to apply)."""
    return opened.getexif().get(0x0112, 1) == 1 and opened.mode in ("RGB", "L", "CMYK")


def _jpeg_kept(opened: Image.Image, profile) -> bytes:
    """An upright JPEG again with its own quantisation and subsampling, so it neither grows nor
    loses more than a re-encoding must; only what is passed here is written: no EXIF, no XMP,
    and the empty comment replaces the original's."""
    buffer = io.BytesIO()
    options = {"icc_profile": profile} if profile else {}
    opened.save(buffer, "JPEG", quality="keep", optimize=True, comment=b"", **options)
    return buffer.getvalue()


def _bare(image: Image.Image) -> Image.Image:
    # Pillow's encoders take comments, XMP and profiles from `info` unless told otherwise.
    bare = image.copy()
    bare.info = {key: image.info[key] for key in ("transparency",) if key in image.info}
    return bare


def _sampling(opened: Image.Image) -> int:
    """The original JPEG's chroma subsampling, kept so a clean copy looks the same (-1: none)."""
    return JpegImagePlugin.get_sampling(opened) if opened.format in ("JPEG", "MPO") else -1


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
    # No metadata: camera, time and GPS stay out of the web copy. The colour profile stays.
    buffer = io.BytesIO()
    options = {"quality": WEB_QUALITY, "optimize": True, "progressive": True}
    if profile:
        options["icc_profile"] = profile
    _bare(image).save(buffer, "JPEG", **options)
    return buffer.getvalue()


def _data_dir(board_or_data_dir) -> str:
    campaign = getattr(board_or_data_dir, "campaign", None)
    return campaign.data_dir if campaign is not None else os.fspath(board_or_data_dir)
