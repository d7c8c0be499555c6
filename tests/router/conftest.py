"""Router tests run offline: the sentence embedder loads from site-packages, never a hub."""

from __future__ import annotations

import os

os.environ["HF_HUB_OFFLINE"] = "1"

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def real_router():
    """A Router with the real all-MiniLM-L6-v2 embedder (loaded once per session)."""
    from facevqa.router import Router

    return Router()


@pytest.fixture(scope="session")
def question_classifier():
    """The default question classifier, fitted once per session (a fit takes ~15 s)."""
    from facevqa.refusal import QuestionClassifier

    return QuestionClassifier().fit()
