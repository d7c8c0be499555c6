"""Pseudo-labelling real photos with the packaged classical heads: rows, counts, thresholds,
resumption from shards, --list and crop inputs."""

from __future__ import annotations

import argparse
import json
import shutil

import datasets
import numpy as np
import pytest
from PIL import Image

from facevqa.classical.models import is_built
from facevqa.data import cli
from facevqa.data.pseudo_label import (
    ClassicalTeacher,
    PseudoLabelConfig,
    list_images,
    pseudo_label,
)
from facevqa.default import cache_dir
from facevqa.errors import ConfigError
from facevqa.examples import example_path

HOME = cache_dir()
"""FACEVQA_HOME as it was when tests started (other fixtures may point it elsewhere later)."""
IDS = ["astronaut.png", "sub/grace_hopper.jpg"]

pytestmark = pytest.mark.skipif(
    not is_built(HOME / "heads"),
    reason="classical heads are not built: run `make setup` or `facevqa fetch heads`")


@pytest.fixture(autouse=True)
def _home(monkeypatch):
    monkeypatch.setenv("FACEVQA_HOME", str(HOME))


@pytest.fixture(scope="module")
def photos(tmp_path_factory):
    """Two real face photos (one in a subfolder), a corrupt file, a face-less image, a text."""
    root = tmp_path_factory.mktemp("photos")
    (root / "sub").mkdir()
    shutil.copy(example_path("astronaut"), root / "astronaut.png")
    shutil.copy(example_path("grace_hopper"), root / "sub" / "grace_hopper.jpg")
    (root / "corrupt.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg" * 50)
    Image.fromarray(np.full((200, 200, 3), 128, np.uint8)).save(root / "gray.png")
    (root / "notes.txt").write_text("not an image")
    return root


@pytest.fixture(scope="module")
def labelled(photos, tmp_path_factory):
    """One labelling of `photos` (2 images a shard), shared by the tests that reuse its shards."""
    out = tmp_path_factory.mktemp("labelled") / "out"
    return out, pseudo_label(photos, out, PseudoLabelConfig(shard_size=2))


def _run_cli(argv):
    parser = argparse.ArgumentParser()
    cli.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["data", *argv])
    return args.run(args)


def _counting(monkeypatch, fail_on: int | None = None) -> list[int]:
    """Count ClassicalTeacher.label calls (images per call); raise on call `fail_on` (a kill)."""
    calls: list[int] = []
    original = ClassicalTeacher.label

    def label(self, images, tasks):
        calls.append(len(images))
        if fail_on is not None and len(calls) == fail_on:
            raise KeyboardInterrupt
        return original(self, images, tasks)

    monkeypatch.setattr(ClassicalTeacher, "label", label)
    return calls


def test_list_images_skips_non_images_and_reads_lists(photos, tmp_path):
    assert list_images(photos) == ["astronaut.png", "corrupt.jpg", "gray.png",
                                   "sub/grace_hopper.jpg"]
    listed = tmp_path / "kept.txt"
    listed.write_text("# kept by the holdout filter\nsub/grace_hopper.jpg\n\nmissing.jpg\n")
    assert list_images(photos, listed) == ["sub/grace_hopper.jpg", "missing.jpg"]


