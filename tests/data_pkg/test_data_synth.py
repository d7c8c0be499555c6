"""The synthetic face world: determinism, ground truth, balance, spoof cues, speed."""

from __future__ import annotations

import time
from collections import Counter

import numpy as np
import pytest

from facevqa.data.rows import AGE_GROUPS, EMOTIONS, GENDERS, ROW_KEYS
from facevqa.data.synthetic import draw_nonface, draw_sample, synth_rows
from facevqa.data.synthetic.spoof import ATTACKS, CUE_TEXT, explain


def test_same_seed_same_row():
    a, b = draw_sample(11), draw_sample(11)
    assert np.array_equal(np.asarray(a["image"]), np.asarray(b["image"]))
    assert {k: v for k, v in a.items() if k != "image"} == {
        k: v for k, v in b.items() if k != "image"}


def test_row_has_contract_keys_and_ground_truth():
    row = draw_sample(4)
    assert set(ROW_KEYS) <= set(row)
    assert row["image"].size == (224, 224) and row["image"].mode == "RGB"
    assert 1 <= row["age"] <= 90 and row["age_group"] in AGE_GROUPS
    assert row["gender"] in GENDERS and row["emotion"] in EMOTIONS
    assert 1 <= row["skin_tone"] <= 10 and row["race"] is None
    assert row["spoof"] == "real" and row["explanation"] is None and row["is_face"]
    x0, y0, x1, y1 = row["face_box"]
    assert 0 <= x0 < x1 <= 224 and 0 <= y0 < y1 <= 224 and (x1 - x0) > 60
    assert row["attributes"]["hair_color"] in ("black", "brown", "blond", "gray", "red", "white")
    assert row["caption"]


@pytest.mark.parametrize("attack", ATTACKS)
def test_spoof_keeps_the_face_and_names_its_cues(attack):
    real, fake = draw_sample(21), draw_sample(21, spoof=attack)
    for key in ("age", "gender", "emotion", "skin_tone", "attributes"):
        assert fake[key] == real[key]
    assert fake["spoof"] == attack
    assert not np.array_equal(np.asarray(real["image"]), np.asarray(fake["image"]))
    assert len(fake["cues"]) >= 2
    for cue in fake["cues"]:
        assert cue in fake["explanation"].lower()


def test_explanation_grammar():
    # one cue: singular verb; two cues: "and"; the key is inside the phrase
    one = explain("replay", ("screen glare",))
    assert one == "Screen glare shows this is a replay of a display."
    assert explain("replay", ("screen bezel", "moiré stripes")) == (
        "A screen bezel and moiré stripes show this is a replay of a display.")
    assert all(key in text for key, text in CUE_TEXT.items())


def test_unknown_spoof_lists_choices():
    with pytest.raises(ValueError, match="print, replay, mask"):
        draw_sample(1, spoof="deepfake")


@pytest.mark.parametrize("emotion", EMOTIONS)
def test_every_emotion_can_be_drawn(emotion):
    row = draw_sample(3, fix={"emotion": emotion})
    assert row["emotion"] == emotion
    assert row["attributes"]["smiling"] == (emotion == "happy")


def test_groups_balanced_in_blocks():
    rows = list(synth_rows(180, seed=5, spoof_rate=0.0, size=32))
    cells = Counter((r["age_group"], r["gender"], r["skin_tone"]) for r in rows)
    assert len(cells) == 180 and set(cells.values()) == {1}
    emotions = Counter(r["emotion"] for r in rows[:176])
    assert set(emotions.values()) == {22}


def test_rates_and_nonface_rows():
    rows = list(synth_rows(60, seed=2, spoof_rate=0.5, nonface_rate=0.2, size=64))
    nonface = [r for r in rows if not r["is_face"]]
    assert 4 <= len(nonface) <= 24
    assert all(r["age"] is None and r["emotion"] is None and r["spoof"] is None for r in nonface)
    attacks = Counter(r["spoof"] for r in rows if r["is_face"])
    assert attacks["real"] > 5 and sum(attacks[a] for a in ATTACKS) > 5
    assert len({r["id"] for r in rows}) == 60
    assert draw_nonface(7)["image"].size == (224, 224)


def test_face_crops_are_the_pipelines_crop_around_the_face():
    from facevqa.answer import Face
    from facevqa.faces import crop_face

    full = list(synth_rows(12, seed=4, spoof_rate=0.5, nonface_rate=0.2, size=96))
    crops = list(synth_rows(12, seed=4, spoof_rate=0.5, nonface_rate=0.2, size=96,
                            face_crops=True))
    assert [r["id"] for r in full] == [r["id"] for r in crops]  # same draws, same labels
    for f, c in zip(full, crops):
        assert {k: v for k, v in f.items() if k not in ("image", "face_box")} == {
            k: v for k, v in c.items() if k not in ("image", "face_box")}
        assert c["image"].size == (96, 96)
        if not f["is_face"]:  # non-faces are left whole
            assert np.array_equal(np.asarray(f["image"]), np.asarray(c["image"]))
            continue
        # the crop is exactly what FaceVQA.generate crops around the face, resized
        expected = crop_face(f["image"], Face(box=tuple(f["face_box"]))).resize((96, 96), 3)
        assert np.array_equal(np.asarray(expected), np.asarray(c["image"]))
        x0, y0, x1, y1 = c["face_box"]  # the face fills the middle two thirds
        assert 0 <= x0 < x1 <= 96 and 0 <= y0 < y1 <= 96 and x1 - x0 > 40


def test_captions_never_mention_race_or_skin():
    for seed in range(12):
        text = draw_sample(seed)["caption"].lower()
        assert "skin" not in text and "race" not in text and "asian" not in text


def test_drawing_is_fast():
    # CPU time, so that a busy machine does not fail the test; ~9 ms here
    draw_sample(0)
    start = time.process_time()
    for seed in range(20):
        draw_sample(seed)
    per_image = (time.process_time() - start) / 20
    assert per_image < 0.03, f"{per_image * 1000:.1f} ms CPU per image (target 15 ms)"
