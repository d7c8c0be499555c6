"""`facevqa eval` over data holding bad images: a source folder (the adapter skips unreadable
files and says so) and a saved data set (each bad image should become that example's error)."""

from __future__ import annotations

import csv
import json
import logging
from pathlib import Path

import pytest
from corpus import by_name

from eval.__main__ import main as eval_main
from eval.predictions import read_predictions

ARGS = ["--tasks", "age,gender", "--n-boot", "20", "--batch-size", "4", "--no-plots",
        "--no-progress", "--device", "cpu"]
# (file in the corpus, age group, gender, expected statuses when it reaches the model)
ROWS = [("face.jpg", "20-29", "Male", {"ok", "abstain"}),
        ("zero_bytes.jpg", "30-39", "Female", {"error"}),
        ("exif_6.jpg", "30-39", "Male", {"ok", "abstain"}),
        ("truncated.jpg", "20-29", "Female", {"error"}),
        ("coffee_no_face.jpg", "50-59", "Male", {"no_face"}),
        ("text_named.jpg", "20-29", "Male", {"error"}),
        ("group_of_three.jpg", "more than 70", "Female", {"ok", "abstain"}),
        ("missing_item.avif", "20-29", "Female", {"error"}),
        ("cmyk.jpg", "10-19", "Male", {"ok", "abstain"})]
UNCAUGHT = ("missing_item.avif", "bomb.png")
"""Files whose decoder errors facevqa/data/build.py's own check does not catch."""


def write_fairface(root: Path, corpus, extra: tuple[str, ...] = ()) -> Path:
    """A FairFace CSV release whose validation (test) split holds the ROWS files (but those
    in UNCAUGHT) and `extra` corpus files."""
    cases = by_name(corpus)
    val = [r for r in ROWS if r[0] not in UNCAUGHT] + [(n, "20-29", "Male", {"error"})
                                                        for n in extra]
    for split, rows in (("val", val), ("train", ROWS[:1] + ROWS[4:5])):
        (root / split).mkdir(parents=True, exist_ok=True)
        with open(root / f"fairface_label_{split}.csv", "w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["file", "age", "gender", "race", "service_test"])
            for k, (name, age, gender, _) in enumerate(rows):
                (root / split / f"{k}{Path(name).suffix}").write_bytes(
                    Path(cases[name].path).read_bytes())
                w.writerow([f"{split}/{k}{Path(name).suffix}", age, gender, "White", "True"])
            w.writerow([f"{split}/not_there.jpg", "20-29", "Male", "White", "True"])
    return root


def write_saved(folder: Path, corpus) -> Path:
    """A saved data set (`facevqa data build` format) whose encoded images include bad ones."""
    from facevqa.data.qa import QAConfig, to_dataset
    from facevqa.data.rows import make_row

    cases = by_name(corpus)
    rows = [make_row(id=f"r{k}", image={"bytes": Path(cases[name].path).read_bytes(),
                                         "path": None},
                     age_group=age.replace("more than 70", "70+"), gender=gender.lower(),
                     split="test", source="fairface")
            for k, (name, age, gender, _) in enumerate(ROWS)]
    ds = to_dataset(rows, QAConfig(tasks=("age", "gender"), phrasings=1, canonical=True,
                                   nonface=False), cache_dir=str(folder / "cache"))
    ds.save_to_disk(str(folder / "saved"))
    return folder / "saved"


@pytest.mark.parametrize("extra", [
    (),
    pytest.param(UNCAUGHT),
], ids=["known_bad_files", "avif_and_bomb"])
def test_eval_source_with_bad_files(extra, tmp_path, corpus, tiny_paligemma, caplog):
    root = write_fairface(tmp_path / "fairface", corpus, extra)
    out = tmp_path / "out"
    with caplog.at_level(logging.WARNING):
        code = eval_main(["--model", str(tiny_paligemma), "--data", f"fairface:{root}", *ARGS,
                          "--out", str(out)])
    assert code == 0
    skipped = " ".join(r.getMessage() for r in caplog.records)
    assert "skipped" in skipped  # the unreadable files are counted, with their reason
    records = [r for r in read_predictions(out / "predictions.jsonl").records
               if r.split == "test"]
    kinds = {r.status for r in records}
    assert kinds <= {"ok", "abstain", "no_face"} and "no_face" in kinds
    doc = json.loads((out / "metrics.json").read_text())
    assert doc["metrics"]["vlm"]["age"]["n_no_face"] >= 1


def test_eval_saved_dataset_with_bad_images(tmp_path, corpus, tiny_paligemma):
    saved = write_saved(tmp_path, corpus)
    out = tmp_path / "out"
    code = eval_main(["--model", str(tiny_paligemma), "--data", f"disk:{saved}", *ARGS,
                      "--out", str(out)])
    assert code == 0
    by_row = {}
    for r in read_predictions(out / "predictions.jsonl").records:
        by_row.setdefault(r.id.split("/")[1], []).append(r)
    assert len(by_row) == len(ROWS)
    for k, (name, *_, expect) in enumerate(ROWS):
        for r in by_row[f"r{k}"]:
            assert r.status in expect, (name, r.status, r.error)
            assert r.status in ("ok", "abstain") or r.error
    age = json.loads((out / "metrics.json").read_text())["metrics"]["vlm"]["age"]
    assert age["n_error"] == 4 and age["n_no_face"] == 1


def test_data_build_skips_undecodable_files(corpus):
    from facevqa.data.build import checked_rows
    from facevqa.data.rows import Skips

    cases = by_name(corpus)
    rows = [{"id": n, "image": cases[n].path} for n in (*UNCAUGHT, "truncated.jpg", "face.jpg")]
    skips, counter = Skips(), {"read": 0, "used": 0}
    kept = list(checked_rows(rows, skips, counter))
    assert [r["id"] for r in kept] == ["face.jpg"]
    assert skips.summary().total == 3
