"""The example photos (facevqa.examples), their variants, and the classical heads' scores.

Used by the golden-value tests (also under `unshare -n`, to prove the path is offline: they run
print_scores() in a child process) and by the bench command. Photos whose package is not
installed are left out.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import numpy as np
from PIL import Image

from facevqa.examples import available_examples

QUESTIONS = {"age": "How old is this person?", "gender": "What is the perceived gender?",
             "emotion": "What emotion is shown?", "spoof": "Is this photo of a real person?"}
EXIF_ORIENTATION = 0x0112


def exif_rotated(path: Path) -> bytes:
    """JPEG bytes whose pixels are turned 90 degrees, with an EXIF tag that turns them back.

    Orientation 6 says "rotate 90 degrees clockwise to display", so a loader that honours
    EXIF (facevqa.images.load_image) sees the upright photo again.
    """
    img = Image.open(path).convert("RGB").transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[EXIF_ORIENTATION] = 6
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=95, exif=exif)
    return buf.getvalue()


def scaled(path: Path, factor: float) -> np.ndarray:
    """The photo resized by `factor` (bicubic), as an RGB uint8 array."""
    img = Image.open(path).convert("RGB")
    size = (round(img.width * factor), round(img.height * factor))
    return np.asarray(img.resize(size, Image.Resampling.BICUBIC))


def photo_set() -> dict[str, object]:
    """Every photo plus its variants: EXIF-rotated 90 degrees, scaled x0.5 and x1.5."""
    out: dict[str, object] = {}
    for name, path in available_examples().items():
        out[name] = path
        out[f"{name}@exif90"] = exif_rotated(path)
        out[f"{name}@x0.5"] = scaled(path, 0.5)
        out[f"{name}@x1.5"] = scaled(path, 1.5)
    return out


def score_photos(heads=None, photos: dict[str, object] | None = None) -> dict[str, dict]:
    """Each photo's answers for age, gender, emotion and spoof, as plain JSON-ready numbers."""
    from facevqa.classical.heads import ClassicalHeads

    heads = heads or ClassicalHeads()
    photos = photo_set() if photos is None else photos
    # One call, each photo asked every question: the router picks the task, and each photo
    # is decoded and searched for faces once.
    keys = [(name, task) for name in photos for task in QUESTIONS]
    answers = heads.generate([photos[n] for n, _ in keys], [QUESTIONS[t] for _, t in keys])
    out: dict[str, dict] = {n: {} for n in photos}
    for (name, task), a in zip(keys, answers):
        out[name][task] = {"status": a.status, "task": a.task, "label": a.label,
                           "confidence": a.confidence, "value": a.value, "probs": a.probs,
                           "error": a.error}
    return out


def compare_heads(heads=None, photos: dict[str, object] | None = None
                  ) -> dict[str, dict[str, dict]]:
    """Every age and gender head on each photo's largest face: years, or P(female)."""
    from facevqa.classical.heads import ClassicalHeads
    from facevqa.classical.inputs import FaceView
    from facevqa.classical.readers import HEADS
    from facevqa.faces import get_detector
    from facevqa.images import load_image

    heads, detector = heads or ClassicalHeads(), get_detector()
    views = {}
    for name, src in (photos or available_examples()).items():
        img = load_image(src)
        found = detector.detect(img)
        if found:
            views[name] = FaceView(img, found[0])
    out: dict[str, dict[str, dict]] = {n: {} for n in views}
    for head, spec in HEADS.items():
        if spec.task not in ("age", "gender"):
            continue
        for name, r in zip(views, heads.read(list(views.values()), head)):
            out[name][head] = ({"years": r.value} if spec.task == "age"
                               else {"p_female": r.probs["female"]})
    return out


def print_scores() -> int:
    """Print the scores of the whole photo set as JSON (exit 1 if any answer is not ok)."""
    scores = score_photos()
    sys.stdout.write(json.dumps(scores, indent=1, sort_keys=True) + "\n")
    bad = [f"{n}/{t}" for n, s in scores.items() for t, a in s.items() if a["status"] != "ok"]
    return 1 if bad or not scores else 0
