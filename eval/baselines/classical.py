"""The packaged pretrained classical heads (facevqa.classical.ClassicalHeads) on the tasks they
cover, asked the same questions through the same generate() API as the VLM."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from eval.baselines.common import BaselineContext, BaselineUnavailable
from eval.sets import ExampleSet

log = logging.getLogger(__name__)


class ClassicalBaseline:
    """ClassicalHeads where they answer the task (age, gender, emotion, spoof)."""

    name = "classical"

    def __init__(self) -> None:
        self.heads: Any = None
        self.tasks: set[str] = set()
        self.faces = "largest"
        self.batch_size = 32

    def fit(self, ctx: BaselineContext) -> None:
        """Nothing to train: load the heads and keep the tasks whose models are installed."""
        from PIL import Image

        from facevqa.classical import ClassicalHeads
        from facevqa.errors import ModelLoadError

        self.heads = ClassicalHeads()
        self.faces, self.batch_size = ctx.sets.faces, ctx.batch_size
        probe = Image.new("RGB", (64, 64), (128, 128, 128))
        for task in self.heads.heads:
            try:
                self.heads.generate([probe], "", task=task, faces="none")
            except ModelLoadError as e:
                log.warning("classical %s head unavailable: %s", task, e)
                continue
            self.tasks.add(task)
        if not self.tasks:
            raise BaselineUnavailable("no classical head models are installed "
                                      "(run `facevqa fetch heads`)")

    def covers(self, task: str, attribute: str | None) -> bool:
        return task in self.tasks

    def answer(self, eset: ExampleSet, positions: Sequence[int], task: str,
               attribute: str | None) -> list[Any]:
        questions = [eset.examples[i].question for i in positions]
        return self.heads.generate(eset.sources(positions), questions, task=task,
                                   attribute=attribute, batch_size=self.batch_size,
                                   faces=self.faces)
