"""The typed results of routing, refusing, summarising and parsing a question."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Route:
    """Where a question goes: task, attribute, the prompt to send and the label set."""

    task: str
    """age, emotion, attribute, gender, spoof, caption or open."""
    attribute: str | None
    """Attribute asked about (attribute task only)."""
    question: str
    """The user's question as given."""
    prompt: str
    """Family-specific prompt text, without image token or chat wrapping."""
    labels: tuple[str, ...]
    """Canonical labels shown to users (empty for open tasks)."""
    choices: tuple[str, ...]
    """Answer texts scored by log-likelihood (empty for open tasks)."""
    kind: str
    """"closed" (score choices) or "open" (generate)."""
    family: str
    """Backbone family the prompt is for."""
    source: str = "rule"
    """How the task was chosen: rule, embedding, fallback (nothing matched: open) or forced."""
    score: float | None = None
    """Cosine similarity of the nearest template when source is "embedding"."""
    negated: bool = False
    """The question asks the opposite of its yes/no attribute ("is he clean-shaven?" ->
    beard): the prompt asks the attribute, and the answer swaps yes and no."""


@dataclass(frozen=True)
class Refusal:
    """A question FaceVQA will not answer, with the reason."""

    question: str
    """The user's question as given."""
    reason: str
    """Human-readable: what is refused and why."""
    category: str
    """identity, race, religion, orientation, politics, health, character or injection."""


@dataclass(frozen=True)
class Summary:
    """Choice probabilities summarised into the route's labels."""

    label: str
    """Most probable label."""
    probs: dict[str, float]
    """Probability of every label, 0-1, summing to 1, in label order."""
    value: float | None = None
    """Numeric answer (age: the median age in years)."""
    confidence: float = 0.0
    """Probability of `label`."""


@dataclass(frozen=True)
class Parsed:
    """Generated text normalised into the task's terms (label None when nothing matched)."""

    label: str | None = None
    value: float | None = None
    explanation: str | None = None
    """Why, for spoof answers (the text after the verdict)."""
    attack: str | None = None
    """print, replay, mask or other, for spoof verdicts."""
    text: str = ""
    """The cleaned text (whitespace collapsed)."""
