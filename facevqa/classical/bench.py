"""Throughput of the classical heads, for the `facevqa bench` command."""

from __future__ import annotations

import logging
import time
from typing import Any

log = logging.getLogger(__name__)


def bench_heads(images: Any, *, heads: Any = None, batch_size: int = 16,
                tasks: tuple[str, ...] = ("age", "gender", "emotion", "spoof")) -> float:
    """Images per second through detection + every head in `tasks` (one answer per task).

    One warm-up pass (session creation, first-call costs) is not timed.
    """
    from facevqa.classical.heads import ClassicalHeads
    from facevqa.classical.photos import QUESTIONS
    from facevqa.items import as_list

    heads = heads or ClassicalHeads()
    images = as_list(images)
    if not images:
        return 0.0
    questions = [QUESTIONS[t] for t in tasks]
    heads.generate(images[:1] * len(tasks), questions)
    # Each image asked every question in one call: decoded and detected once, as a user would.
    batch = [img for img in images for _ in tasks]
    start = time.perf_counter()
    heads.generate(batch, questions * len(images), batch_size=batch_size)
    seconds = time.perf_counter() - start
    rate = len(images) / seconds if seconds > 0 else float("inf")
    log.info("classical heads: %d images x %d tasks in %.2f s = %.1f images/s",
             len(images), len(tasks), seconds, rate)
    return rate
