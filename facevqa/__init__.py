"""FaceVQA: ask natural-language questions about a face photo.

    from facevqa import FaceVQA
    vqa = FaceVQA.from_pretrained()            # embedded default, offline
    answers = vqa.generate(["face.jpg"], "How old is this person?")

Heavy modules load on first use of a name, never at import.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

__version__ = "0.1.0"

_EXPORTS = {
    "Answer": "facevqa.answer",
    "Face": "facevqa.answer",
    "FaceVQA": "facevqa.model",
    "ClassicalHeads": "facevqa.classical",
    "RememberingDetector": "facevqa.faces",
    "Route": "facevqa.router",
    "Refusal": "facevqa.router",
    "route": "facevqa.router",
    "TASKS": "facevqa.tasks",
    "Calibration": "facevqa.adapters",
    "AdapterMeta": "facevqa.adapters",
    "build_tiny": "facevqa.tiny",
    "load_image": "facevqa.images",
    "FaceVQAError": "facevqa.errors",
    "ConfigError": "facevqa.errors",
    "ModelLoadError": "facevqa.errors",
    "ImageError": "facevqa.errors",
}
__all__ = [
    "AdapterMeta", "Answer", "Calibration", "ClassicalHeads", "ConfigError", "Face", "FaceVQA",
    "FaceVQAError", "ImageError", "ModelLoadError", "Refusal", "RememberingDetector", "Route",
    "TASKS", "build_tiny", "load_image", "route",
]

if TYPE_CHECKING:
    from facevqa.adapters import AdapterMeta, Calibration
    from facevqa.answer import Answer, Face
    from facevqa.classical import ClassicalHeads
    from facevqa.errors import ConfigError, FaceVQAError, ImageError, ModelLoadError
    from facevqa.faces import RememberingDetector
    from facevqa.images import load_image
    from facevqa.model import FaceVQA
    from facevqa.router import Refusal, Route, route
    from facevqa.tasks import TASKS
    from facevqa.tiny import build_tiny


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'facevqa' has no attribute {name!r}")
