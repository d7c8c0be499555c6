"""Real-size estimates from one-layer-per-stack builds: the extrapolation's arithmetic and
the benchmark's rows (on a tiny build here; `facevqa bench --only realwidth` builds real
widths)."""

from __future__ import annotations

import math

import pytest


@pytest.fixture(scope="module")
def shallow(tmp_path_factory):
    from facevqa.families_build import build
    from facevqa.model import FaceVQA

    folder = build("paligemma2", tmp_path_factory.mktemp("shallow") / "pg2")
    return FaceVQA.from_pretrained(str(folder), device="cpu")


def test_memory_extrapolates_layer_by_layer(shallow):
    from facevqa.bench_realwidth import memory_estimate, nbytes, stacks

    model = shallow.backbone.model
    layers = stacks(model)
    assert set(layers) == {"text", "vision"} and all(len(s) == 1 for s in layers.values())
    assert memory_estimate(model, {"text": 1, "vision": 1}) == nbytes(model)
    deeper = memory_estimate(model, {"text": 3, "vision": 2})
    assert deeper == nbytes(model) + 2 * nbytes(layers["text"][0]) + nbytes(layers["vision"][0])


def test_time_estimate_adds_the_measured_layers(shallow):
    from facevqa.bench import _faces
    from facevqa.bench_realwidth import time_estimate

    t = time_estimate(shallow, _faces(2), "what emotion is shown?", {"text": 5, "vision": 3})
    assert 0 < t["text_layer"] < t["model"] and 0 < t["vision_layer"] < t["model"]
    grow = 4 * t["text_layer"] + 2 * t["vision_layer"]
    assert math.isclose(t["model_full"], t["model"] + grow)
    assert math.isclose(t["pipeline_full"], t["pipeline"] + grow)


def test_rows_are_labelled_estimates():
    from facevqa.bench_realwidth import bench_real_width

    rows = bench_real_width({}, names=("paligemma2",), real=False)
    assert rows[0].name.startswith("pipeline vs its own model calls") and rows[0].goal
    assert all("ESTIMATE" in r.name for r in rows[1:])
    assert all(r.value > 0 for r in rows)
