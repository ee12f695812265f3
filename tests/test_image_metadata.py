"""No published image carries metadata: GPS, camera, owner, descriptions, comments, XMP."""

from __future__ import annotations

import io

import pytest
from bixue.outputs import images
from PIL import Image, PngImagePlugin

SECRET = "张三的手机 GPS 34.7N"


def gps_exif(orientation: int = 1) -> bytes:
    """EXIF as a phone writes it: camera, owner, a description and a GPS position."""
    exif = Image.Exif()
    exif[0x010F] = "Phone maker"
    exif[0x013B] = "Zhang San"  # Artist
    exif[0x010E] = SECRET  # ImageDescription
    exif[0x8298] = "Copyright Zhang San"
    exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (34.0, 45.0, 30.0), 3: "E", 4: (115.0, 1.0, 2.0)})
    return exif.tobytes()


def jpeg_with_metadata(path, size=(640, 480), orientation=1):
    xmp = f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description>{SECRET}</rdf:Description>'
    photo = Image.new("RGB", size, "red")
    photo.paste((0, 0, 255), (0, 0, size[0] // 2, size[1] // 4))
    photo.save(path, "JPEG", exif=gps_exif(orientation), comment=SECRET.encode(), xmp=xmp.encode())
    return path


def leaked(content: bytes) -> list:
    """Every trace of the metadata left in published bytes, decoded or raw."""
    found = []
    with Image.open(io.BytesIO(content)) as shown:
        found += [f"exif {dict(shown.getexif())}"] if shown.getexif() else []
        found += [
            key for key in ("exif", "comment", "xmp", "XML:com.adobe.xmp") if key in shown.info
        ]
        found += [f"text {shown.text}"] if getattr(shown, "text", None) else []
    for needle in (SECRET.encode(), b"Zhang San", b"Exif\x00", b"GPS", b"xmpmeta"):
        found += [repr(needle)] if needle in content else []
    return found


@pytest.mark.parametrize("big", [False, True])
def test_a_jpeg_with_gps_is_published_without_any_metadata(tmp_path, big):
    jpeg_with_metadata(tmp_path / "p.jpg", (3000, 2000) if big else (640, 480))
    image = images.web_image(tmp_path, "p.jpg")
    assert len(image.files) == (2 if big else 1)
    for published in image.files:
        assert leaked(published.content) == [], published.dest_uri


def test_orientation_is_applied_before_the_metadata_goes(tmp_path):
    jpeg_with_metadata(tmp_path / "p.jpg", (640, 480), orientation=6)  # turned 90° clockwise
    with Image.open(io.BytesIO(images.web_image(tmp_path, "p.jpg").files[0].content)) as shown:
        assert shown.size == (480, 640)
        # the blue band, top-left in the stored pixels, is top-right once turned
        assert shown.getpixel((470, 10))[2] > 200 and shown.getpixel((10, 10))[0] > 200


def test_png_text_chunks_and_exif_are_dropped_transparency_kept(tmp_path):
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", SECRET)
    info.add_itxt("Description", SECRET)
    Image.new("RGBA", (64, 32), (0, 0, 0, 0)).save(
        tmp_path / "logo.png", pnginfo=info, exif=gps_exif()
    )
    published = images.web_image(tmp_path, "logo.png").files[0]
    assert published.dest_uri == "media/logo.png"
    assert leaked(published.content) == []
    with Image.open(io.BytesIO(published.content)) as shown:
        assert shown.convert("RGBA").getpixel((1, 1))[3] == 0


def test_another_format_is_published_as_png_under_a_name_that_says_so(tmp_path):
    Image.new("RGB", (40, 30), "green").save(tmp_path / "scan.tiff", tiffinfo={270: SECRET})
    published = images.web_image(tmp_path, "scan.tiff").files[0]
    assert published.dest_uri == "media/scan.tiff.png"
    assert leaked(published.content) == []


def test_the_public_build_names_images_by_their_content_only(tmp_path):
    jpeg_with_metadata(tmp_path / "张三 家门口#1.jpg")

    class Campaign:
        data_dir = str(tmp_path)

    class Board:
        campaign = Campaign()
        public = True

    image = images.web_image(Board(), "张三 家门口#1.jpg")
    assert image.original.startswith("media/") and image.original.endswith(".jpg")
    assert "张三" not in image.original and "#" not in image.original
    assert images.web_image(Board(), "张三 家门口#1.jpg").files == image.files


def test_an_upright_jpeg_keeps_its_quality_tables_and_size(tmp_path):
    photo = Image.effect_noise((800, 600), 60).convert("RGB")
    photo.save(tmp_path / "p.jpg", "JPEG", quality=70, exif=gps_exif(), comment=b"x")
    published = images.web_image(tmp_path, "p.jpg").files[0].content
    original = (tmp_path / "p.jpg").read_bytes()
    with Image.open(io.BytesIO(published)) as shown, Image.open(tmp_path / "p.jpg") as source:
        assert shown.quantization == source.quantization
    assert len(published) <= len(original) and leaked(published) == []
