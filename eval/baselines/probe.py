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
    answer_from_probs,
    fingerprint,
    head_key,
    label_order,
    read_json,
    training_labels,
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
        self._cache: dict[tuple[str, str], np.ndarray] = {}

    def fit(self, ctx: BaselineContext) -> None:
        from facevqa.heads.probe import LinearProbe

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

        from facevqa.heads.probe import LinearProbe

        dirs = {}
        for i, (key, labels) in enumerate(sorted(heads.items())):
            rows = list(labels)
            x = self.features(train, rows)
            self.probes[key] = LinearProbe().fit(x, [labels[r] for r in rows])
            dirs[key] = f"head{i:03d}"
            self.probes[key].save(folder / dirs[key])
        (folder / "index.json").write_text(json.dumps({"fingerprint": stamp, "heads": dirs}))
        log.info("probe: trained %d heads", len(self.probes))

    def features(self, eset: ExampleSet, rows: Sequence[str]) -> np.ndarray:
        """Features of the given rows of a split (each image encoded once per run)."""
        todo = list(dict.fromkeys(r for r in rows if (eset.split, r) not in self._cache))
        if todo:
            feats = pooled_features(self.backbone, [eset.image(r) for r in todo])
            self._cache.update({(eset.split, r): f for r, f in zip(todo, feats)})
        return np.stack([self._cache[(eset.split, r)] for r in rows])

    def covers(self, task: str, attribute: str | None) -> bool:
        return head_key(task, attribute) in self.probes

    def answer(self, eset: ExampleSet, positions: Sequence[int], task: str,
               attribute: str | None) -> list[Any]:
        probe = self.probes[head_key(task, attribute)]
        x = self.features(eset, [eset.examples[i].row_id for i in positions])
        probs = probe.predict_proba(x)
        order = label_order(task, set(probe.labels))
        cols = [probe.labels.index(lab) for lab in order]
        return [answer_from_probs(task, attribute, order, p[cols], self.name) for p in probs]
