"""FairFace: age group, perceived gender and race (race kept only as a fairness group column).

Two forms as distributed:
- CSV release: `fairface_label_train.csv` / `fairface_label_val.csv` with columns
  file,age,gender,race,service_test and images at `<root>/<file>` (e.g. train/1.jpg; also
  looked up under fairface-img-margin025-trainval/ and fairface-img-margin125-trainval/).
- Hugging Face mirrors: parquet files with an image struct and integer label ids. Mirrors
  order the ids differently, so ids are mapped through the ClassLabel names stored in the
  parquet's "huggingface" metadata (or `label_names=`), always by name, never by position.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from facevqa.data.rows import Skips, make_row
from facevqa.data.sources.common import (
    existing,
    hf_label_names,
    image_from_cell,
    key,
    list_files,
    lookup,
    skips_or_new,
)
from facevqa.errors import ConfigError

AGE = {"0_2": "0-2", "3_9": "3-9", "10_19": "10-19", "20_29": "20-29", "30_39": "30-39",
       "40_49": "40-49", "50_59": "50-59", "60_69": "60-69", "more_than_70": "70+", "70+": "70+"}
GENDER = {"male": "male", "female": "female", "man": "male", "woman": "female"}
RACE = {r: r for r in ("white", "black", "indian", "east_asian", "southeast_asian",
                       "middle_eastern", "latino_hispanic")}
RACE.update({"latino": "latino_hispanic", "hispanic": "latino_hispanic", "asian": "east_asian"})
_IMAGE_DIRS = ("", "fairface-img-margin025-trainval", "fairface-img-margin125-trainval")
_SPLITS = {"train": "train", "val": "validation", "validation": "validation"}


def _labels(rec: Mapping[str, Any], skips: Skips, row_id: str) -> dict[str, Any] | None:
    age = lookup(AGE, rec.get("age"), skips, "age", row_id)
    gender = lookup(GENDER, rec.get("gender"), skips, "gender", row_id) if age else None
    if not (age and gender):
        return None
    race = RACE.get(key(rec.get("race"))) if rec.get("race") is not None else None
    return {"age_group": age, "gender": gender, "race": race}


def _read_csv(root: Path, skips: Skips, split: str | None) -> Iterator[dict[str, Any]]:
    files = list_files(root, ["fairface_label_*.csv", "*/fairface_label_*.csv"])
    if not files:
        raise ConfigError(f"no fairface_label_*.csv under {root}")
    for path in files:
        part = _SPLITS.get(path.stem.rsplit("_", 1)[-1], path.stem)
        if split and part != split:
            continue
        with open(path, newline="", encoding="utf-8") as f:
            for rec in csv.DictReader(f):
                row_id = f"fairface-{rec.get('file')}"
                labels = _labels(rec, skips, row_id)
                if labels is None:
                    continue
                image = existing([root / d / rec["file"] for d in _IMAGE_DIRS], skips, row_id)
                if image:
                    yield make_row(id=row_id, image=image, split=part, source="fairface",
                                   **labels)


def _decode_ids(rec: dict[str, Any], names: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    out = dict(rec)
    for col in ("age", "gender", "race"):
        value = rec.get(col)
        if isinstance(value, int) and not isinstance(value, bool):
            if col not in names:
                raise ConfigError(f"column {col!r} holds integer ids but no ClassLabel names were "
                                  "found; pass label_names={...} with the mirror's names")
            out[col] = names[col][value] if 0 <= value < len(names[col]) else f"id {value}"
    return out


def _read_parquet(root: Path, skips: Skips, split: str | None,
                  label_names: Mapping[str, Sequence[str]] | None) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    for path in list_files(root, ["*.parquet", "**/*.parquet"]):
        part = next((s for s in ("train", "validation", "val", "test") if s in path.name), None)
        part = _SPLITS.get(part or "", part)
        if split and part != split:
            continue
        pf = pq.ParquetFile(path)
        names = {**hf_label_names(pf.schema_arrow.metadata), **(label_names or {})}
        for b, batch in enumerate(pf.iter_batches(batch_size=512)):
            for i, rec in enumerate(batch.to_pylist()):
                row_id = f"fairface-{path.stem}-{b}-{i}"
                labels = _labels(_decode_ids(rec, names), skips, row_id)
                image = image_from_cell(rec.get("image"), root, skips, row_id) if labels else None
                if image is not None:
                    yield make_row(id=row_id, image=image, split=part, source="fairface",
                                   **labels)


def read_fairface(root: str | Path, *, skips: Skips | None = None, split: str | None = None,
                  label_names: Mapping[str, Sequence[str]] | None = None
                  ) -> Iterator[dict[str, Any]]:
    """Rows from the CSV release or an HF parquet mirror at `root` (split: train/validation)."""
    root, skips = Path(root), skips_or_new(skips)
    if list_files(root, ["fairface_label_*.csv", "*/fairface_label_*.csv"]):
        yield from _read_csv(root, skips, split)
    else:
        yield from _read_parquet(root, skips, split, label_names)
