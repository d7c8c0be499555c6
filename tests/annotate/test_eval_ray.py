"""facevqa eval --ray on a local Ray cluster writes the predictions file one process writes."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'facevqa[ray]'")


def _lines(out):
    return [json.loads(line) for line in (out / "predictions.jsonl").read_text().splitlines()]


def test_ray_predictions_equal_one_process(local_cluster, tiny_paligemma, tmp_path):
    from eval.run import EvalConfig, run_eval

    base = {"data": "synthetic", "model": str(tiny_paligemma), "tasks": ("emotion", "age"),
            "limits": {"test": 12, "dev": 0, "train": 0}, "batch_size": 4, "max_new_tokens": 2,
            "n_boot": 20, "progress": False, "workers": 1, "plots": False, "device": "cpu"}
    run_eval(EvalConfig(out=tmp_path / "one", **base))
    paths = run_eval(EvalConfig(out=tmp_path / "ray", ray="local", ray_workers=1, **base))
    one, many = _lines(tmp_path / "one"), _lines(tmp_path / "ray")
    assert len(one) == len(many) == 24
    numeric = ("probs", "confidence", "value_pred")  # float sums differ in the last bits
    for a, b in zip(many, one):  # same records, same order
        assert {k: v for k, v in a.items() if k not in numeric} == \
            {k: v for k, v in b.items() if k not in numeric}
        assert a["probs"].keys() == b["probs"].keys()
        assert all(abs(a["probs"][k] - b["probs"][k]) <= 1e-6 for k in a["probs"])
        if b.get("value_pred") is None:
            assert a.get("value_pred") is None
        else:
            assert a["value_pred"] == pytest.approx(b["value_pred"], rel=1e-6)
    metrics = json.loads(paths["metrics.json"].read_text())
    assert metrics["meta"]["family"] == "paligemma"
