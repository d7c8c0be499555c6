"""Fit each closed task's temperature on held-out examples (NLL), for facevqa.json."""

from __future__ import annotations

import logging

from facevqa.adapters import Calibration
from finetune.scores import collect_scores

log = logging.getLogger(__name__)

MIN_EXAMPLES = 20
"""Fewer held-out examples than this keep the task's default temperature."""


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
