"""Scalar metrics written as weighted sums over items, so one matrix product bootstraps them.

Each ScalarSpec turns records into per-item arrays once (`prepare`); `stat(W, arrays)` then
evaluates the metric for every row of a weight matrix W (n_resamples x n_items). With W all
ones it gives the plain point estimate, which equals the scikit-learn value in eval.metrics
(a test checks this), so the bootstrap and the headline numbers measure the same thing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

import numpy as np

from eval.metrics import AGE_GROUP_METRICS, MetricOptions, resolve_age_group
from eval.predictions import PredictionRecord
from eval.spoof import DEFAULT_THRESHOLD, decide, spoof_arrays
from eval.text import keyword_recall, rouge_l
from facevqa.calibration import calibration_bins
from facevqa.tasks import TASKS

Arrays = dict[str, np.ndarray]


@dataclass(frozen=True)
class ScalarSpec:
    """One bootstrappable metric: how to build per-item arrays and the weighted statistic."""

    name: str
    higher_is_better: bool
    prepare: Callable[[Sequence[PredictionRecord], MetricOptions], Arrays]
    """Per-item arrays over all records of one task; always has a bool "valid" mask."""
    stat: Callable[[np.ndarray, Arrays], np.ndarray]
    """Metric per weight row: W (b, n) -> (b,); nan where undefined."""


def _div(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, num / np.where(den > 0, den, 1), np.nan)


def _scored(records: Sequence[PredictionRecord]) -> np.ndarray:
    return np.array([r.scored for r in records], dtype=bool)


def stat_mean(W: np.ndarray, a: Arrays) -> np.ndarray:
    """Weighted mean of a["x"] over valid items."""
    v = a["valid"].astype(float)
    return _div(W @ (a["x"] * v), W @ v)


def prep_coverage(records: Sequence[PredictionRecord], opts: MetricOptions) -> Arrays:
    """Share of all records that were scored (not no_face / error / refused)."""
    return {"valid": np.ones(len(records), bool), "x": _scored(records).astype(float)}


def prep_correct(records: Sequence[PredictionRecord], opts: MetricOptions) -> Arrays:
    """Correctness of the predicted label on scored, labelled records."""
    valid = _scored(records) & np.array([r.label_true is not None for r in records], bool)
    x = np.array([r.label_pred is not None and r.label_pred == r.label_true for r in records])
    return {"valid": valid, "x": x.astype(float)}


def prep_codes(records: Sequence[PredictionRecord], opts: MetricOptions) -> Arrays:
    """Integer codes of true and predicted labels (-1: no prediction) for macro-F1."""
    base = prep_correct(records, opts)
    names = sorted({r.label_true for r in records if r.label_true is not None}
                   | {r.label_pred for r in records if r.label_pred is not None})
    code = {n: i for i, n in enumerate(names)}
    t = np.array([code.get(r.label_true, -1) for r in records], int)
    p = np.array([code.get(r.label_pred, -1) for r in records], int)
    return {"valid": base["valid"], "t": t, "p": p}


def stat_macro_f1(W: np.ndarray, a: Arrays) -> np.ndarray:
    """Macro-F1 over classes seen among valid items (F1 = 0 where undefined, as sklearn)."""
    v, t, p = a["valid"], a["t"], a["p"]
    classes = np.setdiff1d(np.union1d(t[v], p[v]), [-1])
    if classes.size == 0:
        return np.full(W.shape[0], np.nan)
    f1 = np.zeros((W.shape[0], classes.size))
    for j, c in enumerate(classes):
        tp = W @ (v & (t == c) & (p == c))
        wrong = W @ (v & ((t == c) != (p == c)))
        f1[:, j] = np.nan_to_num(_div(2 * tp, 2 * tp + wrong))
    return f1.mean(axis=1)


def prep_calibration(records: Sequence[PredictionRecord], opts: MetricOptions) -> Arrays:
    """Bin index and (confidence - correct) per item for ECE."""
    base = prep_correct(records, opts)
    conf = np.array([np.nan if r.confidence is None else r.confidence for r in records], float)
    valid = base["valid"] & ~np.isnan(conf)
    gap = np.where(valid, np.nan_to_num(conf) - base["x"], 0.0)
    onehot = np.zeros((len(records), opts.n_bins))
    onehot[np.arange(len(records)), calibration_bins(np.nan_to_num(conf), opts.n_bins)] = 1.0
    return {"valid": valid, "gap_by_bin": onehot * gap[:, None]}


def stat_ece(W: np.ndarray, a: Arrays) -> np.ndarray:
    """ECE = sum over bins of |sum of (confidence - correct)| / n."""
    return _div(np.abs(W @ a["gap_by_bin"]).sum(axis=1), W @ a["valid"].astype(float))


def prep_abs_error(records: Sequence[PredictionRecord], opts: MetricOptions) -> Arrays:
    """Absolute age error in years where both true and predicted ages are known."""
    vt = np.array([np.nan if r.value_true is None else r.value_true for r in records], float)
    vp = np.array([np.nan if r.value_pred is None else r.value_pred for r in records], float)
    valid = _scored(records) & ~np.isnan(vt) & ~np.isnan(vp)
    return {"valid": valid, "x": np.where(valid, np.abs(np.nan_to_num(vt - vp)), 0.0)}


def prep_age_group(records: Sequence[PredictionRecord], opts: MetricOptions, *,
                   scheme: str) -> Arrays:
    """Correct age group under a scheme, where the true group can be resolved."""
    t = [resolve_age_group(r.value_true, r.label_true, scheme) for r in records]
    p = [resolve_age_group(r.value_pred, r.label_pred, scheme) for r in records]
    valid = _scored(records) & np.array([g is not None for g in t], bool)
    return {"valid": valid, "x": np.array([a == b for a, b in zip(t, p)], float)}


def prep_spoof(records: Sequence[PredictionRecord], opts: MetricOptions) -> Arrays:
    """Attack / bona-fide masks, decisions at the threshold, and scores."""
    labelled = np.array([r.label_true in ("real", "spoof") for r in records], bool)
    valid = _scored(records) & labelled
    is_attack, score, label_spoof = spoof_arrays(records)
    t = DEFAULT_THRESHOLD if opts.spoof_threshold is None else opts.spoof_threshold
    pred = decide(score, label_spoof, t)
    return {"valid": valid, "attack": valid & is_attack, "bona": valid & ~is_attack,
            "miss": valid & is_attack & ~pred, "false_alarm": valid & ~is_attack & pred,
            "score": score}


def stat_apcer(W: np.ndarray, a: Arrays) -> np.ndarray:
    """Attacks accepted as bona fide / attacks."""
    return _div(W @ a["miss"], W @ a["attack"])


def stat_bpcer(W: np.ndarray, a: Arrays) -> np.ndarray:
    """Bona fide rejected as attacks / bona fide."""
    return _div(W @ a["false_alarm"], W @ a["bona"])


def stat_acer(W: np.ndarray, a: Arrays) -> np.ndarray:
    """(APCER + BPCER) / 2."""
    return (stat_apcer(W, a) + stat_bpcer(W, a)) / 2


def stat_auc(W: np.ndarray, a: Arrays) -> np.ndarray:
    """Weighted Mann-Whitney AUC (ties count one half), spoof as the positive class."""
    idx = np.flatnonzero(a["valid"] & ~np.isnan(a["score"]))
    idx = idx[np.argsort(a["score"][idx], kind="stable")]
    s, pos = a["score"][idx], a["attack"][idx]
    if pos.all() or not pos.any():
        return np.full(W.shape[0], np.nan)
    w = W[:, idx]
    cum_neg = np.cumsum(w * ~pos, axis=1)
    _, first, counts = np.unique(s, return_index=True, return_counts=True)
    start, end = np.repeat(first, counts), np.repeat(first + counts - 1, counts)
    below = np.where(start > 0, cum_neg[:, np.maximum(start - 1, 0)], 0.0)
    ties = cum_neg[:, end] - below
    num = (w * pos * (below + 0.5 * ties)).sum(axis=1)
    return _div(num, (w * pos).sum(axis=1) * cum_neg[:, -1])


def prep_rouge(records: Sequence[PredictionRecord], opts: MetricOptions, *,
               pred_field: str, ref_field: str) -> Arrays:
    """Per-item ROUGE-L F1 where a reference exists."""
    valid = _scored(records) & np.array([bool(getattr(r, ref_field)) for r in records], bool)
    x = np.zeros(len(records))
    if valid.any():
        rs = [r for r, ok in zip(records, valid) if ok]
        x[valid] = rouge_l([getattr(r, pred_field) or "" for r in rs],
                           [getattr(r, ref_field) for r in rs])
    return {"valid": valid, "x": x}


def prep_keywords(records: Sequence[PredictionRecord], opts: MetricOptions, *,
                  pred_field: str) -> Arrays:
    """Per-item recall of cue keywords in the generated text."""
    valid = _scored(records) & np.array([bool(r.cue_keywords) for r in records], bool)
    x = np.array([keyword_recall(getattr(r, pred_field) or "", r.cue_keywords) if ok else 0.0
                  for r, ok in zip(records, valid)], float)
    return {"valid": valid, "x": x}


def _specs() -> dict[str, ScalarSpec]:
    expl = {"pred_field": "explanation_pred", "ref_field": "explanation_ref"}
    cap = {"pred_field": "text_pred", "ref_field": "text_ref"}
    rows = [
        ("coverage", True, prep_coverage, stat_mean),
        ("accuracy", True, prep_correct, stat_mean),
        ("macro_f1", True, prep_codes, stat_macro_f1),
        ("ece", False, prep_calibration, stat_ece),
        ("mae", False, prep_abs_error, stat_mean),
        *[(f"group_accuracy_{s}", True, partial(prep_age_group, scheme=s), stat_mean)
          for s in AGE_GROUP_METRICS],
        ("apcer", False, prep_spoof, stat_apcer),
        ("bpcer", False, prep_spoof, stat_bpcer),
        ("acer", False, prep_spoof, stat_acer),
        ("auc", True, prep_spoof, stat_auc),
        ("explanation_rouge_l", True, partial(prep_rouge, **expl), stat_mean),
        ("explanation_keyword_recall", True,
         partial(prep_keywords, pred_field="explanation_pred"), stat_mean),
        ("rouge_l", True, partial(prep_rouge, **cap), stat_mean),
        ("keyword_recall", True, partial(prep_keywords, pred_field="text_pred"), stat_mean),
    ]
    return {name: ScalarSpec(name, hib, prep, stat) for name, hib, prep, stat in rows}


SCALARS: dict[str, ScalarSpec] = _specs()
"""Every bootstrappable metric by name (names match the keys of eval.metrics output)."""

TASK_SCALARS: dict[str, tuple[str, ...]] = {name: t.fairness for name, t in TASKS.items()}
"""Which scalar metrics fairness disaggregates for each task."""
