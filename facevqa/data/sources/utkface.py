"""UTKFace: labels in the file name, `[age]_[gender]_[race]_[date&time].jpg`.

gender 0 male, 1 female; race 0 white, 1 black, 2 asian, 3 indian, 4 others (kept only as a
fairness group column). Aligned crops are named `...jpg.chip.jpg`. A handful of released files
lack a field; they are counted as unknown_label and skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from facevqa.data.rows import Skips, age_group_of, make_row
from facevqa.data.sources.common import IMAGE_EXTS, skips_or_new

GENDER = ("male", "female")
RACE = ("white", "black", "asian", "indian", "others")
_NAME = re.compile(r"^(\d{1,3})_(\d)_(\d)_(\d+)")


def parse_name(name: str) -> dict[str, Any] | None:
    """Labels of a UTKFace file name, None when it does not follow the pattern."""
    m = _NAME.match(name)
    if not m:
        return None
    age, gender, race = int(m[1]), int(m[2]), int(m[3])
    if gender >= len(GENDER) or race >= len(RACE) or not 0 <= age <= 120:
        return None
    return {"age": age, "age_group": age_group_of(age), "gender": GENDER[gender],
            "race": RACE[race]}


def read_utkface(root: str | Path, *, skips: Skips | None = None) -> Iterator[dict[str, Any]]:
    """Rows for every image under `root` (recursively), in sorted order."""
    skips = skips_or_new(skips)
    for path in sorted(Path(root).rglob("*")):
        if not path.is_file() or path.suffix.lower() not in IMAGE_EXTS:
            continue
        labels = parse_name(path.name)
        if labels is None:
            skips.add("unknown_label", f"utkface: bad file name {path.name}")
            continue
        yield make_row(id=f"utkface-{path.name}", image=str(path), source="utkface",
                       split="train", **labels)
