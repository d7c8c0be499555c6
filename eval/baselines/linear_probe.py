"""A linear probe: logistic regression on frozen features from any `featurize(images)` callable.

The probe baseline (eval.baselines.probe) puts one on the VLM's pooled vision features beside
the VLM itself.
Saved as JSON (labels, settings) + .npz (coefficients): plain numbers, never a pickle.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from facevqa.errors import ConfigError, ModelLoadError

log = logging.getLogger(__name__)

Featurize = Callable[[Sequence[Any]], np.ndarray]
FORMAT = "facevqa-linear-probe/1"


@dataclass(frozen=True)
class ProbeSpec:
    """Settings of a probe."""

    c: float = 1.0
    """Inverse L2 strength of the logistic regression."""
    max_iter: int = 2000
    standardize: bool = True
    """Scale features to zero mean / unit variance (statistics from the training set)."""

    def __post_init__(self) -> None:
        if self.c <= 0 or self.max_iter < 1:
            raise ConfigError(f"ProbeSpec needs c > 0 and max_iter >= 1, got {self}")


class LinearProbe:
    """Multinomial logistic regression over frozen features; labels are strings."""

    def __init__(self, featurize: Featurize | None = None, spec: ProbeSpec | None = None):
        self.featurize = featurize
        self.spec = spec or ProbeSpec()
        self.labels: tuple[str, ...] = ()
        self.coef: np.ndarray | None = None
        self.intercept: np.ndarray | None = None
        self.mean: np.ndarray | None = None
        self.scale: np.ndarray | None = None

    def features(self, images_or_features: Any) -> np.ndarray:
        """Features of images (through `featurize`), or a 2-D array passed straight through."""
        if isinstance(images_or_features, np.ndarray) and images_or_features.ndim == 2:
            return images_or_features.astype(np.float64)
        if self.featurize is None:
            raise ConfigError("this probe has no featurize callable; pass a 2-D feature array "
                              "or give LinearProbe(featurize=...)")
        feats = np.asarray(self.featurize(images_or_features), dtype=np.float64)
        if feats.ndim != 2:
            raise ConfigError(f"featurize must return a 2-D array, got shape {feats.shape}")
        return feats

    def fit(self, images_or_features: Any, labels: Sequence[str]) -> LinearProbe:
        """Fit on images (or features) and their string labels; returns self."""
        from sklearn.linear_model import LogisticRegression

        x = self.features(images_or_features)
        y = np.asarray([str(v) for v in labels])
        if len(y) != len(x):
            raise ConfigError(f"{len(x)} feature rows but {len(y)} labels")
        classes = sorted(set(y))
        if len(classes) < 2:
            raise ConfigError(f"a probe needs at least two classes, got {classes}")
        self.mean = x.mean(0) if self.spec.standardize else np.zeros(x.shape[1])
        std = x.std(0) if self.spec.standardize else np.ones(x.shape[1])
        self.scale = np.where(std > 1e-12, std, 1.0)
        clf = LogisticRegression(C=self.spec.c, max_iter=self.spec.max_iter)
        clf.fit((x - self.mean) / self.scale, y)
        self.labels = tuple(str(c) for c in clf.classes_)
        coef, intercept = clf.coef_, clf.intercept_
        if len(self.labels) == 2:  # sklearn keeps one row for binary problems: make it softmax
            coef = np.vstack([-coef[0] / 2, coef[0] / 2])
            intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
        self.coef, self.intercept = coef, intercept
        return self

    def predict_proba(self, images_or_features: Any) -> np.ndarray:
        """(n, len(labels)) probabilities, rows summing to 1, columns in `labels` order."""
        if self.coef is None:
            raise ConfigError("the probe is not fitted; call fit() or LinearProbe.load()")
        x = (self.features(images_or_features) - self.mean) / self.scale
        logits = x @ self.coef.T + self.intercept
        logits -= logits.max(axis=1, keepdims=True)
        e = np.exp(logits)
        return e / e.sum(axis=1, keepdims=True)

    def predict(self, images_or_features: Any) -> list[str]:
        """Most probable label per row."""
        return [self.labels[i] for i in self.predict_proba(images_or_features).argmax(1)]

    def save(self, folder: str | Path) -> Path:
        """Write probe.json and probe.npz into `folder`; returns the folder."""
        if self.coef is None:
            raise ConfigError("cannot save an unfitted probe")
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        meta = {"format": FORMAT, "labels": list(self.labels), "spec": asdict(self.spec)}
        (out / "probe.json").write_text(json.dumps(meta, indent=2))
        np.savez(out / "probe.npz", coef=self.coef, intercept=self.intercept, mean=self.mean,
                 scale=self.scale)
        return out

    @classmethod
    def load(cls, folder: str | Path, featurize: Featurize | None = None) -> LinearProbe:
        """Read a probe written by `save` (arrays only: allow_pickle stays off)."""
        folder = Path(folder)
        try:
            meta = json.loads((folder / "probe.json").read_text())
            arrays = np.load(folder / "probe.npz", allow_pickle=False)
        except (OSError, ValueError) as err:
            raise ModelLoadError(f"cannot load a probe from {folder}: {err}") from err
        if meta.get("format") != FORMAT:
            raise ModelLoadError(f"{folder}/probe.json has format {meta.get('format')!r}, "
                                 f"expected {FORMAT!r}")
        probe = cls(featurize, ProbeSpec(**meta["spec"]))
        probe.labels = tuple(meta["labels"])
        for name in ("coef", "intercept", "mean", "scale"):
            setattr(probe, name, arrays[name].astype(np.float64))
        if probe.coef.shape[0] != len(probe.labels):
            raise ModelLoadError(f"{folder}: {probe.coef.shape[0]} coefficient rows for "
                                 f"{len(probe.labels)} labels")
        return probe
