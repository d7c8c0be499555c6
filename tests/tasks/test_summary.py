"""summarize (choice probabilities -> labels) and answer_text (exact training targets)."""

from __future__ import annotations

import pytest

from facevqa.errors import ConfigError
from facevqa.tasks import (
    ATTRIBUTES,
    FAIRFACE_GROUPS,
    TASKS,
    answer_text,
    make_route,
    restrict_probs,
    summarize,
)


def test_age_summary_groups_years_and_uses_the_median():
    r = make_route("age", "how old?")
    probs = [0.0] * 91
    probs[22], probs[27], probs[33] = 0.3, 0.3, 0.4
    s = summarize(r, probs)
    assert s.label == "20-29" and list(s.probs) == list(FAIRFACE_GROUPS)
    assert s.probs["20-29"] == pytest.approx(0.6) and s.confidence == pytest.approx(0.6)
    assert s.value == pytest.approx(27.0 - 0.5 + (0.5 - 0.3) / 0.3)  # median, inside year 27


def test_closed_summary_maps_choices_one_to_one_and_renormalises():
    r = make_route("spoof", "is it real?")
    s = summarize(r, [2.0, 6.0])  # unnormalised scores are renormalised
    assert (s.label, s.probs, s.confidence) == ("spoof", {"real": 0.25, "spoof": 0.75}, 0.75)
    a = make_route("attribute", "?", attribute="eyeglasses")
    s = summarize(a, [0.1, 0.2, 0.7])
    assert s.label == "not_visible" and set(s.probs) == {"yes", "no", "not_visible"}


@pytest.mark.parametrize("probs", [[0.5], [0.5, -0.1], [float("nan"), 1.0], [0.0, 0.0]])
def test_summary_rejects_bad_probabilities(probs):
    with pytest.raises(ValueError):
        summarize(make_route("spoof", "?"), probs)


def test_open_tasks_have_nothing_to_summarise():
    with pytest.raises(ConfigError):
        summarize(make_route("caption", "describe"), [])


def test_restrict_to_rafdb():
    probs = dict.fromkeys(TASKS["emotion"].labels, 0.1)
    probs["contempt"] = 0.3
    out = restrict_probs(probs, ["happy", "sad"])
    assert out == {"happy": 0.5, "sad": 0.5}


TARGETS = [
    (("age",), {"value": 31.6}, "32"),  # years rounded
    (("age", "20-29"), {}, "25"),  # group only -> representative age
    (("age", "60+"), {}, "65"),  # a 5-group label works too
    (("age",), {"value": 104}, "90"),  # clipped to the last choice
    (("emotion", "Happiness"), {}, "happy"),  # data-set spelling -> canonical label
    (("emotion", "anger"), {}, "anger"),
    (("gender", "Female"), {}, "female"),
    (("attribute", True), {"attribute": "eyeglasses"}, "yes"),  # CelebA-style bool
    (("attribute", "no"), {"attribute": "beard"}, "no"),
    (("attribute", "not_visible"), {"attribute": "bangs"}, "not visible"),
    (("attribute", "Blonde"), {"attribute": "hair_color"}, "blond"),
    (("spoof", "real"), {}, "yes"),
    (("spoof", "print"), {"explanation": "Paper border visible."}, "no. paper border visible"),
    (("spoof", "spoof"), {}, "no"),
    (("caption",), {"text": " A smiling  woman with glasses. "}, "A smiling woman with glasses."),
]


@pytest.mark.parametrize("args,kwargs,expected", TARGETS)
def test_answer_text(args, kwargs, expected):
    assert answer_text(*args, **kwargs) == expected


@pytest.mark.parametrize("args,kwargs", [
    (("emotion", "bored"), {}),  # not an AffectNet label
    (("age",), {}),  # nothing to say
    (("spoof", "maybe"), {}),
    (("caption",), {}),
    (("attribute", "yes"), {}),  # attribute missing
])
def test_answer_text_rejects_unknown_labels(args, kwargs):
    with pytest.raises(ConfigError):
        answer_text(*args, **kwargs)


def test_every_label_target_is_a_scored_choice():
    """Training targets and scored choices agree, so data building and scoring match."""
    for task in ("emotion", "gender"):
        r = make_route(task, "?")
        assert [answer_text(task, label) for label in r.labels] == list(r.choices)
    for name in ATTRIBUTES:
        r = make_route("attribute", "?", attribute=name)
        assert [answer_text("attribute", lab, attribute=name) for lab in r.labels] == list(
            r.choices)
    r = make_route("age", "?")
    assert all(answer_text("age", value=v) in r.choices for v in range(0, 120))
    assert answer_text("spoof", "replay", explanation="a screen").startswith(
        make_route("spoof", "?").choices[1])
