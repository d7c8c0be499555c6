"""Fit each closed task's temperature on held-out examples (NLL), for facevqa.json."""

from __future__ import annotations

import logging
from collections import defaultdict

import numpy as np
import torch

from facevqa.adapters import Calibration
from facevqa.scoring import score_choices
from finetune.batches import example_prompt
from finetune.evaluate import target_choice

log = logging.getLogger(__name__)

MIN_EXAMPLES = 20
"""Fewer held-out examples than this keep the task's default temperature."""


@torch.no_grad()
def collect_scores(bb, examples: list[dict], batch_size: int = 16) -> dict[str, tuple]:
    """Per closed task: (normalised choice scores [N, K], target indices [N])."""
    from facevqa.router import route

    groups: dict[tuple, list] = defaultdict(list)
    for e in examples:
        r = route(e["question"], task=e["task"], attribute=e.get("attribute"), family=bb.family)
        t = target_choice(r.choices, e["answer"]) if r.kind == "closed" else None
        if t is not None:
            groups[(r.task, r.attribute)].append((e, r, t))
    out: dict[str, list] = defaultdict(lambda: [[], []])
    for (task, _), items in groups.items():
        for lo in range(0, len(items), batch_size):
            chunk = items[lo:lo + batch_size]
            batch = bb.encode([e["image"] for e, _, _ in chunk],
                              [example_prompt(e, bb.family) for e, _, _ in chunk])
            s = score_choices(bb, batch, list(chunk[0][1].choices), eos=task != "spoof")
            out[(task, len(chunk[0][1].choices))][0].extend(s.normalised().numpy())
            out[(task, len(chunk[0][1].choices))][1].extend(t for *_, t in chunk)
    return {k: (np.stack(v[0]), np.array(v[1])) for k, v in out.items()}


def fit_calibration(bb, eval_set, tasks, limit: int = 512) -> dict[str, Calibration]:
    """Temperature per closed task (default threshold of the task kept)."""
    from facevqa.calibration import fit_temperature
    from facevqa.tasks import get_task

    bb.model.eval()
    examples = [eval_set[i] for i in range(min(len(eval_set), limit))]
    found = collect_scores(bb, examples)
    result = {}
    for task in tasks:
        spec = get_task(task)
        if spec.kind != "closed":
            continue
        parts = [v for (t, _), v in found.items() if t == task]
        n = sum(len(v[1]) for v in parts)
        if n < MIN_EXAMPLES:
            result[task] = Calibration(spec.temperature, spec.threshold)
            continue
        biggest = max(parts, key=lambda v: len(v[1]))  # one label-set size per fit
        temp = float(fit_temperature(biggest[0], biggest[1]))
        result[task] = Calibration(temperature=max(temp, 1e-3), threshold=spec.threshold)
        log.info("calibration %s: temperature %.3f on %d examples", task, temp, n)
    return result
