"""Where and in which colours a synthetic face's parts go: geometry and palette from a FaceSpec."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from facevqa.data.synthetic.spec import FaceSpec

Color = tuple[int, int, int]
Point = tuple[float, float]

MONK_TONES: tuple[Color, ...] = (
    (246, 237, 228), (243, 231, 219), (247, 234, 208), (234, 218, 186), (215, 189, 150),
    (160, 126, 86), (130, 92, 67), (96, 65, 52), (58, 49, 42), (41, 36, 32),
)
"""Monk Skin Tone scale swatches, 1 (lightest) to 10 (darkest)."""

HAIR_RGB: dict[str, Color] = {
    "black": (28, 24, 24), "brown": (96, 60, 34), "blond": (222, 188, 118),
    "gray": (150, 150, 152), "red": (168, 68, 34), "white": (236, 236, 230),
}
IRIS_RGB: dict[str, Color] = {"brown": (80, 50, 28), "blue": (70, 115, 165),
                              "green": (80, 125, 70), "hazel": (135, 105, 50),
                              "gray": (125, 130, 135)}
LIPSTICK_RGB: tuple[Color, ...] = ((190, 20, 45), (200, 60, 110), (140, 30, 60), (220, 80, 80))


def mix(c1: Color, c2: Color, t: float) -> Color:
    """Linear blend from c1 (t=0) to c2 (t=1)."""
    return tuple(int(round(a + (b - a) * t)) for a, b in zip(c1, c2))  # type: ignore[return-value]


def _jitter(rng: np.random.Generator, c: Color, amount: float) -> Color:
    return tuple(int(np.clip(v + rng.normal(0, amount), 0, 255)) for v in c)  # type: ignore


@dataclass(frozen=True)
class Palette:
    """Colours of one face."""

    skin: Color
    line: Color
    """Creases and wrinkles: darker than the skin (lighter on the darkest tones)."""
    lips: Color
    hair: Color
    brow: Color
    iris: Color
    cloth: Color
    accent: Color
    """Hat / frame colour."""


@dataclass(frozen=True)
class Layout:
    """Geometry on the supersampled canvas (pixels); face centre (cx, cy)."""

    size: int
    """Side of the output-aligned square (supersampled pixels)."""
    margin: int
    """Extra canvas on every side so that rolling the head leaves no empty corners."""
    cx: float
    cy: float
    a: float
    """Half width of the face."""
    b_up: float
    """Centre to top of the skull."""
    b_low: float
    """Centre to chin."""
    jaw: float
    """Superellipse exponent of the lower face (2 round, larger squarer)."""
    child: float
    """1 for a baby, 0 from 18 years: scales eye size, face roundness."""
    yaw: float
    """Horizontal shift of the inner features (pixels), a slight head turn."""
    roll: float
    """In-plane head tilt, degrees."""
    eye_y: float
    eye_dx: float
    eye_rw: float
    nose_y: float
    mouth_y: float
    mouth_w: float
    palette: Palette

    @property
    def chin_y(self) -> float:
        """y of the chin."""
        return self.cy + self.b_low

    @property
    def top_y(self) -> float:
        """y of the top of the skull."""
        return self.cy - self.b_up

    def eye(self, side: int) -> Point:
        """Centre of the left (-1) or right (+1) eye."""
        return (self.cx + self.yaw + side * self.eye_dx, self.eye_y)


def face_outline(lay: Layout, grow: float = 1.0, n: int = 64) -> list[Point]:
    """Face contour: superellipse halves, round skull above, jaw-shaped below."""
    pts = []
    for t in np.linspace(0, 2 * np.pi, n, endpoint=False):
        c, s = np.cos(t), np.sin(t)
        expo = 2.0 / (2.2 if s < 0 else lay.jaw)
        x = lay.a * grow * np.sign(c) * abs(c) ** expo
        y = (lay.b_up if s < 0 else lay.b_low) * grow * np.sign(s) * abs(s) ** expo
        pts.append((lay.cx + x, lay.cy + y))
    return pts


def _palette(rng: np.random.Generator, spec: FaceSpec) -> Palette:
    skin = _jitter(rng, MONK_TONES[spec.skin_tone - 1], 4)
    line = mix(skin, (255, 235, 220), 0.3) if spec.skin_tone >= 8 else mix(skin, (40, 20, 15), 0.4)
    lips = LIPSTICK_RGB[rng.integers(len(LIPSTICK_RGB))] if spec.lipstick else mix(
        skin, (180, 80, 80), 0.45)
    hair = _jitter(rng, HAIR_RGB[spec.hair_color], 8)
    brow = mix(hair, (20, 15, 10), 0.35 if spec.hair_color in ("blond", "white", "gray") else 0.1)
    cloth = tuple(int(v) for v in rng.integers(20, 235, size=3))
    accent = tuple(int(v) for v in rng.integers(10, 200, size=3))
    iris = _jitter(rng, IRIS_RGB[spec.eye_color], 6)
    return Palette(skin, line, lips, hair, brow, iris, cloth, accent)  # type: ignore[arg-type]


def make_layout(rng: np.random.Generator, spec: FaceSpec, size: int, margin: int = 0) -> Layout:
    """Sample face geometry for a spec on a `size` square inside a canvas with `margin`."""
    child = float(np.clip((18 - spec.age) / 16, 0, 1))
    male = spec.gender == "male"
    a = size * 0.205 * rng.uniform(0.93, 1.07) * (1.03 if male else 0.98)
    b_up = a * (1.12 + 0.06 * child)
    b_low = a * (1.32 - 0.28 * child + (0.04 if male else 0.0))
    eye_y = a * rng.normal(0, 0.02) + (b_low - b_up) / 2 + child * 0.1 * (b_up + b_low)
    cy = margin + size * (0.49 + rng.normal(0, 0.015))
    lower = b_low - eye_y
    return Layout(
        size=size, margin=margin, cx=margin + size * (0.5 + rng.normal(0, 0.02)), cy=cy, a=a,
        b_up=b_up, b_low=b_low,
        jaw=2.0 + (0.75 if male else 0.1) * (1 - child), child=child,
        yaw=float(rng.uniform(-1, 1) * 0.07 * a), roll=float(np.clip(rng.normal(0, 5), -12, 12)),
        eye_y=cy + eye_y, eye_dx=a * (0.42 + 0.02 * child), eye_rw=a * (0.21 + 0.07 * child),
        nose_y=cy + eye_y + lower * (0.42 - 0.04 * child),
        mouth_y=cy + eye_y + lower * (0.68 - 0.05 * child),
        mouth_w=a * (0.37 - 0.08 * child) * rng.uniform(0.92, 1.08),
        palette=_palette(rng, spec),
    )
