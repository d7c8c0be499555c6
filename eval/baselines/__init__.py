"""Baselines scored on the same test items as the VLM, so every report table shows them beside it.

- probe: logistic regression on the VLM's frozen, mean-pooled vision-tower features;
- cnn: a small CNN trained from 64x64 pixels;
- classical: the packaged pretrained heads (age, gender, emotion, spoof);
- prior: the training label frequencies (age: the mean in years), i.e. chance, never the image.
probe, cnn and prior are trained on the set's train split by the same run. Names load lazily.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from facevqa.errors import ConfigError

if TYPE_CHECKING:
    from eval.baselines.common import Baseline

BASELINES: dict[str, str] = {
    "probe": "eval.baselines.probe:ProbeBaseline",
    "cnn": "eval.baselines.cnn:CnnBaseline",
    "classical": "eval.baselines.classical:ClassicalBaseline",
    "prior": "eval.baselines.prior:PriorBaseline",
}
"""Baseline name (the records' `model`) -> "module:class"."""


def get_baseline(name: str) -> type[Baseline]:
    """The baseline class called `name` (each follows eval.baselines.common.Baseline); unknown
    names raise, listing the valid ones."""
    if name not in BASELINES:
        raise ConfigError(f"unknown baseline {name!r}; valid: {', '.join(BASELINES)}")
    module, cls = BASELINES[name].split(":")
    return getattr(importlib.import_module(module), cls)
