"""The fitted question classifier is cached on disk as plain arrays and loads back exactly."""

from __future__ import annotations

import numpy as np
import pytest

QUESTIONS = ["How old is she?", "who is this man?", "¿Es musulmán?", "Is he wearing glasses?",
             "是不是新疆人", "Welche Haarfarbe hat sie?", "est-ce une vraie personne ?"]


@pytest.fixture()
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("FACEVQA_HOME", str(tmp_path))
    return tmp_path


def test_a_second_fit_loads_the_cached_state_without_training(question_classifier, home,
                                                               monkeypatch):
    import facevqa.refusal as refusal
    from facevqa.tasks.questions import generate_questions

    path = question_classifier._state_path(generate_questions())
    assert path.parent == home and not path.exists()
    question_classifier._save_state(path)

    def no_training(*a, **k):
        raise AssertionError("trained again instead of loading the cached fit")

    monkeypatch.setattr(refusal, "_fit_lr", no_training)
    loaded = refusal.QuestionClassifier().fit()
    for a, b in zip(question_classifier.predict(QUESTIONS), loaded.predict(QUESTIONS)):
        assert a.label == b.label
        assert np.allclose([a.probs[k] for k in a.probs], [b.probs[k] for k in a.probs],
                           atol=1e-12)
    for q in QUESTIONS:
        assert loaded.language(q) == question_classifier.language(q)
        assert loaded.attribute(q) == question_classifier.attribute(q)


def test_the_cache_key_follows_the_training_questions_and_the_embedder(home):
    from facevqa.refusal import QuestionClassifier
    from facevqa.tasks.questions import generate_questions

    rows = generate_questions()
    clf = QuestionClassifier()
    assert clf._state_path(rows) == clf._state_path(list(rows))
    assert clf._state_path(rows) != clf._state_path(rows[:-1])
    assert clf._state_path(rows) != QuestionClassifier(embedder=None)._state_path(rows)
    assert QuestionClassifier(embedder=lambda texts: None)._state_path(rows) is None


def test_an_unreadable_cache_is_ignored(home, caplog):
    from facevqa.refusal import QuestionClassifier

    path = home / "question_classifier-0.npz"
    path.write_bytes(b"not an npz file")
    assert QuestionClassifier()._load_state(path) is False
    assert "unreadable classifier cache" in caplog.text
