"""Where the embedded default model lives, and the cache for things built on first use."""

from __future__ import annotations

import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)

EMBEDDED = Path(__file__).parent / "assets" / "default"
"""The embedded default: a tiny PaliGemma-architecture base plus one LoRA adapter per task,
trained on research-only real face photos (built by `facevqa build default --data DIR`;
research use only, see its MODEL_CARD.md and NOTICE)."""


def cache_dir() -> Path:
    """FACEVQA_HOME, else ~/.cache/facevqa (created on demand, never at import)."""
    return Path(os.environ.get("FACEVQA_HOME", Path.home() / ".cache" / "facevqa"))


def default_model_dir() -> Path:
    """The embedded default bundle; a tiny random checkpoint if the package ships none."""
    if (EMBEDDED / "facevqa_model.json").exists():
        return EMBEDDED
    from facevqa.tiny import build_tiny

    folder = cache_dir() / "tiny-paligemma"
    if not (folder / "config.json").exists():
        log.warning("no embedded default model in this install; building a tiny random "
                    "PaliGemma checkpoint at %s (its answers are meaningless)", folder)
        build_tiny("paligemma", folder)
    return folder


def is_embedded_default(path: str | Path) -> bool:
    """Whether `path` is the embedded default (or its tiny stand-in)."""
    p = Path(path).resolve()
    return p == EMBEDDED.resolve() or p == (cache_dir() / "tiny-paligemma").resolve()
