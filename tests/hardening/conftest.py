"""Hardening fixtures: the generated bad-input corpus and one tiny FaceVQA shared by the tests."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # corpus.py and hardening_support.py sit beside the tests

from corpus import Case, write_corpus  # noqa: E402
from hardening_support import REPO  # noqa: E402


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
