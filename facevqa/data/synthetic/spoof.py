"""Presentation-attack variants of a rendered face (print, replay, mask) and their explanations.

Each attack draws a random subset (at least two) of its cues; the explanation names exactly the
cues drawn, and every cue key appears verbatim in the explanation (for keyword recall).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from facevqa.data.synthetic.layout import MONK_TONES
from facevqa.data.synthetic.scene import Geometry, background

ATTACKS = ("print", "replay", "mask")

CUE_TEXT: dict[str, str] = {
    "paper border": "a paper border",
    "halftone dots": "halftone dots",
    "faded colours": "faded colours",
    "bent paper": "bent paper",
    "screen bezel": "a screen bezel",
    "moiré stripes": "moiré stripes",
    "screen glare": "screen glare",
    "pixel grid": "a visible pixel grid",
    "cut-out edges": "cut-out edges",
    "uniform texture": "a uniform texture",
    "eye holes": "eye holes",
    "colour mismatch": "a colour mismatch with the neck",
}
"""Cue key -> phrase used in the explanation (the key is a substring of the phrase)."""

ATTACK_PHRASE = {"print": "a printed photo", "replay": "a replay of a display",
                 "mask": "a mask worn over the face"}
ATTACK_CUES = {
    "print": ("paper border", "halftone dots", "faded colours", "bent paper"),
    "replay": ("screen bezel", "moiré stripes", "screen glare", "pixel grid"),
    "mask": ("cut-out edges", "uniform texture", "eye holes", "colour mismatch"),
}


@dataclass(frozen=True)
class SpoofResult:
    """An attack image with the cues drawn on it and the explanation naming them."""

    image: Image.Image
    attack: str
    cues: tuple[str, ...]
    explanation: str
    box: tuple[int, int, int, int]
    """Face box after the attack's reframing."""


def explain(attack: str, cues: tuple[str, ...]) -> str:
    """'A screen bezel and moiré stripes show this is a replay of a display.'"""
    phrases = [CUE_TEXT[c] for c in cues]
    listed = phrases[0] if len(phrases) == 1 else ", ".join(phrases[:-1]) + " and " + phrases[-1]
    verb = "shows" if len(phrases) == 1 else "show"
    text = f"{listed} {verb} this is {ATTACK_PHRASE[attack]}."
    return text[0].upper() + text[1:]


def _pick_cues(rng: np.random.Generator, attack: str) -> tuple[str, ...]:
    options = ATTACK_CUES[attack]
    while True:
        chosen = tuple(c for c in options if rng.random() < 0.6)
        if len(chosen) >= 2:
            return chosen


def _arr(img: Image.Image) -> np.ndarray:
    return np.asarray(img, dtype=np.float32)


def _img(arr: np.ndarray) -> Image.Image:
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def _grid(size: int) -> tuple[np.ndarray, np.ndarray]:
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32)
    return xx, yy


def _frame(rng: np.random.Generator, content: Image.Image, box: tuple[int, ...], inset: int,
           frame_rgb: tuple[int, int, int], radius: int) -> tuple[Image.Image, tuple[int, ...]]:
    """Shrink `content` into a frame (paper margin or bezel) standing in a new scene."""
    size = content.size[0]
    scale = rng.uniform(0.72, 0.86)
    outer = int(size * scale)
    inner = outer - 2 * inset
    x0, y0 = (int(v) for v in rng.integers(0, size - outer + 1, size=2))
    scene = background(rng, size)
    ImageDraw.Draw(scene).rounded_rectangle((x0, y0, x0 + outer, y0 + outer), radius=radius,
                                            fill=frame_rgb)
    scene.paste(content.resize((inner, inner), Image.BILINEAR), (x0 + inset, y0 + inset))
    k = inner / size
    new_box = tuple(int(v * k + o) for v, o in zip(box, (x0 + inset, y0 + inset) * 2))
    return scene, new_box


