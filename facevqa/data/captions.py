"""FaceCaption-style descriptions built from a row's age, gender, expression and attributes.

Skin tone and race are never described (they are group columns for fairness only).
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from typing import Any

import numpy as np

_EMOTION_WORDS = {
    "neutral": ("a neutral expression", "a calm, neutral face"),
    "happy": ("a happy smile", "a cheerful expression"),
    "sad": ("a sad expression", "a sorrowful look"),
    "surprise": ("a surprised expression", "a look of surprise"),
    "fear": ("a fearful expression", "a frightened look"),
    "disgust": ("a disgusted expression", "a look of disgust"),
    "anger": ("an angry expression", "a furious look"),
    "contempt": ("a contemptuous smirk", "a scornful half-smile"),
}

_WEARABLES = (
    ("sunglasses", "sunglasses"), ("eyeglasses", "glasses"), ("wearing_hat", "a hat"),
    ("wearing_earrings", "earrings"), ("wearing_lipstick", "lipstick"),
    ("heavy_makeup", "heavy makeup"),
)


def _subject(age: float | None, gender: str | None) -> tuple[str, str]:
    """Noun phrase and pronoun for an age and perceived gender."""
    male = {"male": True, "female": False}.get(gender or "")
    pronoun = {True: "He", False: "She", None: "They"}[male]
    nouns = ("person", "man", "woman")
    if age is not None and age < 3:
        return "baby", pronoun
    if age is not None and age < 13:
        nouns = ("child", "boy", "girl")
    elif age is not None and age < 20:
        nouns = ("teenager", "teenage boy", "teenage girl")
    noun = nouns[0] if male is None else nouns[1 if male else 2]
    if age is None or age < 20:
        return noun, pronoun
    word = "young" if age < 30 else "middle-aged" if age < 60 else "elderly"
    return f"{word} {noun}", pronoun


def _hair_phrase(attrs: Mapping[str, Any]) -> str | None:
    if attrs.get("bald"):
        return "a bald head"
    color = attrs.get("hair_color")
    style = attrs.get("hair_style")
    texture = "wavy" if attrs.get("wavy_hair") else None
    words = [w for w in (
        "long" if style == "long" else "short" if style == "short" else None,
        texture or ("curly" if style == "curly" else None), color) if w]
    if not words and not attrs.get("bangs"):
        return None
    phrase = " ".join(words + ["hair"]) if words else "hair"
    if style == "bun":
        phrase += " tied in a bun"
    return phrase + (" with bangs" if attrs.get("bangs") else "")


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _facial_hair(attrs: Mapping[str, Any]) -> list[str]:
    items = []
    if attrs.get("goatee"):
        items.append("a goatee")
    elif attrs.get("beard"):
        items.append("a full beard")
    elif attrs.get("5_o_clock_shadow"):
        items.append("stubble")
    if attrs.get("mustache"):
        items.append("a mustache")
    return items


def caption_for(row: Mapping[str, Any], seed: int | None = None) -> str:
    """A one-to-three sentence caption; phrasing varies with `seed` (default: from the id)."""
    if seed is None:
        seed = zlib.crc32(str(row.get("id")).encode())
    rng = np.random.default_rng(seed)
    attrs = row.get("attributes") or {}
    noun, pronoun = _subject(row.get("age"), row.get("gender"))
    article = "An" if noun[0] in "aeiou" else "A"
    first = f"{article} {noun}"
    hair = _hair_phrase(attrs)
    if hair:
        first += f" with {hair}"
    sentences = [first + "."]
    wearing = [text for key, text in _WEARABLES
               if attrs.get(key) and not (key == "eyeglasses" and attrs.get("sunglasses"))]
    if wearing:
        sentences.append(f"{pronoun} {'are' if pronoun == 'They' else 'is'} wearing "
                         f"{_join(wearing)}.")
    extras = _facial_hair(attrs)
    emotion = row.get("emotion")
    if emotion in _EMOTION_WORDS:
        extras.append(str(rng.choice(_EMOTION_WORDS[emotion])))
    if attrs.get("mouth_slightly_open") and emotion not in ("surprise", "fear"):
        extras.append("a slightly open mouth")
    if extras:
        verb = "have" if pronoun == "They" else "has"
        sentences.append(f"{pronoun} {verb} {_join(extras)}.")
    order = [0] + list(rng.permutation(np.arange(1, len(sentences))))
    return " ".join(sentences[i] for i in order)
