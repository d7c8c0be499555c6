"""The guard on generated text (facevqa.guard) and its use on open/caption answers."""

from __future__ import annotations

import numpy as np
import pytest

from facevqa.guard import check_text

WITHHELD = [
    ("This is Tom Hanks.", "identity"),  # a full name
    ("She looks like Beyoncé.", "identity"),  # look-alike claim with one name
    ("This might be Obama", "identity"),  # hedged identity claim
    ("Her name is Maria.", "identity"),  # a name stated
    ("He is a famous actor.", "identity"),  # celebrity claim without a name
    ("ella se llama Ana", "identity"),  # Spanish "her name is"
    ("He appears to be of Asian descent.", "race"),  # ethnicity inference
    ("She is pregnant.", "health"),  # pregnancy
    ("She is probably Muslim because of her headscarf.", "religion"),  # religion from clothing
    ("He seems trustworthy.", "character"),  # character judgement
    ("He is probably gay.", "orientation"),  # orientation inference
]


@pytest.mark.parametrize("text,category", WITHHELD)
def test_names_identity_claims_and_traits_are_withheld(text, category):
    hit = check_text(text)
    assert hit is not None and hit.category == category
    assert "FaceVQA does not" in hit.message and hit.matched not in hit.message  # no leak


PASSED = [
    "a young woman with brown hair smiling",  # plain caption
    "The person is wearing glasses and a blue shirt.",  # clothing
    "a man in a suit standing in front of a white wall",  # "white" of a wall
    "The background is white.",  # colour of the background
    "Yes. The face is on a phone screen.",  # spoof-style text
    "The man looks tired but happy.",  # expression
    "A smiling woman with long blond hair and red lipstick.",  # attributes
    "",  # nothing generated
]


@pytest.mark.parametrize("text", PASSED)
def test_ordinary_descriptions_pass(text):
    assert check_text(text) is None


@pytest.mark.parametrize("family", ["paligemma", "llava"])
def test_generate_refuses_a_leaking_open_answer(family, tiny_paligemma, tiny_llava, monkeypatch):
    """The real tiny model runs; only the text it returns is replaced by a leaking one."""
    from facevqa import FaceVQA

    vqa = FaceVQA.from_pretrained({"paligemma": tiny_paligemma, "llava": tiny_llava}[family])
    real = vqa.backbone.generate
    leaks = iter(["This is Tom Hanks.", "a smiling man with short hair"])

    def generate(batch, max_new_tokens):
        texts = real(batch, max_new_tokens)  # the model path really runs
        return [next(leaks) for _ in texts]

    monkeypatch.setattr(vqa.backbone, "generate", generate)
    image = np.full((64, 64, 3), 128, dtype=np.uint8)
    leaked, fine = vqa.generate([image, image], ["What is in the background?",
                                                 "Describe this face."], faces="none",
                                batch_size=1)
    assert leaked.status == "refused" and leaked.text == ""
    assert "identif" in leaked.error and "Tom Hanks" not in leaked.error
    assert (fine.status, fine.task, fine.text) == ("ok", "caption", "a smiling man with short hair")
    if family == "llava":
        assert "Do not name or identify the person" in leaked.prompt
