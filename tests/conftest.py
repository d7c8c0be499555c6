"""Shared fixtures: offline mode, tiny checkpoints built once per session, real photos."""

from __future__ import annotations

import os

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def facevqa_home(tmp_path_factory):
    """An isolated FACEVQA_HOME so tests never touch the user's cache."""
    import shutil

    from facevqa.default import cache_dir

    built_heads = cache_dir() / "heads"  # build artefacts of `make setup`, read only
    home = tmp_path_factory.mktemp("facevqa_home")
    if built_heads.is_dir():  # tests that run after this fixture still find the classical heads
        (home / "heads").symlink_to(built_heads, target_is_directory=True)
    # Copies of the question classifier's cached fits: each is keyed by everything deciding it
    # (so only an identical fit loads), and a fresh fit took ~3 min on 2 busy cores.
    for fit in cache_dir().glob("question_classifier-*.npz"):
        shutil.copyfile(fit, home / fit.name)
    os.environ["FACEVQA_HOME"] = str(home)
    return home


@pytest.fixture(scope="session")
def tiny_paligemma(tmp_path_factory):
    from facevqa.tiny import build_tiny

    return build_tiny("paligemma", tmp_path_factory.mktemp("tiny") / "paligemma")


@pytest.fixture(scope="session")
def tiny_llava(tmp_path_factory):
    from facevqa.tiny import build_tiny

    return build_tiny("llava", tmp_path_factory.mktemp("tiny") / "llava")


@pytest.fixture(scope="session", params=["paligemma", "llava"])
def tiny_checkpoint(request, tiny_paligemma, tiny_llava):
    return {"paligemma": tiny_paligemma, "llava": tiny_llava}[request.param]


@pytest.fixture(scope="session")
def astronaut():
    from facevqa.examples import example_path
    from facevqa.images import load_image

    return load_image(example_path("astronaut"))


@pytest.fixture(scope="session")
def grace_hopper():
    from facevqa.examples import example_path
    from facevqa.images import load_image

    return load_image(example_path("grace_hopper"))


@pytest.fixture(scope="session")
def family_checkpoint(tmp_path_factory):
    """build(name, real=False) -> folder: a checkpoint of facevqa.families_build, built once
    per session with its real tokenizer (skips only where the tokenizer cannot be fetched)."""
    from facevqa.families_build import BUILDS, build
    from facevqa.real_tokenizers import available

    made: dict = {}

    def get(name: str, real: bool = False):
        if (name, real) not in made:
            why = available(BUILDS[name].tokenizer)
            if why:
                pytest.skip(f"real tokenizer unavailable: {why}")
            folder = tmp_path_factory.mktemp("families") / f"{name}-{'real' if real else 'tiny'}"
            made[name, real] = build(name, folder, real=real)
        return made[name, real]
    return get


@pytest.fixture(scope="module")
def one_torch_thread():
    """Tiny models are all overhead: one intra-op thread is faster (and steady on a busy box)."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)
