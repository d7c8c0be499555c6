"""Small on-disk fixtures for evaluation runs: a FairFace-format folder (CSV + images)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

AGES = ("20-29", "30-39", "3-9", "50-59", "more than 70", "10-19")
GENDERS = ("Male", "Female")
RACES = ("White", "Black", "East Asian", "Indian")


def _photos(n: int) -> list:
    """n face images: the two packaged real photos (crops, flips) and synthetic faces."""
    from PIL import ImageOps

    from facevqa.data.synthetic import draw_sample
    from facevqa.examples import example_path
    from facevqa.images import load_image

    real = [load_image(example_path(name)) for name in ("astronaut", "grace_hopper")]
    out = []
    for i in range(n):
        if i % 3 == 2:
            out.append(draw_sample(1000 + i, size=96)["image"])
            continue
        img = real[i % 2]
        side = min(img.size)
        img = img.crop((0, 0, side, side)).resize((128, 128))
        out.append(ImageOps.mirror(img) if i % 4 == 1 else img)
    return out


def write_fairface(root: Path, n_train: int = 16, n_val: int = 8) -> Path:
    """fairface_label_{train,val}.csv and train/N.jpg, val/N.jpg as FairFace distributes them."""
    images = _photos(n_train + n_val)
    for split, lo, n in (("train", 0, n_train), ("val", n_train, n_val)):
        (root / split).mkdir(parents=True, exist_ok=True)
        with open(root / f"fairface_label_{split}.csv", "w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["file", "age", "gender", "race", "service_test"])
            for k in range(n):
                i = lo + k
                images[i].save(root / split / f"{k + 1}.jpg", quality=90)
                w.writerow([f"{split}/{k + 1}.jpg", AGES[i % len(AGES)],
                            GENDERS[(i // 2) % 2], RACES[i % len(RACES)], "True"])
    return root


@pytest.fixture
def fairface_dir(tmp_path) -> Path:
    """A FairFace CSV release in miniature: 16 train and 8 validation images."""
    return write_fairface(tmp_path / "fairface")


@pytest.fixture(scope="module", autouse=True)
def _tiny_models_on_one_thread(one_torch_thread):
    """Every module here runs tiny models (tests/conftest.py: one_torch_thread)."""
