"""Synthetic held-out splits: seeded chunks drawn in parallel, cached as JPEG + JSON lines."""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eval.sets import (
    CHUNK,
    DEFAULT_LIMITS,
    SPLITS,
    SYNTH_SEEDS,
    EvalSets,
    SetSpec,
    make_set,
)

log = logging.getLogger(__name__)


def _draw_chunk(args: tuple[int, int, str, Any]) -> list[dict[str, Any]]:
    """QA examples of one synthetic chunk (runs in a worker process)."""
    from facevqa.data.qa import build_examples
    from facevqa.data.synthetic import synth_rows

    seed, n, split, cfg = args
    return list(build_examples(synth_rows(n, seed=seed, split=split, face_crops=True), cfg))


def synth_examples(split: str, n: int, spec: SetSpec) -> Iterator[dict[str, Any]]:
    """Examples of n synthetic images of `split`, drawn in chunks (in parallel when large)."""
    base = SYNTH_SEEDS[split] + 1000 * spec.seed
    jobs = [(base + k, min(CHUNK, n - k * CHUNK), split, spec.qa_config())
            for k in range((n + CHUNK - 1) // CHUNK)]
    if len(jobs) <= 1 or spec.workers <= 1:
        for job in jobs:
            yield from _draw_chunk(job)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(min(spec.workers, len(jobs)), mp_context=ctx) as pool:
        for chunk in pool.map(_draw_chunk, jobs):
            yield from chunk


def _cache_key(spec: SetSpec, split: str, n: int | None) -> str:
    d = {"data": spec.data, "tasks": spec.tasks, "max_attributes": spec.max_attributes,
         "seed": spec.seed, "split": split, "n": n, "format": 2}
    return hashlib.sha1(json.dumps(d, sort_keys=True).encode()).hexdigest()[:12]


def _write_cache(folder: Path, examples: list[dict[str, Any]]) -> None:
    """examples.jsonl + one image file per row, written beside and renamed into place."""
    tmp = folder.with_name(f".{folder.name}.tmp-{uuid.uuid4().hex[:8]}")
    (tmp / "images").mkdir(parents=True)
    with open(tmp / "examples.jsonl", "w", encoding="utf-8") as fh:
        written: set[str] = set()
        for ex in examples:
            name = hashlib.sha1(str(ex["id"]).encode()).hexdigest()[:16] + ".jpg"
            if name not in written:
                (tmp / "images" / name).write_bytes(ex["image"]["bytes"])
                written.add(name)
            fh.write(json.dumps({**ex, "image": name}) + "\n")
    if folder.exists():
        shutil.rmtree(tmp)
        return
    tmp.rename(folder)


def _read_cache(folder: Path) -> Iterator[dict[str, Any]]:
    with open(folder / "examples.jsonl", encoding="utf-8") as fh:
        for line in fh:
            ex = json.loads(line)
            ex["image"] = folder / "images" / ex["image"]
            yield ex


def load_synthetic(spec: SetSpec, cache: Path | None) -> EvalSets:
    """Seeded synthetic test / dev / train splits (cached under `cache` when given)."""
    splits, limits = {}, {**DEFAULT_LIMITS, **spec.limits}
    for split in SPLITS:
        n = limits[split]
        if not n:
            splits[split] = None
            continue
        folder = cache / f"synthetic-{split}-{_cache_key(spec, split, n)}" if cache else None
        if folder is not None and not (folder / "examples.jsonl").exists():
            log.info("drawing %d synthetic %s images", n, split)
            _write_cache(folder, list(synth_examples(split, n, spec)))
        examples = _read_cache(folder) if folder else synth_examples(split, n, spec)
        splits[split] = make_set(split, examples, spec.tasks)
    return EvalSets("synthetic", "none", splits["test"], splits["dev"], splits["train"])
