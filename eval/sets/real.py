"""Real held-out data: a saved data set or a source adapter's rows, split into test / dev /
train by the data's own split labels where it has them, by a hash of the row id otherwise."""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from eval.sets import (
    HASH_SHARES,
    REAL_LIMITS,
    SAVED_ALIASES,
    SPLITS,
    EvalSets,
    SetSpec,
    make_set,
)
from facevqa.errors import ConfigError

log = logging.getLogger(__name__)

SPLIT_NAMES = {"test": "test", "validation": "validation", "val": "validation",
               "valid": "validation", "dev": "dev", "train": "train", "training": "train"}


def _hashed(row_id: str, shares: Mapping[str, float]) -> str:
    u = zlib.crc32(row_id.encode()) % 10_000 / 10_000
    for split, share in shares.items():
        if u < share:
            return split
        u -= share
    return "train"


def assign_split(split: str | None, row_id: str, present: set[str]) -> str:
    """test / dev / train of a row given its own split label and the labels the data has.

    "test" is the data's test split, else its validation split; "dev" is its dev (or, when
    it has a test split, validation) split, else a hashed 20% of train rows; rows without a
    split label are hashed into test / dev / train.
    """
    s = SPLIT_NAMES.get(str(split).lower()) if split else None
    test_name = "test" if "test" in present else "validation" if "validation" in present else None
    if s is None or test_name is None:
        return _hashed(row_id, HASH_SHARES)
    if s == test_name:
        return "test"
    if s in ("dev", "validation"):
        return "dev"
    has_dev = "dev" in present or (test_name == "test" and "validation" in present)
    if not has_dev and _hashed(row_id, {"dev": HASH_SHARES["dev"]}) == "dev":
        return "dev"
    return "train"


def readable_rows(rows: Iterable[dict[str, Any]], skips: Any) -> Iterator[dict[str, Any]]:
    """Rows whose image facevqa.images.load_image decodes; the others are counted in `skips`
    by reason (missing or unusable image), never raised."""
    from facevqa.errors import ImageError
    from facevqa.images import load_image

    for row in rows:
        if row.get("image") is None:
            skips.add("missing_image", str(row.get("id")))
            continue
        try:
            load_image(row["image"])
        except ImageError as e:
            skips.add("bad_image", f"{row.get('id')}: {e}")
            continue
        yield row


def _source_examples(source: str, path: str, spec: SetSpec) -> Iterator[dict[str, Any]]:
    from facevqa.data.qa import build_examples
    from facevqa.data.rows import Skips

    if source in SAVED_ALIASES:
        from datasets import Image, load_from_disk

        ds = load_from_disk(path)
        if "image" in ds.column_names:
            ds = ds.cast_column("image", Image(decode=False))
        yield from ds
        return
    from facevqa.data.sources import get_source

    skips = Skips()
    rows = get_source(source)(path, skips=skips)
    yield from build_examples(readable_rows(rows, skips), spec.qa_config(), skips=skips)
    for reason, count in skips.summary().counts.items():
        log.warning("%s: skipped %d rows (%s), e.g. %s", source, count, reason,
                    "; ".join(skips.summary().examples.get(reason, [])[:2]))


def _image_of(cell: Any) -> Any:
    if isinstance(cell, Mapping):
        return cell.get("bytes") or cell.get("path")
    return cell


def split_labels(source: str, path: str) -> set[str]:
    """The split names a data set has (train, validation, dev, test), from a first pass."""
    if source in SAVED_ALIASES:
        from datasets import load_from_disk

        ds = load_from_disk(path)
        labels = set(ds.unique("split")) if "split" in ds.column_names else set()
    else:
        from facevqa.data.sources import get_source

        labels = {row.get("split") for row in get_source(source)(path)}
    return {SPLIT_NAMES.get(str(s).lower()) for s in labels if s} - {None}


def _collect(examples: Iterable[Mapping[str, Any]], present: set[str],
             limits: Mapping[str, int | None], tasks: Sequence[str]
             ) -> dict[str, list[dict[str, Any]]]:
    """Examples per split, keeping only the first `limits[split]` images of each split."""
    kept: dict[str, list[dict[str, Any]]] = {s: [] for s in SPLITS}
    rows: dict[str, set[str]] = {s: set() for s in SPLITS}
    for ex in examples:
        row = str(ex.get("id"))
        split = assign_split(ex.get("split"), row, present)
        if ex["task"] not in tasks:
            continue
        if row not in rows[split]:
            if limits.get(split) is not None and len(rows[split]) >= limits[split]:
                continue
            rows[split].add(row)
        kept[split].append({**ex, "image": _image_of(ex.get("image"))})
    return kept


def load_real(spec: SetSpec, source: str, path: str) -> EvalSets:
    """test / dev / train of a saved data set or a source adapter's rows."""
    limits = {**REAL_LIMITS, **spec.limits}
    kept = _collect(_source_examples(source, path, spec), split_labels(source, path), limits,
                    spec.tasks)
    sets = {s: make_set(s, kept[s], spec.tasks) for s in SPLITS}
    if not len(sets["test"]):
        raise ConfigError(f"--data {source}:{path}: no test examples for tasks "
                          f"{', '.join(spec.tasks)}")
    every = [ex for split in kept.values() for ex in split]
    faces = "none" if source in SAVED_ALIASES and _all_synthetic(every) else "largest"
    return EvalSets(f"{source}:{Path(path).name}", faces, sets["test"],
                    sets["dev"] if len(sets["dev"]) else None,
                    sets["train"] if len(sets["train"]) else None)


def _all_synthetic(examples: Sequence[Mapping[str, Any]]) -> bool:
    return bool(examples) and all(ex.get("source") in ("synth", "synthetic") for ex in examples)
