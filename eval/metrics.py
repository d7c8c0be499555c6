"""Task metrics over prediction records, dispatched by a task -> metric-functions table.

Denominators: records with status no_face, error or refused are counted (n_no_face, n_error,
n_refused) and left out of every quality metric; "coverage" says which share was scored.
Abstentions keep their best-guess label and ARE scored, so abstaining cannot inflate accuracy;
"answered_accuracy" and "abstain_rate" show the selective view. A scored record without a
predicted label counts as wrong.
"""

from __future__ import annotations

import logging
import math
import warnings
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np

from eval.predictions import PredictionRecord
from eval.spoof import spoof_metrics
from eval.text import keyword_recall, rouge_l
from facevqa.calibration import reliability
from facevqa.tasks import TASKS

log = logging.getLogger(__name__)

NO_PRED = "<none>"
"""Stand-in label for a scored record that has no predicted label (always wrong)."""

AGE_GROUP_METRICS = {"5": "five", "9": "fairface9"}
"""Age-group metric suffix ("group_accuracy_5") -> its scheme in facevqa.tasks.age."""


@dataclass(frozen=True)
class MetricOptions:
    """Settings that metrics need beyond the records."""

    spoof_threshold: float | None = None
    """Spoof decision threshold fixed on a dev split (see eval.spoof.pick_threshold);
    None falls back to 0.5 and says so in the metrics."""
    n_bins: int = 10
    """Equal-width confidence bins for ECE and the reliability diagram."""

    def __post_init__(self) -> None:
        if self.n_bins < 1:
            raise ValueError("n_bins must be at least 1")


HEADLINE_METRICS: dict[str, tuple[str, ...]] = {name: t.metrics for name, t in TASKS.items()}
"""Metrics that reports and model cards show first for each task, most important first."""

LOWER_IS_BETTER = frozenset({"mae", "ece", "apcer", "bpcer", "acer", "hter", "eer",
                             "apcer_max", "acer_max", "abstain_rate"})
"""Error-like metrics; every other quality metric in HEADLINE_METRICS is higher-is-better."""


def higher_is_better(metric: str) -> bool | None:
    """Direction of a quality metric; None for counts and settings (n_*, threshold...)."""
    if metric in LOWER_IS_BETTER:
        return False
    quality = {m for ms in HEADLINE_METRICS.values() for m in ms} | {"coverage", "accuracy"}
    return True if metric in quality else None


MetricFn = Callable[[Sequence[PredictionRecord], MetricOptions], dict[str, Any]]


def resolve_age_group(value: float | None, label: str | None, scheme: str) -> str | None:
    """Group ("5" or "9" scheme) from years when known, else from a group label (the 9 FairFace
    groups nest into the 5); None when neither gives one."""
    from facevqa.tasks.age import AGE_SCHEMES as GROUPS
    from facevqa.tasks.age import FAIRFACE_GROUPS, age_group, regroup

    name = AGE_GROUP_METRICS[scheme]
    if value is not None and math.isfinite(value):
        return age_group(max(float(value), 0.0), name)
    if label in GROUPS[name]:
        return label
    return regroup(label, name) if label in FAIRFACE_GROUPS else None


def count_statuses(records: Sequence[PredictionRecord]) -> dict[str, Any]:
    """Counts per status, coverage (scored / all) and abstain rate (abstain / scored)."""
    c = Counter(r.status for r in records)
    n, scored = len(records), c["ok"] + c["abstain"]
    return {
        "n_total": n, "n_scored": scored, "n_ok": c["ok"], "n_abstain": c["abstain"],
        "n_no_face": c["no_face"], "n_error": c["error"], "n_refused": c["refused"],
        "coverage": scored / n if n else None,
        "abstain_rate": c["abstain"] / scored if scored else None,
    }


def _labelled(records: Sequence[PredictionRecord]) -> list[PredictionRecord]:
    return [r for r in records if r.scored and r.label_true is not None]


def _pred(r: PredictionRecord) -> str:
    return r.label_pred if r.label_pred is not None else NO_PRED


