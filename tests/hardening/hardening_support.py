"""Helpers shared by the hardening tests (a plain module: conftest names clash across folders)."""

from __future__ import annotations

import math
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
QUESTION = "What emotion is shown?"
"""A closed-task question the router answers by rule (no sentence embedder needed)."""
COMPARED = ("status", "task", "attribute", "label", "text", "explanation", "attack", "prompt",
            "error")
"""Answer fields that must be equal, not merely close, between a mixed batch and alone."""


def same_answer(a, b, where: str = "") -> None:
    """Assert two Answers agree: the same fields, probabilities within float noise."""
    for name in COMPARED:
        assert getattr(a, name) == getattr(b, name), f"{where}: {name} differs"
    assert (a.face is None) == (b.face is None), f"{where}: face differs"
    if a.face is not None:
        assert a.face.box == b.face.box, f"{where}: face box differs"
    assert (a.probs or {}).keys() == (b.probs or {}).keys(), f"{where}: labels differ"
    for k, p in (a.probs or {}).items():
        assert math.isclose(p, b.probs[k], rel_tol=1e-5, abs_tol=1e-6), f"{where}: p({k})"
    for name in ("confidence", "value"):
        x, y = getattr(a, name), getattr(b, name)
        assert (x is None) == (y is None), f"{where}: {name} differs"
        if x is not None:
            assert math.isclose(x, y, rel_tol=1e-5, abs_tol=1e-6), f"{where}: {name}"
