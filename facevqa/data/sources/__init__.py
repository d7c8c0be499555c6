"""Source registry: one adapter per real data set, loaded lazily by name.

Every adapter is `read_<name>(root, *, skips=None, **options) -> Iterator[row]` yielding
contract rows (docs/CONTRACTS.md); bad rows are counted in `skips`, never raised.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from typing import Any

from facevqa.errors import ConfigError

SOURCES: dict[str, str] = {
    "facecaption": "facevqa.data.sources.facecaption:read_facecaption",
    "uniface": "facevqa.data.sources.uniface:read_uniface",
    "fairface": "facevqa.data.sources.fairface:read_fairface",
    "utkface": "facevqa.data.sources.utkface:read_utkface",
    "affectnet": "facevqa.data.sources.affectnet:read_affectnet",
    "rafdb": "facevqa.data.sources.rafdb:read_rafdb",
    "celeba": "facevqa.data.sources.celeba:read_celeba",
    "celeba_spoof": "facevqa.data.sources.celeba_spoof:read_celeba_spoof",
    "spoof_folders": "facevqa.data.sources.spoof_folders:read_spoof_folders",
}
"""Source name -> "module:function" of its adapter."""

ALIASES = {"facecaption15m": "facecaption", "facecaption_15m": "facecaption",
           "unif2ace": "uniface", "uniface2": "uniface", "raf_db": "rafdb",
           "celebaspoof": "celeba_spoof", "utk": "utkface"}


def source_names() -> list[str]:
    """Valid source names."""
    return list(SOURCES)


def get_source(name: str) -> Callable[..., Iterator[dict[str, Any]]]:
    """The adapter for `name` (case, hyphens and aliases tolerated); unknown names raise."""
    key = name.strip().lower().replace("-", "_").replace("²", "2")
    key = ALIASES.get(key, key)
    if key not in SOURCES:
        raise ConfigError(f"unknown source {name!r}; valid: {', '.join(SOURCES)}")
    module, func = SOURCES[key].split(":")
    return getattr(importlib.import_module(module), func)
