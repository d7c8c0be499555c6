"""Held-out evaluation during training: answer-token loss and closed-set choice accuracy."""

from __future__ import annotations

from collections import defaultdict

import torch

from finetune.batches import collate
from finetune.loss import compute_loss
from finetune.scores import collect_scores

MAX_EVAL = 256


@torch.no_grad()
def evaluate(bb, eval_set, cfg, limit: int = MAX_EVAL) -> dict:
    """Mean eval loss and, per closed task, the accuracy of the top-scored choice."""

    model = bb.model
    was_training = model.training
    model.eval()
    n = min(len(eval_set), limit)
    examples = [eval_set[i] for i in range(n)]
    losses = []
    for lo in range(0, n, cfg.batch_size):
        losses.append(compute_loss(bb, collate(bb, examples[lo:lo + cfg.batch_size]),
                                   cfg.spoof_alpha).item())
    result = {"eval_loss": sum(losses) / max(1, len(losses))}
    result.update({f"acc_{t}": v for t, v in choice_accuracy(bb, examples, cfg.batch_size).items()})
    model.train(was_training)
    return result


def choice_accuracy(bb, examples: list[dict], batch_size: int) -> dict[str, float]:
    """Accuracy of the top-scored choice vs the example's answer, per closed task."""
    hits: dict[str, list] = defaultdict(list)
    for (task, _), (scores, targets) in collect_scores(bb, examples, batch_size).items():
        hits[task] += (scores.argmax(-1) == targets).tolist()
    return {t: sum(h) / len(h) for t, h in hits.items()}
