"""QA builder: questions from the task templates, answers from answer_text, datasets objects."""

from __future__ import annotations

from collections import Counter

import pytest
from PIL import Image

from facevqa.data.qa import (
    NO_FACE_ANSWER,
    QAConfig,
    build_examples,
    to_dataset,
    to_iterable_dataset,
    usable_templates,
)
from facevqa.data.rows import Skips, make_row
from facevqa.errors import ConfigError


@pytest.fixture(scope="module")
def examples(synth_sample_rows):
    return list(build_examples(synth_sample_rows, QAConfig(max_attributes=None)))


def test_every_face_task_is_asked(examples):
    assert set(Counter(e["task"] for e in examples)) == {
        "age", "emotion", "gender", "attribute", "spoof", "caption", "open"}


def test_spoof_answers_follow_verdict_then_explanation(examples, synth_sample_rows):
    by_id = {r["id"]: r for r in synth_sample_rows}
    for e in (e for e in examples if e["task"] == "spoof"):
        row = by_id[e["id"]]
        if row["spoof"] == "real":
            assert e["answer"] == "yes" and e["label"] == "real"
        else:
            assert e["answer"].startswith("no. ") and e["label"] == "spoof"
            assert all(cue in e["answer"] for cue in row["cues"])
            assert e["spoof"] == row["spoof"] and e["cues"] == row["cues"]


def test_attribute_negatives_are_explicit(examples):
    answers = Counter(e["answer"] for e in examples if e["task"] == "attribute")
    assert answers["no"] > answers["yes"] > 20


def test_race_is_a_group_column_never_a_question(examples):
    assert all("race" not in e["question"] and "ethnic" not in e["question"] for e in examples)
    assert "race" in examples[0]


def test_age_answer_is_years_and_label_the_group(examples):
    e = next(e for e in examples if e["task"] == "age")
    assert e["answer"] == str(e["age"]) and e["label"] == e["age_group"] and e["value"] == e["age"]


def test_nonface_rows_answer_no_face(examples):
    nonface = [e for e in examples if not e["is_face"]]
    assert nonface and all(e["answer"] == NO_FACE_ANSWER for e in nonface)


def test_templates_fit_the_answer_form():
    # yes/no phrasings only for yes/no answers; spoof ones must mean "yes = real"
    spoof = usable_templates("spoof", None, True)
    assert spoof[0] == "is this photo of a real person?"
    assert all(any(w in q for w in ("real", "live", "genuine", "bona fide")) for q in spoof)
    emotion = usable_templates("emotion", None, False)
    assert "does the person look angry?" not in emotion and len(emotion) >= 3
    assert all("clean-shaven" not in q for q in usable_templates("attribute", "beard", True))


def test_several_phrasings_per_question(synth_sample_rows):
    rows = [r for r in synth_sample_rows if r["is_face"]][:1]
    cfg = QAConfig(tasks=("emotion",), phrasings=3)
    questions = [e["question"] for e in build_examples(rows, cfg)]
    assert len(questions) == 3 == len(set(questions))
    canonical = build_examples(rows, QAConfig(tasks=("emotion",), canonical=True))
    assert [e["question"] for e in canonical] == ["what emotion is shown?"]


def test_unknown_labels_are_counted_not_raised():
    skips = Skips()
    row = make_row(id="x", image="x.jpg", emotion="bored", gender="female",
                   attributes={"eyeglasses": True, "sparkles": True})
    got = list(build_examples([row], skips=skips))
    assert {e["task"] for e in got} == {"gender", "attribute"}
    assert skips.summary().counts == {"unknown_emotion_label": 1}


def test_open_questions_come_from_the_row():
    row = make_row(id="u", image="u.jpg", caption="A man.", qa=[("Is the nose long?", "Yes.")])
    got = {e["task"]: e for e in build_examples([row])}
    assert got["open"]["question"] == "Is the nose long?" and got["open"]["answer"] == "Yes."
    assert got["caption"]["answer"] == "A man."


def test_config_rejects_unknown_task():
    with pytest.raises(ConfigError, match="valid: age, emotion"):
        QAConfig(tasks=("age", "race"))


def test_map_style_and_streaming_datasets(synth_sample_rows, tmp_path):
    ds = to_dataset(synth_sample_rows[:4], QAConfig(tasks=("emotion", "spoof")),
                    cache_dir=str(tmp_path))
    assert len(ds) >= 6 and isinstance(ds[0]["image"], Image.Image)
    assert {"image", "question", "answer", "task", "attribute", "label", "skin_tone",
            "age_group", "gender", "race", "spoof", "cues"} <= set(ds.column_names)
    stream = to_iterable_dataset(lambda: iter(synth_sample_rows[:3]),
                                 QAConfig(tasks=("gender",)))
    got = list(stream)
    assert len(got) == 3  # one gender question per face, one "no face" per other image
    assert isinstance(got[0]["image"], Image.Image)
