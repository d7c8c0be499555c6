"""A small CNN trained from pixels: 64x64 RGB, four conv blocks, one linear head per
(task, attribute), trained jointly on the train split (masked cross-entropy) for a few epochs.

About 40 s for 2,000 images on 2 CPU cores. Weights are saved (safetensors) with a
fingerprint of what they were trained on, so a resumed run reloads them instead of retraining.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import asdict, dataclass
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


@dataclass(frozen=True)
class CnnSpec:
    """Size and training schedule of the CNN."""

    size: int = 64
    """Input side in pixels."""
    width: int = 16
    """Channels of the first block (doubling to 4x)."""
    epochs: int = 10
    batch_size: int = 64
    lr: float = 3e-3
    weight_decay: float = 1e-4

    def __post_init__(self) -> None:
        if self.size % 16 or self.epochs < 1 or self.batch_size < 1:
            raise ValueError("CnnSpec needs size divisible by 16, epochs >= 1, batch_size >= 1")


def build_net(spec: CnnSpec, head_sizes: Sequence[int]) -> Any:
    """The network: four conv-BN-ReLU blocks (the first with stride 2, max-pooling after the
    first three: 64 -> 4 pixels), global average pool, one linear layer per head."""
    from torch import nn

    class SmallCNN(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            chans = [3, spec.width, 2 * spec.width, 4 * spec.width, 4 * spec.width]
            layers: list[nn.Module] = []
            for i, (cin, cout) in enumerate(zip(chans, chans[1:])):
                layers += [nn.Conv2d(cin, cout, 3, stride=2 if i == 0 else 1, padding=1,
                                     bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True)]
                layers += [nn.MaxPool2d(2)] if i < 3 else []
            self.trunk = nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten())
            self.heads = nn.ModuleList(nn.Linear(chans[-1], n) for n in head_sizes)

        def forward(self, x):
            z = self.trunk(x)
            return [h(z) for h in self.heads]

    return SmallCNN()


def pixels(images: Sequence[Any], size: int) -> np.ndarray:
    """(n, 3, size, size) uint8 array of RGB images resized (bilinear)."""
    from PIL import Image

    arr = [np.asarray(im.convert("RGB").resize((size, size), Image.BILINEAR)) for im in images]
    return np.stack(arr).transpose(0, 3, 1, 2).copy()


def _as_input(x: np.ndarray) -> Any:
    import torch

    return (torch.from_numpy(x).float() / 127.5) - 1.0


def train_net(spec: CnnSpec, x: np.ndarray, y: np.ndarray, head_sizes: Sequence[int],
              seed: int) -> Any:
    """Train on x (n, 3, s, s) uint8 and y (n, heads) label indices (-1: unknown)."""
    import torch
    from torch import nn

    torch.manual_seed(seed)
    net = build_net(spec, head_sizes)
    opt = torch.optim.AdamW(net.parameters(), lr=spec.lr, weight_decay=spec.weight_decay)
    steps = spec.epochs * ((len(x) + spec.batch_size - 1) // spec.batch_size)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, spec.lr, total_steps=steps)
    loss_fn = nn.CrossEntropyLoss(ignore_index=-1, reduction="sum")
    gen = torch.Generator().manual_seed(seed)
    xt, yt = torch.from_numpy(x), torch.from_numpy(y)
    net.train()
    for epoch in range(spec.epochs):
        order, total = torch.randperm(len(x), generator=gen), 0.0
        for lo in range(0, len(x), spec.batch_size):
            idx = order[lo:lo + spec.batch_size]
            batch = _as_input(xt[idx].numpy())
            flip = torch.rand(len(idx), generator=gen) < 0.5
            batch[flip] = batch[flip].flip(-1)
            outs, target = net(batch), yt[idx]
            known = (target >= 0).sum().clamp(min=1)
            loss = sum(loss_fn(o, target[:, h]) for h, o in enumerate(outs)) / known
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss.detach()) * len(idx)
        log.info("cnn epoch %d/%d: loss %.4f", epoch + 1, spec.epochs, total / len(x))
    return net.eval()


class CnnBaseline:
    """The small CNN, one head per (task, attribute) seen in the train split."""

    name = "cnn"

    def __init__(self, spec: CnnSpec | None = None) -> None:
        self.spec = spec or CnnSpec()
        self.net: Any = None
        self.heads: dict[str, list[str]] = {}
        self.pixels = RowCache(lambda images: pixels(images, self.spec.size))

    def fit(self, ctx: BaselineContext) -> None:
        train = ctx.sets.train
        if train is None:
            raise BaselineUnavailable("the data has no train split to train a CNN on")
        labels = training_labels(train)
        self.heads = {k: label_order(k.split("/")[0], set(v.values()))
                      for k, v in sorted(labels.items())}
        folder = ctx.workdir / "cnn"
        stamp = fingerprint(asdict(self.spec), ctx.seed, sorted(labels.items()))
        if self._load(folder, stamp):
            return
        rows, x = usable(train.row_ids, self.pixels.get(train, train.row_ids))
        y = np.array([[self.heads[k].index(labels[k][r]) if r in labels[k] else -1
                       for k in self.heads] for r in rows], dtype=np.int64).reshape(len(rows), -1)
        self.net = train_net(self.spec, x, y, [len(v) for v in self.heads.values()], ctx.seed)
        self._save(folder, stamp)

    def _save(self, folder: Path, stamp: str) -> None:
        from safetensors.torch import save_file

        folder.mkdir(parents=True, exist_ok=True)
        save_file({k: v.contiguous() for k, v in self.net.state_dict().items()},
                  str(folder / "cnn.safetensors"))
        meta = {"fingerprint": stamp, "spec": asdict(self.spec), "heads": self.heads}
        (folder / "cnn.json").write_text(json.dumps(meta, indent=2))

    def _load(self, folder: Path, stamp: str) -> bool:
        meta = read_json(folder / "cnn.json")
        if not meta or meta.get("fingerprint") != stamp:
            return False
        from safetensors.torch import load_file

        self.heads = meta["heads"]
        self.net = build_net(self.spec, [len(v) for v in self.heads.values()])
        self.net.load_state_dict(load_file(str(folder / "cnn.safetensors")))
        self.net.eval()
        log.info("cnn: reloaded from %s", folder)
        return True

    def covers(self, task: str, attribute: str | None) -> bool:
        return head_key(task, attribute) in self.heads

    def answer(self, eset: ExampleSet, positions: Sequence[int], task: str,
               attribute: str | None) -> list[Any]:
        import torch

        key = head_key(task, attribute)
        h = list(self.heads).index(key)

        def probs_of(x: np.ndarray) -> np.ndarray:
            with torch.inference_mode():
                return torch.softmax(self.net(_as_input(x))[h], -1).numpy()

        values = self.pixels.get(eset, [eset.examples[i].row_id for i in positions])
        return answers_for(values, task, attribute, self.name, self.heads[key], probs_of)
