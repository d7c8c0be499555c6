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


def _soft_targets(rows: list[dict], ts: list[Target], soft: dict[str, list] | None
                  ) -> dict[int, torch.Tensor]:
    """Target index -> [N, classes] teacher distributions (NaN rows: no teacher answer) from
    soft[name]: one {class: probability} per row (or None), renormalised over the target's
    classes (a class the rows never carry is dropped)."""
    out = {}
    for k, t in enumerate(ts):
        if not soft or t.name not in soft:
            continue
        m = torch.full((len(rows), len(t.classes)), float("nan"))
        for i, probs in enumerate(soft[t.name]):
            p = torch.tensor([float((probs or {}).get(c, 0.0)) for c in t.classes])
            if probs and p.sum() > 0:
                m[i] = p / p.sum()
        out[k] = m
    return out


GREY = torch.tensor([0.299, 0.587, 0.114])
"""RGB -> grey weights of the grey augmentation."""


def _augment(batch: torch.Tensor, gen: torch.Generator, flip: bool, grey: float) -> torch.Tensor:
    """Mirror a random half of the batch (flip) and turn a random `grey` share of it grey, so
    grey photos (FER2013) and colour photos share features."""
    n = len(batch)
    if flip:
        mirror = torch.rand(n, generator=gen) < 0.5
        batch = torch.where(mirror[:, None, None, None], batch.flip(-1), batch)
    if grey > 0:
        g = torch.rand(n, generator=gen) < grey
        luma = (batch * GREY[None, :, None, None]).sum(1, keepdim=True).expand_as(batch)
        batch = torch.where(g[:, None, None, None], luma, batch)
    return batch


def pretrain_vision(bb, rows: list[dict], epochs: int, lr: float = 2e-3, batch_size: int = 64,
                    seed: int = 0, flip: bool = False, progress: bool = True,
                    soft: dict[str, list] | None = None, soft_weight: float = 1.0,
                    grey: float = 0.0) -> dict[str, float]:
    """Train the backbone's vision tower on row labels in place; returns last-epoch accuracy.
    flip: mirror a random half of each batch (real photos; the synthetic world is drawn
    symmetric enough not to need it). soft: target name -> one teacher distribution
    ({class: probability} or None) per row, taught as KL(teacher || tower) with weight
    soft_weight beside the hard labels (distillation on every photo, labelled or not).
    grey: share of each batch shown in grey."""
    from tqdm.auto import tqdm

    torch.manual_seed(seed)
    tower = bb.model.model.vision_tower
    ts = targets(rows)
    y = _labels(rows, ts)
    teach = _soft_targets(rows, ts, soft)
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
            batch = _augment(pixels[idx], gen, flip, grey)
            feats = tower(pixel_values=batch).last_hidden_state
            logits = [h(feats) for h in heads]
            # a target with no label in this batch adds nothing (its mean would be NaN)
            loss = sum(torch.nn.functional.cross_entropy(lg, y[idx, k], ignore_index=-100)
                       for k, lg in enumerate(logits) if (y[idx, k] != -100).any())
            loss = loss + _age_loss(age_head(feats).squeeze(-1), ages[idx])
            for k, dist in teach.items():
                p = dist[idx]
                ok = ~torch.isnan(p[:, 0])
                if ok.any():
                    loss = loss + soft_weight * torch.nn.functional.kl_div(
                        torch.log_softmax(logits[k][ok], -1), p[ok], reduction="batchmean")
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
