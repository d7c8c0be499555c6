"""Held-out evaluation sets: test (scored), dev (threshold, temperature), train (baselines).

`--data synthetic` draws seeded synthetic faces from seed ranges disjoint from training (which
uses seeds 0..~1e6): test from 10,000,000, dev from 20,000,000, train from 30,000,000.
`--data SOURCE:PATH` reads a saved data set folder (`facevqa data build`, `disk:PATH`) or a
real source through its facevqa.data adapter (`fairface:PATH`, ...); its own split column
decides test / dev / train where it can, a hash of the row id otherwise.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import uuid
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from facevqa.errors import ConfigError

log = logging.getLogger(__name__)

SPLITS = ("test", "dev", "train")
SYNTH_SEEDS = {"test": 10_000_000, "dev": 20_000_000, "train": 30_000_000}
"""First seed of each synthetic split; chunk k of run seed s uses base + 1000 * s + k."""
CHUNK = 180
"""Synthetic rows per chunk: one full age group x gender x skin tone block (balanced)."""
EVAL_TASKS = ("age", "emotion", "gender", "attribute", "spoof", "caption")
DEFAULT_LIMITS = {"test": 500, "dev": 300, "train": 2000}
"""Synthetic images per split when no limit is given."""
REAL_LIMITS = {"dev": 1000, "train": 2000}
"""Images per split of real data when no limit is given (test: all of it)."""
SAVED_ALIASES = ("disk", "saved", "dataset")
HASH_SHARES = {"test": 0.2, "dev": 0.2}
"""Share of rows hashed into test / dev where the data has no such split."""


def _tone_band(tone: Any) -> str | None:
    if tone is None:
        return None
    t = int(tone)
    return "1-3" if t <= 3 else "4-6" if t <= 6 else "7-10"


GROUP_COLUMNS: dict[str, Callable[[Any], str | None]] = {
    "age_group": lambda v: None if v is None else str(v),
    "gender": lambda v: None if v is None else str(v),
    "skin_tone": _tone_band,
    "race": lambda v: None if v is None else str(v),
}
"""Example column -> fairness group value (Monk skin tones 1-10 in three bands)."""


@dataclass(frozen=True)
class SetSpec:
    """Which held-out data to evaluate on and how much of it."""

    data: str
    """"synthetic", "SOURCE:PATH" (a facevqa.data source) or "disk:PATH" (a saved data set)."""
    tasks: tuple[str, ...] = EVAL_TASKS
    limits: Mapping[str, int | None] = field(default_factory=dict)
    """Images per split (test, dev, train); defaults: DEFAULT_LIMITS (synthetic) and
    REAL_LIMITS (real data: the whole test split)."""
    max_attributes: int | None = 4
    """Attribute questions per image (None: every known attribute)."""
    seed: int = 0
    workers: int = 2
    """Processes that draw synthetic images."""

    def __post_init__(self) -> None:
        from facevqa.data.qa import TASK_ORDER

        bad = sorted(set(self.tasks) - set(TASK_ORDER))
        if bad:
            raise ConfigError(f"unknown tasks {bad}; valid: {', '.join(TASK_ORDER)}")
        if not 0 <= self.seed < 10_000:
            raise ConfigError("seed must lie in 0..9999 (it offsets the synthetic seed ranges)")
        unknown = set(self.limits) - set(SPLITS)
        if unknown:
            raise ConfigError(f"unknown splits {sorted(unknown)}; valid: {', '.join(SPLITS)}")

    def qa_config(self) -> Any:
        """QAConfig for evaluation: canonical phrasing, one question per task and image."""
        from facevqa.data.qa import QAConfig

        return QAConfig(tasks=self.tasks, phrasings=1, canonical=True,
                        max_attributes=self.max_attributes, nonface=False, seed=self.seed)


@dataclass(frozen=True)
class Example:
    """One evaluation question about one image, with everything known about the answer."""

    id: str
    """Unique in the run: "{split}/{row id}/{task}[/{attribute}]"."""
    row_id: str
    question: str
    task: str
    attribute: str | None
    split: str
    truth: dict[str, Any]
    """PredictionRecord truth fields (label_true, value_true, explanation_ref, ...)."""
    groups: dict[str, str | None]


class ExampleSet:
    """The examples of one split and their images (decoded when asked for)."""

    def __init__(self, split: str, examples: Sequence[Example], images: Mapping[str, Any]):
        self.split = split
        self.examples = list(examples)
        self._images = images
        """row id -> image (encoded bytes, path or PIL image)."""

    def __len__(self) -> int:
        return len(self.examples)

    @property
    def row_ids(self) -> list[str]:
        """Distinct image ids in order of first appearance."""
        return list(dict.fromkeys(e.row_id for e in self.examples))

    def source(self, row_id: str) -> Any:
        """The row's image as stored (bytes, path or PIL image): what generate() takes."""
        return self._images[row_id]

    def sources(self, positions: Iterable[int]) -> list[Any]:
        """Stored images of the examples at `positions` (decoded by whoever answers)."""
        return [self.source(self.examples[i].row_id) for i in positions]

    def image(self, row_id: str) -> Any:
        """The decoded RGB image of a row; facevqa.errors.ImageError when it is unusable."""
        from facevqa.images import load_image

        return load_image(self._images[row_id])

    def decode(self, rows: Iterable[str]) -> tuple[dict[str, Any], dict[str, str]]:
        """({row: RGB image}, {row: why it cannot be used}): one bad image fails alone."""
        from facevqa.errors import ImageError

        good, bad = {}, {}
        for row in dict.fromkeys(rows):
            try:
                good[row] = self.image(row)
            except ImageError as e:
                bad[row] = str(e)
        return good, bad


