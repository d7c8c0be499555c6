"""Ordinary images without a face (landscapes, objects, patterns) for the no-face path."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PIL import Image, ImageDraw

from facevqa.data.synthetic.scene import background, relight

NONFACE_KINDS = ("landscape", "objects", "pattern")


def _rgb(rng: np.random.Generator, lo: int = 0, hi: int = 256) -> tuple[int, int, int]:
    return tuple(int(v) for v in rng.integers(lo, hi, size=3))  # type: ignore[return-value]


def _landscape(rng: np.random.Generator, size: int) -> Image.Image:
    sky = np.linspace(0, 1, size)[:, None, None] * (np.array(_rgb(rng, 150, 256)) - [60, 110, 200])
    img = Image.fromarray((sky + [60, 110, 200]).clip(0, 255).astype(np.uint8).repeat(size, 1))
    draw = ImageDraw.Draw(img)
    sun = rng.uniform(0.1, 0.9) * size, rng.uniform(0.05, 0.35) * size, size * 0.06
    draw.ellipse((sun[0] - sun[2], sun[1] - sun[2], sun[0] + sun[2], sun[1] + sun[2]),
                 fill=(255, 240, 180))
    for layer in range(int(rng.integers(2, 4))):
        base = size * (0.45 + 0.12 * layer)
        xs = np.linspace(0, size, 9)
        ys = base - rng.uniform(0, size * 0.25, size=9)
        color = tuple(int(v * (0.5 + 0.2 * layer)) for v in _rgb(rng, 60, 200))
        draw.polygon(list(zip(xs, ys)) + [(size, size), (0, size)], fill=color)
    for _ in range(int(rng.integers(0, 8))):
        x, y = rng.uniform(0, size), rng.uniform(size * 0.6, size)
        h = rng.uniform(0.08, 0.2) * size
        draw.polygon([(x, y - h), (x - h * 0.35, y), (x + h * 0.35, y)], fill=(30, 90, 40))
    return img


def _objects(rng: np.random.Generator, size: int) -> Image.Image:
    img = background(rng, size)
    draw = ImageDraw.Draw(img)
    table = size * rng.uniform(0.55, 0.75)
    draw.rectangle((0, table, size, size), fill=_rgb(rng, 60, 200))
    for _ in range(int(rng.integers(2, 6))):
        x = rng.uniform(0.05, 0.85) * size
        w, h = rng.uniform(0.08, 0.2) * size, rng.uniform(0.1, 0.35) * size
        y = table + size * 0.05 - h
        kind = rng.integers(3)
        if kind == 0:
            draw.rectangle((x, y, x + w, y + h), fill=_rgb(rng))
        elif kind == 1:
            draw.rounded_rectangle((x, y, x + w, y + h), radius=w / 3, fill=_rgb(rng))
            draw.rectangle((x + w * 0.35, y - h * 0.2, x + w * 0.65, y), fill=_rgb(rng))
        else:
            draw.polygon([(x, y + h), (x + w, y + h), (x + w / 2, y)], fill=_rgb(rng))
    return img


def _pattern(rng: np.random.Generator, size: int) -> Image.Image:
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32)
    period = rng.uniform(8, 40)
    theta = rng.uniform(0, np.pi)
    kind = rng.integers(3)
    phase = (xx * np.cos(theta) + yy * np.sin(theta)) / period
    if kind == 0:
        field = np.sign(np.sin(2 * np.pi * phase))
    elif kind == 1:
        field = np.sign(np.sin(2 * np.pi * xx / period) * np.sin(2 * np.pi * yy / period))
    else:
        field = np.sin(2 * np.pi * phase + 3 * np.sin(2 * np.pi * yy / (period * 4)))
    c1, c2 = np.array(_rgb(rng)), np.array(_rgb(rng))
    t = (field[..., None] + 1) / 2
    return Image.fromarray((c1 + (c2 - c1) * t).astype(np.uint8))


_DRAW: dict[str, Callable[[np.random.Generator, int], Image.Image]] = {
    "landscape": _landscape, "objects": _objects, "pattern": _pattern,
}


def draw_nonface_image(rng: np.random.Generator, size: int = 224,
                       kind: str | None = None) -> tuple[Image.Image, str]:
    """A face-free image of one of NONFACE_KINDS (random if None) and its kind."""
    kind = kind or str(rng.choice(NONFACE_KINDS))
    if kind not in _DRAW:
        raise ValueError(f"unknown non-face kind {kind!r}; valid: {', '.join(NONFACE_KINDS)}")
    return relight(rng, _DRAW[kind](rng, size)), kind
