"""Tiny training configs on the synthetic world (examples cached per session)."""

from __future__ import annotations

import dataclasses

import pytest

from finetune.config import DataSpec, LoraSpec, TrainConfig


@pytest.fixture
def make_cfg(tiny_paligemma, facevqa_home, tmp_path):
    def make(**over) -> TrainConfig:
        base = TrainConfig(
            base=str(tiny_paligemma), name="emotion", steps=6, batch_size=4, lr=5e-3,
            warmup_steps=1, eval_every=3, save_every=2, out=str(tmp_path / "run"),
            lora=LoraSpec(r=4, alpha=8, dropout=0.1),
            data=DataSpec(n_train=12, n_eval=6, tasks=("emotion", "spoof"), image_size=64))
        return dataclasses.replace(base, **over)
    return make
