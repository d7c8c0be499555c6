"""From raw (image, question) inputs to work items: route, decode, detect, crop.

Shared by every answering system (VLM and classical heads), so they route, detect and report
per-item problems the same way.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

import numpy as np
from PIL import Image

from facevqa.answer import Answer, Face
from facevqa.errors import ConfigError, ImageError
from facevqa.faces import FaceDetector, crop_face

log = logging.getLogger(__name__)

FACE_MODES = ("largest", "all", "none")


@dataclass(frozen=True)
class Item:
    """One unit of work: a face crop and its route, or an early final answer."""

    index: int
    route: Any = None
    crop: Image.Image | None = None
    face: Face | None = None
    answer: Answer | None = None
    image: Image.Image | None = None
    """The whole decoded image the face was found in."""


def as_list(images: Any) -> list:
    """Accept one image or a sequence of images."""
    single = (str, bytes, bytearray, memoryview, os.PathLike, Image.Image, np.ndarray)
    if isinstance(images, single) or hasattr(images, "read"):  # a file object is one image
        return [images]
    return list(images)


def broadcast_questions(questions: str | Sequence[str], n: int) -> list[str]:
    """One question for every image, or exactly one question per image."""
    if isinstance(questions, str):
        return [questions] * n
    questions = list(questions)
    if len(questions) == 1:
        return questions * n
    if len(questions) != n:
        raise ConfigError(f"got {len(questions)} questions for {n} images; pass one question "
                          "for all images or one per image")
    return questions


@dataclass(frozen=True)
class PrepareSpec:
    """How inputs become items: detector, face mode, forced task, prompt family, answerer."""

    detector: FaceDetector
    faces: str = "largest"
    task: str | None = None
    attribute: str | None = None
    family: str = "paligemma"
    source: str = "vlm"
    covers: Callable[[str], str | None] | None = None
    """Given a task, None if the answerer covers it, else the reason it abstains."""


def prepare_items(images: Any, questions: str | Sequence[str],
                  spec: PrepareSpec) -> list[list[Item]]:
    """Work items per input, in input order (several per input with faces='all').

    An image object passed several times (one per question) is decoded and searched once.
    """
    if spec.faces not in FACE_MODES:
        raise ConfigError(f"faces={spec.faces!r}; valid: {', '.join(FACE_MODES)}")
    images = as_list(images)
    questions = broadcast_questions(questions, len(images))
    seen: dict[int, tuple] = {}
    return [_prepare_one(i, img, q, spec, seen)
            for i, (img, q) in enumerate(zip(images, questions))]


def _prepare_one(index: int, image: Any, question: str, spec: PrepareSpec,
                 seen: dict[int, tuple]) -> list[Item]:
    from facevqa.router import Refusal, route

    final = partial(Answer, source=spec.source)
    try:
        r = route(valid_text(question), task=spec.task, attribute=spec.attribute,
                  family=spec.family)
    except ConfigError as e:
        return [Item(index, answer=final(status="error", error=str(e)))]
    if isinstance(r, Refusal):
        return [Item(index, answer=final(status="refused", error=r.reason, text=r.reason))]
    base = final(status="error", task=r.task, attribute=r.attribute)
    reason = spec.covers(r.task) if spec.covers else None
    if reason:
        return [Item(index, r, answer=replace(base, status="abstain", error=reason))]
    if id(image) not in seen:
        seen[id(image)] = _load_and_detect(image, spec)
    img, found = seen[id(image)]
    if isinstance(found, ImageError):
        return [Item(index, r, answer=replace(base, error=str(found)))]
    if not found:
        msg = "no face found in the image (pass faces='none' if it is already a face crop)"
        return [Item(index, r, answer=replace(base, status="no_face", error=msg))]
    chosen = found if spec.faces == "all" else found[:1]
    return [Item(index, r, crop=crop_face(img, f) if spec.faces != "none" else img, face=f,
                 image=img) for f in chosen]


def valid_text(question: Any) -> Any:
    """A question the tokenizer can encode: lone surrogates (undecodable bytes from argv or a
    file read with errors='surrogateescape') become U+FFFD; anything else as given."""
    if not isinstance(question, str):
        return question
    try:
        question.encode("utf-8")
        return question
    except UnicodeEncodeError:
        pass
    try:
        return question.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # surrogates that are not escaped bytes
        return question.encode("utf-8", "replace").decode("utf-8")


def _load_and_detect(image: Any, spec: PrepareSpec) -> tuple[Any, Any]:
    """(image, faces found), or (None, the ImageError) for an unusable input."""
    from facevqa.images import load_image

    try:
        img = load_image(image)
    except ImageError as e:
        return None, e
    if spec.faces == "none":
        return img, [Face((0, 0, img.width, img.height))]
    return img, spec.detector.detect(img)


def assemble(groups: list[list[Item]], answers: dict[tuple[int, int], Answer],
             faces: str) -> list[Answer]:
    """One Answer per input, in input order; with faces='all' it carries every face's answer
    in `faces` (largest first) and is itself the first of them."""
    out = []
    for items in groups:
        got = [it.answer if it.answer is not None else answers[(it.index, k)]
               for k, it in enumerate(items)]
        got = [replace(a, face=it.face) if it.face is not None else a
               for a, it in zip(got, items)]
        every = faces == "all" and items[0].face is not None
        out.append(replace(got[0], faces=tuple(got)) if every else got[0])
    return out