def test_cli_rows_are_the_teachers_labels(photos, tmp_path, capsys):
    from facevqa.classical.heads import ClassicalHeads

    out = tmp_path / "out"
    assert _run_cli(["pseudo-label", "--teacher", "classical", "--images", str(photos),
                     "--out", str(out), "--min-age", "0"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json.loads((out / "pseudo_label.json").read_text())
    assert (printed["images"], printed["errors"], printed["no_face"], printed["labelled"]) == \
        (4, 1, 1, 2)
    assert printed["error_examples"][0].startswith("corrupt.jpg: ")
    assert printed["heads"] == {"age": "age-v1", "emotion": "emotion", "gender": "gender-v1"}
    ds = datasets.load_from_disk(str(out))
    assert sorted(set(ds["id"])) == IDS  # corrupt and face-less images leave no row
    assert set(ds["source"]) == {"pseudo-label:classical"}
    heads = ClassicalHeads()
    for image_id in IDS:
        rows = ds.filter(lambda i, image_id=image_id: i == image_id, input_columns="id")
        for task in ("age", "gender", "emotion"):
            (want,) = heads.generate([photos / image_id], "", task=task)
            (ex,) = [r for r in rows if r["task"] == task]
            assert ex["label"] == want.label
            assert json.loads(ex[f"soft_{task}"]) == pytest.approx(want.probs, abs=1e-6)
            if task == "age":
                assert ex["value"] == pytest.approx(want.value, abs=1e-3)
                assert ex["answer"] == str(round(want.value))
        assert rows[0]["image"].size[0] < Image.open(photos / image_id).size[0]  # face crop


def test_thresholds_drop_labels_without_relabelling(labelled, photos, tmp_path, monkeypatch):
    out, first = labelled
    assert first.kept == {"age": 2, "gender": 2, "emotion": 2} and first.rows == 2
    again = tmp_path / "out"
    shutil.copytree(out / "shards", again / "shards")
    calls = _counting(monkeypatch)
    got = pseudo_label(photos, again, PseudoLabelConfig(shard_size=2, min_gender=1.0,
                                                        min_emotion=0.9))
    assert calls == [] and got.shards_reused == got.shards == 2
    assert got.kept == {"age": 2, "gender": 0, "emotion": 1}
    assert got.dropped == {"age": 0, "gender": 2, "emotion": 1}
    ds = datasets.load_from_disk(str(again))
    assert sorted(ds["task"]) == ["age", "age", "emotion"]
    assert set(ds["soft_gender"]) == {None}  # dropped labels keep no soft label either
    assert json.loads((again / "pseudo_label.json").read_text())["thresholds"]["emotion"] == 0.9


def test_rerun_after_a_kill_labels_only_unfinished_shards(photos, tmp_path, monkeypatch):
    out = tmp_path / "out"
    calls = _counting(monkeypatch, fail_on=2)
    with pytest.raises(KeyboardInterrupt):
        pseudo_label(photos, out, PseudoLabelConfig(shard_size=2))
    assert calls == [1, 2]  # shard 0 (astronaut; corrupt.jpg never reaches the teacher) done
    assert [p.name for p in sorted((out / "shards").glob("*.jsonl"))] == ["00000.jsonl"]
    assert not (out / "state.json").exists()
    calls.clear()
    got = pseudo_label(photos, out, PseudoLabelConfig(shard_size=2))
    assert calls == [2] and got.shards_reused == 1 and got.rows == 2
    for f in [*out.glob("data-*.arrow"), out / "state.json", out / "dataset_info.json"]:
        f.unlink()  # the final data set is gone, the shards are kept
    calls.clear()
    again = pseudo_label(photos, out, PseudoLabelConfig(shard_size=2))
    assert calls == [] and again.shards_reused == 2 and again.examples == got.examples
    assert sorted(set(datasets.load_from_disk(str(out))["id"])) == IDS


def test_list_restricts_inputs_and_counts_missing_files(photos, tmp_path):
    listed = tmp_path / "kept.txt"
    listed.write_text("sub/grace_hopper.jpg\nmissing.jpg\n")
    out = tmp_path / "out"
    assert _run_cli(["pseudo-label", "--images", str(photos), "--out", str(out),
                     "--list", str(listed), "--tasks", "gender"]) == 0
    summary = json.loads((out / "pseudo_label.json").read_text())
    assert (summary["images"], summary["errors"], summary["rows"]) == (2, 1, 1)
    assert summary["kept"] == {"gender": 1} and "missing.jpg" in summary["error_examples"][0]
    ds = datasets.load_from_disk(str(out))
    assert ds["id"] == ["sub/grace_hopper.jpg"] and ds["task"] == ["gender"]


def test_crop_inputs_are_labelled_whole(tmp_path, photos):
    from facevqa.classical.heads import ClassicalHeads

    heads = ClassicalHeads()
    astronaut = Image.open(photos / "astronaut.png").convert("RGB")
    x0, y0, x1, y1 = heads.detector.detect(astronaut)[0].box
    crops = tmp_path / "crops"
    crops.mkdir()
    astronaut.crop((x0 - 10, y0 - 10, x1 + 10, y1 + 10)).save(crops / "face.png")
    got = pseudo_label(crops, tmp_path / "out", PseudoLabelConfig(faces="crop", tasks=("emotion",)))
    ds = datasets.load_from_disk(str(tmp_path / "out"))
    (want,) = heads.generate([crops / "face.png"], "", task="emotion", faces="none")
    assert got.kept == {"emotion": 1} and ds["label"] == [want.label]
    assert json.loads(ds[0]["soft_emotion"]) == pytest.approx(want.probs, abs=1e-6)
    assert ds[0]["image"].size == Image.open(crops / "face.png").size  # stored as given


def test_other_inputs_on_old_shards_and_bad_configs_raise(labelled, photos, tmp_path):
    out, _ = labelled
    with pytest.raises(ConfigError, match="shard_size"):
        pseudo_label(photos, out, PseudoLabelConfig(shard_size=3))
    with pytest.raises(ConfigError, match="valid: classical"):
        PseudoLabelConfig(teacher="vlm")
    with pytest.raises(ConfigError, match="valid: detect, crop"):
        PseudoLabelConfig(faces="all")
    with pytest.raises(ConfigError, match="in \\[0, 1\\]"):
        PseudoLabelConfig(min_age=1.5)
    with pytest.raises(ConfigError, match="choose from"):
        PseudoLabelConfig(tasks=("spoof",))
    with pytest.raises(ConfigError, match="not a folder"):
        _run_cli(["pseudo-label", "--images", str(tmp_path / "nowhere"), "--out",
                  str(tmp_path / "o")])


def test_teacher_detects_each_face_once_for_all_tasks(monkeypatch):
    from facevqa.faces import HaarDetector
    from facevqa.images import load_image

    calls = []
    detect = HaarDetector.detect
    monkeypatch.setattr(HaarDetector, "detect",
                        lambda self, im: calls.append(1) or detect(self, im))
    images = [load_image(example_path(n)) for n in ("astronaut", "grace_hopper")]
    got = ClassicalTeacher().label(images, ("age", "gender", "emotion"))
    assert len(calls) == 2 and [sorted(g) for g in got] == [["age", "emotion", "gender"]] * 2
    assert all(a.status == "ok" and a.face is not None for g in got for a in g.values())
