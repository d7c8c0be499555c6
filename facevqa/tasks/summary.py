"""Choice probabilities -> label probabilities (summarize), and the exact training target text
(answer_text), so that data building, scoring and parsing agree on one answer per label."""

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
from facevqa.tasks.spec import Route, Summary, get_task


def _normalised(route: Route, choice_probs: Sequence[float]) -> list[float]:
    probs = [float(p) for p in choice_probs]
    if len(probs) != len(route.choices):
        raise ValueError(f"got {len(probs)} probabilities for {len(route.choices)} choices "
                         f"of task {route.task!r}")
    if any(not math.isfinite(p) or p < 0 for p in probs) or sum(probs) <= 0:
        raise ValueError("choice probabilities must be finite, >= 0 and not all 0")
    total = sum(probs)
    return [p / total for p in probs]


def _summarize_age(route: Route, probs: list[float]) -> Summary:
    """Years -> 9 groups; label = most probable group, value = median age (least expected MAE)."""
    groups = group_probs(probs, "fairface9")
    label = max(groups, key=groups.__getitem__)
    return Summary(label, groups, value=median_age(probs), confidence=groups[label])


def _summarize_one_to_one(route: Route, probs: list[float]) -> Summary:
    table = dict(zip(route.labels, probs))
    if route.negated:  # "clean-shaven?" is answered yes where the model says no beard
        table["yes"], table["no"] = table["no"], table["yes"]
    label = max(table, key=table.__getitem__)
    return Summary(label, table, confidence=table[label])


SUMMARIZERS: dict[str, Callable[[Route, list[float]], Summary]] = {"age": _summarize_age}
"""Task -> summariser; tasks not listed map choices to labels one to one."""


def summarize(route: Route, choice_probs: Sequence[float]) -> Summary:
    """Turn probabilities over `route.choices` into label probabilities, label, value.

    The probabilities are renormalised; a wrong length or negative/NaN values raise ValueError.
    """
    if route.kind != "closed":
        raise ConfigError(f"task {route.task!r} is open: there is nothing to summarise")
    probs = _normalised(route, choice_probs)
    return SUMMARIZERS.get(route.task, _summarize_one_to_one)(route, probs)


def restrict_probs(probs: dict[str, float], labels: Sequence[str]) -> dict[str, float]:
    """Keep `labels` and renormalise, e.g. AffectNet 8 -> RAF-DB 7 (drops contempt)."""
    kept = {k: float(probs.get(k, 0.0)) for k in labels}
    total = sum(kept.values())
    return {k: v / total for k, v in kept.items()} if total > 0 else kept


# --- training targets -------------------------------------------------------------------------
def normalize_label(task: str, label: str, *, attribute: str | None = None) -> str:
    """Canonical label from a data set's spelling ("Happiness" -> happy, "Female" -> female)."""
    if task == "attribute":
        spec = get_attribute(attribute or "")
        valid, synonyms = spec.labels, spec.synonyms
    else:
        valid = get_task(task).labels
        synonyms = tuple(SYNONYMS.get(task, {}).items())
    key = clean(str(label)).lower()
    key = NOT_VISIBLE if key == NOT_VISIBLE_CHOICE else key
    if key in valid:
        return key
    found = find_label(key, synonyms, negation=False) if synonyms else None
    if found is None:
        raise ConfigError(f"unknown {task} label {label!r}; valid: {', '.join(valid)}")
    return found


def _age_target(label, attribute, value, explanation, text) -> str:
    if value is not None:
        return str(int(round(min(max(float(value), 0.0), MAX_AGE))))
    if label is None:
        raise ConfigError("an age answer needs value (years) or label (a group)")
    if not any(label in groups for groups in AGE_SCHEMES.values()):
        raise ConfigError(f"unknown age group {label!r}; valid: "
                          + "; ".join(", ".join(g) for g in AGE_SCHEMES.values()))
    return str(representative_age(label))


def _closed_target(task: str) -> Callable:
    def target(label, attribute, value, explanation, text) -> str:
        return normalize_label(task, label)
    return target


def _attribute_target(label, attribute, value, explanation, text) -> str:
    if isinstance(label, bool):
        label = "yes" if label else "no"
    key = normalize_label("attribute", label, attribute=attribute)
    return NOT_VISIBLE_CHOICE if key == NOT_VISIBLE else key


def _spoof_target(label, attribute, value, explanation, text) -> str:
    """"yes" for real; "no" or "no. <explanation>" for a spoof or any attack type."""
    key = clean(str(label)).lower()
    if key in ("real", "live", "yes", "bona fide"):
        return SPOOF_CHOICES[0]
    if key not in ("spoof", "no", *ATTACKS):
        raise ConfigError(f"unknown spoof label {label!r}; valid: real, spoof, "
                          + ", ".join(ATTACKS))
    why = clean(explanation).rstrip(".").lower()
    return f"{SPOOF_CHOICES[1]}. {why}" if why else SPOOF_CHOICES[1]


def _text_target(label, attribute, value, explanation, text) -> str:
    body = clean(text if text is not None else label)
    if not body:
        raise ConfigError("caption and open answers need text=...")
    return body


TARGETS: dict[str, Callable] = {
    "age": _age_target, "emotion": _closed_target("emotion"), "gender": _closed_target("gender"),
    "attribute": _attribute_target, "spoof": _spoof_target,
    "caption": _text_target, "open": _text_target,
}
"""Task -> builder of the exact answer string a model is trained to produce."""


def answer_text(task: str, label: str | bool | None = None, *, attribute: str | None = None,
                value: float | None = None, explanation: str | None = None,
                text: str | None = None) -> str:
    """The exact training target: age "32", emotion "happy", attribute "yes"/"blond"/"not visible",
    spoof "yes" or "no. <explanation>" (lowercase); caption/open: `text` with spaces collapsed."""
    get_task(task)
    return TARGETS[task](label, attribute, value, explanation, text)
