"""The embedded default loads offline with one adapter per task and answers every task."""

from __future__ import annotations

import pytest

from facevqa import default
from facevqa.model import FaceVQA

QUESTIONS = {"age": "How old is this person?", "emotion": "What emotion is shown?",
             "attribute": "Is the person wearing a hat?", "gender": "Is this a man or a woman?",
             "spoof": "Is this photo of a real person?", "caption": "Describe this face."}


@pytest.fixture(scope="module")
def vqa():
    if not (default.EMBEDDED / "facevqa_model.json").exists():
        pytest.skip("this checkout ships no embedded default (facevqa build default)")
    return FaceVQA.from_pretrained(device="cpu")


def test_default_bundle_has_an_adapter_per_task(vqa):
    assert set(vqa.info()["adapters"]) == {"age", "emotion", "gender", "attribute", "spoof",
                                           "caption"}
    assert default.is_embedded_default(default.default_model_dir())


def test_default_answers_every_task_on_a_synthetic_face(vqa):
    from facevqa.data.synthetic import draw_sample

    face = draw_sample(424242, spoof="replay")["image"]
    for task, q in QUESTIONS.items():
        a = vqa.generate([face], q, faces="none")[0]
        assert a.task == task and a.status in ("ok", "abstain"), (task, a)
        if task in ("caption",):
            assert a.text  # generated text
        else:
            assert abs(sum(a.probs.values()) - 1) < 1e-4
    spoof = vqa.generate([face], QUESTIONS["spoof"], faces="none")[0]
    assert spoof.text.startswith(("yes", "no"))


def test_a_question_asking_the_opposite_gets_the_opposite_answer(vqa):
    from facevqa.data.synthetic import draw_sample

    face = draw_sample(5)["image"]
    beard, shaven = (vqa.generate([face], q, faces="none")[0]
                     for q in ("Does the person have a beard?", "Is the person clean-shaven?"))
    assert {beard.label, shaven.label} == {"yes", "no"}
    assert (beard.text, shaven.text) == (beard.label, shaven.label)
    assert beard.probs["yes"] == shaven.probs["no"] and beard.confidence == shaven.confidence


def test_missing_embedded_default_falls_back_to_a_tiny_checkpoint(monkeypatch, tmp_path):
    monkeypatch.setattr(default, "EMBEDDED", tmp_path / "none")
    monkeypatch.setenv("FACEVQA_HOME", str(tmp_path))
    folder = default.default_model_dir()
    assert (folder / "config.json").exists() and default.is_embedded_default(folder)


@pytest.fixture(scope="module")
def photos():
    from facevqa.examples import available_examples
    from facevqa.images import load_image

    found = available_examples()
    if len(found) < 3:
        pytest.skip(f"needs the three bundled example photos, found {sorted(found)}")
    return {name: load_image(path) for name, path in found.items()}


def test_default_reads_real_photos(vqa, photos):
    # the public-domain portraits that ship in registry packages, through the default
    # generate() path (face detection included): a model that ignores the image gives the
    # same answer to all three, and one that knows only cartoon faces misreads them
    names = ["astronaut", "grace_hopper", "franz_kafka"]
    images = [photos[n] for n in names]
    smiling = dict(zip(names, vqa.generate(images, "Is the person smiling?")))
    assert smiling["astronaut"].label == "yes" and smiling["franz_kafka"].label == "no"
    emotion = dict(zip(names, vqa.generate(images, QUESTIONS["emotion"])))
    assert emotion["astronaut"].label == "happy" and emotion["franz_kafka"].label != "happy"
    glasses = dict(zip(names, vqa.generate(images, "Is the person wearing eyeglasses?")))
    assert glasses["astronaut"].label == "no" and glasses["grace_hopper"].label == "yes"
    assert vqa.generate([photos["astronaut"]], QUESTIONS["gender"])[0].label == "female"
    caption = vqa.generate([photos["astronaut"]], QUESTIONS["caption"])[0].text
    assert caption.startswith("A woman"), caption


def test_a_printed_copy_looks_less_real_than_the_photo(vqa, photos):
    import numpy as np

    from facevqa.data.synthetic.spoof import apply_spoof
    from finetune.real_faces import crop_geometry

    face = vqa.generate([photos["astronaut"]], QUESTIONS["spoof"])[0]
    assert face.face is not None and face.label == "real", face
    crop = photos["astronaut"].crop(face.face.box).resize((224, 224))
    geo = crop_geometry(224)
    for attack in ("print", "replay"):
        fake = apply_spoof(np.random.default_rng(1), crop, geo, attack).image
        got = vqa.generate([fake], QUESTIONS["spoof"])[0]
        assert got.probs["real"] < face.probs["real"], (attack, got, face)
