"""`facevqa eval --ray`: the evaluated model's batches answered by Ray actors
(facevqa.annotate_ray), written here in plan order, so DIR/predictions.jsonl is the file a
single-process run writes. Each actor loads the model and the cached sets (DIR/sets) once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from eval.predictions import PredictionRecord, PredictionWriter, read_predictions


@dataclass(frozen=True)
class RemoteSystem:
    """What the report needs of a model that was loaded only on the Ray actors."""

    loaded: dict[str, Any]
    """Its info(), as an actor reported it."""
    adapter_dirs: dict[str, Path] = field(default_factory=dict)

    def info(self) -> dict[str, Any]:
        return self.loaded


def predict_on_ray(cfg: Any, sets: Any, batches: Sequence[Any], path: Path) -> Any:
    """Answer the unfinished batches on Ray, writing each as it arrives; the model (or what
    the report needs of it: the model is loaded here only for baselines)."""
    from tqdm.auto import tqdm

    from eval.answering import load_system, unfinished
    from facevqa.annotate_ray import RayConfig, ray_map

    name = "classical" if cfg.model == "classical" else "vlm"
    todo = unfinished(name, sets, batches, read_predictions(path).done)
    items = [{"split": b.split, "task": b.task, "attribute": b.attribute,
              "positions": list(b.positions)} for b in todo]
    ray = RayConfig(address=None if cfg.ray == "local" else cfg.ray, workers=cfg.ray_workers)
    info: dict[str, Any] = {}
    with PredictionWriter(path) as writer, tqdm(
            total=sum(len(b.positions) for b in todo), desc=f"eval {name} (ray)", unit="q",
            disable=not cfg.progress or not todo) as bar:
        for report in ray_map(items, partial(_answer_batches, cfg), ray):
            writer.write_batch(PredictionRecord.from_dict(d) for d in report["records"])
            info = report["info"]
            bar.update(report["n"])
    if cfg.baselines or not info:
        return load_system(cfg, cfg.device)
    return RemoteSystem(info, {n: Path(p) for n, p in cfg.adapters.items()})


def _answer_batches(cfg: Any) -> Any:
    """A Ray actor's work function: the model and sets loaded once, then one batch per item."""
    from eval.answering import (
        Batch,
        ModelAnswerer,
        batch_records,
        faces_mode,
        load_eval_sets,
        load_system,
    )

    sets = load_eval_sets(cfg, Path(cfg.out))
    system = load_system(cfg, cfg.device)
    answerer = ModelAnswerer(system, cfg, faces_mode(cfg, sets))
    info = system.info()

    def run(item: dict) -> dict:
        b = Batch(item["split"], item["task"], item["attribute"], tuple(item["positions"]))
        records = batch_records(answerer, sets, b) if answerer.covers(b.task, b.attribute) else []
        return {"records": [r.to_dict() for r in records], "n": len(b.positions), "info": info}
    return run
