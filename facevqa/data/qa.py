"""QA builder: any source's rows -> (image, question, answer, task, attribute, label, groups...).

Questions come from `facevqa.tasks.question_templates` and answers from `answer_text`, so the
training target of every label is the one the model code scores. Phrasings whose yes/no
polarity does not fit the answer form are left out (see `usable_templates`). Race is carried
only as a group column; it is never asked about.
"""

from __future__ import annotations

import functools
import io
import logging
import uuid
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from PIL import Image

from facevqa.data.rows import age_group_of
from facevqa.errors import ConfigError
from facevqa.tasks.routing_rules import asks_opposite
from facevqa.tasks.spec import TASKS

log = logging.getLogger(__name__)

TASK_ORDER = tuple(TASKS)
NO_FACE_QUESTION = "is there a face in this image?"
NO_FACE_ANSWER = "no face"
_YES_NO_START = ("is", "are", "does", "do", "did", "could", "can", "would", "was", "were",
                 "has", "have", "will", "should")
_REAL_WORDS = ("real", "live", "genuine", "bona fide", "liveness")

GROUP_COLUMNS = ("age", "age_group", "gender", "emotion", "skin_tone", "race", "spoof",
                 "explanation", "cues", "is_face", "source", "split", "id")
"""Row values copied onto every example (ground truth and fairness groups)."""


@dataclass(frozen=True)
class QAConfig:
    """How rows become examples."""

    tasks: tuple[str, ...] = TASK_ORDER
    """Tasks to ask about (a row only yields the tasks it has ground truth for)."""
    phrasings: int = 1
    """Distinct phrasings of each question per row (random, seeded by the row id)."""
    canonical: bool = False
    """Always use the canonical phrasing first (for evaluation sets)."""
    max_attributes: int | None = 6
    """Yes/no attribute questions per row, half positives and half explicit negatives where
    possible, plus max(1, max_attributes // 3) valued ones; None asks about every attribute."""
    nonface: bool = True
    """Emit one example per no-face row (answer "no face")."""
    seed: int = 0

    def __post_init__(self) -> None:
        unknown = set(self.tasks) - set(TASK_ORDER)
        if unknown:
            raise ConfigError(f"unknown tasks {sorted(unknown)}; valid: {', '.join(TASK_ORDER)}")
        if self.phrasings < 1:
            raise ConfigError("phrasings must be >= 1")


@functools.lru_cache(maxsize=1)
def _tasks_api() -> tuple[Callable[..., list[str]], Callable[..., str]]:
    """The two calls this module needs from facevqa.tasks (imported when first used)."""
    from facevqa.tasks import answer_text, question_templates

    return question_templates, answer_text


def _is_yes_no(question: str) -> bool:
    words = question.lower().split()
    return bool(words) and words[0] in _YES_NO_START and " or " not in question


@functools.lru_cache(maxsize=512)
def usable_templates(task: str, attribute: str | None, binary: bool) -> tuple[str, ...]:
    """Phrasings whose answer form fits: yes/no phrasings only where the answer is yes/no,
    with the right polarity (spoof: "yes" means real; beard: not "clean-shaven").

    Raises ConfigError for an attribute facevqa.tasks does not know."""
    question_templates, _ = _tasks_api()
    templates = tuple(question_templates(task, attribute))
    if task == "spoof":
        kept = [q for q in templates
                if _is_yes_no(q) and any(w in q for w in _REAL_WORDS)]
    elif binary:
        kept = [q for q in templates if _is_yes_no(q) and not asks_opposite(attribute, q)]
    else:
        kept = [q for q in templates if not _is_yes_no(q)]
    return tuple(kept) or templates[:1]


def _rng(row: Mapping[str, Any], salt: str, seed: int) -> np.random.Generator:
    return np.random.default_rng([seed, zlib.crc32(f"{row.get('id')}|{salt}".encode())])


def _questions(row: Mapping[str, Any], task: str, attribute: str | None, binary: bool,
               cfg: QAConfig) -> list[str]:
    templates = usable_templates(task, attribute, binary)
    k = min(cfg.phrasings, len(templates))
    if cfg.canonical:
        return templates[:k]
    order = _rng(row, f"{task}/{attribute}", cfg.seed).permutation(len(templates))
    return [templates[i] for i in order[:k]]


