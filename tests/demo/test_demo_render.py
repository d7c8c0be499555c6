"""How answers are shown: one case per status and task shape."""

from __future__ import annotations

import pytest
from PIL import Image

from demo.render import draw_face, escape, show, spoof_markdown, status_markdown, task_line
from facevqa import Answer, Face

CASES = [
    # ok closed-set answer: headline, confidence and probabilities
    (Answer(status="ok", task="emotion", label="happy", probs={"happy": 0.9, "sad": 0.1},
            confidence=0.9), ["Answer", "happy", "0.90"], True),
    # age: years and group
    (Answer(status="ok", task="age", label="30-39", value=33.4, probs={"30-39": 1.0},
            confidence=1.0), ["about 33 years old", "30-39"], True),
    # attribute: names the attribute
    (Answer(status="ok", task="attribute", attribute="hair_color", label="blond",
            probs={"blond": 1.0}, confidence=1.0), ["hair color: blond"], True),
    # abstain: best guess plus the reason
    (Answer(status="abstain", task="gender", label="male", probs={"male": 0.55, "female": 0.45},
            confidence=0.55, error="confidence 0.55 is under the gender threshold 0.60"),
     ["Not sure", "Best guess: perceived male", "under the gender threshold"], True),
    # no face: the detector's message and a hint
    (Answer(status="no_face", task="age", error="no face found in the image"),
     ["No face found", "no face found in the image", "clearly visible"], False),
    # refused: the router's reason
    (Answer(status="refused", error="FaceVQA does not identify people", text="x"),
     ["Refused", "does not identify people"], False),
    # error: the per-item message
    (Answer(status="error", error="corrupt or truncated image"),
     ["Could not answer", "corrupt or truncated image"], False),
    # open task: the generated text is the answer
    (Answer(status="ok", task="open", text="a red helmet"), ["a red helmet"], False),
]


@pytest.mark.parametrize("answer, expected, has_probs", CASES)
def test_show_every_status(answer, expected, has_probs):
    shown = show(answer)
    for text in expected:
        assert text in shown.markdown.replace("\\", "")
    assert (shown.probs is not None) == has_probs


def test_spoof_verdict_and_explanation():
    a = Answer(status="ok", task="spoof", label="spoof", attack="replay", confidence=0.8,
               probs={"real": 0.2, "spoof": 0.8}, explanation="screen moire and a bezel")
    md = spoof_markdown(a)
    assert "Spoof" in md and "replay" in md and "screen moire and a bezel" in md
    assert "Real person" in spoof_markdown(Answer(status="ok", task="spoof", label="real"))
    assert spoof_markdown(Answer(status="ok", task="emotion", label="happy")) == ""


def test_task_line_and_escape():
    assert task_line(Answer(status="ok", task="attribute", attribute="eyeglasses")) == \
        "attribute: eyeglasses"
    assert task_line(Answer(status="refused")) == "-"
    assert escape("<b>*x*</b>") == "\\<b\\>\\*x\\*\\</b\\>"
    assert "<script>" not in status_markdown(Answer(status="error", error="<script>"))


def test_draw_face_scales_and_boxes():
    img = Image.new("RGB", (2048, 1024), "white")
    a = Answer(status="ok", task="emotion", label="happy", face=Face((512, 256, 1024, 768)))
    out = draw_face(img, a)
    assert out.size == (1024, 512) and img.getpixel((256, 200)) == (255, 255, 255)
    assert out.getpixel((256, 200)) != (255, 255, 255)  # the box edge (scaled by 1/2)
    assert draw_face(img, Answer(status="error")).size == (1024, 512)
