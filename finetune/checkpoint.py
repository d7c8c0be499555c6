"""Atomic training checkpoints: trainable weights, optimizer, scheduler, RNG, step."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file

log = logging.getLogger(__name__)

WEIGHTS, STATE = "trainable.safetensors", "trainer_state.pt"


def trainable_state(model) -> dict[str, torch.Tensor]:
    """Every parameter that trains (LoRA weights, or all weights for full fine-tuning)."""
    return {n: p.detach().cpu().contiguous() for n, p in model.named_parameters()
            if p.requires_grad}


def save_checkpoint(folder: Path, step: int, model, optimizer, scheduler, keep: int = 2) -> Path:
    """Write checkpoint `step` atomically (temp dir, fsync, rename), pruning old ones."""
    final = folder / f"step-{step:07d}"
    tmp = folder / f".tmp-step-{step:07d}-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    save_file(trainable_state(model), tmp / WEIGHTS)
    torch.save({"step": step, "optimizer": optimizer.state_dict(),
                "scheduler": scheduler.state_dict(), "torch_rng": torch.get_rng_state()},
               tmp / STATE)
    for f in tmp.iterdir():
        with open(f, "rb") as fh:
            os.fsync(fh.fileno())
    shutil.rmtree(final, ignore_errors=True)
    tmp.rename(final)
    for old in list_checkpoints(folder)[:-keep]:
        shutil.rmtree(old, ignore_errors=True)
    return final


def list_checkpoints(folder: Path) -> list[Path]:
    """Complete checkpoints, oldest first (temp dirs of interrupted saves are ignored)."""
    if not folder.exists():
        return []
    return sorted(p for p in folder.glob("step-*") if (p / STATE).exists())


def load_checkpoint(path: Path, model, optimizer, scheduler) -> int:
    """Restore a checkpoint into the live objects; returns the step to continue from."""
    weights = load_file(path / WEIGHTS)
    missing = set(weights) - {n for n, _ in model.named_parameters()}
    if missing:
        raise ValueError(f"checkpoint {path} has weights the model lacks: {sorted(missing)[:3]}")
    model.load_state_dict(weights, strict=False)
    state = torch.load(path / STATE, weights_only=True)
    optimizer.load_state_dict(state["optimizer"])
    scheduler.load_state_dict(state["scheduler"])
    torch.set_rng_state(state["torch_rng"])
    log.info("resumed from %s (step %d)", path, state["step"])
    return int(state["step"])