@dataclass(frozen=True)
class EvalSets:
    """The splits of one evaluation and how faces are found in them."""

    name: str
    faces: str
    """"none" where images are face crops (synthetic), "largest" where faces are detected."""
    test: ExampleSet
    dev: ExampleSet | None = None
    train: ExampleSet | None = None

    def split(self, name: str) -> ExampleSet | None:
        """A split by name."""
        return {"test": self.test, "dev": self.dev, "train": self.train}[name]

    def sizes(self) -> dict[str, dict[str, int]]:
        """Images and questions per split (for the report's meta)."""
        return {s.split: {"images": len(s.row_ids), "questions": len(s)}
                for s in (self.test, self.dev, self.train) if s is not None}


def _truth(ex: Mapping[str, Any]) -> dict[str, Any]:
    truth: dict[str, Any] = {"label_true": ex.get("label"), "attribute": ex.get("attribute")}
    if ex["task"] == "age":
        truth["value_true"] = ex.get("value") if ex.get("value") is not None else ex.get("age")
    if ex["task"] == "spoof":
        attack = ex.get("spoof") if ex.get("spoof") not in (None, "real") else None
        truth.update(attack_true=attack, cue_keywords=tuple(ex.get("cues") or ()),
                     explanation_ref=ex.get("explanation") if attack else None)
    if ex["task"] == "caption":
        truth["text_ref"] = ex.get("answer")
    return truth


def to_example(ex: Mapping[str, Any], split: str) -> Example:
    """An Example from a QA-builder example dict."""
    parts = [split, str(ex["id"]), ex["task"]] + ([ex["attribute"]] if ex.get("attribute") else [])
    groups = {col: fn(ex.get(col)) for col, fn in GROUP_COLUMNS.items()}
    return Example(id="/".join(parts), row_id=str(ex["id"]), question=ex["question"],
                   task=ex["task"], attribute=ex.get("attribute"), split=split,
                   truth=_truth(ex), groups={k: v for k, v in groups.items() if v is not None})


def make_set(split: str, examples: Iterable[Mapping[str, Any]], tasks: Sequence[str]
             ) -> ExampleSet:
    """An ExampleSet of the examples of `tasks`; repeated ids get a #k suffix."""
    kept: list[Example] = []
    images: dict[str, Any] = {}
    seen: dict[str, int] = {}
    for ex in examples:
        if ex["task"] not in tasks or ex.get("id") is None:
            continue
        images.setdefault(str(ex["id"]), ex["image"])
        e = to_example(ex, split)
        seen[e.id] = seen.get(e.id, 0) + 1
        if seen[e.id] > 1:
            e = Example(**{**asdict(e), "id": f"{e.id}#{seen[e.id]}"})
        kept.append(e)
    return ExampleSet(split, kept, images)


# --- synthetic --------------------------------------------------------------------------------

def _draw_chunk(args: tuple[int, int, str, Any]) -> list[dict[str, Any]]:
    """QA examples of one synthetic chunk (runs in a worker process)."""
    from facevqa.data.qa import build_examples
    from facevqa.data.synth import synth_rows

    seed, n, split, cfg = args
    return list(build_examples(synth_rows(n, seed=seed, split=split), cfg))


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
         "seed": spec.seed, "split": split, "n": n, "format": 1}
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


# --- real data ----------------------------------------------------------------------------------

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


def parse_data(data: str) -> tuple[str, str | None]:
    """("synthetic", None), ("disk", PATH) or (SOURCE, PATH)."""
    if data.strip().lower() == "synthetic":
        return "synthetic", None
    source, sep, path = data.partition(":")
    if not sep:
        if Path(data).is_dir():
            return "disk", data
        raise ConfigError(f"--data {data!r}: use 'synthetic', SOURCE:PATH or disk:PATH")
    if not path:
        raise ConfigError(f"--data {data!r} names no path after the colon")
    return source.strip().lower(), path


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


def load_sets(spec: SetSpec, cache: Path | None = None) -> EvalSets:
    """The evaluation's splits for `spec.data`; synthetic draws are cached under `cache`."""
    source, path = parse_data(spec.data)
    if source == "synthetic":
        return load_synthetic(spec, cache)
    if source not in SAVED_ALIASES:
        from facevqa.data.sources import get_source

        try:
            get_source(source)
        except ConfigError as e:
            raise ConfigError(f"--data {spec.data!r}: {e} (or synthetic, disk:PATH)") from e
    if not Path(path).exists():
        raise ConfigError(f"--data {spec.data!r}: {path} does not exist")
    return load_real(spec, source, path)
