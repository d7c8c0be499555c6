"""The task table: one TaskSpec row per task owns its labels, answer texts, canonical question,
parser, summariser, training-target builder, display title and headline metrics. Every other
task list or per-task table derives from TASKS (tests/tasks/test_task_table.py checks them)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from facevqa.errors import ConfigError
from facevqa.tasks.age import AGE_CHOICES, FAIRFACE_GROUPS
from facevqa.tasks.labels import (
    ATTRIBUTES,
    EMOTIONS,
    GENDERS,
    SPOOF_CHOICES,
    SPOOF_LABELS,
    SYNONYMS,
    get_attribute,
)
from facevqa.tasks.parse import (
    parse_age,
    parse_attribute,
    parse_emotion,
    parse_free_text,
    parse_gender,
    parse_spoof,
)
from facevqa.tasks.prompts import build_prompt
from facevqa.tasks.results import Parsed, Route, Summary
from facevqa.tasks.routing_rules import asks_opposite
from facevqa.tasks.summary import (
    age_target,
    attribute_target,
    closed_target,
    match_label,
    normalised,
    spoof_target,
    summarize_age,
    summarize_one_to_one,
    text_target,
)
from facevqa.tasks.templates import question_templates

REFUSAL_CATEGORIES = ("identity", "race", "religion", "orientation", "politics", "health",
                      "character", "injection")

Parser = Callable[[Route, str], Parsed]
Summariser = Callable[[Route, list[float]], Summary]
TargetBuilder = Callable[..., str]
"""(label, attribute, value, explanation, text) -> the exact answer text trained on."""


@dataclass(frozen=True)
class TaskSpec:
    """One task: its label set, the answer texts scored, its canonical question, how its answers
    are parsed, summarised and trained on, how it is shown and which metrics judge it."""

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
    title: str
    """Display name (demo, reports)."""
    parse: Parser
    """Generated text -> Parsed (label None when nothing is recognised)."""
    target: TargetBuilder
    """Builds the exact answer string a model is trained to produce."""
    metrics: tuple[str, ...]
    """Headline metrics that reports and model cards show first, most important first."""
    fairness: tuple[str, ...]
    """Scalar metrics the fairness report disaggregates per group (bootstrapped)."""
    summarize: Summariser = summarize_one_to_one
    """Choice probabilities -> label probabilities (closed tasks)."""
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


_CLASSIFICATION = ("accuracy", "macro_f1", "ece", "answered_accuracy")
_CLASSIFICATION_FAIRNESS = ("coverage", "accuracy", "macro_f1", "ece")

TASKS: dict[str, TaskSpec] = {t.name: t for t in (
    TaskSpec("age", "closed", FAIRFACE_GROUPS, AGE_CHOICES, "how old is this person?",
             "age in years, summarised into the FairFace 9 groups", "Age",
             lambda route, text: parse_age(text), age_target,
             ("mae", "group_accuracy_9", "group_accuracy_5", "ece"),
             ("coverage", "mae", "group_accuracy_5", "group_accuracy_9", "ece"),
             summarize=summarize_age, threshold=0.2),
    TaskSpec("emotion", "closed", EMOTIONS, EMOTIONS, "what emotion is shown?",
             "AffectNet 8 expressions (RAF-DB 7 is a subset)", "Emotion",
             lambda route, text: parse_emotion(text), closed_target("emotion", EMOTIONS),
             _CLASSIFICATION, _CLASSIFICATION_FAIRNESS, threshold=0.3),
    TaskSpec("attribute", "closed", (), (), "",
             "CelebA yes/no attributes and valued attributes such as hair colour", "Attribute",
             parse_attribute, attribute_target,
             ("mean_attribute_accuracy", "mean_attribute_balanced_accuracy",
              "mean_attribute_f1", "ece", "answered_accuracy"),
             ("coverage", "accuracy", "ece"), threshold=0.5),
    TaskSpec("gender", "closed", GENDERS, GENDERS, "what is the perceived gender of this person?",
             "perceived gender as benchmark labels define it", "Perceived gender",
             lambda route, text: parse_gender(text), closed_target("gender", GENDERS),
             _CLASSIFICATION, _CLASSIFICATION_FAIRNESS, threshold=0.6),
    TaskSpec("spoof", "closed", SPOOF_LABELS, SPOOF_CHOICES, "is this photo of a real person?",
             "real or spoof verdict, then a generated explanation naming the attack",
             "Spoof check", lambda route, text: parse_spoof(text), spoof_target,
             ("acer", "apcer", "bpcer", "hter", "auc", "eer", "apcer_max",
              "explanation_rouge_l", "explanation_keyword_recall",
              "explanation_keyword_hit_rate", "explanation_keyword_hit_rate_answered"),
             ("coverage", "apcer", "bpcer", "acer", "auc", "explanation_rouge_l",
              "explanation_keyword_recall")),
    TaskSpec("caption", "open", (), (), "", "a FaceCaption-style description of the face",
             "Caption", parse_free_text, text_target, ("rouge_l", "keyword_recall"),
             ("coverage", "rouge_l", "keyword_recall")),
    TaskSpec("open", "open", (), (), "", "any other question about the face, answered freely",
             "Open question", parse_free_text, text_target, (), ("coverage",)),
)}
"""Every task by name, in the one order every task list follows."""


def get_task(name: str) -> TaskSpec:
    """The task called `name`; unknown names raise ConfigError listing the valid ones."""
    if name not in TASKS:
        raise ConfigError(f"unknown task {name!r}; valid: {', '.join(TASKS)}")
    return TASKS[name]


def parse_answer(route: Route, text: str) -> Parsed:
    """Normalise generated `text` for the route's task (label None when nothing is recognised)."""
    return get_task(route.task).parse(route, text or "")


def summarize(route: Route, choice_probs: Sequence[float]) -> Summary:
    """Turn probabilities over `route.choices` into label probabilities, label, value.

    The probabilities are renormalised; a wrong length or negative/NaN values raise ValueError.
    """
    if route.kind != "closed":
        raise ConfigError(f"task {route.task!r} is open: there is nothing to summarise")
    return get_task(route.task).summarize(route, normalised(route, choice_probs))


def normalize_label(task: str, label: str, *, attribute: str | None = None) -> str:
    """Canonical label from a data set's spelling ("Happiness" -> happy, "Female" -> female)."""
    if task == "attribute":
        spec = get_attribute(attribute or "")
        return match_label(task, label, spec.labels, spec.synonyms)
    return match_label(task, label, get_task(task).labels, tuple(SYNONYMS.get(task, {}).items()))


def answer_text(task: str, label: str | bool | None = None, *, attribute: str | None = None,
                value: float | None = None, explanation: str | None = None,
                text: str | None = None) -> str:
    """The exact training target: age "32", emotion "happy", attribute "yes"/"blond"/"not visible",
    spoof "yes" or "no. <explanation>" (lowercase); caption/open: `text` with spaces collapsed."""
    return get_task(task).target(label, attribute, value, explanation, text)


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
