"""Safe image loading: every bad kind gets its own clear ImageError; good kinds normalise."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from facevqa.errors import ImageError
from facevqa.images import load_image


def _png(img: Image.Image, fmt: str = "PNG", **kw) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **kw)
    return buf.getvalue()


RGB = Image.new("RGB", (64, 48), (200, 100, 50))

BAD = [
    (b"", "empty"),  # zero bytes
    (b"hello, I am text", "not a recognised image"),  # text pretending to be an image
    (_png(RGB, "JPEG")[:200], "corrupt or truncated"),  # truncated JPEG
    (_png(RGB)[:60], "corrupt or truncated"),  # truncated PNG
    (_png(Image.new("RGB", (1, 1))), "too small"),  # 1x1 image
    (np.zeros((0, 5, 3), np.uint8), "empty array"),  # zero-size array
    (np.zeros((10, 10, 5), np.uint8), "not HxW"),  # wrong channel count
    (np.full((10, 10), np.nan), "NaN"),  # non-finite floats
    (12345, "unsupported image input"),  # wrong Python type
    ("/nonexistent/face.jpg", "no such file"),  # missing path
]


@pytest.mark.parametrize("data,message", BAD, ids=[m for _, m in BAD])
def test_bad_inputs_raise_clear_errors(data, message):
    with pytest.raises(ImageError, match=message):
        load_image(data)


def test_directory_path(tmp_path):
    with pytest.raises(ImageError, match="directory"):
        load_image(tmp_path)


def test_pixel_limit_and_decompression_bomb():
    big = _png(Image.new("L", (3000, 3000)))
    with pytest.raises(ImageError, match="pixel limit"):
        load_image(big, max_pixels=1_000_000)
    bomb = _png(Image.new("1", (20000, 20000)))  # 400 Mpx that compress to a few kB
    with pytest.raises(ImageError, match="limit|bomb"):
        load_image(bomb)


GOOD = [
    (lambda: _png(RGB.convert("CMYK"), "JPEG"), "cmyk jpeg"),
    (lambda: _png(Image.fromarray(np.full((20, 30), 40000, np.uint16))), "16-bit png"),
    (lambda: _png(RGB.convert("P")), "palette"),
    (lambda: _png(Image.new("RGBA", (20, 20), (0, 0, 0, 0))), "transparent rgba -> white"),
    (lambda: _png(RGB.convert("L")), "grayscale"),
    (lambda: np.random.default_rng(0).random((20, 30, 3)), "float array"),
    (lambda: np.zeros((20, 30), np.uint16), "uint16 array"),
]


@pytest.mark.parametrize("make,name", GOOD, ids=[n for _, n in GOOD])
def test_good_inputs_become_rgb(make, name):
    img = load_image(make())
    assert img.mode == "RGB" and min(img.size) >= 8


def test_transparent_becomes_white():
    img = load_image(_png(Image.new("RGBA", (20, 20), (0, 0, 0, 0))))
    assert img.getpixel((5, 5)) == (255, 255, 255)


@pytest.mark.parametrize("orientation,size", [(1, (64, 48)), (3, (64, 48)), (6, (48, 64)),
                                              (8, (48, 64)), (5, (48, 64)), (2, (64, 48))])
def test_exif_orientation_is_applied(orientation, size):
    exif = Image.Exif()
    exif[0x0112] = orientation
    img = load_image(_png(RGB, "JPEG", exif=exif.tobytes()))
    assert img.size == size


def test_paths_bytes_files_and_first_frame(tmp_path):
    frames = [Image.new("RGB", (32, 32), c) for c in ((255, 0, 0), (0, 255, 0))]
    gif = tmp_path / "anim ünïcode.gif"
    frames[0].save(gif, save_all=True, append_images=frames[1:])
    img = load_image(gif)
    assert img.getpixel((1, 1))[0] > 200  # first frame (red)
    with open(gif, "rb") as f:
        assert load_image(f).size == (32, 32)
