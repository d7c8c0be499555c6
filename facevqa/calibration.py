"""Confidence calibration: temperature scaling fit on held-out scores, expected calibration
error, and the abstain threshold that reaches a target accuracy. numpy only."""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

T_BOUNDS = (0.05, 20.0)
"""Search range of the temperature."""


def _as_logits(logits: Sequence | np.ndarray, labels: Sequence[int] | np.ndarray):
    z = np.asarray(logits, dtype=np.float64)
    y = np.asarray(labels, dtype=np.int64)
    if z.ndim != 2 or y.shape != (z.shape[0],) or z.shape[0] == 0:
        raise ValueError(f"need logits N x K and N labels, got {z.shape} and {y.shape}")
    if y.min() < 0 or y.max() >= z.shape[1]:
        raise ValueError(f"labels must lie in 0..{z.shape[1] - 1}")
    if not np.all(np.isfinite(z)):
        raise ValueError("logits must be finite (mask impossible choices with a large negative)")
    return z, y


def log_softmax(z: np.ndarray) -> np.ndarray:
    """Numerically stable log-softmax over the last axis."""
    z = np.asarray(z, dtype=np.float64)
    m = z.max(axis=-1, keepdims=True)
    return z - m - np.log(np.exp(z - m).sum(axis=-1, keepdims=True))


def apply_temperature(logprobs: Sequence | np.ndarray, temperature: float) -> np.ndarray:
    """Rescale scores by 1/T and renormalise: log-probabilities over the last axis."""
    if not temperature > 0:
        raise ValueError(f"temperature must be > 0, got {temperature}")
    return log_softmax(np.asarray(logprobs, dtype=np.float64) / temperature)


def nll(logits: Sequence | np.ndarray, labels: Sequence[int], temperature: float = 1.0) -> float:
    """Mean negative log-likelihood of `labels` under softmax(logits / T)."""
    z, y = _as_logits(logits, labels)
    lp = apply_temperature(z, temperature)
    return float(-lp[np.arange(len(y)), y].mean())


def fit_temperature(logits: Sequence | np.ndarray, labels: Sequence[int] | np.ndarray,
                    bounds: tuple[float, float] = T_BOUNDS, tol: float = 1e-5) -> float:
    """Temperature minimising held-out NLL (golden-section search on log T).

    NLL is convex in 1/T, hence unimodal in log T, so the search finds the optimum within
    `bounds`. A result at a bound is logged (e.g. separable data wants T -> 0).
    """
    z, y = _as_logits(logits, labels)
    lo, hi = math.log(bounds[0]), math.log(bounds[1])
    ratio = (math.sqrt(5) - 1) / 2

    def f(log_t: float) -> float:
        return nll(z, y, math.exp(log_t))

    a, b = lo + (1 - ratio) * (hi - lo), lo + ratio * (hi - lo)
    fa, fb = f(a), f(b)
    while hi - lo > tol:
        if fa <= fb:
            hi, b, fb = b, a, fa
            a = lo + (1 - ratio) * (hi - lo)
            fa = f(a)
        else:
            lo, a, fa = a, b, fb
            b = lo + ratio * (hi - lo)
            fb = f(b)
    t = math.exp((lo + hi) / 2)
    if min(abs(t - bounds[0]), abs(t - bounds[1])) < 1e-3 * t:
        log.warning("fitted temperature %.4g sits at the search bound %s", t, bounds)
    return t


def expected_calibration_error(probs: Sequence | np.ndarray, labels: Sequence[int] | np.ndarray,
                               n_bins: int = 15) -> float:
    """ECE of the top probability of each row (see `reliability`)."""
    p = np.asarray(probs, dtype=np.float64)
    y = np.asarray(labels, dtype=np.int64)
    if p.ndim != 2 or y.shape != (p.shape[0],) or p.shape[0] == 0:
        raise ValueError(f"need probs N x K and N labels, got {p.shape} and {y.shape}")
    return reliability(p.max(axis=1), p.argmax(axis=1) == y, n_bins)["ece"]


def calibration_bins(conf: np.ndarray, n_bins: int) -> np.ndarray:
    """Bin index of each confidence in equal-width bins (lo, hi]; 0 goes to the first bin."""
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    return np.searchsorted(edges[1:-1], np.clip(conf, 0.0, 1.0), side="left")


def reliability(conf: Sequence[float] | np.ndarray, correct: Sequence[bool] | np.ndarray,
                n_bins: int = 10) -> dict[str, Any]:
    """Expected calibration error (sum over equal-width confidence bins of the bin's share times
    |accuracy - mean confidence|) and the reliability-diagram bins (empty bins have n=0)."""
    c, k = np.asarray(conf, float), np.asarray(correct, float)
    idx = calibration_bins(c, n_bins)
    n = np.bincount(idx, minlength=n_bins)
    sum_c = np.bincount(idx, weights=c, minlength=n_bins)
    sum_k = np.bincount(idx, weights=k, minlength=n_bins)
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    bins = [
        {"low": round(float(edges[b]), 6), "high": round(float(edges[b + 1]), 6), "n": int(n[b]),
         "confidence": float(sum_c[b] / n[b]) if n[b] else None,
         "accuracy": float(sum_k[b] / n[b]) if n[b] else None}
        for b in range(n_bins)
    ]
    return {"ece": float(np.abs(sum_c - sum_k).sum() / len(c)), "reliability": bins}


def choose_threshold(confidences: Sequence[float], correct: Sequence[bool], *,
                     target_accuracy: float = 0.9) -> float:
    """Lowest confidence threshold whose answered items (confidence >= it) reach the target
    accuracy, i.e. the most coverage at that accuracy. Returns 1.0 when no threshold does."""
    c = np.asarray(confidences, dtype=np.float64)
    ok = np.asarray(correct, dtype=np.float64)
    if c.shape != ok.shape or c.ndim != 1:
        raise ValueError("confidences and correct must be 1-D of the same length")
    order = np.argsort(-c, kind="stable")
    c, ok = c[order], ok[order]
    accuracy = np.cumsum(ok) / np.arange(1, len(ok) + 1)
    # a threshold can only sit between distinct confidences: use each run's last index
    last_of_run = np.append(c[1:] != c[:-1], True)
    good = np.flatnonzero(last_of_run & (accuracy >= target_accuracy))
    if good.size == 0:
        log.warning("no threshold reaches accuracy %.3f; abstaining on everything", target_accuracy)
        return 1.0
    return float(c[good[-1]])
