"""Real-photo rows for the default: kept lists, crops as generate() takes them, attacks, splits."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from facevqa.faces import WholeImage
from finetune import real_faces
from finetune.real_faces import real_rows, sharpness, split_of, write_eval_sets

CELEBA_NAMES = ("Smiling", "Male", "No_Beard", "Eyeglasses")


def _photo(path, seed, size=64):
    """A textured photo-like image (sharp enough to be used)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    Image.fromarray(rng.integers(0, 255, (size, size, 3), dtype=np.uint8)).save(path)
    return path


@pytest.fixture
def data_root(tmp_path):
    root = tmp_path / "data"
    utk = root / "utkface/data/UTKFace/unlabeled"
    names = [f"{20 + i}_{i % 2}_0_2017011{i}.jpg.chip.jpg" for i in range(8)]
    for i, name in enumerate(names):
        _photo(utk / name, i)
    (root / "utkface.kept.txt").write_text("\n".join(names[:6]) + "\n")  # 2 reserved
    fer = root / "fer2013/data"
    ferlist = []
    for i, (split, emo) in enumerate([("train", "happy"), ("train", "angry"), ("test", "sad")]):
        _photo(fer / split / emo / f"{i}.jpg", 100 + i, 48)
        ferlist.append(f"{split}/{emo}/{i}.jpg")
    blurred = fer / "train/sad/blurred.jpg"
    blurred.parent.mkdir(parents=True)
    Image.new("RGB", (48, 48), (90, 90, 90)).save(blurred)
    (root / "fer2013.kept.txt").write_text("\n".join(ferlist + ["train/sad/blurred.jpg"]))
    (root / "celeba_attr").mkdir(parents=True)
    lines = ["2", " ".join(CELEBA_NAMES), "000001.jpg 1 -1 1 -1", "000002.jpg -1 1 -1 1"]
    (root / "celeba_attr/list_attr_celeba.txt").write_text("\n".join(lines) + "\n")
    for i in (1, 2):
        _photo(root / f"celeba/celebA/00000{i}.jpg", 200 + i, 89)
    (root / "celeba.kept.txt").write_text("000001.jpg\n000002.jpg\n")
    return root


def test_rows_keep_to_the_lists_crop_attack_and_split(data_root, monkeypatch):
    import facevqa.faces

    monkeypatch.setattr(real_faces, "SHARD", 4)
    # the photos here are noise, which the default detector rightly calls faceless; these are
    # the lists, crops, attacks and splits, so every photo is taken as its own face crop
    monkeypatch.setattr(facevqa.faces, "get_detector", lambda name="default": WholeImage())
    rows = list(real_rows(data_root, spoof_rate=0.5, workers=1, progress=False))
    photos = [r for r in rows if r["spoof"] == "real"]
    attacks = [r for r in rows if r["spoof"] != "real"]
    by_source = {s: sum(r["source"] == s for r in photos) for s in ("utkface", "affectnet",
                                                                   "celeba")}
    assert by_source == {"utkface": 6, "affectnet": 3, "celeba": 2}  # reserved + blurred out
    assert all(r["image"].size == (real_faces.CROP, real_faces.CROP) for r in rows)
    assert {r["split"] for r in rows} <= {"train", "validation", "test"}
    sad = next(r for r in photos if r["emotion"] == "sad")
    assert sad["split"] == "test"  # FER2013's own test folder
    assert attacks, "a 0.5 spoof rate draws attacks"
    for a in attacks:
        photo = next(r for r in photos if a["id"].startswith(r["id"] + "-"))
        assert a["spoof"] in ("print", "replay", "mask") and len(a["cues"]) >= 2
        assert all(c in a["explanation"].lower() for c in a["cues"])
        assert (a["age"], a["gender"], a["emotion"]) == (photo["age"], photo["gender"],
                                                         photo["emotion"])
        assert not np.array_equal(np.asarray(a["image"]), np.asarray(photo["image"]))
    # the crop cache is reused: a second pass reads the same pixels without recomputing
    shards = sorted((data_root / "crops").rglob("*.npz"))
    stamps = [p.stat().st_mtime_ns for p in shards]
    again = list(real_rows(data_root, spoof_rate=0.5, workers=1, progress=False))
    assert [p.stat().st_mtime_ns for p in shards] == stamps
    assert [np.asarray(r["image"]).tobytes() for r in again] == [
        np.asarray(r["image"]).tobytes() for r in rows]


def test_splits_are_stable_and_fer_keeps_its_test_folder():
    row = {"id": "utkface-1_0_0_1.jpg", "source": "utkface", "split": "train"}
    assert split_of(row) == split_of(dict(row))
    assert split_of({"id": "x", "source": "affectnet", "split": "test"}) == "test"
    shares = [split_of({"id": f"utkface-{i}", "source": "utkface", "split": "train"})
              for i in range(2000)]
    assert 0.07 < shares.count("test") / 2000 < 0.13


def test_sharpness_tells_a_photo_from_a_low_passed_copy():
    rng = np.random.default_rng(0)
    photo = rng.integers(0, 255, (64, 64, 3)).astype(np.uint8)
    flat = np.asarray(Image.fromarray(photo).resize((8, 8)).resize((64, 64), Image.BICUBIC))
    assert sharpness(photo) > real_faces.MIN_SHARPNESS > sharpness(flat)


def test_eval_sets_hold_whole_photos_of_the_held_out_splits(data_root):
    from datasets import load_from_disk

    counts = write_eval_sets(data_root, data_root / "sets")
    ds = load_from_disk(str(data_root / "sets" / "fer2013"))
    assert counts["fer2013"] == 1 and set(ds["split"]) <= {"test", "validation", "train"}
    assert ds.filter(lambda s: s == "test", input_columns="split")["answer"][0] == "sad"
