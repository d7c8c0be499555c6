"""Closed-set label scoring: log-likelihood of every candidate answer given image + prompt.

The prefix (image + prompt) is encoded once; all candidates are then scored together from a
copy of its KV cache, instead of one full forward per candidate.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import torch

from facevqa.backbone import Backbone

MAX_ROWS = 256
"""Candidate rows scored per forward; bounds logits memory for large vocabularies."""


@dataclass(frozen=True)
class Scores:
    """Summed log-probabilities [B, K] and token counts [K] of K candidates for B prefixes."""

    logprob: torch.Tensor
    lengths: torch.Tensor

    def normalised(self) -> torch.Tensor:
        """Per-token mean where candidates differ in length, else the plain sum."""
        if bool((self.lengths == self.lengths[0]).all()):
            return self.logprob
        return self.logprob / self.lengths.to(self.logprob.dtype)


@torch.inference_mode()
def score_choices(bb: Backbone, batch: dict, choices: list[str], eos: bool = True) -> Scores:
    """Score `choices` for every row of the prefix `batch` from its shared KV cache."""
    cand = bb.suffix_ids(choices, eos=eos)
    lengths = torch.tensor([len(c) for c in cand])
    mask = batch["attention_mask"]
    out = bb.model(**batch, position_ids=bb.positions(mask), use_cache=True)
    first = torch.log_softmax(out.logits[:, -1].float(), -1)  # [B, V]
    ids = _pad_right(cand, bb.tokenizer.pad_token_id).to(bb.device)  # [K, L]
    total = first[:, ids[:, 0]]  # [B, K]
    if ids.shape[1] > 1:
        total = total + _continuation(bb, out.past_key_values, mask, ids, lengths)
    return Scores(logprob=total.cpu(), lengths=lengths)


def _continuation(bb: Backbone, cache, mask, ids, lengths) -> torch.Tensor:
    """Log-probability of tokens 2..L of every candidate, for every prefix row: [B, K]."""
    b, (k, L) = mask.shape[0], ids.shape
    valid = (torch.arange(L, device=ids.device)[None] < lengths.to(ids.device)[:, None]).long()
    start = bb.positions(mask)[:, -1:] + 1  # [B, 1]
    result = torch.empty(b, k, device=ids.device)
    step = max(1, MAX_ROWS // k)
    for lo in range(0, b, step):
        hi = min(b, lo + step)
        sub = copy.deepcopy(cache)
        sub.batch_select_indices(torch.arange(lo, hi, device=ids.device))
        sub.batch_repeat_interleave(k)
        n = hi - lo
        inp = ids[:, :-1].repeat(n, 1)
        att = torch.cat([mask[lo:hi].repeat_interleave(k, 0), valid[:, :-1].repeat(n, 1)], 1)
        pos = start[lo:hi].repeat_interleave(k, 0) + torch.arange(L - 1, device=ids.device)
        logits = bb.model(input_ids=inp, attention_mask=att, position_ids=pos,
                          past_key_values=sub, use_cache=True).logits.float()
        logp = torch.log_softmax(logits, -1).gather(-1, ids[:, 1:].repeat(n, 1)[..., None])[..., 0]
        result[lo:hi] = (logp * valid[:, 1:].repeat(n, 1)).sum(-1).view(n, k)
    return result


@torch.inference_mode()
def score_choices_bruteforce(bb: Backbone, batch: dict, choices: list[str],
                             eos: bool = True) -> Scores:
    """Reference scorer: one full forward of prefix + candidate per candidate."""
    cand = bb.suffix_ids(choices, eos=eos)
    b = batch["input_ids"].shape[0]
    cols = []
    for c in cand:
        full = bb.extend(batch, [c] * b, labels=True)
        full.pop("labels")
        logits = bb.model(**full, position_ids=bb.positions(full["attention_mask"])).logits
        logp = torch.log_softmax(logits[:, -len(c) - 1:-1].float(), -1)
        target = torch.tensor(c, device=logp.device)[None, :, None].expand(b, -1, 1)
        cols.append(logp.gather(-1, target)[..., 0].sum(-1))
    return Scores(logprob=torch.stack(cols, 1).cpu(), lengths=torch.tensor([len(c) for c in cand]))


def _pad_right(rows: list[list[int]], pad: int) -> torch.Tensor:
    width = max(map(len, rows))
    return torch.tensor([r + [pad] * (width - len(r)) for r in rows], dtype=torch.long)
