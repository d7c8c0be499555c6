"""load_image on inputs that used to escape as raw exceptions or hang: pipes and devices, names
too long for the file system, closed or text streams, and bytes mutated at random (a seeded
fuzz over every format Pillow writes here). Each must end as one ImageError, quickly."""

from __future__ import annotations

import io
import os
import random
import threading

import numpy as np
import pytest
from corpus import avif_missing_item, face_photo
from PIL import Image

from facevqa.errors import ImageError
from facevqa.images import load_image


def load_within(x, seconds: float = 10.0):
    """load_image(x) in a thread; fail (instead of hanging the suite) if it blocks."""
    box: dict = {}

    def work() -> None:
        try:
            box["image"] = load_image(x)
        except BaseException as e:  # noqa: BLE001 - handed to the test thread to assert on
            box["error"] = e

    t = threading.Thread(target=work, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), f"load_image({x!r}) blocked for {seconds}s"
    if "error" in box:
        raise box["error"]
    return box["image"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX named pipes")
def test_pipe_is_refused_not_read(tmp_path):
    pipe = tmp_path / "face.jpg"
    os.mkfifo(pipe)
    with pytest.raises(ImageError, match="not a regular file"):
        load_within(pipe)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_endless_device_is_refused_not_read():
    with pytest.raises(ImageError, match="not a regular file"):
        load_within("/dev/zero")


def test_name_too_long_and_odd_paths(tmp_path):
    with pytest.raises(ImageError, match="too long"):
        load_within(tmp_path / ("x" * 300 + ".jpg"))
    with pytest.raises(ImageError, match="cannot read|no such file"):
        load_within(str(tmp_path / "a\0b.jpg"))
    (tmp_path / "file").write_bytes(b"x")
    with pytest.raises(ImageError, match="cannot read|no such file"):
        load_within(tmp_path / "file" / "under_a_file.jpg")


def test_closed_and_text_streams():
    fh = io.BytesIO(b"\x89PNG")
    fh.close()
    with pytest.raises(ImageError, match="cannot read the image stream"):
        load_within(fh)
    with pytest.raises(ImageError, match="binary mode"):
        load_within(io.StringIO("not bytes"))


def test_avif_decoder_runtime_error_becomes_image_error():
    data = avif_missing_item(face_photo())
    with pytest.raises(ImageError, match="corrupt|not a recognised"):
        load_within(data)


def _seeds() -> dict[str, bytes]:
    rng = np.random.default_rng(0)
    img = Image.fromarray(rng.integers(0, 256, (24, 32, 3), dtype=np.uint8))
    exif = Image.Exif()
    exif[0x0112] = 6
    out = {}
    for fmt, kw in (("JPEG", {"exif": exif.tobytes()}), ("PNG", {}), ("BMP", {}),
                    ("GIF", {"save_all": True, "append_images": [img]}),
                    ("TIFF", {"save_all": True, "append_images": [img]}), ("WEBP", {}),
                    ("ICO", {}), ("TGA", {}), ("AVIF", {})):
        buf = io.BytesIO()
        try:
            img.save(buf, fmt, **kw)
        except (KeyError, OSError):  # a format this Pillow cannot write
            continue
        out[fmt] = buf.getvalue()
    return out


def test_seeded_fuzz_only_image_errors():
    r = random.Random(7)
    for fmt, data in _seeds().items():
        for _ in range(40):
            d = bytearray(data)
            for _ in range(r.randint(1, 8)):
                d[r.randrange(len(d))] = r.randrange(256)
            if r.random() < 0.3:
                d = d[:r.randrange(len(d))]
            try:
                img = load_image(bytes(d))
            except ImageError:
                continue
            assert img.mode == "RGB" and min(img.size) >= 8, fmt
