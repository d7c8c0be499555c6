"""Stage 0 of the embedded default: teach a from-scratch vision tower the synthetic face world.

A random ViT learns small facial detail slowly through the language-model loss alone; direct
supervision (emotion, age group and years, gender, attack type, and every attribute the rows
carry, yes/no and valued) gives it useful features in a few epochs. Each head reads every
image token (a small per-token projection, flattened), as the language model will, rather than
a mean that blurs where a feature is; measured here, mean pooling left age and gender near
chance after the same epochs. The heads are thrown away; only the vision tower's weights are kept.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import torch

log = logging.getLogger(__name__)

FIELDS = ("emotion", "age_group", "gender", "spoof")
"""Row fields taught beside every attribute the rows carry."""


@dataclass(frozen=True)
class Target:
    """One supervised target read off a synthetic row."""

    name: str
    classes: tuple[str, ...]

    def index(self, row: dict) -> int:
        return self.classes.index(_value(row, self.name))


def _value(row: dict, name: str) -> str | None:
    value = row[name] if name in row else row["attributes"].get(name)
    return None if value is None else str(value).lower()


def targets(rows: list[dict]) -> list[Target]:
    """A classification target per field and per attribute, classes as found in the rows
    (a row without a value is ignored for that target)."""
    names = FIELDS + tuple(sorted({k for r in rows for k in r["attributes"]}))
    out = [Target(n, tuple(sorted({_value(r, n) for r in rows} - {None}))) for n in names]
    return [t for t in out if len(t.classes) > 1]


AGE_SCALE = 30.0
"""Ages are regressed in units of 30 years (smooth L1), beside the age-group classes: the
ordinal target teaches the tower that 35 is nearer 45 than 75."""


def _age_loss(pred: torch.Tensor, age: torch.Tensor) -> torch.Tensor:
    ok = ~torch.isnan(age)
    if not ok.any():
        return pred.sum() * 0.0
    return torch.nn.functional.smooth_l1_loss(pred[ok], age[ok])


def _labels(rows: list[dict], ts: list[Target]) -> torch.Tensor:
    cols = [[-100 if _value(r, t.name) is None else t.index(r) for r in rows] for t in ts]
    return torch.tensor(cols).T  # [N, T]


def pretrain_vision(bb, rows: list[dict], epochs: int, lr: float = 2e-3, batch_size: int = 64,
                    seed: int = 0, flip: bool = False, progress: bool = True
                    ) -> dict[str, float]:
    """Train the backbone's vision tower on row labels in place; returns last-epoch accuracy.
    flip: mirror a random half of each batch (real photos; the synthetic world is drawn
    symmetric enough not to need it)."""
    from tqdm.auto import tqdm

    torch.manual_seed(seed)
    tower = bb.model.model.vision_tower
    ts = targets(rows)
    y = _labels(rows, ts)
    pixels = bb.processor.image_processor([r["image"] for r in rows],
                                          return_tensors="pt")["pixel_values"]
    width, tokens = tower.config.hidden_size, (tower.config.image_size
                                                // tower.config.patch_size) ** 2
    nn = torch.nn
    heads = nn.ModuleList(nn.Sequential(nn.Linear(width, 16), nn.Flatten(),
                                        nn.Linear(16 * tokens, len(t.classes))) for t in ts)
    age_head = nn.Sequential(nn.Linear(width, 16), nn.Flatten(), nn.Linear(16 * tokens, 1))
    ages = torch.tensor([float(r.get("age") if r.get("age") is not None else float("nan"))
                         for r in rows]) / AGE_SCALE
    params = list(tower.parameters()) + list(heads.parameters()) + list(age_head.parameters())
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    steps = epochs * max(1, len(rows) // batch_size)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, lr, total_steps=steps, pct_start=0.15)
    gen = torch.Generator().manual_seed(seed)
    tower.train()
    bar = tqdm(total=steps, desc="vision", disable=not progress)
    hits = torch.zeros(len(ts))
    for _ in range(epochs):
        perm = torch.randperm(len(rows), generator=gen)
        hits, seen = torch.zeros(len(ts)), torch.zeros(len(ts))
        for lo in range(0, len(rows) - batch_size + 1, batch_size):
            idx = perm[lo:lo + batch_size]
            batch = pixels[idx]
            if flip:
                mirror = torch.rand(len(idx), generator=gen) < 0.5
                batch = torch.where(mirror[:, None, None, None], batch.flip(-1), batch)
            feats = tower(pixel_values=batch).last_hidden_state
            logits = [h(feats) for h in heads]
            # a target with no label in this batch adds nothing (its mean would be NaN)
            loss = sum(torch.nn.functional.cross_entropy(lg, y[idx, k], ignore_index=-100)
                       for k, lg in enumerate(logits) if (y[idx, k] != -100).any())
            loss = loss + _age_loss(age_head(feats).squeeze(-1), ages[idx])
            loss.backward()
            opt.step()
            opt.zero_grad()
            sched.step()
            for k, lg in enumerate(logits):
                ok = y[idx, k] != -100
                hits[k] += (lg.argmax(-1)[ok] == y[idx, k][ok]).sum()
                seen[k] += ok.sum()
            bar.update(1)
            bar.set_postfix(loss=f"{loss.item():.3f}")
        acc = {t.name: float(h / max(s, 1)) for t, h, s in zip(ts, hits, seen)}
        log.info("vision epoch: %s", {k: round(v, 3) for k, v in acc.items()})
    bar.close()
    tower.eval()
    return acc
