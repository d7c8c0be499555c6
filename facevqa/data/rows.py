"""The data-row format every source yields (docs/CONTRACTS.md) and the bad-row bookkeeping."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

ROW_KEYS = (
    "id", "image", "age", "age_group", "gender", "emotion", "skin_tone", "race",
    "attributes", "caption", "spoof", "explanation", "split",
)
"""Keys of the contract row (missing values None)."""

EXTRA_KEYS = ("is_face", "face_box", "cues", "source", "qa")
"""Extensions: is_face (False for no-face images), face_box (x0, y0, x1, y1), cues (spoof cue
phrases that appear in the explanation), source (adapter name), qa (free (question, answer)
pairs, e.g. UniF2ace VQA)."""

AGE_GROUPS = ("0-2", "3-9", "10-19", "20-29", "30-39", "40-49", "50-59", "60-69", "70+")
"""FairFace's nine age groups (its "more than 70" is written "70+")."""

EMOTIONS = ("neutral", "happy", "sad", "surprise", "fear", "disgust", "anger", "contempt")
"""AffectNet's eight expression classes, in AffectNet id order."""

GENDERS = ("male", "female")
"""Perceived gender presentation as the benchmark labels define it."""

SPOOF_TYPES = ("real", "print", "replay", "mask", "other")
"""Values of the row's "spoof" field."""

HAIR_COLORS = ("black", "brown", "blond", "gray", "red", "white")
"""Values of the valued attribute "hair_color"."""

_AGE_BOUNDS = (2, 9, 19, 29, 39, 49, 59, 69)


def age_group_of(age: float | None) -> str | None:
    """FairFace age group of an age in years (None stays None)."""
    if age is None:
        return None
    for bound, group in zip(_AGE_BOUNDS, AGE_GROUPS):
        if age <= bound:
            return group
    return AGE_GROUPS[-1]


def make_row(**values: Any) -> dict[str, Any]:
    """A full row with every contract key (None where not given); unknown keys raise."""
    unknown = set(values) - set(ROW_KEYS) - set(EXTRA_KEYS)
    if unknown:
        valid = ", ".join(ROW_KEYS + EXTRA_KEYS)
        raise KeyError(f"unknown row keys {sorted(unknown)}; valid: {valid}")
    row: dict[str, Any] = dict.fromkeys(ROW_KEYS)
    row.update({"attributes": {}, "is_face": True})
    row.update(values)
    return row


@dataclass(frozen=True)
class SkipSummary:
    """What a read or build skipped: counts per reason and a few examples of each."""

    counts: dict[str, int]
    examples: dict[str, list[str]]

    @property
    def total(self) -> int:
        """Number of skipped rows over all reasons."""
        return sum(self.counts.values())


@dataclass
class Skips:
    """Counts rows skipped by a source or a build, by reason (missing_image, unknown_label...)."""

    keep_examples: int = 5
    counts: Counter = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def add(self, reason: str, detail: str = "") -> None:
        """Count one skipped row; keep the first few details for the summary."""
        self.counts[reason] += 1
        kept = self.examples.setdefault(reason, [])
        if len(kept) < self.keep_examples:
            kept.append(detail)
        log.debug("skipped row (%s): %s", reason, detail)

    def summary(self) -> SkipSummary:
        """Frozen snapshot of the counts."""
        return SkipSummary(dict(self.counts), {k: list(v) for k, v in self.examples.items()})
