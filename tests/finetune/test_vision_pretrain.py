"""Stage 0 of the default build: its targets come from the synthetic rows themselves."""

from __future__ import annotations

import numpy as np

from finetune.config import DataSpec
from finetune.examples import load_examples, synthetic_rows
from finetune.vision_pretrain import _augment, _labels, _soft_targets, pretrain_vision, targets


def test_targets_cover_every_field_and_attribute_the_rows_carry():
    rows = [{"emotion": "happy", "age_group": "20-29", "gender": "male", "spoof": "real",
             "attributes": {"goatee": True, "eye_color": "blue", "bangs": None, "hat": False}},
            {"emotion": "sad", "age_group": "20-29", "gender": "female", "spoof": "print",
             "attributes": {"goatee": False, "eye_color": "green", "hat": False}}]
    ts = {t.name: t.classes for t in targets(rows)}
    assert ts == {"emotion": ("happy", "sad"), "gender": ("female", "male"),
                  "spoof": ("print", "real"), "eye_color": ("blue", "green"),
                  "goatee": ("false", "true")}  # one-class targets (age group, hat) teach nothing
    y = _labels(rows, targets(rows))
    assert y.shape == (2, 5)
    assert y[:, list(ts).index("goatee")].tolist() == [1, 0]


def test_rows_are_the_images_the_examples_ask_about(facevqa_home):
    import io

    from PIL import Image

    from facevqa.data.qa import encode_image

    spec = DataSpec(n_train=3, n_eval=2, tasks=("emotion",), image_size=64)
    rows = list(synthetic_rows(spec))
    train, _ = load_examples(spec)
    by_id = {r["id"]: r for r in rows}
    for e in train:
        row = by_id[e["id"]]
        assert e["emotion"] == row["emotion"]
        stored = Image.open(io.BytesIO(encode_image(row["image"])["bytes"]))  # as the QA set
        assert np.array_equal(np.asarray(e["image"]), np.asarray(stored))


def test_pretraining_moves_only_the_vision_tower(tiny_paligemma, facevqa_home):
    from facevqa.loading import load_backbone

    bb = load_backbone(tiny_paligemma, device="cpu")
    before = {n: p.detach().clone() for n, p in bb.model.named_parameters()}
    rows = list(synthetic_rows(DataSpec(n_train=16, image_size=64)))
    soft = {"emotion": [{"happy": 0.7, "sad": 0.3}, None] * 8}  # a teacher's distributions
    acc = pretrain_vision(bb, rows, epochs=1, batch_size=8, progress=False, soft=soft, grey=0.5)
    assert {"emotion", "goatee", "eye_color"} <= set(acc)
    moved = {n for n, p in bb.model.named_parameters() if not p.equal(before[n])}
    assert moved and all("vision_tower" in n for n in moved)


def test_teacher_distributions_align_with_the_target_classes():
    import torch

    rows = [{"emotion": "happy", "attributes": {}}, {"emotion": "sad", "attributes": {}},
            {"emotion": None, "attributes": {}}]
    ts = targets(rows)
    soft = {"emotion": [{"happy": 0.6, "sad": 0.2, "fear": 0.2}, None, {"sad": 1.0}]}
    m = _soft_targets(rows, ts, soft)[0]  # classes: happy, sad; fear (never a label) dropped
    assert torch.allclose(m[0], torch.tensor([0.75, 0.25]))
    assert torch.isnan(m[1]).all() and m[2].tolist() == [0.0, 1.0]
    assert _soft_targets(rows, ts, None) == {}


def test_grey_augmentation_greys_only_its_share():
    import torch

    batch = torch.rand(64, 3, 4, 4)
    out = _augment(batch, torch.Generator().manual_seed(0), flip=False, grey=0.5)
    grey = (out[:, 0] == out[:, 1]).all(-1).all(-1) & (out[:, 1] == out[:, 2]).all(-1).all(-1)
    assert 16 < int(grey.sum()) < 48
    assert torch.equal(out[~grey], batch[~grey])
    assert torch.equal(_augment(batch, torch.Generator(), flip=False, grey=0.0), batch)
