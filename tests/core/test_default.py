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
        pytest.skip("this checkout ships no embedded default (python -m finetune.default)")
    return FaceVQA.from_pretrained(device="cpu")


def test_default_bundle_has_an_adapter_per_task(vqa):
    assert set(vqa.info()["adapters"]) == {"age", "emotion", "attribute", "spoof", "caption"}
    assert default.is_embedded_default(default.default_model_dir())


def test_default_answers_every_task_on_a_synthetic_face(vqa):
    from facevqa.data.synth import draw_sample

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
    from facevqa.data.synth import draw_sample

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


def test_default_beats_chance_on_held_out_synthetic_face_crops(vqa):
    # 200 face crops from seeds no build uses (measured: emotion 0.38 vs chance 0.125; spoof
    # AUC 0.97 vs 0.5; age MAE 8.5 years vs 22.7 for the mean age; balanced accuracy of hat
    # 0.93, wavy hair 0.93, bald 0.97 vs 0.5 and hair colour 0.69 vs 1/6). A model that
    # ignores the image (a constant or prior answer) scores about chance and the mean's MAE.
    import numpy as np
    from sklearn.metrics import balanced_accuracy_score, roc_auc_score

    from facevqa.data.synth import synth_rows

    rows = list(synth_rows(200, seed=987_654, face_crops=True))
    images = [r["image"] for r in rows]
    emotion = vqa.generate(images, QUESTIONS["emotion"], faces="none")
    acc = sum(a.label == r["emotion"] for a, r in zip(emotion, rows)) / len(rows)
    spoof = vqa.generate(images, QUESTIONS["spoof"], faces="none")
    auc = roc_auc_score([r["spoof"] == "real" for r in rows], [a.probs["real"] for a in spoof])
    ages = np.array([r["age"] for r in rows], dtype=float)
    pred = np.array([a.value for a in vqa.generate(images, QUESTIONS["age"], faces="none")])
    mae, mae_mean = np.abs(pred - ages).mean(), np.abs(ages.mean() - ages).mean()
    assert acc >= 0.25 and auc >= 0.9 and mae <= 0.6 * mae_mean, (acc, auc, mae, mae_mean)
    for question, name, floor in (("Is the person wearing a hat?", "wearing_hat", 0.8),
                                  ("Is the hair wavy?", "wavy_hair", 0.8),
                                  ("Is the person bald?", "bald", 0.8),
                                  ("What color is the hair?", "hair_color", 0.5)):
        answers = vqa.generate(images, question, faces="none")
        keep = [i for i, r in enumerate(rows) if r["attributes"].get(name) is not None]
        truth = [str(rows[i]["attributes"][name]).lower() for i in keep]
        got = [{"yes": "true", "no": "false"}.get(str(answers[i].label), str(answers[i].label))
               for i in keep]
        assert answers[0].attribute == name
        assert balanced_accuracy_score(truth, got) >= floor, (name, truth, got)