def classify(y_true: Sequence[str], y_pred: Sequence[str],
             order: Sequence[str] = ()) -> dict[str, Any]:
    """Accuracy, macro-F1 (over labels seen in truth or prediction), per-class F1, confusion.

    Labels are listed in `order` first (e.g. age groups youngest first), the rest sorted.
    """
    from sklearn.metrics import accuracy_score, confusion_matrix, f1_score

    seen = (set(y_true) | set(y_pred)) - {NO_PRED}
    labels = [lab for lab in order if lab in seen] + sorted(seen - set(order))
    per_class = f1_score(y_true, y_pred, labels=labels, average=None, zero_division=0)
    with warnings.catch_warnings():  # one label in a small group is legitimate here
        warnings.filterwarnings("ignore", message="A single label was found")
        matrix = confusion_matrix(y_true, y_pred, labels=labels).tolist()
    return {
        "accuracy": float(accuracy_score(y_true, y_pred)),
        "macro_f1": float(np.mean(per_class)) if labels else 0.0,
        "f1_per_class": {lab: float(v) for lab, v in zip(labels, per_class)},
        "confusion": {
            "labels": labels,
            "matrix": matrix,
        },
    }


def classification_metrics(records: Sequence[PredictionRecord], opts: MetricOptions) -> dict:
    """Accuracy, macro-F1 and confusion matrix; answered_accuracy over status ok only."""
    rs = _labelled(records)
    if not rs:
        return {}
    out = classify([r.label_true for r in rs], [_pred(r) for r in rs])
    ok = [r for r in rs if r.status == "ok"]
    out["answered_accuracy"] = (float(np.mean([_pred(r) == r.label_true for r in ok]))
                                if ok else None)
    out["n_no_prediction"] = sum(r.label_pred is None for r in rs)
    return out


def calibration_metrics(records: Sequence[PredictionRecord], opts: MetricOptions) -> dict:
    """ECE and reliability bins from confidence vs. correctness of the predicted label."""
    rs = [r for r in _labelled(records) if r.confidence is not None]
    if not rs:
        return {}
    out = reliability([r.confidence for r in rs], [_pred(r) == r.label_true for r in rs],
                      opts.n_bins)
    return {"ece": out["ece"], "reliability": out["reliability"], "n_calibration": len(rs)}


def age_metrics(records: Sequence[PredictionRecord], opts: MetricOptions) -> dict:
    """MAE in years, and group accuracy in the 5-group and FairFace 9-group schemes."""
    from sklearn.metrics import mean_absolute_error

    rs = [r for r in records if r.scored]
    out: dict[str, Any] = {}
    yrs = [r for r in rs if r.value_true is not None and r.value_pred is not None]
    if yrs:
        out["mae"] = float(mean_absolute_error([r.value_true for r in yrs],
                                               [r.value_pred for r in yrs]))
        out["n_mae"] = len(yrs)
    from facevqa.tasks.age import AGE_SCHEMES as GROUPS

    for scheme, name in AGE_GROUP_METRICS.items():
        pairs = [(resolve_age_group(r.value_true, r.label_true, scheme),
                  resolve_age_group(r.value_pred, r.label_pred, scheme)) for r in rs]
        pairs = [(t, p if p is not None else NO_PRED) for t, p in pairs if t is not None]
        if pairs:
            got = classify([t for t, _ in pairs], [p for _, p in pairs], list(GROUPS[name]))
            out[f"group_accuracy_{scheme}"] = got["accuracy"]
            out[f"confusion_{scheme}"] = got["confusion"]
            out[f"n_group_{scheme}"] = len(pairs)
    return out


def attribute_metrics(records: Sequence[PredictionRecord], opts: MetricOptions) -> dict:
    """Per-attribute accuracy, balanced accuracy (mean recall over the true classes: 0.5 for
    any constant answer to a yes/no attribute, 1/k for k values) and F1 (binary on "yes" for
    yes/no attributes, else macro), their means over attributes (CelebA "mean accuracy"), and
    pooled accuracy."""
    from sklearn.metrics import balanced_accuracy_score, f1_score

    rs = _labelled(records)
    if not rs:
        return {}
    by_attr: dict[str, list[PredictionRecord]] = {}
    for r in rs:
        by_attr.setdefault(r.attribute or "", []).append(r)
    per: dict[str, dict[str, Any]] = {}
    for name, group in sorted(by_attr.items()):
        t, p = [r.label_true for r in group], [_pred(r) for r in group]
        binary = set(t) <= {"yes", "no"}
        # F1 of "yes": any other prediction ("no", "not_visible", nothing) is a not-yes
        f1 = (f1_score([x == "yes" for x in t], [x == "yes" for x in p], zero_division=0)
              if binary else classify(t, p)["macro_f1"])
        per[name] = {"accuracy": float(np.mean(np.array(t) == np.array(p))),
                     "balanced_accuracy": _balanced(t, p, balanced_accuracy_score),
                     "chance": 1.0 / len(set(t)), "f1": float(f1), "n": len(group)}
    return {
        "mean_attribute_accuracy": float(np.mean([v["accuracy"] for v in per.values()])),
        "mean_attribute_balanced_accuracy": float(np.mean([v["balanced_accuracy"]
                                                           for v in per.values()])),
        "mean_attribute_f1": float(np.mean([v["f1"] for v in per.values()])),
        "accuracy": float(np.mean([_pred(r) == r.label_true for r in rs])),
        "per_attribute": per,
    }


