"""Face anti-spoofing metrics (ISO/IEC 30107-3 style): APCER, BPCER, ACER, HTER, AUC, EER.

"spoof" (attack) is the positive class and the score is the probability of "spoof". The
decision threshold is fixed on a dev split (pick_threshold) and then applied to test.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from eval.predictions import PredictionRecord

SPOOF_LABELS = ("real", "spoof")
"""Reference labels of the spoof task: bona fide and attack."""
DEFAULT_THRESHOLD = 0.5


def spoof_score(r: PredictionRecord) -> float | None:
    """The record's spoof probability: score, else probs["spoof"]."""
    return r.score if r.score is not None else r.probs.get("spoof")


def spoof_records(records: Sequence[PredictionRecord]) -> list[PredictionRecord]:
    """Scored records with a real/spoof reference; any other reference label raises."""
    rs = [r for r in records if r.scored and r.label_true is not None]
    bad = sorted({r.label_true for r in rs} - set(SPOOF_LABELS))
    if bad:
        raise ValueError(f"spoof label_true must be one of {SPOOF_LABELS}, got {bad}")
    return rs


def spoof_arrays(records: Sequence[PredictionRecord]) -> tuple[np.ndarray, ...]:
    """(is_attack, score with nan where missing, predicted-spoof from label_pred) arrays."""
    is_attack = np.array([r.label_true == "spoof" for r in records], dtype=bool)
    score = np.array([np.nan if spoof_score(r) is None else spoof_score(r) for r in records],
                     dtype=float)
    label_spoof = np.array([r.label_pred == "spoof" for r in records], dtype=bool)
    return is_attack, score, label_spoof


def decide(score: np.ndarray, label_spoof: np.ndarray, threshold: float) -> np.ndarray:
    """Spoof decision: score >= threshold where a score exists, else the predicted label."""
    return np.where(np.isnan(score), label_spoof, np.nan_to_num(score) >= threshold)


def error_rates(is_attack: np.ndarray, pred_spoof: np.ndarray) -> tuple[float, float]:
    """(APCER, BPCER): attacks accepted as bona fide, bona fide rejected as attacks."""
    from sklearn.metrics import confusion_matrix

    tn, fp, fn, tp = confusion_matrix(is_attack, pred_spoof, labels=[False, True]).ravel()
    apcer = fn / (fn + tp) if fn + tp else float("nan")
    bpcer = fp / (fp + tn) if fp + tn else float("nan")
    return float(apcer), float(bpcer)


def _roc(is_attack: np.ndarray, score: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(BPCER = fpr, APCER = fnr, thresholds) at every distinct score; inf made finite."""
    from sklearn.metrics import roc_curve

    fpr, tpr, thr = roc_curve(is_attack, score, drop_intermediate=False)
    thr = np.where(np.isinf(thr), np.nextafter(score.max(), np.inf), thr)
    return fpr, 1.0 - tpr, thr


def equal_error_rate(is_attack: np.ndarray, score: np.ndarray) -> tuple[float, float]:
    """(EER, its threshold): the ROC point where APCER and BPCER are closest."""
    fpr, fnr, thr = _roc(is_attack, score)
    i = int(np.argmin(np.abs(fnr - fpr)))
    return float((fpr[i] + fnr[i]) / 2), float(thr[i])


def _min_acer_threshold(is_attack: np.ndarray, score: np.ndarray) -> float:
    fpr, fnr, thr = _roc(is_attack, score)
    return float(thr[int(np.argmin((fpr + fnr) / 2))])


def _eer_threshold(is_attack: np.ndarray, score: np.ndarray) -> float:
    return equal_error_rate(is_attack, score)[1]


THRESHOLD_METHODS: dict[str, Callable[[np.ndarray, np.ndarray], float]] = {
    "eer": _eer_threshold,
    "min_acer": _min_acer_threshold,
}


def pick_threshold(dev_records: Sequence[PredictionRecord], method: str = "eer") -> float:
    """Spoof threshold chosen on dev records by "eer" or "min_acer"; apply it to test."""
    if method not in THRESHOLD_METHODS:
        raise ValueError(f"unknown method {method!r}; valid: {', '.join(THRESHOLD_METHODS)}")
    rs = [r for r in spoof_records(dev_records) if spoof_score(r) is not None]
    is_attack, score, _ = spoof_arrays(rs)
    if is_attack.all() or not is_attack.any():
        raise ValueError("picking a threshold needs dev records of both real and spoof "
                         "with scores")
    return THRESHOLD_METHODS[method](is_attack, score)


def _ranking(is_attack: np.ndarray, score: np.ndarray) -> dict[str, Any]:
    from sklearn.metrics import roc_auc_score

    has = ~np.isnan(score)
    y, s = is_attack[has], score[has]
    if y.all() or not y.any():
        return {"auc": None, "eer": None, "eer_threshold": None}
    eer, eer_thr = equal_error_rate(y, s)
    return {"auc": float(roc_auc_score(y, s)), "eer": eer, "eer_threshold": eer_thr}


def _per_attack(rs: Sequence[PredictionRecord], pred: np.ndarray) -> dict[str, float]:
    types = sorted({r.attack_true for r in rs if r.label_true == "spoof" and r.attack_true})
    out = {}
    for t in types:
        m = np.array([r.label_true == "spoof" and r.attack_true == t for r in rs])
        out[t] = float(np.mean(~pred[m]))
    return out


def _nan_none(x: float) -> float | None:
    return None if np.isnan(x) else x


def spoof_metrics(records: Sequence[PredictionRecord],
                  threshold: float | None = None) -> dict[str, Any]:
    """APCER/BPCER/ACER at the (dev-fixed) threshold, HTER, AUC, EER, per-attack APCER.

    APCER pools all attacks; apcer_max / acer_max use the worst attack type (ISO 30107-3).
    HTER = (FAR + FRR) / 2 at the dev threshold, which equals the pooled ACER on test.
    """
    from sklearn.metrics import confusion_matrix

    rs = spoof_records(records)
    if not rs:
        return {}
    t = DEFAULT_THRESHOLD if threshold is None else float(threshold)
    is_attack, score, label_spoof = spoof_arrays(rs)
    pred = decide(score, label_spoof, t)
    apcer, bpcer = error_rates(is_attack, pred)
    acer = (apcer + bpcer) / 2
    by_attack = _per_attack(rs, pred)
    apcer_max = max(by_attack.values()) if by_attack else apcer
    out = {
        "threshold": t, "threshold_source": "default" if threshold is None else "dev",
        "apcer": _nan_none(apcer), "bpcer": _nan_none(bpcer), "acer": _nan_none(acer),
        "hter": _nan_none(acer), "apcer_by_attack": by_attack, "apcer_max": _nan_none(apcer_max),
        "acer_max": _nan_none((apcer_max + bpcer) / 2),
        "accuracy": float(np.mean(pred == is_attack)),
        "confusion": {"labels": list(SPOOF_LABELS), "matrix": confusion_matrix(
            is_attack, pred, labels=[False, True]).tolist()},
        "n_attack": int(is_attack.sum()), "n_bona_fide": int((~is_attack).sum()),
        "n_without_score": int(np.isnan(score).sum()),
    }
    out.update(_ranking(is_attack, score))
    return out
