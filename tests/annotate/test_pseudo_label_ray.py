"""facevqa data pseudo-label on a local Ray cluster writes the shards and data set that one
process writes (the classical teacher; a corrupt and a face-less image counted, not fatal)."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'facevqa[ray]'")


def _records(out):
    return [json.loads(line) for f in sorted((out / "shards").glob("*.jsonl"))
            for line in f.read_text().splitlines()]


def _close(a, b) -> bool:
    """Equal records, floats within 1e-6."""
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_close(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b))
    if isinstance(a, float):
        return abs(a - b) <= 1e-6
    return a == b


def test_ray_labels_equal_one_process(local_cluster, photo_dir, tmp_path):
    from facevqa.annotate_ray import RayConfig
    from facevqa.classical.models import is_built
    from facevqa.data.pseudo_label import PseudoLabelConfig, pseudo_label
    from facevqa.default import cache_dir

    if not is_built(cache_dir() / "heads"):
        pytest.skip("classical heads are not built: run `make setup`")
    cfg = PseudoLabelConfig(shard_size=3, batch_size=3)
    one = pseudo_label(photo_dir, tmp_path / "one", cfg)
    many = pseudo_label(photo_dir, tmp_path / "ray", cfg, ray=RayConfig(workers=1))
    assert (many.images, many.errors, many.no_face, many.rows, many.examples, many.shards) == \
        (one.images, one.errors, one.no_face, one.rows, one.examples, one.shards)
    assert one.errors == 1 and one.no_face == 1 and one.rows >= 1
    got, want = _records(tmp_path / "ray"), _records(tmp_path / "one")
    assert len(got) == len(want) == 7 and _close(got, want)
