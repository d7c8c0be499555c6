"""Learnability check: a classical head on synthetic pixels beats chance on every task.

Run: facevqa data learnability                      # 2,000 train / 500 test images, ~1 minute
     facevqa data learnability --train 300 --test 100
Features are HOG on a 96x96 grey image plus a 24x24 colour thumbnail; the head is
standardise -> class-balanced logistic regression. Chance is 1/K for balanced accuracy.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from facevqa.data.synthetic import synth_rows

log = logging.getLogger(__name__)

Row = Mapping[str, Any]


def _attr(name: str) -> Callable[[Row], Any]:
    return lambda row: row["attributes"].get(name)


TASKS: dict[str, Callable[[Row], Any]] = {
    "age_group": lambda r: r["age_group"],
    "emotion": lambda r: r["emotion"],
    "gender": lambda r: r["gender"],
    "spoof": lambda r: "real" if r["spoof"] == "real" else "attack",
    "attack_type": lambda r: r["spoof"],
    **{a: _attr(a) for a in (
        "eyeglasses", "sunglasses", "wearing_hat", "beard", "mustache", "smiling",
        "mouth_slightly_open", "bangs", "bald", "wearing_earrings", "wearing_lipstick",
        "heavy_makeup", "hair_color")},
}
"""Task name -> label of a row (None: the row does not count for the task)."""


@dataclass(frozen=True)
class TaskScore:
    """Held-out result of one task."""

    task: str
    n_classes: int
    accuracy: float
    majority: float
    """Accuracy of always answering the most common training label."""
    balanced_accuracy: float
    chance: float
    """1 / number of classes: balanced accuracy of guessing."""
    margin: float
    """Required balanced-accuracy gain over chance."""

    @property
    def passed(self) -> bool:
        """Balanced accuracy beats chance by at least the margin."""
        return self.balanced_accuracy >= self.chance + self.margin


def features(image: Any) -> np.ndarray:
    """HOG of a 96x96 grey image concatenated with a 24x24 colour thumbnail, as float32."""
    from skimage.feature import hog

    rgb = image.convert("RGB")
    grey = np.asarray(rgb.convert("L").resize((96, 96)), dtype=np.float32) / 255
    shape = hog(grey, orientations=9, pixels_per_cell=(8, 8), cells_per_block=(2, 2))
    colour = np.asarray(rgb.resize((24, 24)), dtype=np.float32).ravel() / 255
    return np.concatenate([shape, colour]).astype(np.float32)


def _featurise(rows: Iterable[Row]) -> tuple[np.ndarray, list[Row]]:
    kept, feats = [], []
    for row in rows:
        feats.append(features(row["image"]))
        kept.append({k: v for k, v in row.items() if k != "image"})
    return np.stack(feats), kept


def _fit_task(name: str, x_tr: np.ndarray, rows_tr: list[Row], x_te: np.ndarray,
              rows_te: list[Row], margin: float) -> TaskScore | None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import balanced_accuracy_score

    label = TASKS[name]
    y_tr = np.array([str(label(r)) for r in rows_tr])
    y_te = np.array([str(label(r)) for r in rows_te])
    keep_tr, keep_te = y_tr != "None", y_te != "None"
    classes = sorted(set(y_tr[keep_tr]))
    if len(classes) < 2 or not keep_te.any():
        log.warning("task %s skipped: fewer than two classes", name)
        return None
    head = LogisticRegression(C=0.002, max_iter=3000, class_weight="balanced")
    head.fit(x_tr[keep_tr], y_tr[keep_tr])
    pred = head.predict(x_te[keep_te])
    values, counts = np.unique(y_tr[keep_tr], return_counts=True)
    majority = float(np.mean(y_te[keep_te] == values[np.argmax(counts)]))
    return TaskScore(name, len(classes), float(np.mean(pred == y_te[keep_te])), majority,
                     float(balanced_accuracy_score(y_te[keep_te], pred)), 1 / len(classes), margin)


def evaluate_learnability(n_train: int = 2000, n_test: int = 500, seed: int = 0,
                          margin: float = 0.2, tasks: Iterable[str] | None = None
                          ) -> list[TaskScore]:
    """Train a head per task on n_train synthetic images, score on n_test others."""
    from sklearn.preprocessing import StandardScaler

    x_tr, rows_tr = _featurise(synth_rows(n_train, seed=seed))
    x_te, rows_te = _featurise(synth_rows(n_test, seed=seed + 10_000))
    scaler = StandardScaler().fit(x_tr)
    z_tr, z_te = scaler.transform(x_tr), scaler.transform(x_te)
    scores = [_fit_task(t, z_tr, rows_tr, z_te, rows_te, margin) for t in (tasks or TASKS)]
    return [s for s in scores if s is not None]


def format_scores(scores: Iterable[TaskScore]) -> str:
    """Markdown table of the scores."""
    lines = ["| task | classes | accuracy | majority | balanced acc | chance | pass |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for s in scores:
        verdict = "yes" if s.passed else "NO"
        lines.append(f"| {s.task} | {s.n_classes} | {s.accuracy:.3f} | {s.majority:.3f} | "
                     f"{s.balanced_accuracy:.3f} | {s.chance:.3f} | {verdict} |")
    return "\n".join(lines)
