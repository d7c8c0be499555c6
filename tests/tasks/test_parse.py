"""Parsers: generated text -> normalised label / number / explanation / attack (tables)."""

from __future__ import annotations

import pytest

from facevqa.tasks import make_route, parse_answer

AGE = [
    ("32", 32, "30-39"),  # bare number
    ("thirty-two", 32, "30-39"),  # number in words with a hyphen
    ("She is about Thirty Two years old.", 32, "30-39"),  # words, mixed case, in a sentence
    ("I'd say 45.", 45, "40-49"),  # contraction before the number
    ("late 20s", 28, "20-29"),  # decade with "late"
    ("in her early thirties", 32, "30-39"),  # decade in words with "early"
    ("mid-forties probably", 45, "40-49"),  # hyphenated "mid-"
    ("20-29", 24.5, "20-29"),  # a FairFace group label stays that group
    ("between 25 and 30", 27.5, "20-29"),  # a range -> its middle
    ("70+", 75, "70+"),  # open-ended group label
    ("over 60", 65, "60-69"),  # "over N"
    ("a teenager", 16, "10-19"),  # age word, no number
    ("Probably a toddler.", 2, "0-2"),  # age word
    ("elderly woman", 75, "70+"),  # age word for old age
    ("4 months old", 0, "0-2"),  # months -> 0 years
    ("Around twenty five, maybe thirty", 25, "20-29"),  # the first estimate wins
    ("95", 95, "70+"),  # above the last choice: group 70+, value kept
    ("no idea", None, None),  # nothing to read
    ("", None, None),  # empty text
]


@pytest.mark.parametrize("text,value,label", AGE)
def test_parse_age(text, value, label):
    p = parse_answer(make_route("age", "how old?"), text)
    assert (p.value, p.label) == (value, label)


EMOTION = [
    ("Happy", "happy"),  # the label itself, capitalised
    ("happiness.", "happy"),  # noun form with punctuation
    ("She looks furious!", "anger"),  # synonym in a sentence
    ("SURPRISED", "surprise"),  # upper case adjective
    ("not happy, rather sad", "sad"),  # negated label skipped
    ("Neither happy nor sad, just neutral", "neutral"),  # neither/nor
    ("He doesn't look angry; he looks scared", "fear"),  # n't negation, second clause
    ("a look of disdain", "contempt"),  # contempt synonym
    ("grossed out", "disgust"),  # multi-word synonym
    ("calm, expressionless", "neutral"),  # neutral synonyms
    ("i don't know", None),  # nothing recognisable
]


@pytest.mark.parametrize("text,label", EMOTION)
def test_parse_emotion(text, label):
    assert parse_answer(make_route("emotion", "?"), text).label == label


GENDER = [
    ("Male", "male"),  # the label
    ("F", "female"),  # a bare letter
    ("Looks like a man to me", "male"),  # synonym in a sentence
    ("A young woman.", "female"),  # synonym after an adjective
    ("it's a female", "female"),  # "female" is not read as "male"
    ("not a man, a woman", "female"),  # negated first mention
    ("She is smiling", "female"),  # pronoun only, as a last resort
    ("hard to say", None),  # nothing to read
]


@pytest.mark.parametrize("text,label", GENDER)
def test_parse_gender(text, label):
    assert parse_answer(make_route("gender", "?"), text).label == label


BINARY = [
    ("Yes", "yes"),  # plain yes
    ("yep, he is", "yes"),  # casual yes
    ("No.", "no"),  # plain no
    ("Nope", "no"),  # casual no
    ("He isn't wearing any", "no"),  # negation without a leading no
    ("He wears thin glasses", "yes"),  # affirmative statement
    ("Not visible", "not_visible"),  # the not-visible choice
    ("The eyes are covered by hair", "not_visible"),  # occluded
    ("I can't tell from this angle", "not_visible"),  # cannot tell
    ("No, it's hidden by the hat", "not_visible"),  # not-visible beats a leading no
    ("unclear", "not_visible"),  # hedging
    ("glasses", None),  # neither yes nor no
]


@pytest.mark.parametrize("text,label", BINARY)
def test_parse_binary_attribute(text, label):
    r = make_route("attribute", "?", attribute="eyeglasses")
    assert parse_answer(r, text).label == label


VALUED = [
    ("hair_color", "Blonde", "blond"),  # spelling variant
    ("hair_color", "Dark brown", "brown"),  # two-word synonym beats "dark"
    ("hair_color", "not blond, more like ginger", "red"),  # negation then synonym
    ("hair_color", "grey", "gray"),  # British spelling
    ("hair_color", "Can't see, she wears a hat", "not_visible"),  # occluded
    ("eyewear", "No glasses at all", "none"),  # "no glasses" is the none value
    ("eyewear", "sunglasses", "sunglasses"),  # not read as eyeglasses
    ("eyewear", "He has reading glasses", "eyeglasses"),  # synonym phrase
    ("facial_hair", "clean-shaven", "none"),  # none synonym with hyphen
    ("facial_hair", "a thick moustache", "mustache"),  # British spelling
    ("head_pose", "Facing the camera", "frontal"),  # multi-word synonym
    ("hair_type", "lots of curls", "curly"),  # noun form
    ("eye_color", "no", None),  # no "none" value for eyes: unreadable
]


@pytest.mark.parametrize("attribute,text,label", VALUED)
def test_parse_valued_attribute(attribute, text, label):
    r = make_route("attribute", "?", attribute=attribute)
    assert parse_answer(r, text).label == label


SPOOF = [
    ("Yes.", "real", None, None),  # plain verdict
    ("yes", "real", None, None),  # lowercase target form
    ("no. paper border visible", "spoof", "print", "paper border visible"),  # training target
    ("Nope, it's a printed photo", "spoof", "print", "it's a printed photo"),  # casual
    ("No. The face is shown on a smartphone screen with moire.", "spoof", "replay",
     "The face is shown on a smartphone screen with moire."),  # replay cues
    ("It is a fake: a silicone mask", "spoof", "mask", "It is a fake: a silicone mask"),  # no lead
    ("no, looks like a deepfake", "spoof", "other", "looks like a deepfake"),  # other attack
    ("no. something is off", "spoof", "other", "something is off"),  # no known cue -> other
    ("no", "spoof", None, None),  # verdict without explanation: attack unknown
    ("This is a live person.", "real", None, "This is a live person."),  # statement
    ("not a spoof", "real", None, "not a spoof"),  # negated spoof word
    ("not real, it is on a monitor", "spoof", "replay", "not real, it is on a monitor"),
    ("not a mask, it's a print", "spoof", "print", "not a mask, it's a print"),  # negated cue
    ("hmm", None, None, "hmm"),  # unreadable
]


@pytest.mark.parametrize("text,label,attack,explanation", SPOOF)
def test_parse_spoof(text, label, attack, explanation):
    p = parse_answer(make_route("spoof", "?"), text)
    assert (p.label, p.attack, p.explanation) == (label, attack, explanation)


@pytest.mark.parametrize("task", ["caption", "open"])
def test_free_text_is_cleaned_not_labelled(task):
    p = parse_answer(make_route(task, "what is in the background?"), "  A  smiling\nwoman. ")
    assert (p.label, p.text) == (None, "A smiling woman.")


def test_attack_cue_table_names_every_attack_type():
    from facevqa.tasks import ATTACKS
    from facevqa.tasks.parse import _ATTACK_CUES

    assert tuple(a for a, _ in _ATTACK_CUES) == ATTACKS
