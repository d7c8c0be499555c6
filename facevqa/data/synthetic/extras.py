"""Draw what surrounds the inner face: body, ears, hair, facial hair, glasses, hat, earrings."""

from __future__ import annotations

import numpy as np
from PIL import ImageDraw

from facevqa.data.synthetic.layout import Layout, face_outline, mix
from facevqa.data.synthetic.spec import FaceSpec

Draw = ImageDraw.ImageDraw


def draw_shoulders(draw: Draw, lay: Layout) -> None:
    """Shoulders in clothing colour."""
    shoulder = lay.chin_y + lay.a * 0.35
    bottom = lay.size + 2 * lay.margin + lay.a * 2.5
    draw.ellipse((lay.cx - lay.a * 2.3, shoulder, lay.cx + lay.a * 2.3, bottom),
                 fill=lay.palette.cloth)


def draw_neck(draw: Draw, lay: Layout) -> None:
    """Neck from under the jaw into the collar, a little darker than the face."""
    neck_w = lay.a * (0.55 if lay.child < 0.5 else 0.5)
    top = lay.cy + lay.b_low * 0.4
    shoulder = lay.chin_y + lay.a * 0.35
    color = mix(lay.palette.skin, (0, 0, 0), 0.12)
    draw.rectangle((lay.cx - neck_w, top, lay.cx + neck_w, shoulder + lay.a * 0.25), fill=color)
    draw.chord((lay.cx - neck_w, shoulder - lay.a * 0.2, lay.cx + neck_w, shoulder + lay.a * 0.5),
               0, 180, fill=color)


def draw_ears(draw: Draw, lay: Layout) -> None:
    """Ears beside the eyes; the one the head turns away from looks smaller."""
    for s in (-1, 1):
        turn = 1 - 0.35 * s * lay.yaw / (0.07 * lay.a + 1e-6)
        w, h = lay.a * 0.15 * max(turn, 0.4), lay.a * 0.27
        x = lay.cx + s * (lay.a * 0.97 - lay.yaw * 0.3)
        y = lay.eye_y + h * 0.45
        draw.ellipse((x - w, y - h, x + w, y + h), fill=lay.palette.skin)
        draw.arc((x - w * 0.6, y - h * 0.6, x + w * 0.6, y + h * 0.6), 0, 360,
                 fill=(*lay.palette.line, 120), width=2)


def ear_lobe(lay: Layout, side: int) -> tuple[float, float]:
    """Bottom of an ear, where earrings hang."""
    return lay.cx + side * (lay.a * 1.0 - lay.yaw * 0.3), lay.eye_y + lay.a * 0.38


def draw_back_hair(draw: Draw, lay: Layout, spec: FaceSpec) -> None:
    """Hair mass behind the head: a skull cap, longer styles fall to the shoulders."""
    c = lay.palette.hair
    if spec.bald:
        draw.ellipse((lay.cx - lay.a * 1.06, lay.eye_y - lay.a * 0.55, lay.cx + lay.a * 1.06,
                      lay.eye_y + lay.a * 0.5), fill=c)
        return
    thick = lay.a * (0.16 if spec.hair_style != "curly" else 0.26) * (1 - 0.5 * lay.child)
    top = lay.top_y - thick
    draw.ellipse((lay.cx - lay.a - thick, top, lay.cx + lay.a + thick,
                  lay.cy + lay.b_up * 0.55), fill=c)
    if spec.hair_style == "long":
        bottom = lay.chin_y + lay.a * 0.6
        draw.rounded_rectangle((lay.cx - lay.a * 1.22, lay.cy - lay.b_up * 0.4,
                                lay.cx + lay.a * 1.22, bottom), radius=lay.a * 0.4, fill=c)
    if spec.hair_style == "curly":
        for t in np.linspace(np.pi * 0.95, np.pi * 2.05, 11):
            x = lay.cx + (lay.a + thick * 0.6) * np.cos(t)
            y = lay.cy - lay.b_up * 0.05 + (lay.b_up + thick * 0.6) * np.sin(t)
            r = thick * 0.85
            draw.ellipse((x - r, y - r, x + r, y + r), fill=c)
    if spec.hair_style == "bun":
        r = lay.a * 0.38
        draw.ellipse((lay.cx - r, top - r * 1.5, lay.cx + r, top + r * 0.5), fill=c)


def _hairline(lay: Layout, spec: FaceSpec, xs: np.ndarray) -> np.ndarray:
    """y of the hairline across the forehead (bangs come down to the brows)."""
    rw = lay.eye_rw
    if spec.bangs:
        base = lay.eye_y - rw * (1.75 + 0.15 * lay.child)
        return base + rw * 0.18 * np.sin(xs / rw * 4.0)
    recede = 0.35 if spec.gender == "male" and spec.age >= 50 else 0.0
    u = (xs - lay.cx) / lay.a
    part = 0.25 * np.sign(lay.yaw or 1.0)
    dip = lay.b_up * (0.5 + recede) - lay.b_up * 0.22 * np.exp(-((u - part) ** 2) / 0.5)
    return lay.cy - dip + lay.b_up * 0.3 * u**2 + recede * lay.b_up * 0.25 * np.abs(u)


