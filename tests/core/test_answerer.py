"""One Answerer protocol: the VLM and the classical heads answer through the same call."""

from __future__ import annotations

import inspect

import pytest

from facevqa.answer import Answer, Answerer, Face
from facevqa.classical.heads import ClassicalHeads
from facevqa.model import FaceVQA


@pytest.mark.parametrize("cls", [FaceVQA, ClassicalHeads])
@pytest.mark.parametrize("method", ["generate", "info"])
def test_models_follow_the_answerer_protocol(cls, method):
    want = inspect.signature(getattr(Answerer, method)).parameters
    got = inspect.signature(getattr(cls, method)).parameters
    assert [n for n in got if n in want] == list(want)  # every shared one, in order
    for name, p in want.items():
        assert (got[name].kind, got[name].default) == (p.kind, p.default), name
    extra = [p for n, p in got.items() if n not in want]  # model-specific knobs
    assert all(p.kind == p.KEYWORD_ONLY and p.default is not p.empty for p in extra)


def test_every_face_answer_serialises_its_faces():
    one = Answer(status="ok", task="age", label="30", face=Face((0, 0, 10, 10)))
    two = Answer(status="ok", task="age", label="40", face=Face((20, 0, 28, 8)))
    d = Answer(status="ok", task="age", label="30", face=one.face, faces=(one, two)).to_dict()
    assert [f["label"] for f in d["faces"]] == ["30", "40"]
    assert d["faces"][1]["face"] == {"box": [20, 0, 28, 8], "score": 1.0}
    assert one.to_dict()["faces"] == []
