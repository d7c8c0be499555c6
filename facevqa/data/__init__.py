"""Data for FaceVQA: the synthetic face world, real-source adapters, the QA builder and builds.

Public names load lazily so that importing facevqa.data stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "draw_sample": "facevqa.data.synthetic",
    "draw_nonface": "facevqa.data.synthetic",
    "synth_rows": "facevqa.data.synthetic",
    "to_dataset": "facevqa.data.qa",
    "to_iterable_dataset": "facevqa.data.qa",
    "build_examples": "facevqa.data.qa",
    "QAConfig": "facevqa.data.qa",
    "get_source": "facevqa.data.sources",
    "SOURCES": "facevqa.data.sources",
    "build_dataset": "facevqa.data.build",
    "build_synthetic": "facevqa.data.build",
    "BuildSummary": "facevqa.data.build",
    "make_row": "facevqa.data.rows",
    "Skips": "facevqa.data.rows",
    "caption_for": "facevqa.data.captions",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'facevqa.data' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