def _fringe_strands(draw: Draw, lay: Layout, xs: np.ndarray, line: np.ndarray) -> None:
    """Darker strands combed down to the fringe's edge."""
    dark = mix(lay.palette.hair, (0, 0, 0), 0.35)
    for x, y in zip(xs[3:-3:2], line[3:-3:2]):
        draw.line([(x - lay.a * 0.05, y - lay.a * 0.35), (x, y - 1)], fill=dark, width=2)


def draw_front_hair(draw: Draw, lay: Layout, spec: FaceSpec) -> None:
    """Hair over the forehead down to the hairline, or side tufts when bald."""
    c = lay.palette.hair
    if spec.bald:
        x, y = lay.cx - lay.a * 0.3, lay.top_y + lay.b_up * 0.18
        draw.ellipse((x, y, x + lay.a * 0.35, y + lay.a * 0.12), fill=(255, 255, 255, 70))
        return
    grow = 1.04
    t = np.linspace(np.pi, 2 * np.pi, 25)
    c_, s_ = np.cos(t), np.sin(t)
    xs = lay.cx + lay.a * grow * np.sign(c_) * np.abs(c_) ** (2 / 2.2)
    arc = lay.cy + lay.b_up * grow * np.sign(s_) * np.abs(s_) ** (2 / 2.2)
    line = np.maximum(_hairline(lay, spec, xs), arc)
    pts = list(zip(xs.tolist(), arc.tolist())) + list(zip(xs[::-1].tolist(), line[::-1].tolist()))
    draw.polygon(pts, fill=c)
    if spec.bangs:
        _fringe_strands(draw, lay, xs, line)
    for s in (-1, 1):
        x = lay.cx + s * lay.a * 0.98
        draw.polygon([(x, lay.cy - lay.b_up * 0.5), (x - s * lay.a * 0.14, lay.cy - lay.b_up * 0.3),
                      (x + s * lay.a * 0.02, lay.eye_y + lay.a * 0.05)], fill=c)


def _beard_outline(lay: Layout) -> list[tuple[float, float]]:
    """Jaw from sideburn to sideburn, closed by a line under the cheeks and the nose."""
    rw, mx = lay.eye_rw, lay.cx + lay.yaw
    side_y = lay.eye_y + rw * 0.9
    jaw = sorted(((x, y) for x, y in face_outline(lay, grow=1.02) if y > side_y),
                 key=lambda p: np.arctan2(p[1] - lay.cy, p[0] - lay.cx))
    upper = [(lay.cx - lay.a * 0.98, side_y), (lay.cx - lay.a * 0.72, lay.nose_y + rw * 0.9),
             (mx - lay.mouth_w * 1.15, lay.nose_y + rw * 0.55), (mx, lay.nose_y + rw * 0.45),
             (mx + lay.mouth_w * 1.15, lay.nose_y + rw * 0.55),
             (lay.cx + lay.a * 0.72, lay.nose_y + rw * 0.9), (lay.cx + lay.a * 0.98, side_y)]
    return jaw + upper


def _hair_strokes(draw: Draw, lay: Layout, color: tuple[int, ...], n: int) -> None:
    """Short darker strokes over the lower face, for a hairy texture."""
    rng = np.random.default_rng(int(lay.cx * 997 + lay.cy))
    for _ in range(n):
        y = rng.uniform(lay.nose_y + lay.eye_rw * 0.6, lay.chin_y)
        half = lay.a * 0.9 * max(0.0, 1 - ((y - lay.cy) / lay.b_low) ** lay.jaw) ** (1 / lay.jaw)
        x = lay.cx + rng.uniform(-half, half)
        draw.line([(x, y), (x + rng.uniform(-2, 2), y + rng.uniform(3, 6))], fill=color, width=2)


def draw_beard(draw: Draw, lay: Layout, spec: FaceSpec) -> None:
    """Full beard along the jaw, goatee on the chin, or stubble shadow."""
    if spec.beard == "none":
        return
    c = lay.palette.hair
    dark = (*mix(c, (0, 0, 0), 0.35), 160)
    if spec.beard == "stubble":
        c = (*mix(mix(lay.palette.skin, (0, 0, 0), 0.35), c, 0.25), 110)
        dark = (*mix(lay.palette.skin, (0, 0, 0), 0.5), 90)
    if spec.beard in ("full", "stubble"):
        draw.polygon(_beard_outline(lay), fill=c)
        _hair_strokes(draw, lay, dark, 90)
    else:
        mx, w = lay.cx + lay.yaw, lay.mouth_w * 0.55
        draw.chord((mx - w, lay.mouth_y - w * 0.2, mx + w, lay.chin_y + lay.a * 0.12), 0, 180,
                   fill=c)