def _print(rng, img, geo, cues):
    arr = _arr(img)
    if "faded colours" in cues:
        grey = arr.mean(axis=2, keepdims=True)
        arr = 60 + (grey + (arr - grey) * 0.45 - 60) * 0.7
    xx, yy = _grid(img.size[0])
    if "halftone dots" in cues:
        period = rng.uniform(3.0, 4.5)
        dots = np.cos(2 * np.pi * (xx + yy) / period) * np.cos(2 * np.pi * (xx - yy) / period)
        arr = arr * (0.82 + 0.18 * dots[..., None])
    if "bent paper" in cues:
        bend = np.sin(np.pi * xx[0] / img.size[0]) * rng.uniform(5, 10)
        rows = np.clip((yy - bend[None, :] + bend.mean()).astype(int), 0, img.size[1] - 1)
        arr = arr[rows, xx.astype(int)] * (0.75 + 0.3 * np.cos(np.pi * (xx / img.size[0] - 0.4)))[
            ..., None]
    out, box = _img(arr), geo.box
    if "paper border" in cues:
        out, box = _frame(rng, out, box, int(rng.integers(8, 16)), (246, 244, 236), 2)
    return out, box


def _replay(rng, img, geo, cues):
    arr = _arr(img) * 0.9 + np.array([0, 8, 22], dtype=np.float32)
    size = img.size[0]
    xx, yy = _grid(size)
    if "moiré stripes" in cues:
        theta, period = rng.uniform(0, np.pi), rng.uniform(7, 16)
        phase = (xx * np.cos(theta) + yy * np.sin(theta)) / period
        wave = np.cos(2 * np.pi * (phase + 0.8 * np.sin(2 * np.pi * yy / rng.uniform(60, 140))))
        arr = arr * (1 + 0.2 * wave[..., None])
    if "pixel grid" in cues:
        grid = np.where((xx % 3 == 0) | (yy % 3 == 0), 0.7, 1.0)
        arr = arr * grid[..., None]
    if "screen glare" in cues:
        gx, gy = rng.uniform(0.2, 0.8, size=2) * size
        sx, sy = rng.uniform(0.1, 0.3, size=2) * size
        arr = arr + 230 * rng.uniform(0.5, 0.8) * np.exp(
            -(((xx - gx) / sx) ** 2 + ((yy - gy) / sy) ** 2))[..., None]
    out, box = _img(arr), geo.box
    if "screen bezel" in cues:
        shade = int(rng.integers(10, 60))
        out, box = _frame(rng, out, box, int(rng.integers(7, 14)), (shade, shade, shade + 5), 12)
    return out, box


def _mask(rng, img, geo, cues):
    region = Image.new("L", img.size, 0)
    rd = ImageDraw.Draw(region)
    rd.polygon(list(geo.outline), fill=255)
    holes = [(x, y, abs(geo.eyes[1][0] - geo.eyes[0][0]) * 0.28) for x, y in geo.eyes]
    for x, y, r in holes:
        rd.ellipse((x - r, y - r * 0.6, x + r, y + r * 0.6), fill=0)
    mask_face = img.filter(ImageFilter.BoxBlur(3)) if "uniform texture" in cues else img.copy()
    arr = _arr(mask_face)
    if "colour mismatch" in cues:
        tone = np.array(MONK_TONES[int(rng.integers(0, 10))], dtype=np.float32)
        lum = arr.mean(axis=2, keepdims=True) / 160
        arr = 0.35 * arr + 0.65 * tone * lum
    if "uniform texture" in cues:
        arr = np.round(arr / 24) * 24
    out = img.copy()
    out.paste(_img(arr), (0, 0), region)
    draw = ImageDraw.Draw(out)
    if "cut-out edges" in cues:
        draw.line(list(geo.outline) + [geo.outline[0]], fill=(250, 250, 245), width=3)
        shifted = [(x + 2, y + 2) for x, y in geo.outline]
        draw.line(shifted + [shifted[0]], fill=(25, 20, 20), width=2)
    if "eye holes" in cues:
        for x, y, r in holes:
            draw.ellipse((x - r, y - r * 0.6, x + r, y + r * 0.6), outline=(20, 15, 15), width=3)
    return out, geo.box


_ATTACK_FN: dict[str, Callable] = {"print": _print, "replay": _replay, "mask": _mask}


def apply_spoof(rng: np.random.Generator, img: Image.Image, geo: Geometry,
                attack: str) -> SpoofResult:
    """Turn a bona fide face image into a `attack` presentation with 2-4 of its cues."""
    if attack not in _ATTACK_FN:
        raise ValueError(f"unknown attack {attack!r}; valid: {', '.join(ATTACKS)}")
    cues = _pick_cues(rng, attack)
    out, box = _ATTACK_FN[attack](rng, img, geo, cues)
    return SpoofResult(out, attack, cues, explain(attack, cues), tuple(int(v) for v in box))
