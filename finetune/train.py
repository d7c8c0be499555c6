"""The training loop: accelerate, progress, periodic eval and checkpoints, exact resume.

Run: facevqa train --config finetune/configs/emotion.yaml [--resume] [--set steps=200]
     accelerate launch --config_file finetune/accelerate/ddp.yaml -m finetune --config ...
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

import numpy as np
import torch

from finetune.batches import balance_weights, batch_indices, collate, jitter_ages
from finetune.checkpoint import list_checkpoints, load_checkpoint, save_checkpoint
from finetune.config import TrainConfig
from finetune.loss import compute_loss

log = logging.getLogger(__name__)


def train(cfg: TrainConfig, resume: bool = False, progress: bool = True,
          stop_after: int | None = None) -> Path:
    """Train per `cfg`; returns the saved adapter (or model) folder.

    stop_after ends the run early after that many optimizer steps (a deliberate interruption,
    used to test resuming); checkpoints are written as usual.
    """
    from accelerate import Accelerator
    from accelerate.utils import set_seed

    from finetune.evaluate import evaluate
    from finetune.examples import load_examples
    from finetune.save import save_result, write_run_info
    from finetune.setup_model import load_for_training

    out = Path(cfg.out)
    acc = Accelerator(mixed_precision=cfg.mixed_precision, gradient_accumulation_steps=1)
    set_seed(cfg.seed, deterministic=False)
    bb = load_for_training(cfg, out, device=str(acc.device))
    train_set, eval_set = load_examples(cfg.data)
    weights = balance_weights(train_set, cfg.balance_tasks)
    params = [p for p in bb.model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=cfg.lr, weight_decay=cfg.weight_decay)
    scheduler = _scheduler(optimizer, cfg)
    model, optimizer = acc.prepare(bb.model, optimizer)
    bb.model = model
    start = 0
    ckpts = out / "checkpoints"
    if resume and list_checkpoints(ckpts):
        start = load_checkpoint(list_checkpoints(ckpts)[-1], acc.unwrap_model(model), optimizer,
                                scheduler)
    elif acc.is_main_process:
        write_run_info(out, cfg)
    bar = _progress(cfg.steps, start, progress and acc.is_main_process)
    t0, seen = time.monotonic(), 0
    for step in range(start, cfg.steps):
        loss = _optimizer_step(acc, bb, train_set, weights, cfg, step, optimizer, scheduler)
        seen += cfg.batch_size * cfg.grad_accum * acc.num_processes
        bar.set_postfix(loss=f"{loss:.4f}", ex_s=f"{seen / (time.monotonic() - t0):.1f}")
        bar.update(1)
        done = step + 1
        _log(out, acc, {"step": done, "loss": loss, "lr": scheduler.get_last_lr()[0]})
        if (cfg.eval_every and done % cfg.eval_every == 0) or done == cfg.steps:
            _log(out, acc, {"step": done, **evaluate(bb, eval_set, cfg)})
        if done % cfg.save_every == 0 or done == cfg.steps:
            acc.wait_for_everyone()
            if acc.is_main_process:
                save_checkpoint(ckpts, done, acc.unwrap_model(model), optimizer, scheduler,
                                cfg.keep_checkpoints)
        if stop_after is not None and done - start >= stop_after and done < cfg.steps:
            bar.close()
            return ckpts
    bar.close()
    acc.wait_for_everyone()
    bb.model = acc.unwrap_model(model)
    return save_result(bb, cfg, eval_set) if acc.is_main_process else out


def _optimizer_step(acc, bb, train_set, weights, cfg: TrainConfig, step: int, optimizer,
                    scheduler) -> float:
    """One optimizer step over grad_accum micro-batches; returns the mean micro-batch loss."""
    bb.model.train()
    total = 0.0
    for micro in range(cfg.grad_accum):
        idx = batch_indices(len(train_set), cfg.batch_size, cfg.seed,
                            step * cfg.grad_accum + micro, acc.process_index, acc.num_processes,
                            weights)
        examples = [train_set[i] for i in idx]
        if cfg.age_sigma:
            rng = np.random.default_rng([cfg.seed, step * cfg.grad_accum + micro])
            examples = jitter_ages(examples, cfg.age_sigma, rng)
        batch = collate(bb, examples)
        with acc.autocast():
            loss = compute_loss(bb, batch, cfg.spoof_alpha) / cfg.grad_accum
        acc.backward(loss)
        total += loss.item()
    acc.clip_grad_norm_([p for p in bb.model.parameters() if p.requires_grad], 1.0)
    optimizer.step()
    scheduler.step()
    optimizer.zero_grad(set_to_none=True)
    return total


def _scheduler(optimizer, cfg: TrainConfig):
    from transformers import get_cosine_schedule_with_warmup

    return get_cosine_schedule_with_warmup(optimizer, min(cfg.warmup_steps, cfg.steps // 2),
                                           cfg.steps)


def _progress(total: int, initial: int, enabled: bool):
    from tqdm.auto import tqdm

    return tqdm(total=total, initial=initial, desc="train", disable=not enabled,
                dynamic_ncols=True)


def _log(out: Path, acc, record: dict) -> None:
    if acc.is_main_process:
        out.mkdir(parents=True, exist_ok=True)
        with open(out / "log.jsonl", "a") as f:
            f.write(json.dumps(record) + "\n")
