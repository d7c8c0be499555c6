"""Contact sheets: a labelled grid of rows' images, for looking at a data set."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PIL import Image, ImageDraw

from facevqa.data.synthetic import synth_rows


def _label(row: Mapping[str, Any]) -> str:
    if not row.get("is_face", True):
        return "no face"
    parts = [str(row.get("age", "")), row.get("gender") or "", row.get("emotion") or ""]
    if row.get("spoof") not in (None, "real"):
        parts.append(row["spoof"].upper())
    return " ".join(p for p in parts if p)


def contact_sheet(rows: Iterable[Mapping[str, Any]], cols: int = 8, thumb: int = 192
                  ) -> Image.Image:
    """Grid of thumbnails with a caption strip (age, gender, emotion, attack) under each."""
    rows = list(rows)
    strip = 16
    n_rows = (len(rows) + cols - 1) // cols
    sheet = Image.new("RGB", (cols * thumb, n_rows * (thumb + strip)), (255, 255, 255))
    draw = ImageDraw.Draw(sheet)
    for k, row in enumerate(rows):
        x, y = (k % cols) * thumb, (k // cols) * (thumb + strip)
        img = row["image"] if isinstance(row["image"], Image.Image) else Image.open(row["image"])
        sheet.paste(img.convert("RGB").resize((thumb, thumb), Image.LANCZOS), (x, y))
        draw.text((x + 4, y + thumb + 2), _label(row), fill=(0, 0, 0))
    return sheet


def synthetic_sheet(n: int = 32, seed: int = 0) -> Image.Image:
    """The docs contact sheet: n synthetic rows with spoofs and a few non-faces."""
    return contact_sheet(synth_rows(n, seed=seed, spoof_rate=0.3, nonface_rate=0.07))
