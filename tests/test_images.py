"""Published images: every one upright and without metadata, big ones resized, sizes reported."""

from __future__ import annotations

import io

import pytest
from bixue.outputs import images
from conftest import ROOT, soup
from PIL import Image


def save_photo(path, size, exif_orientation=None, noise=False):
    path.parent.mkdir(parents=True, exist_ok=True)
    photo = Image.effect_noise(size, 80).convert("RGB") if noise else Image.new("RGB", size, "red")
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    if exif_orientation:
        exif[0x0112] = exif_orientation
    photo.save(path, "JPEG", quality=95, exif=exif.tobytes())
    return path


def opened(content: bytes) -> Image.Image:
    return Image.open(io.BytesIO(content))


def test_a_small_image_is_published_once_as_a_clean_copy(tmp_path):
    save_photo(tmp_path / "photos" / "a.jpg", (800, 600))
    image = images.web_image(tmp_path, "photos/a.jpg")
    assert image.src == image.original == "media/photos/a.jpg"
    assert (image.width, image.height) == (800, 600)
    assert [f.dest_uri for f in image.files] == ["media/photos/a.jpg"]
    with opened(image.files[0].content) as shown:
        assert (shown.format, shown.size, dict(shown.getexif())) == ("JPEG", (800, 600), {})


def test_a_wide_image_gets_a_smaller_web_copy(tmp_path):
    original = save_photo(tmp_path / "photos" / "wide.jpg", (3000, 2000), noise=True)
    image = images.web_image(tmp_path, "photos/wide.jpg")
    assert image.original == "media/photos/wide.jpg"
    assert image.src == "media/photos/wide.web.jpg"
    web = next(f for f in image.files if f.dest_uri == image.src)
    assert len(web.content) < original.stat().st_size
    with opened(web.content) as shown:
        assert shown.format == "JPEG"
        assert shown.size == (image.width, image.height) == (1280, 853)
        assert not shown.getexif()


def test_a_heavy_image_of_modest_width_is_recompressed(tmp_path):
    original = save_photo(tmp_path / "heavy.jpg", (1500, 1500), noise=True)
    assert original.stat().st_size > images.MAX_BYTES
    image = images.web_image(tmp_path, "heavy.jpg")
    assert image.src == "media/heavy.web.jpg"
    assert (image.width, image.height) == (1280, 1280)


def test_exif_orientation_is_applied_before_measuring(tmp_path):
    save_photo(tmp_path / "turned.jpg", (3000, 2000), exif_orientation=6)
    image = images.web_image(tmp_path, "turned.jpg")
    assert (image.width, image.height) == (1280, 1920)
    with opened(image.files[-1].content) as shown:
        assert shown.size == (1280, 1920)


def test_small_turned_photo_is_published_upright(tmp_path):
    save_photo(tmp_path / "turned.jpg", (400, 300), exif_orientation=8)
    image = images.web_image(tmp_path, "turned.jpg")
    assert image.src == image.original
    assert (image.width, image.height) == (300, 400)
    with opened(image.files[0].content) as shown:
        assert shown.size == (300, 400) and not shown.getexif()


def test_transparent_png_becomes_jpeg_on_white(tmp_path):
    Image.new("RGBA", (2000, 1000), (0, 0, 0, 0)).save(tmp_path / "logo.png")
    image = images.web_image(tmp_path, "logo.png")
    assert image.src == "media/logo.web.jpg"
    with opened(image.files[-1].content) as shown:
        assert shown.getpixel((10, 10)) == pytest.approx((255, 255, 255), abs=2)


def test_the_web_copy_is_the_same_bytes_every_time(tmp_path, monkeypatch):
    save_photo(tmp_path / "wide.jpg", (2400, 1600), noise=True)
    first = images.web_image(tmp_path, "wide.jpg").files[-1].content
    monkeypatch.setenv("BIXUE_CACHE", str(tmp_path / "another-cache"))
    assert images.web_image(tmp_path, "wide.jpg").files[-1].content == first


def test_a_board_names_its_data_folder(tmp_path):
    save_photo(tmp_path / "a.jpg", (100, 50))

    class Campaign:
        data_dir = str(tmp_path)

    class Board:
        campaign = Campaign()

    assert images.web_image(Board(), "a.jpg").width == 100


def test_unique_files_keeps_each_destination_once(tmp_path):
    save_photo(tmp_path / "wide.jpg", (2400, 1600))
    save_photo(tmp_path / "small.jpg", (200, 100))
    shown = [images.web_image(tmp_path, name) for name in ("wide.jpg", "small.jpg", "wide.jpg")]
    dests = [f.dest_uri for f in images.unique_files(shown)]
    assert dests == ["media/wide.jpg", "media/wide.web.jpg", "media/small.jpg"]


def test_demo_big_photo_is_published_resized_with_its_size_on_the_page(demo_site):
    media = demo_site / "media" / "rectifications" / "photos"
    original = ROOT / "data" / "rectifications" / "photos" / "ZG-2014-003-before.jpg"
    web = media / "ZG-2014-003-before.web.jpg"
    assert web.is_file() and (media / original.name).is_file()
    assert web.stat().st_size < original.stat().st_size
    page = soup(demo_site, "rectification/")
    img = page.select_one('img[src$="ZG-2014-003-before.web.jpg"]')
    with Image.open(web) as shown:
        assert shown.width <= images.WEB_WIDTH
        assert (int(img["width"]), int(img["height"])) == shown.size
    assert img.find_parent("a")["href"].endswith("media/rectifications/photos/" + original.name)
