"""CelebA-Spoof: live and spoof images with JSON labels, including the spoof type.

Label files (`metas/intra_test/train_label.json`, `test_label.json`, or any `*label*.json`
given) map an image path relative to the root ("Data/train/4980/spoof/000001.jpg") to 44
integers: 0-39 the subject's CelebA attributes, 40 the spoof type, 41 illumination,
42 environment, 43 live (0) / spoof (1). Spoof types: 0 live; 1 photo, 2 poster, 3 A4 (print);
4 face mask, 5 upper-body mask, 6 region mask, 10 3D mask (mask); 7 PC, 8 pad, 9 phone
(replay). The explanation names the presentation instrument.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from facevqa.data.rows import Skips, make_row
from facevqa.data.sources.celeba import attributes_from_flags
from facevqa.data.sources.common import existing, list_files, skips_or_new
from facevqa.errors import ConfigError

CELEBA_COLUMNS = (
    "5_o_Clock_Shadow Arched_Eyebrows Attractive Bags_Under_Eyes Bald Bangs Big_Lips Big_Nose "
    "Black_Hair Blond_Hair Blurry Brown_Hair Bushy_Eyebrows Chubby Double_Chin Eyeglasses Goatee "
    "Gray_Hair Heavy_Makeup High_Cheekbones Male Mouth_Slightly_Open Mustache Narrow_Eyes "
    "No_Beard Oval_Face Pale_Skin Pointy_Nose Receding_Hairline Rosy_Cheeks Sideburns Smiling "
    "Straight_Hair Wavy_Hair Wearing_Earrings Wearing_Hat Wearing_Lipstick Wearing_Necklace "
    "Wearing_Necktie Young").split()
"""CelebA's 40 columns in file order (indices 0-39 of a label)."""

SPOOF_TYPES: dict[int, tuple[str, str]] = {
    1: ("print", "printed photo"), 2: ("print", "printed poster"), 3: ("print", "A4 paper print"),
    4: ("mask", "paper face mask"), 5: ("mask", "upper-body mask"), 6: ("mask", "region mask"),
    7: ("replay", "computer screen"), 8: ("replay", "tablet screen"),
    9: ("replay", "phone screen"), 10: ("mask", "3D mask"),
}
"""Spoof type id -> (attack, presentation instrument named in the explanation)."""
_ATTACK_PHRASE = {"print": "a printed photo", "replay": "a replay of a display",
                  "mask": "a mask worn over the face"}


def spoof_fields(label: Sequence[int]) -> dict[str, Any] | None:
    """spoof / explanation / cues of a 44-value label; None for an unknown spoof type."""
    kind, live_flag = int(label[40]), int(label[43])
    if kind == 0 and live_flag == 0:
        return {"spoof": "real", "explanation": None, "cues": []}
    if kind not in SPOOF_TYPES:
        return None
    attack, cue = SPOOF_TYPES[kind]
    return {"spoof": attack, "cues": [cue],
            "explanation": f"The face is shown on a {cue}, so this is {_ATTACK_PHRASE[attack]}."}


def read_celeba_spoof(root: str | Path, *, skips: Skips | None = None,
                      label_files: Sequence[str | Path] | None = None
                      ) -> Iterator[dict[str, Any]]:
    """Rows from the JSON label files (default: metas/intra_test/*_label.json)."""
    root, skips = Path(root), skips_or_new(skips)
    files = [Path(p) for p in label_files] if label_files else list_files(
        root, ["metas/intra_test/*_label.json", "*_label.json"])
    if not files:
        raise ConfigError(f"no CelebA-Spoof label json under {root}/metas/intra_test")
    for path in files:
        split = "test" if "test" in path.stem else "train"
        with open(path, encoding="utf-8") as f:
            labels: dict[str, list[int]] = json.load(f)
        for rel, label in labels.items():
            row_id = f"celeba_spoof-{rel}"
            fields = spoof_fields(label) if len(label) == 44 else None
            if fields is None:
                skips.add("unknown_label", f"{row_id}: label {label[40:] if label else label}")
                continue
            image = existing([root / rel], skips, row_id)
            if image:
                face = attributes_from_flags(CELEBA_COLUMNS, [v == 1 for v in label[:40]])
                yield make_row(id=row_id, image=image, split=split, source="celeba_spoof",
                               **face, **fields)
