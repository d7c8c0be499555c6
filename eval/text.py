"""Text-quality scores for generated explanations and captions: ROUGE-L and cue-keyword recall."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np


@lru_cache(maxsize=1)
def _scorer() -> Any:
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rougeL"], use_stemmer=True)


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    from rouge_score import tokenizers

    return tokenizers.DefaultTokenizer(use_stemmer=True)


def rouge_l(preds: Sequence[str], refs: Sequence[str | Sequence[str]]) -> np.ndarray:
    """ROUGE-L F1 of each prediction against its reference (best of several when a list)."""
    scorer = _scorer()
    out = []
    for pred, ref in zip(preds, refs, strict=True):
        targets = [ref] if isinstance(ref, str) else list(ref)
        out.append(max(scorer.score(t, pred or "")["rougeL"].fmeasure for t in targets))
    return np.asarray(out, dtype=float)


def keyword_recall(text: str, keywords: Sequence[str]) -> float:
    """Share of keywords found in text as whole (stemmed, lowercase) word sequences.

    "paper border" matches "...the paper borders are visible"; "border" does not match
    "borderline" because tokens, not substrings, are compared.
    """
    if not keywords:
        raise ValueError("keyword_recall needs at least one keyword")
    tok = _tokenizer()
    words = tok.tokenize(text or "")
    joined = " " + " ".join(words) + " "
    hits = sum(f" {' '.join(tok.tokenize(k))} " in joined for k in keywords)
    return hits / len(keywords)
