"""Report, model card, run comparison and plots: files exist with the expected sections."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from eval.compare import compare_runs
from eval.fairness import FairnessConfig, fairness_report
from eval.metrics import MetricOptions, compute_all
from eval.model_card import render_model_card
from eval.plots import plot_confusion, plot_reliability
from eval.predictions import PredictionRecord as R
from eval.report import write_report

REPO = Path(__file__).resolve().parents[2]


def records(vlm_right=30, n=40):
    out = []
    for model, right in (("vlm", vlm_right), ("probe", 20)):
        for i in range(n):
            g = {"gender": "fm"[i % 2], "race": "xy"[i % 3 == 0]}
            out.append(R(id=f"e{i}", task="emotion", model=model, label_true="happy",
                         label_pred="happy" if i < right else "sad", confidence=0.7,
                         groups=g, split="test", status="no_face" if i == n - 1 else "ok"))
            out.append(R(id=f"s{i}", task="spoof", model=model, label_true="spoof real".split()[
                i % 2], score=(i % 10) / 10, groups=g, split="test"))
    return out


def run(tmp: Path, name: str, rs, meta=None, plots=False) -> dict[str, Path]:
    opts = {m: MetricOptions(spoof_threshold=0.5) for m in ("vlm", "probe")}
    mbm = compute_all(rs, opts)
    fair = fairness_report([r for r in rs if r.model == "vlm"],
                           FairnessConfig(n_boot=50, min_size=15), opts)
    return write_report(tmp / name, mbm, fair, meta or {"run_id": name, "split": "test"},
                        plots=plots)


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("report")
    run(tmp, "run1", records(), plots=True)
    return tmp / "run1"


def test_report_files_and_sections(report_dir):
    payload = json.loads((report_dir / "metrics.json").read_text())
    assert set(payload) == {"meta", "metrics", "fairness"}
    assert payload["metrics"]["vlm"]["emotion"]["accuracy"] == pytest.approx(30 / 39)
    md = (report_dir / "report.md").read_text()
    for section in ("# FaceVQA evaluation report", "## Coverage and failures",
                    "## VLM vs. baselines", "### emotion", "### spoof", "## Fairness",
                    "by gender × race", "## Model card"):
        assert section in md, section
    # VLM column first, each baseline beside it on the same rows
    assert "| metric | vlm | probe |" in md
    assert re.search(r"\| accuracy ↑ \| 0\.769 \| 0\.513 \|", md)
    assert "| vlm | emotion | 40 | 0.975 | 1 | 0 | 0 | 0 | 0.000 |" in md  # no-face counted
    assert "decision threshold 0.500 (source: dev)" in md
    assert re.search(r"\| f \| 20 \| .*\[", md)  # per-group rows carry CIs
    assert re.search(r"\| [fm] × [xy] \| \d+ \|", md)  # intersections; no stray pipes


def test_report_images_are_relative_links_that_exist(report_dir):
    md = (report_dir / "report.md").read_text()
    links = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", md)
    assert any("confusion" in x for x in links) and any("reliability" in x for x in links)
    assert any("groups-vlm" in x for x in links) and any("compare" in x for x in links)
    for link in links:
        assert not os.path.isabs(link) and (report_dir / link).is_file(), link


def test_split_mismatch_is_flagged(tmp_path):
    rs = records() + [R(id="extra", task="emotion", model="probe", label_true="a",
                        label_pred="a")]
    md = run(tmp_path, "r", rs)["report.md"].read_text()
    assert "not evaluated on the same split" in md


def test_model_card_layout(report_dir):
    card = (report_dir / "model_card.md").read_text()
    front = card.split("---")[1]
    for key in ("license:", "library_name: \"peft\"", "base_model:", "model-index:",
                "- name:", "results:", "type: \"accuracy\""):
        assert key in front, key
    for section in ("## Model details", "## Intended use", "## Out-of-scope uses",
                    "## Training data", "## Evaluation data", "## Metrics",
                    "## Disaggregated results", "## Limitations, bias and risks"):
        assert section in card, section
    out_of_scope = card.split("## Out-of-scope uses")[1].split("## Training data")[0]
    for word in ("Identifying people", "race, ethnicity", "religion", "sexual orientation",
                 "political", "health", "character"):
        assert word in out_of_scope, word


def test_model_card_meta_and_no_fairness():
    card = render_model_card({"vlm": {"age": {"mae": 5.0, "coverage": 1.0}}}, [],
                             {"model_name": "tiny", "base_model": "google/paligemma-3b-pt-224",
                              "adapters": {"age": "out/age"}, "evaluation_data": {"age": "utk"}})
    assert card.startswith("---\n") and "# Model card: tiny" in card
    assert "adapter `age`: out/age" in card and "age: utk" in card
    assert "No group labels" in card


def test_compare_runs_flags_regressions(tmp_path, report_dir):
    run(tmp_path, "worse", records(vlm_right=20), {"run_id": "worse"})
    md = compare_runs(report_dir, tmp_path / "worse")
    assert "# Run comparison" in md and "## Regressions" in md
    row = next(line for line in md.splitlines()
               if line.startswith("| vlm | emotion | accuracy |"))
    assert "-0.2564" in row and "regression" in row  # 30/39 -> 20/39
    assert "accuracy (worst gender)" in md  # worst-group values compared too
    same = compare_runs(report_dir, report_dir)
    assert "**0 regression(s)**" in same and "## Regressions" not in same
    with pytest.raises(FileNotFoundError, match="write_report"):
        compare_runs(tmp_path / "nope", report_dir)


def test_plots_return_saved_paths(tmp_path):
    p = plot_confusion({"labels": ["a", "b"], "matrix": [[3, 1], [0, 2]]}, tmp_path / "c.png")
    bins = [{"low": 0.0, "high": 0.5, "n": 2, "confidence": 0.4, "accuracy": 0.5},
            {"low": 0.5, "high": 1.0, "n": 0, "confidence": None, "accuracy": None}]
    q = plot_reliability(bins, tmp_path / "sub" / "r.png")
    assert p.is_file() and q.is_file() and p.read_bytes()[:4] == b"\x89PNG"


def test_nothing_heavy_at_import():
    code = ("import sys, eval.compare, eval.model_card, eval.plots, eval.report, eval.fairness;"
            "heavy = [m for m in ('matplotlib', 'sklearn', 'torch', 'rouge_score')"
            " if m in sys.modules]; print(heavy); sys.exit(1 if heavy else 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0, done.stdout + done.stderr
