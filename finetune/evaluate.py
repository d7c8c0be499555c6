"""Held-out evaluation during training: answer-token loss and closed-set choice accuracy."""

from __future__ import annotations

from collections import defaultdict

import torch

from facevqa.scoring import score_choices
from finetune.batches import collate, example_prompt

MAX_EVAL = 256


@torch.no_grad()
def evaluate(bb, eval_set, cfg, limit: int = MAX_EVAL) -> dict:
    """Mean eval loss and, per closed task, the accuracy of the top-scored choice."""
    from finetune.train import compute_loss

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
    """Accuracy of argmax choice vs the example's answer, per task (closed tasks only)."""
    from facevqa.router import route

    groups: dict[tuple, list] = defaultdict(list)
    for e in examples:
        r = route(e["question"], task=e["task"], attribute=e.get("attribute"), family=bb.family)
        target = target_choice(r.choices, e["answer"]) if r.kind == "closed" else None
        if target is not None:
            groups[(r.task, r.attribute)].append((e, r, target))
    hits: dict[str, list[int]] = defaultdict(list)
    for (task, _), items in groups.items():
        for lo in range(0, len(items), batch_size):
            chunk = items[lo:lo + batch_size]
            batch = bb.encode([e["image"] for e, _, _ in chunk],
                              [example_prompt(e, bb.family) for e, _, _ in chunk])
            eos = task != "spoof"
            scores = score_choices(bb, batch, list(chunk[0][1].choices), eos=eos).normalised()
            hits[task] += (scores.argmax(-1) == torch.tensor([t for *_, t in chunk])).tolist()
    return {t: sum(h) / len(h) for t, h in hits.items()}


def target_choice(choices: tuple[str, ...], answer: str) -> int | None:
    """Index of the choice an answer text starts with ("no. a screen..." -> "no")."""
    text = answer.strip().lower()
    for k, c in sorted(enumerate(choices), key=lambda kc: -len(kc[1])):
        if text == c or text.startswith(c + ".") or text.startswith(c + ","):
            return k
    return None
