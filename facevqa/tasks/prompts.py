"""Prompt templates per backbone family, kept as data (text only: no image token, no chat wrap).

Keys are tried most specific first: "attribute.binary" / "attribute.valued", the task name,
then the route kind ("closed" / "open"). Placeholders: {question} (as given), {Question}
(first letter capitalised) and {options} (the choices, "a, b, or c").
"""

from __future__ import annotations

from facevqa.errors import ConfigError

INSTRUCTION = ("Describe only what is visible. Do not name or identify the person and do not "
               "guess their race, ethnicity, nationality, religion, sexual orientation, political "
               "views, health or character.")
"""Appended to open and caption prompts of instruction-following families (LLaVA); PaliGemma's
task prefixes ("answer en ...") take no instructions, and facevqa.guard checks every answer."""

PROMPTS: dict[str, dict[str, str]] = {
    "paligemma": {
        "closed": "answer en {question}",
        "caption": "caption en",
        "open": "answer en {question}",
    },
    "llava": {
        "age": "{Question} Answer with the age in years as a number.",
        "emotion": "{Question} Answer with one word: {options}.",
        "gender": "{Question} Answer with one word: {options}.",
        "attribute.binary": "{Question} Answer yes, no, or not visible.",
        "attribute.valued": "{Question} Answer with one of: {options}.",
        "spoof": "{Question} Answer yes or no; if no, say why.",
        "caption": "Describe this person's face in one or two sentences. " + INSTRUCTION,
        "open": "{Question} " + INSTRUCTION,
    },
}
"""Family -> key -> template."""

MAX_PROMPT_QUESTION_CHARS = 2000
"""A user's question is cut to this many characters inside an open prompt (10k-char inputs)."""


def families() -> tuple[str, ...]:
    """Names of the backbone families that have prompts."""
    return tuple(PROMPTS)


def prompt_keys(task: str, kind: str, detail: str | None = None) -> tuple[str, ...]:
    """Lookup order for a task: "task.detail", task, kind."""
    keys = (f"{task}.{detail}",) if detail else ()
    return (*keys, task, kind)


def build_prompt(family: str, task: str, kind: str, question: str, *,
                 detail: str | None = None, options: tuple[str, ...] = ()) -> str:
    """The prompt text for one question; unknown families raise ConfigError."""
    if family not in PROMPTS:
        raise ConfigError(f"unknown backbone family {family!r}; valid: {', '.join(PROMPTS)}")
    table = PROMPTS[family]
    key = next(k for k in prompt_keys(task, kind, detail) if k in table)
    q = question.strip()[:MAX_PROMPT_QUESTION_CHARS]
    return table[key].format(question=q, Question=q[:1].upper() + q[1:],
                             options=join_options(options))


def join_options(options: tuple[str, ...]) -> str:
    """"a, b, or c" (the last joined with "or")."""
    if len(options) <= 2:
        return " or ".join(options)
    return ", ".join(options[:-1]) + ", or " + options[-1]
