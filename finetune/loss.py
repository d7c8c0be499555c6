"""Answer-token loss with the I-FAS weighting for spoof answers.

Every learned token carries a segment id: 0 ordinary answer token, 1 spoof verdict (judgment)
token, 2 spoof explanation token, -1 not learned. The loss is the weighted mean of the
per-segment mean cross-entropies: alpha for verdicts, 1 - alpha for explanations, 1 for the
rest, divided by the summed weight of the segments present. A batch of spoof answers alone
therefore gets alpha * judgment + (1 - alpha) * explanation, as in I-FAS.
"""

from __future__ import annotations

import torch

ANSWER, JUDGMENT, EXPLANATION, IGNORE = 0, 1, 2, -1


def segment_weights(alpha: float) -> dict[int, float]:
    """Weight of each segment's mean loss."""
    return {ANSWER: 1.0, JUDGMENT: alpha, EXPLANATION: 1.0 - alpha}


def weighted_answer_loss(logits: torch.Tensor, labels: torch.Tensor, segments: torch.Tensor,
                         alpha: float = 0.7) -> torch.Tensor:
    """Loss of next-token `logits` [B, T, V] against `labels` [B, T] (-100 = ignore)."""
    logits, labels, segments = logits[:, :-1], labels[:, 1:], segments[:, 1:]
    ce = torch.nn.functional.cross_entropy(
        logits.reshape(-1, logits.shape[-1]).float(), labels.reshape(-1), ignore_index=-100,
        reduction="none").view(labels.shape)
    total = logits.new_zeros((), dtype=torch.float32)
    weight = 0.0
    for seg, w in segment_weights(alpha).items():
        mask = (segments == seg) & (labels != -100)
        if mask.any() and w > 0:
            total = total + w * ce[mask].mean()
            weight += w
    return total / max(weight, 1e-8)


def answer_segments(suffix_ids: list[list[int]], judgment_lens: list[int],
                    prefix_lens: list[int], width: int) -> torch.Tensor:
    """Segment ids for left-padded rows of prefix + suffix tokens.

    judgment_lens[i] > 0 marks row i as a spoof answer whose first judgment_lens[i] suffix
    tokens are the verdict; its remaining suffix tokens are the explanation.
    """
    rows = []
    for suf, j, p in zip(suffix_ids, judgment_lens, prefix_lens):
        seg = [JUDGMENT] * j + [EXPLANATION] * (len(suf) - j) if j else [ANSWER] * len(suf)
        row = [IGNORE] * p + seg
        rows.append([IGNORE] * (width - len(row)) + row)
    return torch.tensor(rows, dtype=torch.long)


def compute_loss(bb, batch: dict, alpha: float) -> torch.Tensor:
    """Weighted answer-token loss of one collated batch."""
    labels, segments = batch.pop("labels"), batch.pop("segments")
    out = bb.model(**batch, position_ids=bb.positions(batch))
    return weighted_answer_loss(out.logits, labels, segments, alpha)
