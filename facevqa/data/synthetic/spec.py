"""Ground truth of one synthetic face: sample every drawn property from a seeded generator."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from facevqa.data.rows import AGE_GROUPS, EMOTIONS, GENDERS, HAIR_COLORS, age_group_of

AGE_RANGES = ((1, 2), (3, 9), (10, 19), (20, 29), (30, 39), (40, 49), (50, 59), (60, 69), (70, 90))
"""Ages in years drawn for each FairFace group (same order as AGE_GROUPS)."""

HAIR_STYLES = ("short", "long", "curly", "bun")
HAT_STYLES = ("cap", "beanie", "fedora")
BEARD_STYLES = ("none", "full", "goatee", "stubble")
EYE_COLORS = ("brown", "blue", "green", "hazel", "gray")


@dataclass(frozen=True)
class FaceSpec:
    """Everything drawn on one synthetic face; the row's ground truth comes from here."""

    age: int
    gender: str
    emotion: str
    skin_tone: int
    """Monk-like scale, 1 (lightest) to 10 (darkest)."""
    hair_color: str
    hair_style: str
    bald: bool
    bangs: bool
    eyeglasses: bool
    sunglasses: bool
    beard: str
    mustache: bool
    hat: str | None
    earrings: bool
    lipstick: bool
    heavy_makeup: bool
    mouth_open: bool
    eye_color: str
    intensity: float
    """Expression strength, 0.75-1."""

    @property
    def age_group(self) -> str:
        """FairFace group of the age."""
        return age_group_of(self.age)

    def attributes(self) -> dict[str, bool | str | None]:
        """CelebA-named yes/no attributes (lowercase snake) and valued ones (hair_color,
        hair_length, hair_type, eye_color, facial_hair, eyewear); None where not visible."""
        has_beard = self.beard in ("full", "goatee")
        hair = "bald" if self.bald else self.hair_style
        eyewear = "sunglasses" if self.sunglasses else "eyeglasses" if self.eyeglasses else "none"
        facial = {"full": "beard", "goatee": "goatee", "stubble": "stubble"}.get(
            self.beard, "mustache" if self.mustache else "none")
        return {
            "eyeglasses": self.eyeglasses or self.sunglasses,
            "sunglasses": self.sunglasses,
            "wearing_hat": self.hat is not None,
            "beard": has_beard,
            "no_beard": not has_beard,
            "goatee": self.beard == "goatee",
            "5_o_clock_shadow": self.beard == "stubble",
            "mustache": self.mustache,
            "smiling": self.emotion == "happy",
            "mouth_slightly_open": self.mouth_open,
            "bangs": None if self.hat in ("cap", "beanie") else self.bangs,
            "bald": None if self.hat else self.bald,
            "wearing_earrings": self.earrings,
            "wearing_lipstick": self.lipstick,
            "heavy_makeup": self.heavy_makeup,
            "male": self.gender == "male",
            "young": self.age < 30,
            "wavy_hair": self.hair_style == "curly" and not self.bald,
            "straight_hair": self.hair_style != "curly" and not self.bald,
            **{f"{c}_hair": self.hair_color == c for c in ("black", "blond", "brown", "gray")},
            "hair_color": self.hair_color,
            "hair_style": hair,
            "hair_length": "not_visible" if self.bald and self.hat else {
                "bald": "bald", "short": "short", "curly": "medium"}.get(hair, "long"),
            "hair_type": None if self.bald else "curly" if hair == "curly" else "straight",
            "eye_color": "not_visible" if self.sunglasses else self.eye_color,
            "facial_hair": facial,
            "eyewear": eyewear,
        }


def _hair_color(rng: np.random.Generator, age: int) -> str:
    greying = np.clip((age - 45) / 30, 0, 1)
    if rng.random() < greying:
        return "white" if rng.random() < np.clip((age - 60) / 25, 0.15, 0.85) else "gray"
    return str(rng.choice(HAIR_COLORS[:4] + ("red",), p=(0.3, 0.3, 0.22, 0.0, 0.18)))


def _hair(rng: np.random.Generator, age: int, male: bool) -> dict[str, Any]:
    bald = bool(male and age >= 30 and rng.random() < np.clip((age - 25) / 60, 0, 0.6))
    weights = (0.6, 0.1, 0.25, 0.05) if male else (0.12, 0.58, 0.18, 0.12)
    style = "short" if age < 3 else str(rng.choice(HAIR_STYLES, p=weights))
    return {"hair_color": _hair_color(rng, age), "hair_style": style, "bald": bald,
            "bangs": bool(not bald and style != "bun" and rng.random() < 0.35)}


def _face_hair(rng: np.random.Generator, age: int, male: bool) -> dict[str, Any]:
    if not male or age < 18:
        return {"beard": "none", "mustache": False}
    beard = str(rng.choice(BEARD_STYLES, p=(0.55, 0.2, 0.12, 0.13)))
    return {"beard": beard, "mustache": bool(rng.random() < (0.65 if beard != "none" else 0.2))}


def _accessories(rng: np.random.Generator, age: int, male: bool) -> dict[str, Any]:
    glasses = rng.random()
    adult = age >= 16
    lipstick = bool(adult and not male and rng.random() < 0.5)
    return {
        "eyeglasses": bool(age >= 6 and glasses < 0.2),
        "sunglasses": bool(age >= 6 and 0.2 <= glasses < 0.32),
        "hat": str(rng.choice(HAT_STYLES if adult else HAT_STYLES[:2])) if rng.random() < 0.22
        else None,
        "earrings": bool(age >= 4 and rng.random() < (0.1 if male else 0.55)),
        "lipstick": lipstick,
        "heavy_makeup": bool(lipstick and rng.random() < 0.6),
    }


_OPEN_MOUTH = {"neutral": 0.1, "happy": 0.5, "sad": 0.1, "surprise": 1.0, "fear": 1.0,
               "disgust": 0.3, "anger": 0.5, "contempt": 0.0}


def sample_spec(rng: np.random.Generator, **overrides: Any) -> FaceSpec:
    """Draw a face's properties; age_group, gender, skin_tone and emotion may be fixed."""
    group = overrides.pop("age_group", None) or str(rng.choice(AGE_GROUPS))
    lo, hi = AGE_RANGES[AGE_GROUPS.index(group)]
    age = int(overrides.pop("age", None) or rng.integers(lo, hi + 1))
    gender = overrides.pop("gender", None) or str(rng.choice(GENDERS))
    emotion = overrides.pop("emotion", None) or str(rng.choice(EMOTIONS))
    tone = int(overrides.pop("skin_tone", None) or rng.integers(1, 11))
    male = gender == "male"
    spec = FaceSpec(
        age=age, gender=gender, emotion=emotion, skin_tone=tone,
        mouth_open=bool(rng.random() < _OPEN_MOUTH[emotion]),
        eye_color=str(rng.choice(EYE_COLORS, p=(0.45, 0.2, 0.12, 0.15, 0.08))),
        intensity=float(rng.uniform(0.75, 1.0)),
        **_hair(rng, age, male), **_face_hair(rng, age, male), **_accessories(rng, age, male),
    )
    if spec.sunglasses and spec.heavy_makeup:
        spec = replace(spec, heavy_makeup=False)
    return replace(spec, **overrides) if overrides else spec
