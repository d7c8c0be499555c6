"""Task definitions: label sets, prompts per backbone family, question templates, parsers,
summaries and training targets. Pure Python: nothing here imports torch or a model."""

from __future__ import annotations

from collections.abc import Iterator

from facevqa.tasks.age import (
    AGE_CHOICES,
    AGE_SCHEMES,
    FAIRFACE_GROUPS,
    FIVE_GROUPS,
    age_group,
    group_probs,
    mean_age,
    median_age,
    regroup,
    representative_age,
)
from facevqa.tasks.labels import (
    ATTACKS,
    ATTRIBUTES,
    CELEBA40,
    EMOTIONS,
    GENDERS,
    NOT_VISIBLE,
    RAFDB7,
    SPOOF_LABELS,
    AttributeSpec,
    celeba_attribute,
    get_attribute,
)
from facevqa.tasks.parse import parse_age, parse_yes_no
from facevqa.tasks.prompts import PROMPTS, build_prompt, families
from facevqa.tasks.results import Parsed, Refusal, Route, Summary
from facevqa.tasks.spec import (
    REFUSAL_CATEGORIES,
    TASKS,
    TaskSpec,
    answer_text,
    get_task,
    make_route,
    normalize_label,
    parse_answer,
    summarize,
)
from facevqa.tasks.summary import restrict_probs
from facevqa.tasks.templates import all_templates, question_templates

__all__ = [
    "AGE_CHOICES", "AGE_SCHEMES", "ATTACKS", "ATTRIBUTES", "CELEBA40", "EMOTIONS",
    "FAIRFACE_GROUPS", "FIVE_GROUPS", "GENDERS", "NOT_VISIBLE", "PROMPTS", "RAFDB7",
    "REFUSAL_CATEGORIES", "SPOOF_LABELS", "TASKS", "AttributeSpec", "Parsed", "Refusal", "Route",
    "Summary", "TaskSpec", "age_group", "all_prompts", "all_templates", "answer_text",
    "build_prompt", "celeba_attribute", "corpus_lines", "families", "get_attribute", "get_task",
    "group_probs", "make_route", "mean_age", "median_age", "normalize_label", "parse_age",
    "parse_answer", "parse_yes_no", "question_templates", "regroup", "representative_age",
    "restrict_probs", "summarize",
]


def _route_keys() -> Iterator[tuple[str, str | None]]:
    for task in TASKS:
        if task == "attribute":
            yield from (("attribute", a) for a in ATTRIBUTES)
        else:
            yield task, None


def all_prompts() -> dict[str, str]:
    """Every canonical prompt by "family/task[/attribute]" (the open prompt for a sample question).

    This is what the prompt snapshot test freezes.
    """
    out = {}
    for family in families():
        for task, attribute in _route_keys():
            r = make_route(task, "what is in the background?", attribute=attribute, family=family)
            out["/".join(p for p in (family, task, attribute) if p)] = r.prompt
    return out


def corpus_lines() -> Iterator[str]:
    """Prompts, question templates and answer texts: text a tiny tokenizer should cover."""
    yield from all_prompts().values()
    for _task, _attribute, question in all_templates():
        yield question
    for task, attribute in _route_keys():
        r = make_route(task, "what is in the background?", attribute=attribute)
        yield from r.choices
        yield from r.labels
    yield from ATTACKS
