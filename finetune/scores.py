"""Closed-set choice scores of held-out examples, shared by periodic eval and calibration."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import torch

from facevqa.scoring import score_choices
from finetune.batches import example_prompt


def target_choice(choices: tuple[str, ...], answer: str) -> int | None:
    """Index of the choice an answer text starts with ("no. a screen..." -> "no")."""
    text = answer.strip().lower()
    for k, c in sorted(enumerate(choices), key=lambda kc: -len(kc[1])):
        if text == c or text.startswith(c + ".") or text.startswith(c + ","):
            return k
    return None


@torch.no_grad()
def collect_scores(bb, examples: list[dict], batch_size: int = 16) -> dict[tuple, tuple]:
    """Per (task, number of choices): normalised choice scores [N, K] and targets [N]."""
    from facevqa.router import route

    groups: dict[tuple, list] = defaultdict(list)
    for e in examples:
        r = route(e["question"], task=e["task"], attribute=e.get("attribute"),
                  family=bb.prompt_style)
        t = target_choice(r.choices, e["answer"]) if r.kind == "closed" else None
        if t is not None:
            groups[(r.task, r.attribute)].append((e, r, t))
    out: dict[tuple, list] = defaultdict(lambda: [[], []])
    for (task, _), items in groups.items():
        for lo in range(0, len(items), batch_size):
            chunk = items[lo:lo + batch_size]
            batch = bb.encode([e["image"] for e, _, _ in chunk],
                              [example_prompt(e, bb.prompt_style) for e, _, _ in chunk])
            s = score_choices(bb, batch, list(chunk[0][1].choices),
                              eos=False if task == "spoof" else None)
            key = (task, len(chunk[0][1].choices))
            out[key][0].extend(s.normalised().numpy())
            out[key][1].extend(t for *_, t in chunk)
    return {k: (np.stack(v[0]), np.array(v[1])) for k, v in out.items()}
