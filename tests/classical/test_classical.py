"""ClassicalHeads bookkeeping: statuses, order, broadcasting, face modes, label mapping."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from facevqa.classical.heads import ClassicalHeads, to_answer, years_to_choices
from facevqa.classical.readers import Reading
from facevqa.errors import ConfigError
from facevqa.examples import available_examples


@pytest.fixture(scope="module")
def astronaut():
    return Image.open(available_examples()["astronaut"]).convert("RGB")


def test_statuses_in_input_order(heads, astronaut):
    blank = np.full((120, 120, 3), 128, np.uint8)
    images = [astronaut, b"not an image", blank, astronaut, astronaut, astronaut]
    questions = ["How old is this person?", "How old is this person?", "What emotion is shown?",
                 "Who is this?", "Describe this face.", "What is the perceived gender?"]
    got = heads.generate(images, questions)
    assert [a.status for a in got] == ["ok", "error", "no_face", "refused", "abstain", "ok"]
    assert [a.task for a in got] == ["age", "age", "emotion", None, "caption", "gender"]
    assert all(a.source == "classical" for a in got)
    assert got[1].error and got[1].value is None
    assert "no face" in got[2].error
    assert "identif" in got[3].error  # the router's reason is passed through
    assert "no classical head answers caption" in got[4].error
    assert got[0].face is not None and got[0].value is not None and got[0].probs


def test_one_question_for_all_and_mismatch(heads, astronaut):
    got = heads.generate([astronaut, astronaut], "What emotion is shown?")
    assert [a.label for a in got] == ["happy", "happy"]
    with pytest.raises(ConfigError, match="questions for"):
        heads.generate([astronaut, astronaut, astronaut], ["a?", "b?"])


def test_batch_size_does_not_change_answers(heads, astronaut):
    small = astronaut.resize((256, 256))
    images = [astronaut, small, astronaut.rotate(3)]
    one = heads.generate(images, "How old is this person?", batch_size=1)
    many = heads.generate(images, "How old is this person?", batch_size=16)
    for a, b in zip(one, many):
        assert a.label == b.label
        assert a.probs == pytest.approx(b.probs, abs=1e-5)


def test_face_modes(heads, astronaut):
    x0, y0, x1, y1 = heads.detector.detect(astronaut)[0].box
    crop = astronaut.crop((x0 - 10, y0 - 10, x1 + 10, y1 + 10))
    (a,) = heads.generate([crop], "What emotion is shown?", faces="none")
    assert a.status == "ok" and a.label == "happy" and a.face.box == (0, 0, *crop.size)
    (every,) = heads.generate([astronaut], "What emotion is shown?", faces="all")
    assert len(every.faces) >= 1 and every.faces[0].label == every.label
    with pytest.raises(ConfigError, match="valid"):
        heads.generate([astronaut], "age?", faces="some")


def test_forced_task_and_spoof_explanation(heads, astronaut):
    (a,) = heads.generate([astronaut], "", task="spoof")
    assert a.task == "spoof" and a.label in ("real", "spoof") and a.text in ("yes", "no")
    assert "antispoof model: real score" in a.explanation
    assert "liveness model: live" in a.explanation and a.attack is None


def test_head_choice_and_unknown_names():
    assert ClassicalHeads(heads={"age": "gear-age"}).heads["age"] == "gear-age"
    with pytest.raises(ConfigError, match="gender heads"):
        ClassicalHeads(heads={"gender": "age-v1"})
    with pytest.raises(ConfigError, match="valid"):
        ClassicalHeads(heads={"caption": "x"})


def test_info_names_models_and_what_is_not_exposed(heads):
    info = heads.info()
    assert info["source"] == "classical"
    assert set(info["tasks"]) == {"age", "gender", "emotion", "spoof"}
    assert info["tasks"]["spoof"]["models"] == ["antispoof", "liveness"]
    assert "race" in info["not_exposed"] and "descriptor" in info["not_exposed"]
    assert all(m["upstream"].startswith("https://") for m in info["models"].values())


def _Route(task, labels, choices):
    from facevqa.tasks import Route

    return Route(task, None, question="", prompt="", labels=tuple(labels),
                 choices=tuple(choices), kind="closed", family="paligemma")


def test_age_reading_maps_to_groups_and_median():
    from facevqa.tasks.age import AGE_CHOICES, FAIRFACE_GROUPS

    years = np.zeros(81)
    years[[24, 25, 26]] = 1 / 3  # all mass in the twenties
    a = to_answer(_Route("age", FAIRFACE_GROUPS, AGE_CHOICES),
                  Reading("t", {}, tuple(years)), None)
    assert a.label == "20-29" and a.confidence == pytest.approx(1.0)
    assert a.value == pytest.approx(25.0) and a.text == "24"  # first of three equal choices


def test_years_beyond_the_choices_join_the_last():
    assert years_to_choices([0.5, 0.25, 0.25], 2) == [0.5, 0.5]
    assert years_to_choices([1.0], 3) == [1.0, 0.0, 0.0]


def test_low_confidence_abstains_and_keeps_its_guess():
    from facevqa.tasks.labels import GENDERS

    a = to_answer(_Route("gender", GENDERS, GENDERS),
                  Reading("t", {"male": 0.55, "female": 0.45}), None)
    assert a.status == "abstain" and a.label == "male" and "threshold" in a.error


def test_a_failing_model_fails_only_its_items(heads, astronaut, monkeypatch):
    from facevqa.classical import runtime

    real_run = runtime.run

    def flaky(path, batch):  # the emotion model fails on any batch of more than one face
        if path.name == "emotion.onnx" and batch.shape[0] > 1:
            raise RuntimeError("simulated batch failure")
        return real_run(path, batch)

    monkeypatch.setattr(runtime, "run", flaky)
    got = heads.generate([astronaut, astronaut], "What emotion is shown?")
    assert [a.status for a in got] == ["ok", "ok"]  # retried one by one
    monkeypatch.setattr(runtime, "run", lambda path, batch: (_ for _ in ()).throw(
        RuntimeError("broken model")))
    (a,) = heads.generate([astronaut], "What emotion is shown?")
    assert a.status == "error" and "broken model" in a.error and a.face is not None
