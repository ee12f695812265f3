"""What an image named in the data must be: a whole JPEG, PNG, GIF or WebP picture of sane size,
decoded with Pillow at load time so a broken or hostile file stops the build, not a page; bytes
that passed once are not decoded again (disk_cache)."""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from types import MappingProxyType
from typing import Optional, Tuple

import PIL
from PIL import Image

from ..session import disk_cache
from . import mdsafety
from .datafiles import path_problem
from .fields import text
from .reading import Source
from .yamlfile import Node

MAX_IMAGE_BYTES = 20 * 1024 * 1024
MAX_IMAGE_PIXELS = 50_000_000
"""5000 万像素: more than any phone photo; a decompression bomb claims billions."""
SUFFIXES = MappingProxyType(
    {
        ".jpg": "JPEG",
        ".jpeg": "JPEG",
        ".png": "PNG",
        ".gif": "GIF",
        ".webp": "WEBP",
    }
)
"""Extension -> the format Pillow must find inside (MPO, a camera's JPEG, counts as JPEG)."""
FORMAT_NAMES = MappingProxyType(
    {"JPEG": "JPG", "MPO": "JPG", "PNG": "PNG", "GIF": "GIF", "WEBP": "WebP"}
)
RESAVE = "用看图软件打开，另存为 JPG 或 PNG"
PASSED = "image-checks"
"""disk_cache's kind for images that passed: 3,500 photos were decoded again at every build."""
RULES = f"1-{MAX_IMAGE_BYTES}-{MAX_IMAGE_PIXELS}-{PIL.__version__}"
"""Part of every kept verdict's key: raise the first number when a check changes (a new Pillow
decodes differently too), and no image passes by a verdict of the old rules."""

Problem = Tuple[str, str]


def image_problem(file: Path) -> Optional[Problem]:
    """Why `file` (a regular file inside data/) cannot be published as an image, or None."""
    suffix = file.suffix.lower()
    if suffix in (".svg", ".svgz"):
        return "不能用 SVG 图片（SVG 里可以藏脚本）", RESAVE
    if suffix not in SUFFIXES:
        return f"图片只能是 JPG、PNG、GIF 或 WebP，不能是 '{suffix or file.name}'", RESAVE
    if file.stat().st_size > MAX_IMAGE_BYTES:
        return too_large(file.stat().st_size)
    with open(file, "rb") as handle:  # read once: hashed, and decoded unless it passed before
        content = handle.read(MAX_IMAGE_BYTES + 1)  # not more, should it grow meanwhile
    if len(content) > MAX_IMAGE_BYTES:
        return too_large(file.stat().st_size)
    return content_problem(content, SUFFIXES[suffix])


def too_large(size: int) -> Problem:
    limit = MAX_IMAGE_BYTES // (1024 * 1024)
    return f"图片超过 {limit} MB 上限（实际 {size / 1024 / 1024:.1f} MB）", "缩小后再放进来"


def content_problem(content: bytes, expected: str) -> Optional[Problem]:
    """decoding_problem, or None without decoding for bytes that passed it before. Only a pass
    is kept: a failure stops the build, so the next check is of the mended file. The entry must
    be exactly what is stored, naming its own key, or it counts as absent."""
    entry_key = disk_cache.key(PASSED, f"{RULES}\0{expected}\0".encode() + content)
    if disk_cache.load(PASSED, entry_key) == {"passed": entry_key}:
        return None
    problem = decoding_problem(io.BytesIO(content), expected)
    if problem is None:
        disk_cache.store(PASSED, entry_key, {"passed": entry_key}, {})
    return problem


def decoding_problem(file: io.BytesIO, expected: str) -> Optional[Problem]:
    """Open the header, check format and pixel count, then decode every pixel."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(file) as image:
                problem = header_problem(image, expected)
                if problem is None:
                    # A JPEG decoded at 1/8 scale still reads every byte (a cut file fails), in
                    # half the time: this check runs for every photo not checked before.
                    image.draft(image.mode, tuple(max(1, side // 8) for side in image.size))
                    image.load()
                return problem
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            return too_many_pixels("")
        except Image.UnidentifiedImageError:
            return "这个文件不是图片，或是不支持的格式（如 HEIC）", RESAVE
        # Pillow's decoders raise OSError, SyntaxError, ValueError, EOFError… for a broken file:
        # any of them means the same to the clerk.
        except Exception:
            return "图片不完整或已损坏（可能只拷贝了一部分）", "重新从原处拷贝这张图片，或" + RESAVE


def header_problem(image: Image.Image, expected: str) -> Optional[Problem]:
    found = "JPEG" if image.format == "MPO" else image.format
    if found != expected:
        name = FORMAT_NAMES.get(found or "", found or "未知")
        wanted = {kind: suffix for suffix, kind in SUFFIXES.items() if suffix != ".jpeg"}
        wanted = wanted.get(found or "", "")
        hint = f"把扩展名改为 {wanted}" if wanted else RESAVE
        return f"图片的扩展名和内容不符：内容是 {name} 格式", hint
    width, height = image.size
    if width * height > MAX_IMAGE_PIXELS:
        return too_many_pixels(f"{width}×{height} 像素，")
    return None


def too_many_pixels(shown: str) -> Problem:
    limit = f"{MAX_IMAGE_PIXELS // 10_000:,} 万像素".replace(",", "")
    return f"图片太大：{shown}超过 {limit}的上限", "缩小后再放进来"


def image_path(source: Source, node: Optional[Node], name: str) -> Optional[str]:
    """A path relative to the file naming it, returned relative to data/ (posix)."""
    value = text(source, node, name)
    if value is None:
        return None
    try:
        return checked_image(source, node, name, value)
    except (OSError, ValueError):  # a name too long, or holding NUL: no file has it
        hint = "路径太长，或含有文件名里不能有的字符"
        source.error(node.line, name, f"找不到图片文件：'{mdsafety.shorten(value)}'", hint)
        return None


def checked_image(source: Source, node: Node, name: str, value: str) -> Optional[str]:
    data_dir = source.reading.data_dir.resolve()
    target = (source.file.parent / value).resolve()
    if not target.is_relative_to(data_dir):
        hint = "路径相对于本文件所在的文件夹"
        source.error(node.line, name, f"图片必须放在 data/ 文件夹里面：'{value}'", hint)
        return None
    if not target.exists() and not (source.file.parent / value).is_symlink():
        hint = "路径相对于本文件所在的文件夹，注意大小写和扩展名"
        source.error(node.line, name, f"找不到图片文件：'{value}'", hint)
        return None
    problem = path_problem(data_dir, source.file.parent / value, "图片") or image_problem(target)
    if problem:
        source.error(node.line, name, f"'{value}'：{problem[0]}", problem[1])
        return None
    return target.relative_to(data_dir).as_posix()