def draw_mustache(draw: Draw, lay: Layout, spec: FaceSpec) -> None:
    """Thick band between nose and upper lip."""
    if not spec.mustache:
        return
    mx, w = lay.cx + lay.yaw * 1.1, lay.mouth_w * 1.05
    y0 = lay.nose_y + lay.eye_rw * 0.35
    y1 = lay.mouth_y - lay.mouth_w * 0.12
    u = np.linspace(-1, 1, 13)
    top = y0 + (y1 - y0) * 0.3 * u**2
    bot = y1 + (y1 - y0) * 0.6 * u**2
    pts = list(zip((mx + u * w).tolist(), top.tolist()))
    pts += list(zip((mx + u[::-1] * w).tolist(), bot[::-1].tolist()))
    draw.polygon(pts, fill=lay.palette.hair)


def draw_glasses(draw: Draw, lay: Layout, spec: FaceSpec) -> None:
    """Frames round both eyes; dark lenses for sunglasses, a faint tint otherwise."""
    if not (spec.eyeglasses or spec.sunglasses):
        return
    rw = lay.eye_rw
    frame = (20, 20, 20) if spec.sunglasses else mix(lay.palette.accent, (0, 0, 0), 0.5)
    lens = (15, 15, 25, 240) if spec.sunglasses else (200, 220, 255, 40)
    width = max(3, int(rw * 0.13))
    for s in (-1, 1):
        x, y = lay.eye(s)
        box = (x - rw * 1.35, y - rw * 0.95, x + rw * 1.35, y + rw * 0.95)
        draw.rounded_rectangle(box, radius=rw * 0.6, fill=lens, outline=frame, width=width)
        if spec.sunglasses:
            draw.line([(x - rw * 0.7, y - rw * 0.5), (x - rw * 0.2, y - rw * 0.7)],
                      fill=(255, 255, 255, 120), width=width)
        draw.line([(x + s * rw * 1.35, y - rw * 0.4), (lay.cx + s * lay.a * 1.0, y - rw * 0.3)],
                  fill=frame, width=width)
    xl, xr = lay.eye(-1)[0] + rw * 1.35, lay.eye(1)[0] - rw * 1.35
    draw.arc((xl, lay.eye_y - rw * 0.55, xr, lay.eye_y + rw * 0.1), 180, 360, fill=frame,
             width=width)


def draw_hat(draw: Draw, lay: Layout, spec: FaceSpec) -> None:
    """Cap with a brim, beanie with a cuff, or fedora with a wide brim and band."""
    if spec.hat is None:
        return
    c, a = lay.palette.accent, lay.a
    band_y = lay.cy - lay.b_up * 0.5
    top = lay.top_y - a * 0.2
    if spec.hat == "beanie":
        draw.chord((lay.cx - a * 1.12, top - a * 0.15, lay.cx + a * 1.12, band_y + a * 0.9),
                   180, 360, fill=c)
        draw.rounded_rectangle((lay.cx - a * 1.15, band_y - a * 0.05, lay.cx + a * 1.15,
                                band_y + a * 0.3), radius=a * 0.1, fill=mix(c, (0, 0, 0), 0.2))
    elif spec.hat == "cap":
        draw.chord((lay.cx - a * 1.1, top, lay.cx + a * 1.1, band_y + a * 0.95), 180, 360,
                   fill=c)
        draw.chord((lay.cx - a * 0.95, band_y - a * 0.2, lay.cx + a * 0.95, band_y + a * 0.45),
                   0, 180, fill=mix(c, (0, 0, 0), 0.3))
    else:
        draw.ellipse((lay.cx - a * 1.75, band_y - a * 0.22, lay.cx + a * 1.75, band_y + a * 0.22),
                     fill=mix(c, (0, 0, 0), 0.15))
        draw.polygon([(lay.cx - a * 0.95, band_y), (lay.cx - a * 0.8, top - a * 0.2),
                      (lay.cx + a * 0.8, top - a * 0.2), (lay.cx + a * 0.95, band_y)], fill=c)
        draw.rectangle((lay.cx - a * 0.93, band_y - a * 0.25, lay.cx + a * 0.93, band_y - a * 0.05),
                       fill=(25, 20, 20))


def draw_earrings(draw: Draw, lay: Layout, spec: FaceSpec) -> None:
    """Gold or silver hoops and drops hanging from the ear lobes."""
    if not spec.earrings:
        return
    metal = (230, 190, 60) if lay.palette.accent[0] % 2 else (215, 215, 225)
    r = lay.a * 0.11
    for s in (-1, 1):
        x, y = ear_lobe(lay, s)
        if lay.palette.accent[1] % 2:
            draw.ellipse((x - r, y, x + r, y + 2 * r), outline=metal, width=max(3, int(r * 0.35)))
        else:
            draw.line([(x, y), (x, y + r * 1.2)], fill=metal, width=3)
            draw.ellipse((x - r * 0.6, y + r * 1.1, x + r * 0.6, y + r * 2.3), fill=metal)
