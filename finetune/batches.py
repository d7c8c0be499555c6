"""Training batches: canonical prompts from the router, answers as learned suffix tokens.

Prompts are the router's canonical prompt for each example's task (what inference sends), so
an adapter learns exactly the input it will see; the paraphrased question only matters for
routing.
"""

from __future__ import annotations

import functools
from collections import Counter
from typing import Any

import numpy as np
import torch

from facevqa.backbone import Backbone
from finetune.loss import answer_segments

SPOOF = "spoof"


def example_prompt(example: dict[str, Any], family: str) -> str:
    """The prompt inference would send for this example."""
    return _prompt(example["question"], example["task"], example.get("attribute"), family)


@functools.lru_cache(maxsize=1 << 16)
def _prompt(question: str, task: str, attribute: str | None, family: str) -> str:
    """Routed once per distinct question: training asks the same phrasings again and again,
    and routing runs the question classifier (milliseconds a question)."""
    from facevqa.router import Refusal, route

    r = route(question, task=task, attribute=attribute, family=family)
    if isinstance(r, Refusal):
        raise ValueError(f"training example routes to a refusal: {question!r}")
    return r.prompt


def judgment_length(bb: Backbone, example: dict[str, Any]) -> int:
    """Number of verdict tokens of a spoof answer ("yes" / "no"); 0 for other tasks."""
    if example["task"] != SPOOF:
        return 0
    verdict = example["answer"].split(".")[0].strip()
    return len(bb.suffix_ids([verdict], eos=False)[0])


def collate(bb: Backbone, examples: list[dict[str, Any]]) -> dict[str, torch.Tensor]:
    """Model inputs with labels on answer tokens only, plus loss `segments`."""
    prompts = [example_prompt(e, bb.prompt_style) for e in examples]
    batch = bb.encode([e["image"] for e in examples], prompts)
    suffix = bb.suffix_ids([e["answer"] for e in examples], eos=True)
    full = bb.extend(batch, suffix, labels=True)
    prefix_lens = batch["attention_mask"].sum(1).tolist()
    width = full["input_ids"].shape[1]
    full["segments"] = answer_segments(suffix, [judgment_length(bb, e) for e in examples],
                                       prefix_lens, width).to(bb.device)
    return full


def jitter_ages(examples: list[dict[str, Any]], sigma: float,
                rng: np.random.Generator) -> list[dict[str, Any]]:
    """Age examples answered with their age plus N(0, sigma) years, rounded and clipped to the
    age choices; other examples (and age rows known only by group) are returned unchanged.

    Drawing a fresh neighbour each step trains, in expectation, on a Gaussian label
    distribution around the true age (as in DLDL age estimation) with no change to the loss.
    """
    from facevqa.tasks.age import MAX_AGE

    out = []
    for e in examples:
        age = e.get("age")
        if sigma > 0 and e["task"] == "age" and age is not None and e["answer"] == str(int(age)):
            noisy = int(np.clip(np.rint(age + sigma * rng.standard_normal()), 0, MAX_AGE))
            e = {**e, "answer": str(noisy)}
        out.append(e)
    return out


def balance_weights(examples, tasks: tuple[str, ...]) -> np.ndarray | None:
    """Sampling weights that draw every label of a question equally often.

    Within each (task, attribute) of `tasks`, an example's weight is 1 / (number of examples
    with its label), scaled so that the question keeps its share of the data; examples of other
    tasks keep weight 1. A rare "yes" (a goatee on 2% of faces) is then learned as often as
    its "no", which is what balanced accuracy asks for. None when nothing is balanced.
    """
    if not tasks:
        return None
    keys = list(zip(examples["task"], examples["attribute"], examples["label"]))
    label_n = Counter(keys)
    group_n = Counter(k[:2] for k in keys)
    group_labels = Counter(k[:2] for k in label_n)
    w = np.array([group_n[k[:2]] / (group_labels[k[:2]] * label_n[k]) if k[0] in tasks else 1.0
                  for k in keys])
    return w / w.sum()


def batch_indices(n: int, batch_size: int, seed: int, step: int, rank: int = 0,
                  world: int = 1, weights: np.ndarray | None = None) -> list[int]:
    """Example indices of micro-batch `step` for process `rank`: a pure function of the step.

    Each epoch is a permutation seeded by (seed, epoch) (with `weights`, n draws with
    replacement at those probabilities); resuming at any step reproduces the same order with
    no sampler state to save.
    """
    global_bs = batch_size * world
    per_epoch = max(1, n // global_bs)
    epoch, pos = divmod(step, per_epoch)
    rng = np.random.default_rng([seed, epoch])
    order = rng.permutation(n) if weights is None else rng.choice(n, size=n, p=weights)
    chunk = order[pos * global_bs:(pos + 1) * global_bs]
    return chunk[rank * batch_size:(rank + 1) * batch_size].tolist()
