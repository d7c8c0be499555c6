"""The summarisers (choice probabilities -> label probabilities) and target builders (a label ->
the exact answer text trained on) that the task table (facevqa.tasks.spec) assigns to each task,
so that data building, scoring and parsing agree on one answer per label."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from facevqa.errors import ConfigError
from facevqa.tasks.age import (
    AGE_SCHEMES,
    MAX_AGE,
    group_probs,
    median_age,
    representative_age,
)
from facevqa.tasks.labels import (
    ATTACKS,
    NOT_VISIBLE,
    NOT_VISIBLE_CHOICE,
    SPOOF_CHOICES,
    SYNONYMS,
    get_attribute,
)
from facevqa.tasks.parse import clean, find_label
from facevqa.tasks.results import Route, Summary


def normalised(route: Route, choice_probs: Sequence[float]) -> list[float]:
    """The route's choice probabilities checked (length, finite, >= 0) and renormalised."""
    probs = [float(p) for p in choice_probs]
    if len(probs) != len(route.choices):
        raise ValueError(f"got {len(probs)} probabilities for {len(route.choices)} choices "
                         f"of task {route.task!r}")
    if any(not math.isfinite(p) or p < 0 for p in probs) or sum(probs) <= 0:
        raise ValueError("choice probabilities must be finite, >= 0 and not all 0")
    total = sum(probs)
    return [p / total for p in probs]


def summarize_age(route: Route, probs: list[float]) -> Summary:
    """Years -> 9 groups; label = most probable group, value = median age (least expected MAE)."""
    groups = group_probs(probs, "fairface9")
    label = max(groups, key=groups.__getitem__)
    return Summary(label, groups, value=median_age(probs), confidence=groups[label])


def summarize_one_to_one(route: Route, probs: list[float]) -> Summary:
    """Choice i is label i; a negated yes/no question swaps yes and no."""
    table = dict(zip(route.labels, probs))
    if route.negated:  # "clean-shaven?" is answered yes where the model says no beard
        table["yes"], table["no"] = table["no"], table["yes"]
    label = max(table, key=table.__getitem__)
    return Summary(label, table, confidence=table[label])


def restrict_probs(probs: dict[str, float], labels: Sequence[str]) -> dict[str, float]:
    """Keep `labels` and renormalise, e.g. AffectNet 8 -> RAF-DB 7 (drops contempt)."""
    kept = {k: float(probs.get(k, 0.0)) for k in labels}
    total = sum(kept.values())
    return {k: v / total for k, v in kept.items()} if total > 0 else kept


# --- training targets -------------------------------------------------------------------------
def match_label(task: str, label: str, valid: Sequence[str],
                synonyms: Sequence[tuple[str, tuple[str, ...]]]) -> str:
    """The canonical label among `valid` for a data set's spelling ("Happiness" -> happy)."""
    key = clean(str(label)).lower()
    key = NOT_VISIBLE if key == NOT_VISIBLE_CHOICE else key
    if key in valid:
        return key
    found = find_label(key, synonyms, negation=False) if synonyms else None
    if found is None:
        raise ConfigError(f"unknown {task} label {label!r}; valid: {', '.join(valid)}")
    return found


def age_target(label, attribute, value, explanation, text) -> str:
    if value is not None:
        return str(int(round(min(max(float(value), 0.0), MAX_AGE))))
    if label is None:
        raise ConfigError("an age answer needs value (years) or label (a group)")
    if not any(label in groups for groups in AGE_SCHEMES.values()):
        raise ConfigError(f"unknown age group {label!r}; valid: "
                          + "; ".join(", ".join(g) for g in AGE_SCHEMES.values()))
    return str(representative_age(label))


def closed_target(task: str, labels: tuple[str, ...]) -> Callable[..., str]:
    """The target builder of a closed task whose answer is its label ("happy", "female")."""
    synonyms = tuple(SYNONYMS.get(task, {}).items())

    def target(label, attribute, value, explanation, text) -> str:
        return match_label(task, label, labels, synonyms)
    return target


def attribute_target(label, attribute, value, explanation, text) -> str:
    """"yes" / "no" / "not visible" or the attribute's value ("blond")."""
    if isinstance(label, bool):
        label = "yes" if label else "no"
    spec = get_attribute(attribute or "")
    key = match_label("attribute", label, spec.labels, spec.synonyms)
    return NOT_VISIBLE_CHOICE if key == NOT_VISIBLE else key


def spoof_target(label, attribute, value, explanation, text) -> str:
    """"yes" for real; "no" or "no. <explanation>" for a spoof or any attack type."""
    key = clean(str(label)).lower()
    if key in ("real", "live", "yes", "bona fide"):
        return SPOOF_CHOICES[0]
    if key not in ("spoof", "no", *ATTACKS):
        raise ConfigError(f"unknown spoof label {label!r}; valid: real, spoof, "
                          + ", ".join(ATTACKS))
    why = clean(explanation).rstrip(".").lower()
    return f"{SPOOF_CHOICES[1]}. {why}" if why else SPOOF_CHOICES[1]


def text_target(label, attribute, value, explanation, text) -> str:
    """Caption and open answers: the text with spaces collapsed."""
    body = clean(text if text is not None else label)
    if not body:
        raise ConfigError("caption and open answers need text=...")
    return body
