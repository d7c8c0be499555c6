"""Training and held-out examples: the synthetic face world or a saved dataset folder."""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

from facevqa.config import to_dict
from facevqa.errors import ConfigError
from finetune.config import DataSpec

log = logging.getLogger(__name__)

EVAL_SEED_OFFSET = 500_000
"""Held-out synthetic rows come from seed + this offset: disjoint from the training rows."""


def load_examples(spec: DataSpec, cache: Path | None = None):
    """(train, eval) datasets.Dataset of (image, question, answer, task, attribute, ...)."""
    if spec.source == "synthetic":
        return _synthetic(spec, cache or _default_cache()), _synthetic(spec, cache or
                                                                       _default_cache(), True)
    return _saved(spec)


def _default_cache() -> Path:
    from facevqa.default import cache_dir

    return cache_dir() / "synthetic-examples"


def _synthetic(spec: DataSpec, cache: Path, held_out: bool = False):
    """Synthetic examples of spec.tasks (all tasks are built once per spec and kept on disk:
    drawing is seeded, so a rebuild is identical; another task subset reuses the images)."""
    ds = _synthetic_all(spec, cache, held_out)
    if not spec.tasks:
        return ds
    keep = set(spec.tasks)
    return ds.filter(lambda t: t in keep, input_columns="task")


def _synthetic_all(spec: DataSpec, cache: Path, held_out: bool):
    from datasets import load_from_disk

    from facevqa.data.qa import QAConfig, to_dataset

    seed = spec.seed + (EVAL_SEED_OFFSET if held_out else 0)
    ident = {k: v for k, v in to_dict(spec).items() if k != "tasks"}
    key = hashlib.sha1(json.dumps([ident, held_out]).encode()).hexdigest()[:12]
    folder = cache / key
    if (folder / "dataset_info.json").exists():
        return load_from_disk(str(folder))
    log.info("drawing %d synthetic %s rows (seed %d)", spec.n_eval if held_out else spec.n_train,
             "held-out" if held_out else "train", seed)
    ds = to_dataset(synthetic_rows(spec, held_out), QAConfig(seed=seed))
    tmp = folder.with_name(folder.name + ".tmp")
    ds.save_to_disk(str(tmp))
    tmp.rename(folder)
    return load_from_disk(str(folder))


def synthetic_rows(spec: DataSpec, held_out: bool = False):
    """The labelled rows (image and every ground-truth field) the synthetic examples are asked
    about: drawing is seeded, so these are the examples' images (before their JPEG q95
    encoding)."""
    from facevqa.data.synthetic import synth_rows

    return synth_rows(spec.n_eval if held_out else spec.n_train,
                      seed=spec.seed + (EVAL_SEED_OFFSET if held_out else 0),
                      size=spec.image_size, split="eval" if held_out else "train",
                      face_crops=spec.face_crops)


def _saved(spec: DataSpec):
    """A folder written by `facevqa data ...`: a DatasetDict or one Dataset with a split column."""
    from datasets import DatasetDict, load_from_disk

    try:
        ds = load_from_disk(spec.source)
    except FileNotFoundError as e:
        raise ConfigError(f"data.source {spec.source!r} is neither 'synthetic' nor a saved "
                          "dataset folder (write one with `facevqa data synth|build`)") from e
    if spec.tasks:
        keep = set(spec.tasks)
        ds = ds.filter(lambda t: t in keep, input_columns="task")
    if isinstance(ds, DatasetDict):
        held = next((k for k in ("validation", "eval", "test") if k in ds), None)
        if "train" not in ds or held is None:
            raise ConfigError(f"{spec.source} needs a train split and a validation/eval/test "
                              f"split; it has {list(ds)}")
        return ds["train"], ds[held]
    train = ds.filter(lambda s: s != "eval" and s != "test", input_columns="split")
    held = ds.filter(lambda s: s in ("eval", "test"), input_columns="split")
    if len(held) == 0:
        split = ds.train_test_split(test_size=min(0.1, 500 / max(1, len(ds))), seed=spec.seed)
        return split["train"], split["test"]
    return train, held
