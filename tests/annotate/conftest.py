"""Inputs for the annotate tests: synthetic faces, a corrupt file and an image without a face."""

from __future__ import annotations

import pytest
from annotate_helpers import N_FACES, QUESTIONS, read_rows


@pytest.fixture(scope="session")
def photo_dir(tmp_path_factory):
    """5 synthetic face photos, 1 corrupt JPEG, 1 photo without a face (7 images)."""
    from facevqa.data.synthetic import draw_nonface, draw_sample

    folder = tmp_path_factory.mktemp("photos")
    for i in range(N_FACES):
        draw_sample(100 + i, size=128)["image"].save(folder / f"face{i}.png")
    (folder / "corrupt.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    draw_nonface(7, size=128)["image"].save(folder / "wall.png")
    return folder


@pytest.fixture(scope="session")
def annotate_cfg(photo_dir, tiny_paligemma, tmp_path_factory):
    """cfg(out, **changes): an AnnotateConfig of the photos on the tiny PaliGemma."""
    from facevqa.annotate import AnnotateConfig

    def make(out=None, **changes):
        out = out or tmp_path_factory.mktemp("ann")
        base = {"inputs": str(photo_dir), "questions": QUESTIONS, "out": str(out),
                "model": str(tiny_paligemma), "device": "cpu", "batch_size": 2,
                "shard_size": 2}
        return AnnotateConfig(**{**base, **changes})
    return make


@pytest.fixture(scope="session")
def reference(annotate_cfg):
    """One uninterrupted single-process run: (summary, rows sorted by image and question)."""
    from facevqa.annotate import annotate

    cfg = annotate_cfg()
    return cfg, annotate(cfg), read_rows(cfg.out)


@pytest.fixture(scope="session")
def local_cluster():
    """A local Ray cluster with 2 CPUs, no dashboard, no network (stopped after the tests)."""
    ray = pytest.importorskip("ray", reason="Ray is an optional extra: pip install "
                                            "'facevqa[ray]'")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield ray
    ray.shutdown()
