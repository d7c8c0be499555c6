"""The synthetic face world: seeded, download-free rows with known ground truth for every task.

`draw_sample(seed)` draws one face (and, with `spoof=`, an attack on that same face);
`synth_rows(n)` streams rows with age group x gender x skin tone balanced in blocks of 180;
with `face_crops=True` each face row is the square crop the pipeline itself would take around
the face (`facevqa.faces.crop_face`), which is what the model sees at inference.

Parts: `spec.py` (sampled ground truth), `layout.py` (geometry, palette), `face.py` (inner
face), `extras.py` (hair, glasses, hat...), `scene.py` (the rendered scene), `spoof.py`
(print, replay, screen and mask attacks, also drawn on real photos), `nonface.py`
(images without a face).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from typing import Any

import numpy as np

from facevqa.data.captions import caption_for
from facevqa.data.rows import AGE_GROUPS, EMOTIONS, GENDERS, make_row
from facevqa.data.synthetic.nonface import draw_nonface_image
from facevqa.data.synthetic.scene import render_face
from facevqa.data.synthetic.spec import sample_spec
from facevqa.data.synthetic.spoof import ATTACKS, apply_spoof

_GROUP_CELLS = tuple(itertools.product(AGE_GROUPS, GENDERS, range(1, 11)))


def draw_sample(seed: int, *, spoof: str | None = None, size: int = 224,
                fix: Mapping[str, Any] | None = None, row_id: str | None = None
                ) -> dict[str, Any]:
    """One face row; `spoof` ("print", "replay", "mask") turns the same face into an attack.

    `fix` pins sampled properties (age_group, age, gender, skin_tone, emotion or any FaceSpec
    field).
    """
    if spoof not in (None, "real", *ATTACKS):
        raise ValueError(f"unknown spoof {spoof!r}; valid: None, real, {', '.join(ATTACKS)}")
    rng = np.random.default_rng([seed, 0])
    spec = sample_spec(rng, **dict(fix or {}))
    img, geo = render_face(spec, rng, size)
    row = make_row(
        id=row_id or f"synth-{seed}", image=img, age=spec.age, age_group=spec.age_group,
        gender=spec.gender, emotion=spec.emotion, skin_tone=spec.skin_tone,
        attributes=spec.attributes(), spoof="real", split="train", face_box=geo.box, cues=[],
        source="synth",
    )
    if spoof not in (None, "real"):
        res = apply_spoof(np.random.default_rng([seed, 1]), img, geo, spoof)
        row.update(image=res.image, spoof=spoof, explanation=res.explanation,
                   cues=list(res.cues), face_box=res.box)
    row["caption"] = caption_for(row, seed)
    return row


def draw_nonface(seed: int, *, size: int = 224, row_id: str | None = None) -> dict[str, Any]:
    """A row without a face (is_face False; every label None)."""
    img, _ = draw_nonface_image(np.random.default_rng([seed, 2]), size)
    return make_row(id=row_id or f"synth-nonface-{seed}", image=img, is_face=False,
                    split="train", source="synth", cues=[])


def _balanced(seed: int, i: int) -> dict[str, Any]:
    """Group cell and emotion of row i: every 180 rows cover all cells once, 8 rows all emotions."""
    cells = np.random.default_rng([seed, i // len(_GROUP_CELLS), 7]).permutation(
        len(_GROUP_CELLS))
    emotions = np.random.default_rng([seed, i // len(EMOTIONS), 8]).permutation(len(EMOTIONS))
    group, gender, tone = _GROUP_CELLS[cells[i % len(_GROUP_CELLS)]]
    return {"age_group": group, "gender": gender, "skin_tone": tone,
            "emotion": EMOTIONS[emotions[i % len(EMOTIONS)]]}


def crop_row(row: dict[str, Any], size: int) -> dict[str, Any]:
    """The row with its image replaced by the pipeline's face crop, resized to size x size."""
    from PIL import Image

    from facevqa.answer import Face
    from facevqa.faces import crop_box

    image = row["image"]
    left, top, right, bottom = crop_box(image.size, Face(box=tuple(row["face_box"]), score=1.0))
    sx, sy = size / (right - left), size / (bottom - top)
    x0, y0, x1, y1 = row["face_box"]
    box = (round((x0 - left) * sx), round((y0 - top) * sy), round((x1 - left) * sx),
           round((y1 - top) * sy))
    crop = image.crop((left, top, right, bottom)).resize((size, size), Image.BICUBIC)
    return {**row, "image": crop, "face_box": box}


def synth_rows(n: int, seed: int = 0, spoof_rate: float = 0.25, nonface_rate: float = 0.0,
               *, size: int = 224, split: str = "train", face_crops: bool = False
               ) -> Iterator[dict[str, Any]]:
    """Stream n rows: faces (a `spoof_rate` share as print/replay/mask attacks) and non-faces.

    face_crops: each face image is its face crop (as the pipeline crops), non-faces unchanged.
    """
    for i in range(n):
        sample_seed = int(np.random.SeedSequence([seed, i]).generate_state(1)[0])
        kind = np.random.default_rng([seed, i, 9])
        row_id = f"synth-s{seed}-{i:07d}"
        if kind.random() < nonface_rate:
            row = draw_nonface(sample_seed, size=size, row_id=row_id)
        else:
            attack = str(kind.choice(ATTACKS)) if kind.random() < spoof_rate else None
            row = draw_sample(sample_seed, spoof=attack, size=size, fix=_balanced(seed, i),
                              row_id=row_id)
            if face_crops:
                row = crop_row(row, size)
        row["split"] = split
        yield row
