"""Draw the inner face: eyes, brows, nose, mouth (per emotion), wrinkles (per age) and makeup."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

from facevqa.data.synthetic.layout import Layout, mix
from facevqa.data.synthetic.spec import FaceSpec

WHITE = (242, 240, 234)
DARK = (30, 18, 18)
CAVITY = (70, 18, 22)


@dataclass(frozen=True)
class Expression:
    """Facial action of one emotion; offsets in eye half-widths (brows) or mouth half-widths."""

    brow_in: float = 0.0
    """Raise of the inner brow ends (negative: lowered)."""
    brow_out: float = 0.0
    knit: float = 0.0
    """Inner brow ends pulled towards the nose."""
    brow_asym: float = 0.0
    """Extra raise of the right brow only."""
    eye_open: float = 1.0
    lid_slant: float = 0.0
    """Upper lid lowered at the inner corner (anger, +) or the outer corner (sadness, -)."""
    cheek: float = 0.0
    """Lower lid pushed up by the cheek (smiling eyes)."""
    mouth: str = "line"
    lift: float = 0.0
    """Mouth corners raised (+) or lowered (-)."""
    open_h: float = 0.2
    """Height of the opening when the mouth is open."""
    nose_wrinkle: bool = False


EXPRESSIONS: dict[str, Expression] = {
    "neutral": Expression(),
    "happy": Expression(brow_in=0.1, brow_out=0.15, eye_open=0.75, cheek=0.65, mouth="smile",
                        lift=0.6, open_h=0.5),
    "sad": Expression(brow_in=0.8, brow_out=-0.35, knit=0.15, eye_open=0.75, lid_slant=-0.5,
                      mouth="frown", lift=-0.6, open_h=0.15),
    "surprise": Expression(brow_in=1.0, brow_out=0.9, eye_open=1.65, mouth="oval", open_h=1.0),
    "fear": Expression(brow_in=0.95, brow_out=0.3, knit=0.3, eye_open=1.55, mouth="stretch",
                       lift=-0.2, open_h=0.45),
    "disgust": Expression(brow_in=-0.45, brow_out=-0.15, knit=0.2, eye_open=0.55, cheek=0.4,
                          mouth="snarl", lift=-0.45, open_h=0.3, nose_wrinkle=True),
    "anger": Expression(brow_in=-0.85, brow_out=0.3, knit=0.35, eye_open=0.7, lid_slant=0.6,
                        mouth="tight", lift=-0.25, open_h=0.32),
    "contempt": Expression(brow_asym=0.5, eye_open=0.85, mouth="smirk", lift=0.7),
}

_U = np.linspace(-1.0, 1.0, 17)


def expression_of(spec: FaceSpec) -> Expression:
    """The emotion's expression scaled by the spec's intensity."""
    e, k = EXPRESSIONS[spec.emotion], spec.intensity
    return Expression(
        brow_in=e.brow_in * k, brow_out=e.brow_out * k, knit=e.knit * k, brow_asym=e.brow_asym * k,
        eye_open=1 + (e.eye_open - 1) * k, lid_slant=e.lid_slant * k, cheek=e.cheek * k,
        mouth=e.mouth, lift=e.lift * k, open_h=e.open_h * (0.8 + 0.2 * k),
        nose_wrinkle=e.nose_wrinkle,
    )


def _poly(xs: np.ndarray, ys: np.ndarray) -> list[tuple[float, float]]:
    return list(zip(xs.tolist(), ys.tolist()))


def _eye_curves(lay: Layout, side: int, ex: Expression) -> tuple[np.ndarray, ...]:
    cx, cy = lay.eye(side)
    rw = lay.eye_rw
    rh = rw * 0.52 * ex.eye_open
    xs = cx + _U * rw
    inner = (1 - _U * side) / 2
    slant = ex.lid_slant * rh * np.where(ex.lid_slant > 0, inner, 1 - inner)
    upper = cy - rh * (1 - _U**2) ** 0.6 + 1.1 * slant * (1 - _U**2) ** 0.4
    lower = cy + rh * 0.8 * (1 - _U**2) ** 0.7 - ex.cheek * rh * 0.75 * (1 - _U**2)
    lower = np.maximum(lower, upper + 0.5)
    return xs, upper, lower


def draw_eye(img: Image.Image, lay: Layout, side: int, ex: Expression, spec: FaceSpec) -> None:
    """Almond eye with clipped iris, lash line and (with makeup) shadow and liner."""
    draw = ImageDraw.Draw(img, "RGBA")
    xs, upper, lower = _eye_curves(lay, side, ex)
    cx, cy = lay.eye(side)
    rw = lay.eye_rw
    if spec.heavy_makeup:
        shadow = (*mix(lay.palette.accent, (120, 50, 150), 0.6), 185)
        draw.polygon(_poly(xs, upper - 1) + _poly(xs[::-1], upper[::-1] - rw * 0.75),
                     fill=shadow)
    outline = _poly(xs, upper) + _poly(xs[::-1], lower[::-1])
    x0, y0 = int(cx - rw - 2), int(upper.min() - 2)
    box = (int(cx + rw + 3) - x0, int(lower.max() + 3) - y0)
    local = Image.new("RGB", box, WHITE)
    ldraw = ImageDraw.Draw(local)
    ri = rw * (0.46 + 0.08 * lay.child)
    ix, iy = cx - x0 + lay.yaw * 0.15, cy - y0
    ldraw.ellipse((ix - ri, iy - ri, ix + ri, iy + ri), fill=lay.palette.iris)
    ldraw.ellipse((ix - ri * 0.45, iy - ri * 0.45, ix + ri * 0.45, iy + ri * 0.45), fill=DARK)
    ldraw.ellipse((ix + ri * 0.1, iy - ri * 0.5, ix + ri * 0.45, iy - ri * 0.15), fill=WHITE)
    mask = Image.new("L", box, 0)
    ImageDraw.Draw(mask).polygon([(x - x0, y - y0) for x, y in outline], fill=255)
    img.paste(local, (x0, y0), mask)
    lash = max(2, int(rw * (0.2 if spec.heavy_makeup else 0.12)))
    draw.line(_poly(xs, upper), fill=DARK, width=lash, joint="curve")
    draw.line(_poly(xs, lower), fill=(*lay.palette.line, 150), width=max(1, lash // 2))


def draw_brow(draw: ImageDraw.ImageDraw, lay: Layout, side: int, ex: Expression,
              spec: FaceSpec) -> None:
    """Tapered brow from the inner end (by the nose) to the outer end."""
    cx, cy = lay.eye(side)
    rw = lay.eye_rw
    base = cy - rw * (1.25 + 0.15 * lay.child)
    raise_ = ex.brow_asym if side > 0 else 0.0
    x_in, x_out = cx - side * rw * (0.95 - ex.knit), cx + side * rw * 1.2
    y_in = base - (ex.brow_in + raise_) * rw
    y_out = base - (ex.brow_out + raise_) * rw
    arch = rw * (0.3 if spec.gender == "female" else 0.18) + max(0.0, ex.brow_in) * rw * 0.25
    t = np.linspace(0, 1, 12)
    xs = x_in + (x_out - x_in) * t
    ys = y_in + (y_out - y_in) * t - arch * 4 * t * (1 - t)
    thick = rw * (0.4 if spec.gender == "male" else 0.28) * (1 - 0.3 * lay.child)
    half = thick * (1 - 0.55 * t) / 2
    draw.polygon(_poly(xs, ys - half) + _poly(xs[::-1], (ys + half)[::-1]), fill=lay.palette.brow)


def draw_nose(draw: ImageDraw.ImageDraw, lay: Layout, ex: Expression) -> None:
    """Nostrils, tip arc and a side shadow; disgust adds bridge wrinkles."""
    nx, ny = lay.cx + lay.yaw * 1.2, lay.nose_y - (lay.eye_rw * 0.15 if ex.nose_wrinkle else 0)
    nw = lay.a * (0.17 - 0.06 * lay.child)
    line = (*lay.palette.line, 200)
    for s in (-1, 1):
        x = nx + s * nw * 0.45
        draw.ellipse((x - nw * 0.2, ny - nw * 0.1, x + nw * 0.2, ny + nw * 0.14), fill=line)
    draw.arc((nx - nw, ny - nw * 0.8, nx + nw, ny + nw * 0.4), 20, 160, fill=line, width=2)
    side = 1 if lay.yaw >= 0 else -1
    top = lay.eye_y + lay.eye_rw * 0.2
    draw.line([(nx + side * nw * 0.35, top), (nx + side * nw * 0.55, ny - nw * 0.6)],
              fill=(*lay.palette.line, 110), width=2)
    if ex.nose_wrinkle:
        for k in range(3):
            y = lay.eye_y + lay.eye_rw * (0.25 + 0.3 * k)
            draw.arc((nx - nw * 0.6, y, nx + nw * 0.6, y + nw * 0.4), 200, 340, fill=line,
                     width=3)


def _mouth_line(lay: Layout, ex: Expression, spec: FaceSpec) -> tuple[np.ndarray, np.ndarray]:
    width = {"stretch": 1.22, "oval": 0.55, "tight": 0.88, "snarl": 0.95}.get(ex.mouth, 1.0)
    w = lay.mouth_w * width
    xs = lay.cx + lay.yaw * 1.1 + _U * w
    if ex.mouth == "smirk":
        shape = np.maximum(_U, 0) ** 2 * 1.3 - 0.1 * np.maximum(-_U, 0)
    else:
        shape = _U**2
    return xs, lay.mouth_y - ex.lift * lay.mouth_w * 0.75 * shape


def _opening(lay: Layout, ex: Expression, line: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    h = ex.open_h * lay.mouth_w
    env = 1 - _U**4 if ex.mouth in ("stretch", "tight") else 1 - _U**2
    if ex.mouth == "oval":
        env = np.sqrt(1 - _U**2)
    up_share = {"smile": 0.1, "snarl": 0.8, "oval": 0.5}.get(ex.mouth, 0.45)
    top = line - h * up_share * env
    if ex.mouth == "snarl":
        top -= h * 0.5 * np.clip(_U, 0, 1) * env
    return top, line + h * (1 - up_share) * env


def draw_mouth(draw: ImageDraw.ImageDraw, lay: Layout, ex: Expression, spec: FaceSpec) -> None:
    """Lips around a closed line or an open cavity with teeth, shaped by the emotion."""
    xs, line = _mouth_line(lay, ex, spec)
    is_open = spec.mouth_open or ex.mouth == "oval"
    top, bottom = _opening(lay, ex, line) if is_open else (line, line)
    env = np.sqrt(1 - _U**2)
    pressed = 0.35 if ex.mouth == "tight" and not is_open else 1.0
    t_up, t_low = lay.mouth_w * 0.24 * pressed, lay.mouth_w * 0.32 * pressed
    bow = lay.mouth_w * 0.06 * np.exp(-((np.abs(_U) - 0.22) ** 2) / 0.02)
    lips = lay.palette.lips
    draw.polygon(_poly(xs, top + 1) + _poly(xs[::-1], (top - t_up * env - bow)[::-1]), fill=lips)
    draw.polygon(_poly(xs, bottom - 1) + _poly(xs[::-1], (bottom + t_low * env)[::-1]),
                 fill=lips)
    if is_open:
        draw.polygon(_poly(xs, top) + _poly(xs[::-1], bottom[::-1]), fill=CAVITY)
        _draw_teeth(draw, xs, top, bottom, ex, lay)
    draw.line(_poly(xs, line if not is_open else top), fill=mix(lips, DARK, 0.6),
              width=2 if is_open else 3, joint="curve")


def _draw_teeth(draw: ImageDraw.ImageDraw, xs: np.ndarray, top: np.ndarray, bottom: np.ndarray,
                ex: Expression, lay: Layout) -> None:
    if ex.mouth == "oval":
        return
    inner = np.abs(_U) < 0.8
    gap = bottom - top
    teeth_h = np.minimum(gap, lay.mouth_w * (0.16 if ex.mouth != "tight" else 0.5))
    x, t = xs[inner], top[inner]
    draw.polygon(_poly(x, t + 1) + _poly(x[::-1], (t + teeth_h[inner])[::-1]), fill=WHITE)
    if ex.mouth in ("tight", "stretch"):
        b = bottom[inner]
        draw.polygon(_poly(x, b - 1) + _poly(x[::-1], (b - teeth_h[inner] * 0.8)[::-1]),
                     fill=WHITE)
        draw.line(_poly(x, (t + b) / 2), fill=(120, 110, 110), width=1)


def draw_wrinkles(draw: ImageDraw.ImageDraw, lay: Layout, spec: FaceSpec) -> None:
    """Age lines: forehead from 33, crow's feet from 40, folds from 45, bags and jowls later."""
    age, rw = spec.age, lay.eye_rw
    strength = float(np.clip((age - 28) / 45, 0.15, 1.0))
    line = (*lay.palette.line, int(90 + 150 * strength))
    width = 2 + int(2 * strength)
    if age >= 33:
        for k in range(min(4, 1 + (age - 33) // 10)):
            y = lay.eye_y - rw * (2.15 + 0.42 * k)
            draw.arc((lay.cx - lay.a * 0.55, y, lay.cx + lay.a * 0.55, y + rw * 0.9), 200, 340,
                     fill=line, width=width)
    for s in (-1, 1):
        ex, ey = lay.eye(s)
        if age >= 40:
            for k in (-1, 0, 1):
                x0 = ex + s * rw * 1.15
                draw.line([(x0, ey + k * rw * 0.2), (x0 + s * rw * 0.5, ey + k * rw * 0.45)],
                          fill=line, width=width)
        if age >= 45:
            nx = lay.cx + lay.yaw + s * lay.a * 0.2
            mx = lay.cx + lay.yaw + s * (lay.mouth_w + rw * 0.25)
            draw.line([(nx, lay.nose_y - rw * 0.1), (mx - s * rw * 0.05, lay.mouth_y - rw * 0.3),
                       (mx, lay.mouth_y + rw * 0.4)], fill=line, width=width, joint="curve")
        if age >= 52:
            draw.arc((ex - rw * 0.8, ey + rw * 0.25, ex + rw * 0.8, ey + rw * 0.95), 20, 160,
                     fill=line, width=width)
        if age >= 62:
            mx = lay.cx + lay.yaw + s * lay.mouth_w * 1.05
            draw.line([(mx, lay.mouth_y + rw * 0.3), (mx + s * rw * 0.15, lay.chin_y - rw * 0.5)],
                      fill=line, width=width)


def draw_makeup(draw: ImageDraw.ImageDraw, lay: Layout, spec: FaceSpec) -> None:
    """Blush on the cheeks for heavy makeup; children get rosy cheeks."""
    if not (spec.heavy_makeup or lay.child > 0.6):
        return
    color = (235, 80, 110, 120) if spec.heavy_makeup else (235, 120, 120, 45)
    for s in (-1, 1):
        x, y = lay.cx + lay.yaw + s * lay.a * 0.55, lay.nose_y
        r = lay.a * 0.17
        draw.ellipse((x - r, y - r * 0.7, x + r, y + r * 0.7), fill=color)


def draw_inner_face(img: Image.Image, lay: Layout, spec: FaceSpec) -> None:
    """Everything inside the face contour, in painting order."""
    ex = expression_of(spec)
    draw = ImageDraw.Draw(img, "RGBA")
    draw_wrinkles(draw, lay, spec)
    draw_makeup(draw, lay, spec)
    for side in (-1, 1):
        draw_eye(img, lay, side, ex, spec)
        draw_brow(draw, lay, side, ex, spec)
    draw_nose(draw, lay, ex)
    draw_mouth(draw, lay, ex, spec)
