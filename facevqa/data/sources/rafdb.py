"""RAF-DB basic emotions: label file or folders per class, ids 1-7.

- Label file `EmoLabel/list_patition_label.txt` (the release's spelling), lines
  "train_00001.jpg 5"; images at `Image/aligned/train_00001_aligned.jpg` or
  `Image/original/train_00001.jpg`. Ids 1-7: surprise, fear, disgust, happiness, sadness,
  anger, neutral. The split is the file name's prefix (train_/test_).
- Folders: `[train|test/]<1-7 or class name>/<image>` (common re-packagings).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from facevqa.data.rows import Skips, make_row
from facevqa.data.sources.common import (
    class_folder_rows,
    existing,
    list_files,
    lookup,
    skips_or_new,
)

RAFDB7 = ("surprise", "fear", "disgust", "happy", "sad", "anger", "neutral")
"""RAF-DB class order: id i+1 is RAFDB7[i]."""
CLASSES: dict[str, str] = {str(i + 1): e for i, e in enumerate(RAFDB7)}
CLASSES.update({e: e for e in RAFDB7})
CLASSES.update({"happiness": "happy", "sadness": "sad", "surprised": "surprise",
                "angry": "anger", "disgusted": "disgust", "fearful": "fear"})
LABEL_FILES = ("EmoLabel/list_patition_label.txt", "list_patition_label.txt",
               "EmoLabel/list_partition_label.txt", "list_partition_label.txt")


def _images(root: Path, name: str) -> list[Path]:
    stem = name.rsplit(".", 1)[0]
    return [root / "Image" / "aligned" / f"{stem}_aligned.jpg", root / "Image" / "original" / name,
            root / "aligned" / f"{stem}_aligned.jpg", root / "original" / name, root / name]


def _read_label_file(root: Path, path: Path, skips: Skips) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) != 2:
                if parts:
                    skips.add("unknown_label", f"rafdb: bad line {line.strip()!r}")
                continue
            name, label = parts
            row_id = f"rafdb-{name}"
            emotion = lookup(CLASSES, label, skips, "label", row_id)
            image = existing(_images(root, name), skips, row_id) if emotion else None
            if image:
                split = "test" if name.startswith("test") else "train"
                yield make_row(id=row_id, image=image, emotion=emotion, split=split,
                               source="rafdb")


def read_rafdb(root: str | Path, *, skips: Skips | None = None) -> Iterator[dict[str, Any]]:
    """Rows from the label file if present, else from class folders."""
    root, skips = Path(root), skips_or_new(skips)
    label_file = next((root / p for p in LABEL_FILES if (root / p).is_file()), None)
    if label_file is None:
        found = list_files(root, ["**/list_patition_label.txt"])
        label_file = found[0] if found else None
    if label_file is not None:
        yield from _read_label_file(label_file.parent.parent if label_file.parent.name ==
                                    "EmoLabel" else label_file.parent, label_file, skips)
    else:
        yield from class_folder_rows(root, CLASSES, skips, "rafdb")
