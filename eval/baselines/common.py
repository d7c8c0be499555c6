"""What the baselines share: the run context, one label head per (task, attribute), training
labels from the train split, and Answers built from label probabilities like the VLM's."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from eval.sets import EvalSets, ExampleSet
from facevqa.tasks import TASKS

log = logging.getLogger(__name__)

TRAINED_TASKS = tuple(t for t, spec in TASKS.items() if spec.kind == "closed")
"""Closed tasks the trained baselines (probe, cnn) learn; open tasks are not covered."""
MIN_TRAIN = 4
"""Fewest labelled training images for a head to be trained."""


class BaselineUnavailable(RuntimeError):
    """A baseline cannot run here (no train split, models not installed...); it is skipped."""


@dataclass(frozen=True)
class BaselineContext:
    """Everything a baseline may use."""

    sets: EvalSets
    workdir: Path
    """Where a baseline saves what it trained, so a rerun reloads instead of retraining."""
    vqa: Any = None
    """The evaluated model (the probe reads its vision tower)."""
    seed: int = 0
    batch_size: int = 32
    progress: bool = False


class Baseline(Protocol):
    """A system answering with label probabilities, scored beside the VLM."""

    name: str

    def fit(self, ctx: BaselineContext) -> None:
        """Train (or reload what an earlier run trained); raise BaselineUnavailable to skip."""

    def covers(self, task: str, attribute: str | None) -> bool:
        """Whether it answers this task (and attribute)."""

    def answer(self, eset: ExampleSet, positions: Sequence[int], task: str,
               attribute: str | None) -> list[Any]:
        """One facevqa Answer per example position (all of one task and attribute)."""


def head_key(task: str, attribute: str | None) -> str:
    """"emotion", "attribute/eyeglasses"."""
    return f"{task}/{attribute}" if attribute else task


def training_labels(train: ExampleSet, min_count: int = MIN_TRAIN
                    ) -> dict[str, dict[str, str]]:
    """head key -> {row id: label} for every head with enough images and two labels."""
    heads: dict[str, dict[str, str]] = {}
    for ex in train.examples:
        label = ex.truth.get("label_true")
        if ex.task in TRAINED_TASKS and label is not None:
            heads.setdefault(head_key(ex.task, ex.attribute), {})[ex.row_id] = str(label)
    keep = {k: v for k, v in heads.items()
            if len(v) >= min_count and len(set(v.values())) >= 2}
    dropped = sorted(set(heads) - set(keep))
    if dropped:
        log.info("not enough training labels for heads: %s", ", ".join(dropped))
    return keep


def label_order(task: str, labels: set[str]) -> list[str]:
    """Labels in the task's order (age groups youngest first), unknown ones sorted after."""
    known = TASKS[task].labels if task in TASKS else ()
    first = [lab for lab in known if lab in labels]
    return first + sorted(labels - set(first))


def age_value(probs: Mapping[str, float]) -> float | None:
    """Median age in years from age-group probabilities (groups youngest first)."""
    from facevqa.tasks import representative_age

    total = 0.0
    for group, p in probs.items():
        total += p
        if total >= 0.5:
            return float(representative_age(group))
    return float(representative_age(next(reversed(probs)))) if probs else None


def answer_from_probs(task: str, attribute: str | None, labels: Sequence[str],
                      probs: np.ndarray, source: str) -> Any:
    """An Answer like the VLM's: best label, probabilities, confidence, age value, and an
    abstention (keeping the best guess) under the task's threshold."""
    from facevqa.answer import Answer
    from facevqa.tasks import get_task

    p = {lab: float(v) for lab, v in zip(labels, probs)}
    label = max(p, key=p.__getitem__)
    conf = p[label]
    threshold = get_task(task).threshold
    status = "abstain" if conf < threshold else "ok"
    reason = (f"confidence {conf:.2f} is under the {task} threshold {threshold:.2f}"
              if status == "abstain" else None)
    return Answer(status=status, task=task, attribute=attribute, label=label, probs=p,
                  confidence=conf, value=age_value(p) if task == "age" else None,
                  text=label, error=reason, source=source)


class RowCache:
    """A value computed once per image (features, pixels), or why the image is unusable."""

    chunk = 256
    """Images decoded at a time."""

    def __init__(self, compute: Callable[[list[Any]], np.ndarray]):
        self.compute = compute
        self.values: dict[tuple[str, str], Any] = {}

    def get(self, eset: ExampleSet, rows: Sequence[str]) -> list[Any]:
        """One value per row: an array, or a str saying why that image cannot be used."""
        todo = [r for r in dict.fromkeys(rows) if (eset.split, r) not in self.values]
        for lo in range(0, len(todo), self.chunk):
            good, bad = eset.decode(todo[lo:lo + self.chunk])
            if good:
                self.values.update({(eset.split, r): v for r, v in
                                    zip(good, self.compute(list(good.values())))})
            self.values.update({(eset.split, r): why for r, why in bad.items()})
        return [self.values[(eset.split, r)] for r in rows]


def usable(rows: Sequence[str], values: Sequence[Any]) -> tuple[list[str], np.ndarray]:
    """The rows whose value is an array, and those arrays stacked."""
    keep = [(r, v) for r, v in zip(rows, values) if not isinstance(v, str)]
    if not keep:
        return [], np.zeros((0,))
    return [r for r, _ in keep], np.stack([v for _, v in keep])


def answers_for(values: Sequence[Any], task: str, attribute: str | None, source: str,
                labels: Sequence[str], probs_of: Callable[[np.ndarray], np.ndarray]) -> list:
    """Answers of a probability model over per-image values (RowCache.get); an image that
    could not be decoded becomes that item's error answer."""
    from facevqa.answer import Answer

    good = [v for v in values if not isinstance(v, str)]
    probs = iter(probs_of(np.stack(good)) if good else [])
    return [Answer(status="error", task=task, attribute=attribute, error=v, source=source)
            if isinstance(v, str) else answer_from_probs(task, attribute, labels, next(probs),
                                                         source)
            for v in values]


def fingerprint(*parts: Any) -> str:
    """Short hash of JSON-able parts: what a saved baseline was trained from."""
    return hashlib.sha1(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()[:16]


def read_json(path: Path) -> dict[str, Any] | None:
    """A JSON file's content, or None when it is missing."""
    return json.loads(path.read_text()) if path.exists() else None
