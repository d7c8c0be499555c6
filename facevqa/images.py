"""Safe image decoding: one clear error per unusable input, normalised RGB for the rest."""

from __future__ import annotations

import io
import os
import stat
import struct
import warnings
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from facevqa.errors import ImageError

MAX_PIXELS = 40_000_000
"""Default pixel limit: larger images (and decompression bombs) are rejected."""
MAX_BYTES = 50 * 1024 * 1024
"""Default file-size limit in bytes."""
MIN_SIDE = 8
"""Images smaller than this on either side carry no usable face."""
DECODER_ERRORS = (OSError, SyntaxError, ValueError, EOFError, RuntimeError, struct.error,
                  IndexError, TypeError, ZeroDivisionError, KeyError)
"""What Pillow's decoders raise on malformed files. Pillow's own fuzzers accept any exception
from a bad file; these are the kinds seen (RuntimeError: the AVIF decoder, e.g. an AVIF whose
primary item is missing)."""


def load_image(x: Any, *, max_pixels: int = MAX_PIXELS, max_bytes: int = MAX_BYTES) -> Image.Image:
    """Decode `x` (path, PIL image, numpy array, bytes or file object) into EXIF-upright RGB.

    Raises ImageError with a message saying what is wrong with this one input.
    """
    if isinstance(x, Image.Image):
        return _normalise(x, max_pixels)
    if isinstance(x, np.ndarray):
        return _normalise(_from_array(x), max_pixels)
    if isinstance(x, (bytes, bytearray, memoryview)):
        data = bytes(x)
    elif isinstance(x, (str, os.PathLike)):
        data = _read_file(Path(x), max_bytes)
    elif hasattr(x, "read"):
        try:
            data = x.read(max_bytes + 1)
        except (OSError, ValueError) as e:  # ValueError: a closed file
            raise ImageError(f"cannot read the image stream: {e}") from e
        if not isinstance(data, (bytes, bytearray)):
            raise ImageError("the stream gave text, not bytes; open the file in binary mode")
    else:
        raise ImageError(f"unsupported image input of type {type(x).__name__}; "
                         "pass a path, PIL image, numpy array or bytes")
    if not data:
        raise ImageError("empty image data (0 bytes)")
    if len(data) > max_bytes:
        raise ImageError(f"image data is {len(data)} bytes, over the {max_bytes}-byte limit")
    return _normalise(_decode(data, max_pixels), max_pixels)


def _read_file(path: Path, max_bytes: int) -> bytes:
    try:
        st = path.stat()
    except FileNotFoundError:
        raise ImageError(f"no such file: {path}") from None
    except (OSError, ValueError) as e:  # name too long, permission denied, NUL in the name
        raise ImageError(f"cannot read {path}: {getattr(e, 'strerror', None) or e}") from e
    if stat.S_ISDIR(st.st_mode):
        raise ImageError(f"is a directory, not an image: {path}")
    if not stat.S_ISREG(st.st_mode):  # a pipe or device would block or never end
        raise ImageError(f"not a regular file (a pipe, socket or device): {path}")
    if st.st_size > max_bytes:
        raise ImageError(f"file is {st.st_size} bytes, over the {max_bytes}-byte limit: {path}")
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)  # the file may have grown since stat()
    except OSError as e:
        raise ImageError(f"cannot read {path}: {e.strerror or e}") from e
    if len(data) > max_bytes:
        raise ImageError(f"file is over the {max_bytes}-byte limit: {path}")
    return data


def _decode(data: bytes, max_pixels: int) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
            w, h = img.size
            if w * h > max_pixels:
                raise ImageError(f"image is {w}x{h} = {w * h} pixels, over the "
                                 f"{max_pixels}-pixel limit")
            img.seek(0)  # first frame of animations and multi-page files
            img.load()
    except ImageError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
        raise ImageError(f"rejected as a decompression bomb: {e}") from e
    except UnidentifiedImageError as e:
        raise ImageError("not a recognised image format (or no decoder installed for it)") from e
    except DECODER_ERRORS as e:
        raise ImageError(f"corrupt or truncated image: {e}") from e
    return img


def _from_array(a: np.ndarray) -> Image.Image:
    if a.size == 0:
        raise ImageError(f"empty array of shape {a.shape}")
    if a.ndim == 3 and a.shape[2] == 1:
        a = a[:, :, 0]
    if a.ndim not in (2, 3) or (a.ndim == 3 and a.shape[2] not in (3, 4)):
        raise ImageError(f"array of shape {a.shape} is not HxW, HxWx3 or HxWx4")
    if a.dtype == np.uint16:
        a = (a >> 8).astype(np.uint8)
    elif np.issubdtype(a.dtype, np.floating):
        if not np.isfinite(a).all():
            raise ImageError("array contains NaN or infinite values")
        a = (np.clip(a, 0.0, 1.0) * 255).round().astype(np.uint8)
    elif a.dtype != np.uint8:
        raise ImageError(f"array dtype {a.dtype} not supported; use uint8, uint16 or float 0-1")
    return Image.fromarray(np.ascontiguousarray(a))


def _normalise(img: Image.Image, max_pixels: int) -> Image.Image:
    w, h = img.size
    if w * h > max_pixels:
        raise ImageError(f"image is {w}x{h} = {w * h} pixels, over the {max_pixels}-pixel limit")
    if min(w, h) < MIN_SIDE:
        raise ImageError(f"image is {w}x{h}: too small (under {MIN_SIDE} px on a side)")
    try:
        img = ImageOps.exif_transpose(img)
    except DECODER_ERRORS as e:
        raise ImageError(f"unreadable EXIF orientation: {e}") from e
    return _to_rgb(img)


def _to_rgb(img: Image.Image) -> Image.Image:
    if img.mode in ("I;16", "I;16B", "I;16L", "I"):
        a = np.asarray(img, dtype=np.uint32)
        img = Image.fromarray((a >> 8 if a.max() > 255 else a).astype(np.uint8))
    if img.mode == "P":
        img = img.convert("RGBA")
    if img.mode in ("RGBA", "LA", "PA"):
        rgba = img.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return img.convert("RGB") if img.mode != "RGB" else img.copy()
