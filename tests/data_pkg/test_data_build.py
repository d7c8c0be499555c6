"""Builds: save_to_disk output, bad-row accounting, idempotent rebuilds, the data CLI."""

from __future__ import annotations

import argparse
import json

import datasets
import numpy as np
import pytest
from data_fixtures import write_corrupt, write_image

from facevqa.data import cli
from facevqa.data.build import SUMMARY_FILE, build_dataset, build_synthetic
from facevqa.data.qa import QAConfig


@pytest.fixture
def fairface_root(tmp_path):
    root = tmp_path / "fairface"
    lines = ["file,age,gender,race,service_test", "train/1.jpg,20-29,Male,White,True",
             "train/2.jpg,30-39,Female,Black,True", "train/3.jpg,40-49,Female,Indian,False",
             "train/4.jpg,10-19,Robot,Indian,False", "train/5.jpg,60-69,Male,White,True"]
    root.mkdir()
    (root / "fairface_label_train.csv").write_text("\n".join(lines) + "\n")
    write_image(root / "train" / "1.jpg")
    write_image(root / "train" / "2.jpg", (10, 200, 30))
    write_corrupt(root / "train" / "3.jpg")
    write_image(root / "train" / "4.jpg")
    return root


def test_build_counts_bad_rows_and_loads_from_disk(fairface_root, tmp_path):
    out = tmp_path / "built"
    summary = build_dataset("fairface", fairface_root, out, config=QAConfig(tasks=("gender",)))
    assert summary.skipped == {"unknown_label": 1, "missing_image": 1, "corrupt_image": 1}
    assert (summary.rows_read, summary.rows_used, summary.examples) == (3, 2, 2)
    ds = datasets.load_from_disk(str(out))
    assert sorted(ds["answer"]) == ["female", "male"] and sorted(ds["race"]) == ["black", "white"]
    assert ds[0]["image"].size == (16, 16)
    assert json.loads((out / SUMMARY_FILE).read_text())["skipped"]["corrupt_image"] == 1


def test_rebuild_replaces_and_leaves_no_temp(fairface_root, tmp_path):
    out = tmp_path / "built"
    build_dataset("fairface", fairface_root, out)
    first = datasets.load_from_disk(str(out))["question"]
    build_dataset("fairface", fairface_root, out, limit=1)
    assert len(datasets.load_from_disk(str(out))) < len(first)
    build_dataset("fairface", fairface_root, out)
    assert datasets.load_from_disk(str(out))["question"] == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["built", "fairface"]


def test_build_synthetic(tmp_path):
    summary = build_synthetic(6, tmp_path / "synth", seed=1, nonface_rate=0.0)
    ds = datasets.load_from_disk(str(tmp_path / "synth"))
    assert summary.examples == len(ds) > 6 * 6 and set(ds["source"]) == {"synth"}


def test_synth_cli_writes_face_crops(tmp_path):
    from facevqa.data.synthetic import synth_rows

    assert _run_cli(["synth", "--n", "3", "--nonface-rate", "0", "--face-crops",
                     "--out", str(tmp_path / "c")]) == 0
    ds = datasets.load_from_disk(str(tmp_path / "c"))
    want = {r["id"]: np.asarray(r["image"]) for r in synth_rows(3, seed=0, nonface_rate=0,
                                                                   face_crops=True)}
    for e in ds:  # stored as JPEG q95: equal to the crop within compression error
        assert np.abs(np.asarray(e["image"], float) - want[e["id"]]).mean() < 3


def _run_cli(argv):
    parser = argparse.ArgumentParser()
    cli.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["data", *argv])
    return args.run(args)


def test_cli_synth_and_build(tmp_path, fairface_root, capsys):
    assert _run_cli(["synth", "--n", "3", "--out", str(tmp_path / "s"), "--tasks",
                     "emotion,spoof"]) == 0
    assert set(datasets.load_from_disk(str(tmp_path / "s"))["task"]) <= {"emotion", "spoof",
                                                                         "open"}
    assert _run_cli(["build", "fairface", "--root", str(fairface_root), "--out",
                     str(tmp_path / "f"), "--limit", "3"]) == 0
    printed = capsys.readouterr().out
    assert json.loads(printed[printed.rindex("{\n  \"source\": \"fairface\""):])["rows_read"] == 3
    assert _run_cli(["sources"]) == 0 and "celeba_spoof" in capsys.readouterr().out
