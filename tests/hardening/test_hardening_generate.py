"""The bad-input corpus through FaceVQA.generate() on the tiny PaliGemma: every item gets its
own status and message, nothing raises, and good items answer as they do alone."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import pytest
from corpus import ANSWERED, QUESTIONS, by_name
from hardening_support import QUESTION, same_answer

from facevqa.answer import STATUSES


def _content(path: str) -> str:
    return hashlib.sha1(Path(path).read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def mixed(tiny_vqa, corpus):
    """The whole corpus as one call, batches of 8 mixing good and bad items."""
    return tiny_vqa.generate([c.path for c in corpus], QUESTION, batch_size=8)


@pytest.fixture(scope="module")
def alone(tiny_vqa, corpus):
    """Each distinct good file answered by itself (one call, one image)."""
    out = {}
    for c in corpus:
        if c.good and _content(c.path) not in out:
            out[_content(c.path)] = tiny_vqa.generate([c.path], QUESTION)[0]
    return out


def check_status(case, answer) -> None:
    """The answer's status is one the case allows, with a message where it must have one."""
    assert answer.status in case.expect, (case.name, answer.status, answer.error)
    if answer.status in ("error", "no_face", "refused"):
        assert answer.error, case.name
    if case.message:
        assert re.search(case.message, answer.error or "", re.I), (case.name, answer.error)


def test_every_item_gets_its_own_status(mixed, corpus):
    assert len(mixed) == len(corpus)
    for case, answer in zip(corpus, mixed):
        check_status(case, answer)
    statuses = {a.status for a in mixed}
    assert {"ok", "abstain"} & statuses and {"error", "no_face"} <= statuses


def test_good_items_in_a_mixed_batch_answer_as_alone(mixed, alone, corpus):
    good = [(c, a) for c, a in zip(corpus, mixed) if c.good]
    assert len(good) >= 15
    for case, answer in good:
        same_answer(answer, alone[_content(case.path)], case.name)
    cases = by_name(corpus)
    face = mixed[list(cases).index("face.jpg")]
    for case, answer in zip(corpus, mixed):
        if case.same_as:  # the same bytes under another name: the same answer
            same_answer(answer, face, case.name)


def test_bad_inputs_as_bytes_get_the_same_errors(tiny_vqa, corpus):
    files = [c for c in corpus if c.expect == {"error"} and os.path.isfile(c.path)]
    answers = tiny_vqa.generate([Path(c.path).read_bytes() for c in files], QUESTION)
    for case, answer in zip(files, answers):
        check_status(case, answer)


def test_group_photo_answers_every_face(tiny_vqa, corpus):
    cases = by_name(corpus)
    paths = [cases[n].path for n in ("group_of_three.jpg", "zero_bytes.jpg", "face.jpg")]
    group, bad, one = tiny_vqa.generate(paths, QUESTION, faces="all")  # one Answer per input
    assert len(group.faces) == 3 and len({a.face.box for a in group.faces}) == 3
    assert all(a.status in ANSWERED for a in group.faces)
    largest = tiny_vqa.generate([paths[0]], QUESTION)[0]
    same_answer(largest, group.faces[0], "largest face first")
    same_answer(largest, group, "the input's answer is its largest face's")
    assert bad.status == "error" and bad.faces == ()
    assert one.status in ANSWERED and len(one.faces) == 1


def test_odd_questions_each_get_a_status(tiny_vqa, corpus):
    face = by_name(corpus)["face.jpg"].path
    good = ["How old is this person?", "Describe this face.", QUESTION]
    questions = [q.text for q in QUESTIONS] + good
    answers = tiny_vqa.generate([face] * len(questions), questions, batch_size=4,
                                max_new_tokens=4)
    for q, a in zip(QUESTIONS, answers):
        assert a.status in q.expect, (q.name, a.status, a.error)
        assert a.status in STATUSES
        if q.message:
            assert re.search(q.message, a.error or "", re.I), (q.name, a.error)
        if a.status in ("error", "refused"):
            assert a.error, q.name
    for q, a in zip(good, answers[len(QUESTIONS):]):
        same_answer(a, tiny_vqa.generate([face], q, max_new_tokens=4)[0], q)


def test_exif_orientations_decode_upright(corpus):
    import numpy as np

    from facevqa.images import load_image

    cases = by_name(corpus)
    upright = np.asarray(load_image(cases["exif_1.jpg"].path), dtype=float)
    for o in range(2, 9):
        img = np.asarray(load_image(cases[f"exif_{o}.jpg"].path), dtype=float)
        assert img.shape == upright.shape, o
        assert np.abs(img - upright).mean() < 4, o  # JPEG noise only, not a turned image


def test_one_file_object_or_memoryview_is_one_image(tiny_vqa, corpus):
    path = by_name(corpus)["face.jpg"].path
    want = tiny_vqa.generate([path], QUESTION)[0]
    with open(path, "rb") as fh:
        got = tiny_vqa.generate(fh, QUESTION)  # not iterated line by line
    assert len(got) == 1
    same_answer(got[0], want, "file object")
    [view] = tiny_vqa.generate(memoryview(Path(path).read_bytes()), QUESTION)
    same_answer(view, want, "memoryview")
