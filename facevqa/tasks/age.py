"""Ages in years and age groups: FairFace's 9 groups, the 5-group scheme, and conversions."""

from __future__ import annotations

import math
from collections.abc import Sequence

from facevqa.errors import ConfigError

MAX_AGE = 90
"""Largest age choice; "90" stands for 90 and over."""
AGE_CHOICES = tuple(str(n) for n in range(MAX_AGE + 1))
"""Answer texts scored for the age task: "0" .. "90"."""
FAIRFACE_GROUPS = ("0-2", "3-9", "10-19", "20-29", "30-39", "40-49", "50-59", "60-69", "70+")
FIVE_GROUPS = ("0-9", "10-19", "20-39", "40-59", "60+")
AGE_SCHEMES = {"fairface9": FAIRFACE_GROUPS, "five": FIVE_GROUPS}
"""Group schemes by name; the age task's labels are the FairFace 9 groups."""
OPEN_END_SPAN = 10
"""Width assumed for an open-ended group ("70+") when a representative age is needed."""


def group_bounds(group: str) -> tuple[int, int]:
    """Inclusive year bounds of a group label: "20-29" -> (20, 29), "70+" -> (70, MAX_AGE)."""
    text = group.strip().replace(" ", "")
    try:
        if text.endswith("+"):
            return int(text[:-1]), MAX_AGE
        lo, hi = text.split("-")
        return int(lo), int(hi)
    except ValueError:
        raise ConfigError(f"bad age group {group!r}; expected 'LO-HI' or 'LO+'") from None


def _scheme(scheme: str) -> tuple[str, ...]:
    if scheme not in AGE_SCHEMES:
        raise ConfigError(f"unknown age scheme {scheme!r}; valid: {', '.join(AGE_SCHEMES)}")
    return AGE_SCHEMES[scheme]


def age_group(years: float, scheme: str = "fairface9") -> str:
    """Group label holding an age in years (fractions round down; above 90 is the last group)."""
    if years is None or not math.isfinite(years) or years < 0:
        raise ValueError(f"age must be a finite number >= 0, got {years!r}")
    whole = min(int(math.floor(years)), MAX_AGE)
    for group in _scheme(scheme):
        lo, hi = group_bounds(group)
        if lo <= whole <= hi:
            return group
    raise AssertionError(f"scheme {scheme} does not cover {whole}")  # tables cover 0..MAX_AGE


def representative_age(group: str) -> int:
    """A single age for a group, used as the training target when only the group is known.

    The middle of a closed group (0-2 -> 1, 20-29 -> 25); LO + 5 for an open one (70+ -> 75).
    """
    lo, hi = group_bounds(group)
    if group.strip().endswith("+"):
        return lo + OPEN_END_SPAN // 2
    return lo + (hi - lo + 1) // 2


def regroup(group: str, scheme: str = "five") -> str:
    """Map a group label to the group of another scheme that contains it (70+ -> 60+).

    Every FairFace group lies inside exactly one of the 5 groups, so this mapping is exact.
    """
    lo, hi = group_bounds(group)
    target = age_group(lo, scheme)
    if age_group(min(hi, MAX_AGE), scheme) != target:
        raise ConfigError(f"group {group!r} straddles groups of scheme {scheme!r}")
    return target


def group_probs(year_probs: Sequence[float], scheme: str = "fairface9") -> dict[str, float]:
    """Sum probabilities over ages 0..len-1 into the groups of `scheme` (order kept)."""
    out = {g: 0.0 for g in _scheme(scheme)}
    for years, p in enumerate(year_probs):
        out[age_group(years, scheme)] += float(p)
    return out


def median_age(year_probs: Sequence[float]) -> float:
    """Median of a distribution over ages 0..len-1: the point estimate with least expected MAE.

    The mean minimises squared error and the argmax 0-1 loss; MAE is the age metric, so the
    median is the right summary. Year n is spread over [n-0.5, n+0.5] to interpolate.
    """
    total = float(sum(year_probs))
    if total <= 0:
        raise ValueError("age probabilities must have a positive sum")
    cum = 0.0
    for years, p in enumerate(year_probs):
        p = float(p) / total
        if p > 0 and cum + p >= 0.5:
            return max(0.0, years - 0.5 + (0.5 - cum) / p)
        cum += p
    return float(len(year_probs) - 1)


def mean_age(year_probs: Sequence[float]) -> float:
    """Expected age under a distribution over ages 0..len-1."""
    total = float(sum(year_probs))
    if total <= 0:
        raise ValueError("age probabilities must have a positive sum")
    return sum(n * float(p) for n, p in enumerate(year_probs)) / total
