"""Backbone families: one module per family, the same few functions each, looked up lazily.

A family module defines:
  POSITION_OFFSET: int               first position id (PaliGemma counts from 1)
  USES_TOKEN_TYPES: bool             whether prefix/suffix token types drive the attention mask
  format_prompts(processor, prompts) -> list[str]   wrap prompt texts with image token / chat
"""

from __future__ import annotations

import importlib
from types import ModuleType

from facevqa.errors import ConfigError

FAMILIES = {"paligemma": "facevqa.backbones.paligemma", "llava": "facevqa.backbones.llava"}
MODEL_TYPES = {
    "paligemma": "paligemma",
    "llava": "llava",
    "llava_next": "llava",
    "llava_onevision": "llava",
}


def get_family(name: str) -> ModuleType:
    """The family module registered under `name`."""
    if name not in FAMILIES:
        raise ConfigError(f"unknown backbone family {name!r}; valid: {', '.join(FAMILIES)}")
    return importlib.import_module(FAMILIES[name])


def family_of(model_type: str) -> str:
    """Family name for a transformers `config.model_type`."""
    try:
        return MODEL_TYPES[model_type]
    except KeyError:
        raise ConfigError(f"unsupported model type {model_type!r}; supported: "
                          f"{', '.join(MODEL_TYPES)}") from None
