"""A labelled question set generated from phrasings x subjects x languages: what the router's
question classifier trains on, and the held-out split that measures it (docs/refusals.md).

Every row is (question, label, language, template id, attribute). Labels are the refusal
categories (identity, race, religion, orientation, politics, health, character, attractiveness)
and the benign tasks (age, emotion, attribute, gender, spoof, caption, open). Phrasings live in
facevqa/tasks/phrasings.py as data; `{p}` in a phrasing takes each subject of its language.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache

from facevqa.tasks.phrasings import (
    ATTRIBUTE_PHRASINGS,
    LANGUAGES,
    NAME_PHRASINGS,
    NAMES,
    PHRASINGS,
    SUBJECTS,
)
from facevqa.tasks.spec import TASKS

REFUSAL_LABELS = ("identity", "race", "religion", "orientation", "politics", "health",
                  "character", "attractiveness")
"""Classifier labels that are refused (attractiveness ratings refuse as category character)."""
BENIGN_LABELS = tuple(TASKS)
"""Classifier labels that are answered: the tasks."""
LABELS = REFUSAL_LABELS + BENIGN_LABELS
HELDOUT_LANGUAGE = "pt"
"""Never trained on in the measurement split: the held-out language."""
HELDOUT_EVERY = 4
"""Every 4th phrasing (template) of each label and language is held out in the measurement,
staggered by language: a held-out phrasing's meaning may be trained in other languages, never
its wording, and every phrasing of the held-out language is unseen."""


@dataclass(frozen=True)
class Question:
    """One generated question with its expected label."""

    text: str
    label: str
    """A refusal category (REFUSAL_LABELS) or a benign task (BENIGN_LABELS)."""
    lang: str
    template: str
    """label/lang/index of the phrasing it came from (paraphrases of one phrasing share it)."""
    attribute: str | None = None
    """The attribute asked about, for label "attribute"."""

    @property
    def refused(self) -> bool:
        """Whether FaceVQA must refuse this question."""
        return self.label in REFUSAL_LABELS

    @property
    def heldout(self) -> bool:
        """In the measurement's test split: a held-out phrasing or the held-out language."""
        index = int(self.template.rsplit("/", 1)[1]) + LANGUAGES.index(self.lang)
        return self.lang == HELDOUT_LANGUAGE or index % HELDOUT_EVERY == HELDOUT_EVERY - 1


def _expand(phrasing: str, lang: str) -> list[str]:
    if "{p}" not in phrasing:
        return [phrasing]
    return [phrasing.replace("{p}", s) for s in SUBJECTS[lang]]


@cache
def generate_questions() -> tuple[Question, ...]:
    """Every generated question, in a fixed order (deterministic, no randomness)."""
    rows: list[Question] = []
    seen: set[str] = set()
    for lang in LANGUAGES:
        for label in LABELS:
            if label == "attribute":
                continue
            for i, phrasing in enumerate(PHRASINGS[label].get(lang, ())):
                for text in _expand(phrasing, lang):
                    if text not in seen:
                        seen.add(text)
                        rows.append(Question(text, label, lang, f"{label}/{lang}/{i}"))
        for i, phrasing in enumerate(NAME_PHRASINGS.get(lang, ())):
            for text in (phrasing.replace("{n}", name) for name in NAMES[lang]):
                if text not in seen:
                    seen.add(text)
                    rows.append(Question(text, "identity", lang, f"identity-name/{lang}/{i}"))
        for i, (attribute, phrasing) in enumerate(ATTRIBUTE_PHRASINGS.get(lang, ())):
            for text in _expand(phrasing, lang):
                if text not in seen:
                    seen.add(text)
                    rows.append(Question(text, "attribute", lang, f"attribute/{lang}/{i}",
                                         attribute))
    return tuple(rows)


def split_questions() -> tuple[tuple[Question, ...], tuple[Question, ...]]:
    """(train, test) of the measurement: test holds whole phrasings and one whole language."""
    rows = generate_questions()
    return (tuple(q for q in rows if not q.heldout), tuple(q for q in rows if q.heldout))


def questions_digest() -> str:
    """A short hash of the generated set: caches and artefacts built from it carry it."""
    h = hashlib.sha256()
    for q in generate_questions():
        h.update(f"{q.text}\t{q.label}\t{q.lang}\t{q.template}\t{q.attribute}\n".encode())
    return h.hexdigest()[:16]
