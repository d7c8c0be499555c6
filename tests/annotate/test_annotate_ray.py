"""facevqa annotate on a local Ray cluster (2 CPUs, started by the test) gives the rows one
process gives: the same labels and probabilities, bad images in their own rows."""

from __future__ import annotations

import json

import pytest
from annotate_helpers import read_rows

pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'facevqa[ray]'")


def test_ray_rows_equal_one_process(local_cluster, reference, annotate_cfg, tmp_path):
    from facevqa.annotate import annotate
    from facevqa.annotate_ray import RayConfig

    _, ref_summary, ref_rows = reference
    cfg = annotate_cfg(tmp_path / "ray")
    summary = annotate(cfg, ray=RayConfig(workers=2))
    rows = read_rows(cfg.out)
    assert summary.rows == len(rows) == len(ref_rows)
    assert summary.statuses == ref_summary.statuses and summary.model
    for got, want in zip(rows, ref_rows):
        assert (got["image_id"], got["question"], got["status"], got["label"], got["error"]) \
            == (want["image_id"], want["question"], want["status"], want["label"], want["error"])
        p, q = json.loads(got["probs"]), json.loads(want["probs"])
        assert p.keys() == q.keys()
        assert all(abs(p[k] - q[k]) <= 1e-6 for k in p)
        assert got["model_version"] == want["model_version"]
    assert {r["status"] for r in rows if r["image_id"] == "corrupt.jpg"} == {"error"}
    assert {r["status"] for r in rows if r["image_id"] == "wall.png"} == {"no_face"}
    again = annotate(cfg, ray=RayConfig(workers=2))  # resumed: nothing redone, nothing added
    assert again.shards_reused == again.shards and read_rows(cfg.out) == rows
