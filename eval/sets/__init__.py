"""Held-out evaluation sets: test (scored), dev (threshold, temperature), train (baselines).

`--data synthetic` draws seeded synthetic faces from seed ranges disjoint from training (which
uses seeds 0..~1e6): test from 10,000,000, dev from 20,000,000, train from 30,000,000.
`--data SOURCE:PATH` reads a saved data set folder (`facevqa data build`, `disk:PATH`) or a
real source through its facevqa.data adapter (`fairface:PATH`, ...); its own split column
decides test / dev / train where it can, a hash of the row id otherwise.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from facevqa.errors import ConfigError
from facevqa.tasks import TASKS

log = logging.getLogger(__name__)

SPLITS = ("test", "dev", "train")
SYNTH_SEEDS = {"test": 10_000_000, "dev": 20_000_000, "train": 30_000_000}
"""First seed of each synthetic split; chunk k of run seed s uses base + 1000 * s + k."""
CHUNK = 180
"""Synthetic rows per chunk: one full age group x gender x skin tone block (balanced)."""
EVAL_TASKS = tuple(t for t in TASKS if t != "open")
"""Tasks evaluated by default: every task with references (open questions have none)."""
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
