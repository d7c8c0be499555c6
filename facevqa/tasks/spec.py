"""The task table (TaskSpec per task) and the typed results of routing, summarising and parsing."""

from __future__ import annotations

from dataclasses import dataclass

from facevqa.errors import ConfigError
from facevqa.tasks.age import AGE_CHOICES, FAIRFACE_GROUPS
from facevqa.tasks.labels import (
    ATTRIBUTES,
    EMOTIONS,
    GENDERS,
    SPOOF_CHOICES,
    SPOOF_LABELS,
    get_attribute,
)
from facevqa.tasks.prompts import build_prompt
from facevqa.tasks.routing_rules import asks_opposite
from facevqa.tasks.templates import question_templates

REFUSAL_CATEGORIES = ("identity", "race", "religion", "orientation", "politics", "health",
                      "character", "injection")


@dataclass(frozen=True)
class TaskSpec:
    """One task: its label set, the answer texts scored, its canonical question, calibration."""

    name: str
    kind: str
    """"closed" (score every choice) or "open" (generate text)."""
    labels: tuple[str, ...]
    """Canonical labels (empty for open tasks; per attribute for the attribute task)."""
    choices: tuple[str, ...]
    """Answer texts scored by log-likelihood; 1:1 with labels except age (years -> groups)."""
    question: str
    """Canonical question (lowercase); empty where the prompt takes none or the user's."""
    description: str
    temperature: float = 1.0
    """Default softmax temperature over choice scores (calibration replaces it)."""
    threshold: float = 0.0
    """Default confidence under which an answer is an abstention."""

    @property
    def templates(self) -> list[str]:
        """Question phrasings (attribute phrasings are per attribute: see question_templates)."""
        return [] if self.name in ("attribute", "open") else question_templates(self.name)

    @property
    def attributes(self) -> tuple[str, ...]:
        """Attribute names (attribute task only)."""
        return tuple(ATTRIBUTES) if self.name == "attribute" else ()


TASKS: dict[str, TaskSpec] = {t.name: t for t in (
    TaskSpec("age", "closed", FAIRFACE_GROUPS, AGE_CHOICES, "how old is this person?",
             "age in years, summarised into the FairFace 9 groups", threshold=0.2),
    TaskSpec("emotion", "closed", EMOTIONS, EMOTIONS, "what emotion is shown?",
             "AffectNet 8 expressions (RAF-DB 7 is a subset)", threshold=0.3),
    TaskSpec("attribute", "closed", (), (), "",
             "CelebA yes/no attributes and valued attributes such as hair colour", threshold=0.5),
    TaskSpec("gender", "closed", GENDERS, GENDERS, "what is the perceived gender of this person?",
             "perceived gender as benchmark labels define it", threshold=0.6),
    TaskSpec("spoof", "closed", SPOOF_LABELS, SPOOF_CHOICES, "is this photo of a real person?",
             "real or spoof verdict, then a generated explanation naming the attack"),
    TaskSpec("caption", "open", (), (), "", "a FaceCaption-style description of the face"),
    TaskSpec("open", "open", (), (), "", "any other question about the face, answered freely"),
)}
"""Every task by name, in the order the docs list them."""


def get_task(name: str) -> TaskSpec:
    """The task called `name`; unknown names raise ConfigError listing the valid ones."""
    if name not in TASKS:
        raise ConfigError(f"unknown task {name!r}; valid: {', '.join(TASKS)}")
    return TASKS[name]


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


def make_route(task: str, question: str, *, attribute: str | None = None,
               family: str = "paligemma", source: str = "rule", score: float | None = None,
               prompt_question: str | None = None) -> Route:
    """Build the Route of a task (and attribute) for one question and backbone family.

    prompt_question: the cleaned text an open prompt uses (default: `question` as given).
    """
    spec = get_task(task)
    common = dict(question=question, kind=spec.kind, family=family, source=source, score=score)
    if task == "attribute":
        if attribute is None:
            raise ConfigError("task 'attribute' needs an attribute; valid: "
                              + ", ".join(ATTRIBUTES))
        a = get_attribute(attribute)
        prompt = build_prompt(family, task, spec.kind, a.question, detail=a.kind,
                              options=a.choices)
        return Route(task, a.name, prompt=prompt, labels=a.labels, choices=a.choices,
                     negated=a.kind == "binary" and asks_opposite(a.name, question), **common)
    if attribute is not None:
        raise ConfigError(f"attribute={attribute!r} only goes with task 'attribute', not {task!r}")
    text = (prompt_question or question) if task == "open" else spec.question
    if task == "open" and not text.strip():
        raise ConfigError("the question is empty; an open question needs text")
    prompt = build_prompt(family, task, spec.kind, text, options=spec.choices)
    return Route(task, None, prompt=prompt, labels=spec.labels, choices=spec.choices, **common)
