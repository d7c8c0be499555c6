"""Hardening fixtures: the generated bad-input corpus and one tiny FaceVQA shared by the tests."""

from __future__ import annotations

import math
import os
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))  # corpus.py is a script beside the tests, not a package module

from corpus import Case, write_corpus  # noqa: E402

QUESTION = "What emotion is shown?"
"""A closed-task question the router answers by rule (no sentence embedder needed)."""
COMPARED = ("status", "task", "attribute", "label", "text", "explanation", "attack", "prompt",
            "error")
"""Answer fields that must be equal, not merely close, between a mixed batch and alone."""


@pytest.fixture(scope="module", autouse=True)
def one_torch_thread():
    """Run the tiny model on one thread: on a shared, loaded CPU two threads of a 32-wide model
    spend their time waiting for each other (10x slower here). Restored after each module."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> list[Case]:
    """Every corpus case, written once per session."""
    return write_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def tiny_vqa(tiny_paligemma):
    """FaceVQA on the tiny PaliGemma checkpoint (no adapters), on the CPU."""
    from facevqa.model import FaceVQA

    return FaceVQA.from_pretrained(tiny_paligemma, device="cpu")


@pytest.fixture
def subprocess_env(facevqa_home) -> dict[str, str]:
    """Environment for child processes: offline, this checkout first, quiet."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "FACEVQA_HOME": str(facevqa_home),
           "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
           "TOKENIZERS_PARALLELISM": "false", "OMP_NUM_THREADS": "1"}
    return env


def same_answer(a, b, where: str = "") -> None:
    """Assert two Answers agree: the same fields, probabilities within float noise."""
    for name in COMPARED:
        assert getattr(a, name) == getattr(b, name), f"{where}: {name} differs"
    assert (a.face is None) == (b.face is None), f"{where}: face differs"
    if a.face is not None:
        assert a.face.box == b.face.box, f"{where}: face box differs"
    assert (a.probs or {}).keys() == (b.probs or {}).keys(), f"{where}: labels differ"
    for k, p in (a.probs or {}).items():
        assert math.isclose(p, b.probs[k], rel_tol=1e-5, abs_tol=1e-6), f"{where}: p({k})"
    for name in ("confidence", "value"):
        x, y = getattr(a, name), getattr(b, name)
        assert (x is None) == (y is None), f"{where}: {name} differs"
        if x is not None:
            assert math.isclose(x, y, rel_tol=1e-5, abs_tol=1e-6), f"{where}: {name}"
