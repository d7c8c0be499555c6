"""How the evaluated model answers: fixed batches of a split, one generate() call each, and
their prediction records (shared by the single-process, accelerate and Ray paths)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eval.predictions import PredictionRecord, PredictionWriter, record_from_answer
from eval.sets import EvalSets, ExampleSet
from facevqa.tasks import TASKS

TASK_RANK = {t: i for i, t in enumerate(TASKS)}
"""Order of tasks in the batch plan (and in report tables): the task table's."""


@dataclass(frozen=True)
class Batch:
    """Example positions of one split, all of one task and attribute: one generate() call."""

    split: str
    task: str
    attribute: str | None
    positions: tuple[int, ...]


def plan_batches(eset: ExampleSet, size: int) -> list[Batch]:
    """Fixed batches of a split: grouped by (task, attribute), in set order within a group."""
    groups: dict[tuple[str, str | None], list[int]] = {}
    for i, ex in enumerate(eset.examples):
        groups.setdefault((ex.task, ex.attribute), []).append(i)
    keys = sorted(groups, key=lambda k: (TASK_RANK.get(k[0], 99), k[0], k[1] or ""))
    return [Batch(eset.split, task, attr, tuple(groups[(task, attr)][lo:lo + size]))
            for task, attr in keys for lo in range(0, len(groups[(task, attr)]), size)]


class ModelAnswerer:
    """The evaluated model (FaceVQA or ClassicalHeads) behind the baselines' answer()."""

    def __init__(self, system: Any, cfg: Any, faces: str):
        self.system, self.cfg, self.faces = system, cfg, faces
        heads = getattr(system, "heads", None)
        self.name = "classical" if isinstance(heads, dict) else "vlm"
        self.tasks = set(heads) if isinstance(heads, dict) else None

    def covers(self, task: str, attribute: str | None) -> bool:
        return self.tasks is None or task in self.tasks

    def answer(self, eset: ExampleSet, positions: Sequence[int], task: str,
               attribute: str | None) -> list[Any]:
        kw: dict[str, Any] = {} if self.cfg.route else {"task": task, "attribute": attribute}
        if self.name == "vlm":
            kw["max_new_tokens"] = self.cfg.max_new_tokens
        return self.system.generate(eset.sources(positions),
                                    [eset.examples[i].question for i in positions],
                                    batch_size=self.cfg.batch_size, faces=self.faces, **kw)


def predict(answerer: Any, sets: EvalSets, batches: Sequence[Batch], writer: PredictionWriter,
            done: frozenset, progress: bool) -> int:
    """Answer every batch with an unfinished example; write each batch as it completes."""
    from tqdm.auto import tqdm

    todo = [b for b in unfinished(answerer.name, sets, batches, done | writer.done)
            if answerer.covers(b.task, b.attribute)]
    written = 0
    with tqdm(total=sum(len(b.positions) for b in todo), desc=f"eval {answerer.name}",
              unit="q", disable=not progress or not todo) as bar:
        for b in todo:
            written += writer.write_batch(batch_records(answerer, sets, b))
            bar.update(len(b.positions))
    return written


def unfinished(name: str, sets: EvalSets, batches: Sequence[Batch],
               finished: frozenset) -> list[Batch]:
    """Batches with an example the model `name` has not answered yet."""
    return [b for b in batches if any((name, sets.split(b.split).examples[i].id) not in finished
                                      for i in b.positions)]


def batch_records(answerer: Any, sets: EvalSets, b: Batch) -> list[PredictionRecord]:
    """The prediction records of one batch (one generate() call)."""
    eset = sets.split(b.split)
    answers = answerer.answer(eset, b.positions, b.task, b.attribute)
    return [record_from_answer(a, id=ex.id, task=ex.task, model=answerer.name, truth=ex.truth,
                               groups=ex.groups, split=ex.split)
            for a, ex in zip(answers, (eset.examples[i] for i in b.positions))]


def load_system(cfg: Any, device: str) -> Any:
    """The evaluated model: FaceVQA.from_pretrained (or ClassicalHeads for "classical")."""
    from facevqa.model import FaceVQA

    return FaceVQA.from_pretrained(cfg.model, adapters=dict(cfg.adapters), device=device,
                                   load_in_4bit=cfg.load_in_4bit)


def load_eval_sets(cfg: Any, out: Path) -> EvalSets:
    """The run's sets (synthetic draws cached under out/sets)."""
    from eval.sets.load import load_sets

    return load_sets(cfg.set_spec(), cache=out / "sets")


def faces_mode(cfg: Any, sets: EvalSets) -> str:
    """generate()'s faces= for this run."""
    return sets.faces if cfg.faces == "auto" else cfg.faces
