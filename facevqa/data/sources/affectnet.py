"""AffectNet: eight expressions, as the official CSV or as folders per class.

- CSV (training.csv / validation.csv): subDirectory_filePath, face_x, face_y, face_width,
  face_height, facial_landmarks, expression, valence, arousal; images under
  `<root>/Manually_Annotated_Images/` (or `<root>/`). Expression ids 0-7 are neutral, happy,
  sad, surprise, fear, disgust, anger, contempt; 8 none, 9 uncertain, 10 no-face are counted as
  unknown_label and skipped. Simpler CSVs with (pth|path|image, label|expression) also work.
- Folders: `[train|val|test/]<class>/<image>`, the class a name (Anger, happy, ...) or an id.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from facevqa.data.rows import EMOTIONS, Skips, make_row
from facevqa.data.sources.common import (
    class_folder_rows,
    existing,
    list_files,
    lookup,
    skips_or_new,
)

CLASSES: dict[str, str] = {str(i): e for i, e in enumerate(EMOTIONS)}
CLASSES.update({e: e for e in EMOTIONS})
CLASSES.update({"happiness": "happy", "sadness": "sad", "surprised": "surprise",
                "angry": "anger", "disgusted": "disgust", "fearful": "fear", "scared": "fear"})
_PATH_COLS = ("subDirectory_filePath", "pth", "path", "image", "file")
_LABEL_COLS = ("expression", "label", "emotion")
_IMAGE_DIRS = ("Manually_Annotated_Images", "Automatically_Annotated_Images", "")


def _box(rec: dict[str, str]) -> tuple[int, int, int, int] | None:
    try:
        x, y = int(float(rec["face_x"])), int(float(rec["face_y"]))
        return x, y, x + int(float(rec["face_width"])), y + int(float(rec["face_height"]))
    except (KeyError, TypeError, ValueError):
        return None


def _read_csv(root: Path, path: Path, skips: Skips) -> Iterator[dict[str, Any]]:
    split = "validation" if "val" in path.stem.lower() else "train"
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        fields = reader.fieldnames or []
        path_col = next((c for c in _PATH_COLS if c in fields), None)
        label_col = next((c for c in _LABEL_COLS if c in fields), None)
        if not (path_col and label_col):
            skips.add("unknown_format", f"{path.name}: columns {fields}")
            return
        for rec in reader:
            row_id = f"affectnet-{rec[path_col]}"
            emotion = lookup(CLASSES, rec[label_col], skips, "expression", row_id)
            image = existing([root / d / rec[path_col] for d in _IMAGE_DIRS], skips,
                             row_id) if emotion else None
            if image:
                yield make_row(id=row_id, image=image, emotion=emotion, face_box=_box(rec),
                               split=split, source="affectnet")


def read_affectnet(root: str | Path, *, skips: Skips | None = None) -> Iterator[dict[str, Any]]:
    """Rows from the label CSV(s) at `root` if any, else from class folders."""
    root, skips = Path(root), skips_or_new(skips)
    label_files = list_files(root, ["*.csv"])
    if label_files:
        for path in label_files:
            yield from _read_csv(root, path, skips)
    else:
        yield from class_folder_rows(root, CLASSES, skips, "affectnet")
