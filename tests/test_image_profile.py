"""A colour profile's text tags (description, copyright) never reach the public site."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pytest
from bixue.outputs import images
from PIL import Image, ImageCms

PHONE = "T 13800138000"


def profile_with_phone() -> bytes:
    """An sRGB profile whose description tag holds a phone number instead of its name."""
    plain = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    name = "sRGB built-in".encode("utf-16-be")
    assert plain.count(name) == 1 and len(PHONE) == len("sRGB built-in")
    profile = plain.replace(name, PHONE.encode("utf-16-be"))
    described = ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(profile)))
    assert PHONE in described  # a reader of the profile shows the number
    return profile


def photo(path, fmt: str, size=(640, 480)):
    picture = Image.new("RGB", size, (200, 30, 40))
    picture.paste((20, 60, 220), (0, 0, size[0] // 2, size[1] // 3))
    picture.save(path, fmt, icc_profile=profile_with_phone())
    return path


def published(data_dir, rel_path: str, public: bool) -> list:
    board = SimpleNamespace(campaign=SimpleNamespace(data_dir=str(data_dir)), public=public)
    return [generated.content for generated in images.web_image(board, rel_path).files]


def traces(content: bytes) -> list:
    with Image.open(io.BytesIO(content)) as shown:
        profile = shown.info.get("icc_profile")
    raw = [PHONE.encode(enc) for enc in ("utf-16-be", "utf-8")]
    return [*(["icc_profile"] if profile else []), *(r for r in raw if r in content)]


@pytest.mark.parametrize(
    "fmt, name, size",
    [
        ("JPEG", "a.jpg", (640, 480)),
        ("PNG", "b.png", (640, 480)),
        ("JPEG", "big.jpg", (2000, 1500)),  # a web copy too
    ],
)
def test_the_public_copies_carry_no_profile_nor_its_text(tmp_path, fmt, name, size):
    photo(tmp_path / name, fmt, size)
    files = published(tmp_path, name, public=True)
    assert len(files) == (2 if size[0] > images.MAX_WIDTH else 1)
    assert [traces(content) for content in files] == [[]] * len(files)


def test_the_public_copy_keeps_its_colours_in_srgb(tmp_path):
    photo(tmp_path / "b.png", "PNG")
    [content] = published(tmp_path, "b.png", public=True)
    with Image.open(io.BytesIO(content)) as shown:
        assert shown.convert("RGB").getpixel((600, 400)) == pytest.approx((200, 30, 40), abs=3)


def test_the_internal_build_keeps_the_profile(tmp_path):
    photo(tmp_path / "a.jpg", "JPEG")
    [content] = published(tmp_path, "a.jpg", public=False)
    with Image.open(io.BytesIO(content)) as shown:
        assert shown.info.get("icc_profile") == profile_with_phone()


def test_an_internal_copy_in_the_disk_cache_is_not_the_public_one(tmp_path, monkeypatch):
    monkeypatch.setenv("BIXUE_CACHE", str(tmp_path / "cache"))
    photo(tmp_path / "a.jpg", "JPEG")
    internal = published(tmp_path, "a.jpg", public=False)
    public = published(tmp_path, "a.jpg", public=True)
    assert traces(internal[0])[0] == "icc_profile" and traces(public[0]) == []
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == ["images", "public-images"]