def _pick_attributes(row: Mapping[str, Any], cfg: QAConfig) -> list[tuple[str, Any]]:
    """(attribute, value) pairs: balanced positives and explicit negatives, then valued ones."""
    attrs = {k: v for k, v in (row.get("attributes") or {}).items() if v is not None}
    pos = sorted(k for k, v in attrs.items() if v is True)
    neg = sorted(k for k, v in attrs.items() if v is False)
    valued = sorted(k for k, v in attrs.items() if not isinstance(v, bool))
    if cfg.max_attributes is None:
        return [(k, attrs[k]) for k in pos + neg + valued]
    rng = _rng(row, "attributes", cfg.seed)
    half = cfg.max_attributes // 2
    n_pos = min(len(pos), max(half, cfg.max_attributes - len(neg)))
    n_neg = min(len(neg), cfg.max_attributes - n_pos)
    picked = list(rng.permutation(pos)[:n_pos]) + list(rng.permutation(neg)[:n_neg])
    picked += list(rng.permutation(valued)[: max(1, cfg.max_attributes // 3)])
    return [(str(k), attrs[str(k)]) for k in picked]


@dataclass(frozen=True)
class Target:
    """One question about a row before phrasing: what is asked and how the answer is built."""

    task: str
    attribute: str | None
    label: Any
    """Label as given to answer_text (a data set spelling is fine)."""
    binary: bool = False
    value: float | None = None
    explanation: str | None = None
    text: str | None = None
    question: str | None = None
    """Fixed question (open VQA pairs); None: phrase from the templates."""


def _age(row: Mapping[str, Any], cfg: QAConfig) -> list[Target]:
    if row.get("age") is None and row.get("age_group") is None:
        return []
    age = row.get("age")
    return [Target("age", None, row.get("age_group"), value=None if age is None else float(age))]


def _closed(task: str) -> Callable[[Mapping[str, Any], QAConfig], list[Target]]:
    def targets(row: Mapping[str, Any], cfg: QAConfig) -> list[Target]:
        return [] if row.get(task) is None else [Target(task, None, row[task])]
    return targets


def _attribute(row: Mapping[str, Any], cfg: QAConfig) -> list[Target]:
    return [Target("attribute", name, value, binary=isinstance(value, bool))
            for name, value in _pick_attributes(row, cfg)]


def _spoof(row: Mapping[str, Any], cfg: QAConfig) -> list[Target]:
    if row.get("spoof") is None:
        return []
    return [Target("spoof", None, row["spoof"], binary=True, explanation=row.get("explanation"))]


def _caption(row: Mapping[str, Any], cfg: QAConfig) -> list[Target]:
    return [Target("caption", None, None, text=row["caption"])] if row.get("caption") else []


def _open(row: Mapping[str, Any], cfg: QAConfig) -> list[Target]:
    return [Target("open", None, None, text=a, question=q) for q, a in row.get("qa") or ()
            if q and a]


TASK_TARGETS: dict[str, Callable[[Mapping[str, Any], QAConfig], list[Target]]] = {
    "age": _age, "emotion": _closed("emotion"), "attribute": _attribute,
    "gender": _closed("gender"), "spoof": _spoof, "caption": _caption, "open": _open,
}
"""Task -> the questions a row can answer for it."""


def _label_column(target: Target, answer: str) -> str | None:
    """Canonical label stored beside the answer (None for free-text tasks)."""
    if target.task == "age":
        return target.label or age_group_of(target.value)
    if target.task == "spoof":
        return "real" if answer == "yes" else "spoof"
    if target.task in ("caption", "open"):
        return None
    return "not_visible" if answer == "not visible" else answer


def _group_values(row: Mapping[str, Any]) -> dict[str, Any]:
    out = {c: row.get(c) for c in GROUP_COLUMNS}
    out["cues"] = list(row.get("cues") or [])
    out["is_face"] = bool(row.get("is_face", True))
    out["id"] = None if row.get("id") is None else str(row["id"])
    return out


def _phrase(row: Mapping[str, Any], target: Target, cfg: QAConfig) -> list[str] | None:
    """Questions for a target; None when facevqa.tasks has no such attribute (not asked)."""
    if target.question:
        return [target.question]
    try:
        return _questions(row, target.task, target.attribute, target.binary, cfg)
    except ConfigError:
        if target.task != "attribute":
            raise
        log.debug("attribute %r is not a task attribute; not asked", target.attribute)
        return None


def _row_examples(row: Mapping[str, Any], cfg: QAConfig, skips: Any) -> Iterator[dict]:
    _, answer_text = _tasks_api()
    groups = _group_values(row)
    for task in cfg.tasks:
        for target in TASK_TARGETS[task](row, cfg):
            questions = _phrase(row, target, cfg)
            if questions is None:
                continue
            try:
                answer = answer_text(target.task, target.label, attribute=target.attribute,
                                     value=target.value, explanation=target.explanation,
                                     text=target.text)
            except ConfigError as e:
                if skips is not None:
                    skips.add(f"unknown_{target.task}_label", f"{row.get('id')}: {e}")
                continue
            value = target.value if target.task == "age" else None
            for q in questions:
                yield {"question": q, "answer": answer, "task": target.task,
                       "attribute": target.attribute, "label": _label_column(target, answer),
                       "value": value, **groups}


def build_examples(rows: Iterable[Mapping[str, Any]], config: QAConfig | None = None, *,
                   skips: Any = None, image_format: str = "jpeg") -> Iterator[dict[str, Any]]:
    """Examples of every row; a PIL image is encoded once per row (jpeg q95 or png).

    Unknown labels and attributes are skipped and counted in `skips` (a rows.Skips).
    """
    cfg = config or QAConfig()
    for row in rows:
        image = encode_image(row.get("image"), image_format)
        if not row.get("is_face", True):
            if cfg.nonface:
                yield {"image": image, "question": NO_FACE_QUESTION, "answer": NO_FACE_ANSWER,
                       "task": "open", "attribute": None, "label": "no_face", "value": None,
                       **_group_values(row)}
            continue
        for ex in _row_examples(row, cfg, skips):
            ex["image"] = image
            yield ex


def encode_image(image: Any, image_format: str = "jpeg") -> Any:
    """PIL image -> {"bytes", "path"} (encoded once, shared by a row's examples); else as is."""
    if not isinstance(image, Image.Image):
        return image
    buf = io.BytesIO()
    if image_format == "png":
        image.save(buf, "PNG", compress_level=1)
    elif image_format == "jpeg":
        image.convert("RGB").save(buf, "JPEG", quality=95)
    else:
        raise ConfigError(f"unknown image format {image_format!r}; valid: jpeg, png")
    return {"bytes": buf.getvalue(), "path": None}


def example_features(decode: bool = True) -> Any:
    """The examples' datasets.Features (image, question, answer, labels, groups)."""
    from datasets import Features, Image, List, Value

    text = Value("string")
    return Features({
        "image": Image(decode=decode), "question": text, "answer": text, "task": text,
        "attribute": text, "label": text, "value": Value("float32"), "age": Value("int32"),
        "age_group": text, "gender": text, "emotion": text, "skin_tone": Value("int32"),
        "race": text, "spoof": text, "explanation": text, "cues": List(text),
        "is_face": Value("bool"), "source": text, "split": text, "id": text,
    })


def to_dataset(rows: Iterable[Mapping[str, Any]], config: QAConfig | None = None, *,
               skips: Any = None, cache_dir: str | None = None, image_format: str = "jpeg",
               ) -> Any:
    """A map-style datasets.Dataset of the rows' examples (written as Arrow under cache_dir)."""
    from datasets import Dataset

    def generate() -> Iterator[dict[str, Any]]:
        yield from build_examples(rows, config, skips=skips, image_format=image_format)

    return Dataset.from_generator(generate, features=example_features(), cache_dir=cache_dir,
                                  fingerprint=uuid.uuid4().hex)


def to_iterable_dataset(row_iter_fn: Callable[[], Iterable[Mapping[str, Any]]],
                        config: QAConfig | None = None, *, decode: bool = True,
                        image_format: str = "jpeg") -> Any:
    """A streaming datasets.IterableDataset; `row_iter_fn()` is called anew for each pass."""
    from datasets import IterableDataset

    def generate() -> Iterator[dict[str, Any]]:
        yield from build_examples(row_iter_fn(), config, image_format=image_format)

    return IterableDataset.from_generator(generate, features=example_features(decode))
