"""Before/after photos for a generated campaign: distinct, decodable JPEG and PNG files of a
phone photo's pixel size, the same bytes for the same numbers, made fast enough for thousands."""

from __future__ import annotations

import functools
import io
import random
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1600, 1200
"""A phone photo as a clerk sends it: large enough that decoding it costs what a real one does."""
MARGIN = 400
SCREENSHOT_EVERY = 10
"""One photo in ten is a PNG (a screenshot, flat colours); the others are JPEG."""
JPEG_QUALITY = 70


@functools.lru_cache(maxsize=2)
def canvas(textured: bool) -> Image.Image:
    """Gradients, with a grain like a camera's in the photos' canvas; each photo is a crop of it."""
    size = (WIDTH + MARGIN, HEIGHT + MARGIN)
    ramp = Image.linear_gradient("L").resize(size)
    channels = [ramp, Image.radial_gradient("L").resize(size), ramp.rotate(90).resize(size)]
    if textured:
        noise = random.Random("grain").randbytes(size[0] * size[1])
        grain = Image.frombytes("L", size, noise).filter(ImageFilter.GaussianBlur(2))
        channels = [ImageChops.add(channel, grain, 1.0, -128) for channel in channels]
    return Image.merge("RGB", channels)


def photo(number: int) -> bytes:
    """Photo `number`: a crop of the canvas at its own place, with its own coloured blocks."""
    rng = random.Random(f"photo-{number}")
    screenshot = number % SCREENSHOT_EVERY == SCREENSHOT_EVERY - 1
    left, top = rng.randrange(MARGIN), rng.randrange(MARGIN)
    image = canvas(not screenshot).crop((left, top, left + WIDTH, top + HEIGHT))
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randrange(WIDTH - 100), rng.randrange(HEIGHT - 100)
        box = (x, y, x + rng.randrange(20, 300), y + rng.randrange(20, 300))
        draw.rectangle(box, fill=tuple(rng.randrange(256) for _ in range(3)))
    out = io.BytesIO()
    if screenshot:
        image.save(out, "PNG")
    else:
        image.save(out, "JPEG", quality=JPEG_QUALITY)
    return out.getvalue()


def suffix(number: int) -> str:
    return ".png" if number % SCREENSHOT_EVERY == SCREENSHOT_EVERY - 1 else ".jpg"


def write_photos(folder: Path, names: dict) -> None:
    """Write each photo number's file under `folder` by its name in `names` (number -> name)."""
    folder.mkdir(parents=True, exist_ok=True)
    for number, name in names.items():
        (folder / name).write_bytes(photo(number))
