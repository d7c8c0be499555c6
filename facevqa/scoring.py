"""Closed-set label scoring: log-likelihood of every candidate answer given image + prompt.

The prefix (image + prompt) is encoded once; the candidates' tokens are then walked as a trie
from its KV cache, level by level: one batched one-token forward per level over the distinct
token paths of that level (the 91 ages share their first digits), instead of one full forward
per candidate.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import torch

from facevqa.backbone import Backbone

MAX_LOGITS = 256 * 262_144
"""Logits computed per forward (256 rows of Gemma's vocabulary, 256 MiB in float32): bounds
the candidate rows of one trie forward, so a small vocabulary takes them all at once."""


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


def needs_eos(cand: list[list[int]]) -> bool:
    """Whether an end token must follow each candidate to tell them apart: only when one
    candidate's tokens begin another's ("2" and "23"). In a prefix-free set the candidates'
    token paths are already disjoint events, and the end token would cost one more forward of
    every candidate for nothing (every age is one token in the default's tokenizer)."""
    paths = {tuple(c) for c in cand}
    return len(paths) < len(cand) or any(tuple(c[:d]) in paths
                                         for c in cand for d in range(1, len(c)))


def _candidates(bb: Backbone, choices: list[str], eos: bool | None) -> list[list[int]]:
    if eos is None:
        eos = needs_eos(bb.suffix_ids(choices, eos=False))
    return bb.suffix_ids(choices, eos=eos)


@torch.inference_mode()
def score_choices(bb: Backbone, batch: dict, choices: list[str],
                  eos: bool | None = None) -> Scores:
    """Score `choices` for every row of the prefix `batch` from its shared KV cache; `eos`
    None ends each candidate with the end token only where the set `needs_eos`."""
    cand = _candidates(bb, choices, eos)
    mask = batch["attention_mask"]
    pos = bb.positions(batch)
    # logits of the last position only: a 262k vocabulary over a 300-token prefix is 80M floats
    out = bb.model(**batch, position_ids=pos, use_cache=True, logits_to_keep=1)
    first = torch.log_softmax(out.logits[:, -1].float(), -1)  # [B, V]
    total = first[:, [c[0] for c in cand]]  # [B, K]
    levels = trie_levels(cand)
    if levels:
        total = total + _continuation(bb, out.past_key_values, mask, pos[..., -1:] + 1, cand,
                                      levels)
    return Scores(logprob=total.cpu(), lengths=torch.tensor([len(c) for c in cand]))


def trie_levels(cand: list[list[int]]) -> list[list[tuple[int, ...]]]:
    """Level d (from 1): the distinct token paths of length d that some candidate continues
    (each needs one forward row per prefix row: its last token in, the next token's odds out)."""
    return [list(dict.fromkeys(tuple(c[:d]) for c in cand if len(c) > d))
            for d in range(1, max(map(len, cand)))]


def _continuation(bb: Backbone, cache, mask, start, cand: list[list[int]],
                  levels: list[list[tuple[int, ...]]]) -> torch.Tensor:
    """Log-probability of tokens 2..L of every candidate, for every prefix row: [B, K].
    `start` ([B, 1], or [3, B, 1] for grid positions): each row's first answer position."""
    b = mask.shape[0]
    result = torch.empty(b, len(cand), device=mask.device)
    vocab = bb.model.get_output_embeddings().weight.shape[0]
    step = max(1, MAX_LOGITS // (vocab * max(map(len, levels))))
    for lo in range(0, b, step):
        hi = min(b, lo + step)
        sub = copy.deepcopy(cache) if (lo, hi) != (0, b) else cache
        if (lo, hi) != (0, b):
            sub.batch_select_indices(torch.arange(lo, hi, device=mask.device))
        result[lo:hi] = _walk(bb, sub, mask[lo:hi], start[..., lo:hi, :], cand, levels)
    return result


def _walk(bb: Backbone, cache, mask, start, cand: list[list[int]],
          levels: list[list[tuple[int, ...]]]) -> torch.Tensor:
    """Walk the trie for n prefix rows; the cache grows to n * (paths of the level) rows."""
    n, dev = mask.shape[0], mask.device
    total = torch.zeros(n, len(cand), device=dev)
    above: dict[tuple[int, ...], int] = {(): 0}
    for depth, paths in enumerate(levels, start=1):
        w = len(paths)
        parent = torch.tensor([above[p[:-1]] for p in paths], device=dev)
        cache.batch_select_indices((torch.arange(n, device=dev)[:, None] * len(above)
                                    + parent[None]).reshape(-1))
        tokens = torch.tensor([p[-1] for p in paths], device=dev).repeat(n)[:, None]
        att = torch.cat([mask.repeat_interleave(w, 0),
                         mask.new_ones(n * w, depth)], 1)
        logits = bb.model(input_ids=tokens, attention_mask=att, past_key_values=cache,
                          position_ids=start.repeat_interleave(w, -2) + depth - 1,
                          use_cache=True).logits[:, -1].float()
        logp = torch.log_softmax(logits, -1).view(n, w, -1)
        here = {p: j for j, p in enumerate(paths)}
        ks = [k for k, c in enumerate(cand) if len(c) > depth]
        node = torch.tensor([here[tuple(cand[k][:depth])] for k in ks], device=dev)
        nxt = torch.tensor([cand[k][depth] for k in ks], device=dev)
        total[:, ks] += logp[:, node, nxt]
        above = here
    return total


@torch.inference_mode()
def score_choices_bruteforce(bb: Backbone, batch: dict, choices: list[str],
                             eos: bool | None = None) -> Scores:
    """Reference scorer: one full forward of prefix + candidate per candidate."""
    cand = _candidates(bb, choices, eos)
    b = batch["input_ids"].shape[0]
    cols = []
    for c in cand:
        full = bb.extend(batch, [c] * b, labels=True)
        full.pop("labels")
        logits = bb.model(**full, position_ids=bb.positions(full),
                          logits_to_keep=len(c) + 1).logits
        logp = torch.log_softmax(logits[:, :-1].float(), -1)
        target = torch.tensor(c, device=logp.device)[None, :, None].expand(b, -1, 1)
        cols.append(logp.gather(-1, target)[..., 0].sum(-1))
    return Scores(logprob=torch.stack(cols, 1).cpu(), lengths=torch.tensor([len(c) for c in cand]))
