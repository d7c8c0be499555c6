"""CelebA: 40 binary attributes as +1/-1 and the train/val/test partition.

`list_attr_celeba.txt`: line 1 the image count, line 2 the 40 attribute names, then
"000001.jpg -1  1  1 ..." (runs of spaces). `list_eval_partition.txt`: "000001.jpg 0" with
0 train, 1 validation, 2 test. Files are found at `<root>/`, `<root>/Anno/`, `<root>/Eval/`;
images at `<root>/img_align_celeba/`, `<root>/Img/img_align_celeba/` or `<root>/celebA/`, or in
`image_root` when a copy keeps images and annotations apart. `Male` becomes the
gender, `No_Beard` the attribute beard (inverted); the rest keep their lowercase names. A
hair_color value is added when exactly one of the four hair-colour columns is set.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from facevqa.data.rows import Skips, make_row
from facevqa.data.sources.common import existing, skips_or_new
from facevqa.errors import ConfigError

PARTITIONS = {"0": "train", "1": "validation", "2": "test"}
HAIR_COLUMNS = {"black_hair": "black", "blond_hair": "blond", "brown_hair": "brown",
                "gray_hair": "gray"}
_DIRS = ("", "Anno", "Eval", "anno", "eval")
_IMAGE_DIRS = ("img_align_celeba", "Img/img_align_celeba", "img_align_celeba/img_align_celeba",
               "celebA", "")


def _find(root: Path, name: str) -> Path | None:
    return next((root / d / name for d in _DIRS if (root / d / name).is_file()), None)


def attributes_from_flags(names: Sequence[str], flags: Sequence[bool]) -> dict[str, Any]:
    """CelebA columns -> row fields: gender, and attributes with beard and hair_color."""
    attrs: dict[str, Any] = {}
    gender = None
    for name, on in zip(names, flags):
        col = name.lower()
        if col == "male":
            gender = "male" if on else "female"
        elif col == "no_beard":
            attrs["beard"] = not on
        else:
            attrs[col] = on
    hair = [value for col, value in HAIR_COLUMNS.items() if attrs.get(col)]
    attrs["hair_color"] = hair[0] if len(hair) == 1 else None
    return {"gender": gender, "attributes": attrs}


def _partitions(root: Path) -> dict[str, str]:
    path = _find(root, "list_eval_partition.txt")
    if path is None:
        return {}
    with open(path, encoding="utf-8") as f:
        return {p[0]: PARTITIONS.get(p[1], p[1]) for p in (ln.split() for ln in f) if len(p) == 2}


def read_celeba(root: str | Path, *, skips: Skips | None = None, split: str | None = None,
                image_root: str | Path | None = None) -> Iterator[dict[str, Any]]:
    """Rows with gender and attributes (split: train/validation/test filters)."""
    root, skips = Path(root), skips_or_new(skips)
    image_dirs = [Path(image_root)] if image_root else [root / d for d in _IMAGE_DIRS]
    attr_path = _find(root, "list_attr_celeba.txt")
    if attr_path is None:
        raise ConfigError(f"list_attr_celeba.txt not found under {root} (or Anno/)")
    parts = _partitions(root)
    with open(attr_path, encoding="utf-8") as f:
        f.readline()
        names = f.readline().split()
        for line in f:
            cells = line.split()
            if not cells:
                continue
            name, values = cells[0], cells[1:]
            if len(values) != len(names) or any(v not in ("1", "-1") for v in values):
                skips.add("unknown_label", f"celeba {name}: {len(values)} values")
                continue
            part = parts.get(name)
            if split and part != split:
                continue
            image = existing([d / name for d in image_dirs], skips, f"celeba-{name}")
            if image:
                yield make_row(id=f"celeba-{name}", image=image, split=part, source="celeba",
                               **attributes_from_flags(names, [v == "1" for v in values]))
