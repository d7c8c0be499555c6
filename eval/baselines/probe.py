"""Linear probe: logistic regression per (task, attribute) on the evaluated VLM's frozen vision
tower, its last hidden states mean-pooled over patches (processor pixel_values in, no text)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from eval.baselines.common import (
    BaselineContext,
    BaselineUnavailable,
    RowCache,
    answers_for,
    fingerprint,
    head_key,
    label_order,
    read_json,
    training_labels,
    usable,
)
from eval.sets import ExampleSet

log = logging.getLogger(__name__)

FEATURE_BATCH = 32


def vision_tower(model: Any) -> Any:
    """The vision encoder of a PaliGemma / LLaVA model (peft-wrapped or not)."""
    base = model.get_base_model() if hasattr(model, "get_base_model") else model
    for owner in (base, getattr(base, "model", None)):
        tower = getattr(owner, "vision_tower", None) if owner is not None else None
        if tower is not None:
            return tower
    raise BaselineUnavailable(f"{type(base).__name__} has no vision_tower to probe")


def pooled_features(backbone: Any, images: Sequence[Any]) -> np.ndarray:
    """(n, hidden) mean-pooled last hidden states of the frozen vision tower."""
    import torch

    tower = vision_tower(backbone.model)
    out = []
    with torch.inference_mode():
        for lo in range(0, len(images), FEATURE_BATCH):
            pixels = backbone.processor.image_processor(
                images=list(images[lo:lo + FEATURE_BATCH]), return_tensors="pt")["pixel_values"]
            dtype = next(tower.parameters()).dtype
            hidden = tower(pixel_values=pixels.to(backbone.device, dtype)).last_hidden_state
            out.append(hidden.float().mean(1).cpu().numpy())
    return np.concatenate(out).astype(np.float64)


class ProbeBaseline:
    """One LinearProbe per head on frozen VLM vision features, trained on the train split."""

    name = "probe"

    def __init__(self) -> None:
        self.probes: dict[str, Any] = {}
        self.backbone: Any = None
        self.features = RowCache(lambda images: pooled_features(self.backbone, images))
        """Each image goes through the vision tower once per run."""

    def fit(self, ctx: BaselineContext) -> None:
        from eval.baselines.linear_probe import LinearProbe

        self.backbone = getattr(ctx.vqa, "backbone", None)
        if self.backbone is None:
            raise BaselineUnavailable("the evaluated model has no VLM backbone to probe")
        vision_tower(self.backbone.model)
        train = ctx.sets.train
        if train is None:
            raise BaselineUnavailable("the data has no train split to fit a probe on")
        heads = training_labels(train)
        folder = ctx.workdir / "probe"
        stamp = fingerprint(self.backbone.name, sorted(heads.items()))
        saved = read_json(folder / "index.json")
        if saved and saved.get("fingerprint") == stamp:
            self.probes = {k: LinearProbe.load(folder / d) for k, d in saved["heads"].items()}
            log.info("probe: reloaded %d heads from %s", len(self.probes), folder)
            return
        self._train(train, heads, folder, stamp)

    def _train(self, train: ExampleSet, heads: dict[str, dict[str, str]], folder: Path,
               stamp: str) -> None:
        import json

        from eval.baselines.linear_probe import LinearProbe

        dirs = {}
        for i, (key, labels) in enumerate(sorted(heads.items())):
            rows, x = usable(list(labels), self.features.get(train, list(labels)))
            self.probes[key] = LinearProbe().fit(x, [labels[r] for r in rows])
            dirs[key] = f"head{i:03d}"
            self.probes[key].save(folder / dirs[key])
        (folder / "index.json").write_text(json.dumps({"fingerprint": stamp, "heads": dirs}))
        log.info("probe: trained %d heads", len(self.probes))

    def covers(self, task: str, attribute: str | None) -> bool:
        return head_key(task, attribute) in self.probes

    def answer(self, eset: ExampleSet, positions: Sequence[int], task: str,
               attribute: str | None) -> list[Any]:
        probe = self.probes[head_key(task, attribute)]
        order = label_order(task, set(probe.labels))
        cols = [probe.labels.index(lab) for lab in order]
        values = self.features.get(eset, [eset.examples[i].row_id for i in positions])
        return answers_for(values, task, attribute, self.name, order,
                           lambda x: probe.predict_proba(x)[:, cols])
