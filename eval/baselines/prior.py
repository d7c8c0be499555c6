"""Prior: the train split's label frequencies for every head, whatever the image (age: the
train mean in years). The chance and mean-predictor reference a trained system must beat."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np

from eval.baselines.common import (
    BaselineContext,
    BaselineUnavailable,
    answer_from_probs,
    head_key,
    label_order,
    training_labels,
)
from eval.sets import ExampleSet


class PriorBaseline:
    """Answers every item with its head's training label distribution; never sees the image."""

    name = "prior"

    def __init__(self) -> None:
        self.priors: dict[str, tuple[list[str], np.ndarray]] = {}
        self.mean_age: float | None = None

    def fit(self, ctx: BaselineContext) -> None:
        train = ctx.sets.train
        if train is None:
            raise BaselineUnavailable("the data has no train split to count labels in")
        for key, labels in training_labels(train).items():
            counts = Counter(labels.values())
            order = label_order(key.split("/")[0], set(counts))
            freq = np.array([counts[lab] for lab in order], dtype=float)
            self.priors[key] = (order, freq / freq.sum())
        ages = {ex.row_id: ex.truth["value_true"] for ex in train.examples
                if ex.task == "age" and ex.truth.get("value_true") is not None}
        self.mean_age = float(np.mean(list(ages.values()))) if ages else None

    def covers(self, task: str, attribute: str | None) -> bool:
        return head_key(task, attribute) in self.priors

    def answer(self, eset: ExampleSet, positions: Sequence[int], task: str,
               attribute: str | None) -> list[Any]:
        order, probs = self.priors[head_key(task, attribute)]
        answer = answer_from_probs(task, attribute, order, probs, self.name)
        if task == "age" and self.mean_age is not None:
            answer = dataclasses.replace(answer, value=self.mean_age)
        return [answer] * len(positions)