def _balanced(t: list[str], p: list[str], score) -> float:
    """Balanced accuracy of predictions p for true labels t (answers outside t count wrong)."""
    import warnings

    with warnings.catch_warnings():  # sklearn warns when p has labels that t lacks
        warnings.simplefilter("ignore")
        return float(score(t, p))


def text_metrics(records: Sequence[PredictionRecord], opts: MetricOptions, *,
                 pred_field: str, ref_field: str, prefix: str) -> dict:
    """Mean ROUGE-L F1 against references, mean recall of cue keywords in generated text and
    the share of texts naming at least one of their cue keywords (hit rate: of every item with
    cues, a missing text counting as a miss; hit_rate_answered: of the texts given)."""
    rs = [r for r in records if r.scored]
    out: dict[str, Any] = {}
    pairs = [(getattr(r, pred_field) or "", getattr(r, ref_field)) for r in rs]
    pairs = [(p, ref) for p, ref in pairs if ref]
    if pairs:
        out[f"{prefix}rouge_l"] = float(np.mean(rouge_l([p for p, _ in pairs],
                                                        [ref for _, ref in pairs])))
        out[f"n_{prefix}rouge_l"] = len(pairs)
    kw = [r for r in rs if r.cue_keywords]
    if kw:
        rec = [keyword_recall(getattr(r, pred_field) or "", r.cue_keywords) for r in kw]
        out[f"{prefix}keyword_recall"] = float(np.mean(rec))
        out[f"{prefix}keyword_hit_rate"] = float(np.mean([v > 0 for v in rec]))
        out[f"n_{prefix}keyword_recall"] = len(kw)
        said = [v for r, v in zip(kw, rec) if (getattr(r, pred_field) or "").strip()]
        if said:  # among the texts given (a spoof verdict that explains itself)
            out[f"{prefix}keyword_hit_rate_answered"] = float(np.mean([v > 0 for v in said]))
            out[f"n_{prefix}keyword_hit_rate_answered"] = len(said)
    return out


def _spoof(records: Sequence[PredictionRecord], opts: MetricOptions) -> dict:
    return spoof_metrics(records, opts.spoof_threshold)


TASK_METRICS: dict[str, tuple[MetricFn, ...]] = {
    "age": (age_metrics, calibration_metrics),
    "emotion": (classification_metrics, calibration_metrics),
    "attribute": (attribute_metrics, calibration_metrics),
    "gender": (classification_metrics, calibration_metrics),
    "spoof": (_spoof, calibration_metrics,
              partial(text_metrics, pred_field="explanation_pred", ref_field="explanation_ref",
                      prefix="explanation_")),
    "caption": (partial(text_metrics, pred_field="text_pred", ref_field="text_ref", prefix=""),),
    "open": (),
}
"""Which metric functions each task runs; every task also gets the status counters."""


def compute_metrics(records: Sequence[PredictionRecord], task: str,
                    options: MetricOptions | None = None) -> dict[str, Any]:
    """All metrics of one task for one model's records (records of other tasks are ignored)."""
    if task not in TASK_METRICS:
        raise ValueError(f"unknown task {task!r}; valid: {', '.join(TASK_METRICS)}")
    rs = [r for r in records if r.task == task]
    models = sorted({r.model for r in rs})
    if len(models) > 1:
        raise ValueError(f"records of several models {models}; compute metrics per model")
    opts = options or MetricOptions()
    out: dict[str, Any] = {"task": task, "model": models[0] if models else None,
                           "splits": sorted({r.split for r in rs if r.split})}
    out.update(count_statuses(rs))
    for fn in TASK_METRICS[task]:
        out.update(fn(rs, opts))
    return out


def compute_all(records: Sequence[PredictionRecord],
                options: Mapping[str, MetricOptions] | None = None) -> dict[str, dict[str, dict]]:
    """metrics[model][task] for every (model, task) in the records; options keyed by model."""
    keys = sorted({(r.model, r.task) for r in records})
    out: dict[str, dict[str, dict]] = {}
    for model, task in keys:
        rs = [r for r in records if r.model == model and r.task == task]
        opts = (options or {}).get(model)
        out.setdefault(model, {})[task] = compute_metrics(rs, task, opts)
    return out
