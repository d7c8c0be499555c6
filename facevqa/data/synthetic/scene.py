"""Render one synthetic face scene: background clutter, the head layer, pose, lighting, noise."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

from facevqa.data.synthetic import extras as ex
from facevqa.data.synthetic.face import draw_inner_face
from facevqa.data.synthetic.layout import Layout, face_outline, make_layout, mix
from facevqa.data.synthetic.spec import FaceSpec

SUPERSAMPLE = 2
Point = tuple[float, float]


@dataclass(frozen=True)
class Geometry:
    """Where the face ended up in the output image (pixels), for spoof cues and face boxes."""

    outline: tuple[Point, ...]
    eyes: tuple[Point, Point]
    mouth: Point
    box: tuple[int, int, int, int]


def background(rng: np.random.Generator, size: int) -> Image.Image:
    """Gradient wall or sky with clutter: frames, windows, shelves, plants, lamps, lines."""
    c1, c2 = rng.integers(30, 235, size=(2, 3))
    ramp = np.linspace(0, 1, 64)[:, None] * (c2 - c1) + c1
    img = Image.fromarray(ramp[:, None, :].repeat(2, axis=1).astype(np.uint8)).resize(
        (size, size), Image.BILINEAR)
    draw = ImageDraw.Draw(img, "RGBA")
    for _ in range(int(rng.integers(2, 10))):
        kind = rng.integers(4)
        x0, y0 = rng.uniform(-0.1, 1.0, size=2) * size
        w, h = rng.uniform(0.05, 0.45, size=2) * size
        color = (*rng.integers(0, 256, size=3).tolist(), int(rng.integers(90, 230)))
        if kind == 0:
            draw.rectangle((x0, y0, x0 + w, y0 + h), fill=color)
        elif kind == 1:
            draw.ellipse((x0, y0, x0 + w, y0 + h), fill=color)
        elif kind == 2:
            draw.line((x0, y0, x0 + w, y0 + h), fill=color, width=int(rng.integers(2, 12)))
        else:
            draw.rectangle((x0, y0, x0 + w, y0 + h), outline=color, width=int(rng.integers(3, 14)))
    return img


def _draw_head(scene: Image.Image, lay: Layout, spec: FaceSpec) -> None:
    draw = ImageDraw.Draw(scene, "RGBA")
    ex.draw_shoulders(draw, lay)
    ex.draw_back_hair(draw, lay, spec)
    ex.draw_neck(draw, lay)
    ex.draw_ears(draw, lay)
    skin = lay.palette.skin
    draw.polygon(face_outline(lay), fill=mix(skin, (0, 0, 0), 0.1))
    draw.polygon(face_outline(lay, grow=0.95), fill=skin)
    ex.draw_beard(draw, lay, spec)
    draw_inner_face(scene, lay, spec)
    ex.draw_mustache(draw, lay, spec)
    ex.draw_front_hair(draw, lay, spec)
    ex.draw_glasses(draw, lay, spec)
    ex.draw_hat(draw, lay, spec)
    ex.draw_earrings(draw, lay, spec)


def _rotate_points(points: list[Point], lay: Layout, scale: float) -> list[Point]:
    """Map canvas points through PIL's counter-clockwise rotation, crop and resize."""
    th = math.radians(lay.roll)
    c, s = math.cos(th), math.sin(th)
    out = []
    for x, y in points:
        dx, dy = x - lay.cx, y - lay.cy
        out.append(((lay.cx + dx * c + dy * s - lay.margin) * scale,
                    (lay.cy - dx * s + dy * c - lay.margin) * scale))
    return out


def _geometry(lay: Layout, size: int) -> Geometry:
    scale = size / lay.size
    outline = _rotate_points(face_outline(lay, n=32), lay, scale)
    eyes = _rotate_points([lay.eye(-1), lay.eye(1)], lay, scale)
    mouth = _rotate_points([(lay.cx + lay.yaw, lay.mouth_y)], lay, scale)[0]
    xs, ys = zip(*outline)
    box = (int(max(0, min(xs))), int(max(0, min(ys))), int(min(size, max(xs) + 1)),
           int(min(size, max(ys) + 1)))
    return Geometry(tuple(outline), (eyes[0], eyes[1]), mouth, box)


@functools.lru_cache(maxsize=8)
def _unit_grid(h: int, w: int) -> tuple[np.ndarray, np.ndarray]:
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    return xx / w - 0.5, yy / h - 0.5


def relight(rng: np.random.Generator, img: Image.Image) -> Image.Image:
    """Directional light, exposure, colour temperature and sensor noise."""
    arr = np.asarray(img, dtype=np.float32)
    xx, yy = _unit_grid(*arr.shape[:2])
    theta = rng.uniform(0, 2 * np.pi)
    ramp = (xx * np.cos(theta) + yy * np.sin(theta)) * 2
    gain = np.float32(rng.uniform(0.8, 1.12)) * (1 + np.float32(rng.uniform(0, 0.3)) * ramp)
    temp = rng.uniform(-0.07, 0.07)
    arr *= gain[..., None]
    arr *= np.array([1 + temp, 1.0, 1 - temp], dtype=np.float32)
    amp = int(rng.integers(2, 8))
    arr += rng.integers(-amp, amp + 1, size=arr.shape, dtype=np.int8)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def render_face(spec: FaceSpec, rng: np.random.Generator, size: int = 224
                ) -> tuple[Image.Image, Geometry]:
    """Draw the face scene at `size`x`size` (supersampled, then reduced) and its geometry."""
    big = size * SUPERSAMPLE
    margin = int(big * 0.1)
    lay = make_layout(rng, spec, big, margin)
    scene = background(rng, big + 2 * margin)
    _draw_head(scene, lay, spec)
    if abs(lay.roll) > 0.5:
        scene = scene.rotate(lay.roll, resample=Image.NEAREST, center=(lay.cx, lay.cy))
    scene = scene.crop((margin, margin, margin + big, margin + big))
    img = scene.resize((size, size), Image.BOX)
    return relight(rng, img), _geometry(lay, size)
