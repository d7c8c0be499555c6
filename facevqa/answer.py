"""Typed results that cross every public boundary (a detected face, one answer) and the
Answerer protocol every model answering with them follows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

STATUSES = ("ok", "no_face", "abstain", "refused", "error")


@dataclass(frozen=True)
class Face:
    """A detected face: box in original-image pixels (x0, y0, x1, y1) and detector score."""

    box: tuple[int, int, int, int]
    score: float = 1.0


@dataclass(frozen=True)
class Answer:
    """One answer to one (image, question) pair, or one face of it."""

    status: str
    """ok, no_face, abstain (low confidence / not visible), refused, or error."""
    task: str | None = None
    """Routed task name (age, emotion, attribute, gender, spoof, caption, open)."""
    attribute: str | None = None
    """Attribute asked about, for the attribute task (e.g. eyeglasses, hair_color)."""
    label: str | None = None
    """Canonical label (lowercase), the best guess also when abstaining."""
    probs: dict[str, float] = field(default_factory=dict)
    """Probability of every label, 0-1, summing to 1 (closed-set tasks)."""
    confidence: float | None = None
    """Calibrated probability of `label`."""
    value: float | None = None
    """Numeric answer where the task has one (age in years)."""
    text: str = ""
    """Raw model text (generated, or the scored answer text)."""
    explanation: str | None = None
    """Why, for spoof answers."""
    attack: str | None = None
    """Spoof attack type (print, replay, mask, other) when the verdict is spoof."""
    prompt: str = ""
    """The exact prompt sent to the model."""
    face: Face | None = None
    """The face the answer is about."""
    error: str | None = None
    """Reason for error / refused / no_face / abstain statuses."""
    source: str = "vlm"
    """Which model answered (vlm, classical, probe...)."""
    faces: tuple[Answer, ...] = ()
    """With faces="all": the answer for every detected face, largest first (this answer's own
    fields are the first of them); empty otherwise."""

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}; valid: {', '.join(STATUSES)}")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        d = asdict(self)
        if self.face is not None:
            d["face"] = {"box": list(self.face.box), "score": self.face.score}
        d["faces"] = [a.to_dict() for a in self.faces]
        return d


class Answerer(Protocol):
    """What answers questions about faces: the VLM (facevqa.FaceVQA), the classical heads
    (facevqa.classical.ClassicalHeads), anything eval scores beside them."""

    def generate(self, images: Any, questions: str | Sequence[str], *, task: str | None = None,
                 attribute: str | None = None, batch_size: int = 16,
                 faces: str = "largest") -> list[Answer]:
        """One Answer per input, in input order; one bad item fails alone."""
        ...

    def info(self) -> dict[str, Any]:
        """What is loaded (models, tasks, where they come from)."""
        ...
