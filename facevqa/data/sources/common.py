"""Helpers the source adapters share: image lookup, label maps, bytes images, HF label names."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from facevqa.data.rows import Skips

IMAGE_EXTS = (".jpg", ".jpeg", ".png", ".bmp", ".webp")


def skips_or_new(skips: Skips | None) -> Skips:
    """The caller's counter, or a private one."""
    return skips if skips is not None else Skips()


def existing(candidates: Iterable[Path], skips: Skips, detail: str) -> str | None:
    """First candidate path that exists (as str); otherwise count a missing image."""
    for path in candidates:
        if path.is_file():
            return str(path)
    skips.add("missing_image", detail)
    return None


def key(text: Any) -> str:
    """Label spelling -> lookup key: lowercase, spaces/hyphens to underscores."""
    return re.sub(r"[\s\-]+", "_", str(text).strip().lower())


def lookup(table: Mapping[str, str], value: Any, skips: Skips, what: str, row_id: str
           ) -> str | None:
    """Canonical label of a data set's label spelling; unknown ones are counted and None."""
    found = table.get(key(value))
    if found is None:
        skips.add("unknown_label", f"{row_id}: {what} {value!r}")
    return found


def image_from_cell(cell: Any, root: Path, skips: Skips, row_id: str) -> Any:
    """An HF image cell ({"bytes", "path"} or a path string) -> PIL image or path; None if bad."""
    from PIL import Image, UnidentifiedImageError

    if isinstance(cell, Mapping) and cell.get("bytes"):
        try:
            img = Image.open(io.BytesIO(cell["bytes"]))
            img.load()
            return img
        except (UnidentifiedImageError, OSError) as e:
            skips.add("corrupt_image", f"{row_id}: {e}")
            return None
    path = cell.get("path") if isinstance(cell, Mapping) else cell
    if not path:
        skips.add("missing_image", f"{row_id}: no image")
        return None
    return existing([root / str(path), Path(str(path))], skips, f"{row_id}: {path}")


def hf_label_names(schema_metadata: Mapping[bytes, bytes] | None) -> dict[str, list[str]]:
    """ClassLabel names per column from the "huggingface" metadata HF writes into parquet."""
    if not schema_metadata or b"huggingface" not in schema_metadata:
        return {}
    info = json.loads(schema_metadata[b"huggingface"])
    features = info.get("info", {}).get("features", {})
    return {col: list(spec["names"]) for col, spec in features.items()
            if isinstance(spec, Mapping) and spec.get("_type") == "ClassLabel"}


def list_files(root: Path, patterns: Iterable[str]) -> list[Path]:
    """Sorted files under root matching any glob pattern (recursive patterns allowed)."""
    found = {p for pattern in patterns for p in root.glob(pattern) if p.is_file()}
    return sorted(found)


SPLIT_NAMES = {"train": "train", "training": "train", "val": "validation",
               "valid": "validation", "validation": "validation", "test": "test"}


def class_folder_rows(root: Path, classes: Mapping[str, str], skips: Skips, source: str,
                      field: str = "emotion") -> Iterable[dict[str, Any]]:
    """Rows of a folder-per-class layout (`[split/]class/image`); the class folder is a name or
    an id looked up in `classes`, the split comes from an enclosing train/val/test folder."""
    from facevqa.data.rows import make_row

    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in IMAGE_EXTS:
            continue
        rel = path.relative_to(root)
        row_id = f"{source}-{rel.as_posix()}"
        if len(rel.parts) < 2:
            skips.add("unknown_label", f"{row_id}: not inside a class folder")
            continue
        label = lookup(classes, rel.parts[-2], skips, field, row_id)
        split = next((SPLIT_NAMES[key(p)] for p in rel.parts[:-2] if key(p) in SPLIT_NAMES), None)
        if label:
            yield make_row(id=row_id, image=str(path), split=split, source=source,
                           **{field: label})
