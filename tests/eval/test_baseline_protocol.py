"""Every baseline follows the one Baseline protocol (fit, covers, answer), as the VLM and the
classical heads follow Answerer."""

from __future__ import annotations

import inspect

import pytest

from eval.baselines import BASELINES, get_baseline
from eval.baselines.common import Baseline


@pytest.mark.parametrize("name", sorted(BASELINES))
def test_each_baseline_follows_the_protocol(name):
    cls = get_baseline(name)
    for method in ("fit", "covers", "answer"):
        want = list(inspect.signature(getattr(Baseline, method)).parameters)
        assert list(inspect.signature(getattr(cls, method)).parameters) == want, (name, method)
    assert getattr(cls, "name", None) == name
