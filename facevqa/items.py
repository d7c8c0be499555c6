"""From raw (image, question) inputs to work items: route, decode, detect, crop.

Shared by every answering system (VLM and classical heads), so they route, detect and report
per-item problems the same way.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, replace
from typing import Any, Sequence

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


def as_list(images: Any) -> list:
    """Accept one image or a sequence of images."""
    single = (str, bytes, bytearray, os.PathLike, Image.Image, np.ndarray)
    return [images] if isinstance(images, single) else list(images)


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


def prepare_items(images: Any, questions: str | Sequence[str], *, detector: FaceDetector,
                  task: str | None = None, attribute: str | None = None,
                  faces: str = "largest", family: str = "paligemma") -> list[list[Item]]:
    """Work items per input, in input order (several per input with faces='all')."""
    if faces not in FACE_MODES:
        raise ConfigError(f"faces={faces!r}; valid: {', '.join(FACE_MODES)}")
    images = as_list(images)
    questions = broadcast_questions(questions, len(images))
    return [_prepare_one(i, img, q, detector, task, attribute, faces, family)
            for i, (img, q) in enumerate(zip(images, questions))]


def _prepare_one(index, image, question, detector, task, attribute, faces, family) -> list[Item]:
    from facevqa.router import Refusal, route

    try:
        r = route(question, task=task, attribute=attribute, family=family)
    except ConfigError as e:
        return [Item(index, answer=Answer(status="error", error=str(e)))]
    if isinstance(r, Refusal):
        return [Item(index, answer=Answer(status="refused", error=r.reason, text=r.reason))]
    base = Answer(status="error", task=r.task, attribute=r.attribute)
    try:
        from facevqa.images import load_image

        img = load_image(image)
    except ImageError as e:
        return [Item(index, r, answer=replace(base, error=str(e)))]
    found = detector.detect(img) if faces != "none" else [Face((0, 0, img.width, img.height))]
    if not found:
        msg = "no face found in the image (pass faces='none' if it is already a face crop)"
        return [Item(index, r, answer=replace(base, status="no_face", error=msg))]
    chosen = found if faces == "all" else found[:1]
    return [Item(index, r, crop=crop_face(img, f) if faces != "none" else img, face=f)
            for f in chosen]


def assemble(groups: list[list[Item]], answers: dict[tuple[int, int], Answer],
             faces: str) -> list:
    """Answers back in input order: one per input, or a list per input with faces='all'."""
    out = []
    for items in groups:
        got = [it.answer if it.answer is not None else answers[(it.index, k)]
               for k, it in enumerate(items)]
        got = [replace(a, face=it.face) if it.face is not None else a
               for a, it in zip(got, items)]
        out.append(got if faces == "all" else got[0])
    return out
