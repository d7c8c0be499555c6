"""Face detection and cropping, behind a small pluggable detector registry."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import numpy as np
from PIL import Image

from facevqa.answer import Face
from facevqa.errors import ConfigError

log = logging.getLogger(__name__)


class FaceDetector(Protocol):
    """Anything that finds faces: returns boxes in image pixels, largest first."""

    def detect(self, image: Image.Image) -> list[Face]: ...


@dataclass(frozen=True)
class HaarDetector:
    """OpenCV's frontal-face Haar cascade (ships inside opencv-python-headless < 5)."""

    cascade: str = "haarcascade_frontalface_default.xml"
    max_side: int = 640
    min_neighbors: int = 5
    min_size_fraction: float = 0.08

    def detect(self, image: Image.Image) -> list[Face]:
        import cv2

        scale = min(1.0, self.max_side / max(image.size))
        small = image if scale == 1.0 else image.resize(
            (max(1, round(image.width * scale)), max(1, round(image.height * scale))))
        gray = cv2.equalizeHist(np.asarray(small.convert("L")))
        min_side = max(16, int(min(gray.shape) * self.min_size_fraction))
        boxes, _, weights = _cascade(self.cascade).detectMultiScale3(
            gray, scaleFactor=1.1, minNeighbors=self.min_neighbors,
            minSize=(min_side, min_side), outputRejectLevels=True)
        faces = [Face(box=_scale_box((x, y, x + w, y + h), 1 / scale, image.size),
                      score=float(s)) for (x, y, w, h), s in zip(boxes, np.ravel(weights))]
        return sorted(faces, key=_area, reverse=True)


@dataclass(frozen=True)
class WholeImage:
    """No detection: the whole image is the face (for inputs that are already face crops)."""

    def detect(self, image: Image.Image) -> list[Face]:
        return [Face(box=(0, 0, image.width, image.height), score=1.0)]


DETECTORS: dict[str, Callable[[], FaceDetector]] = {
    "haar": HaarDetector,
    "none": WholeImage,
}
DETECTORS["default"] = DETECTORS["haar"]


def register_detector(name: str, factory: Callable[[], FaceDetector]) -> None:
    """Make a detector available to `get_detector(name)`."""
    DETECTORS[name] = factory


def get_detector(name: str = "default") -> FaceDetector:
    """The detector registered under `name`."""
    try:
        return DETECTORS[name]()
    except KeyError:
        valid = ", ".join(DETECTORS)
        raise ConfigError(f"unknown face detector {name!r}; valid: {valid}") from None


def crop_box(size: tuple[int, int], face: Face, margin: float = 0.25
             ) -> tuple[int, int, int, int]:
    """The square box around `face`, enlarged by `margin` of its size on each side, clipped
    to an image of `size` (width, height)."""
    x0, y0, x1, y1 = face.box
    side = max(x1 - x0, y1 - y0) * (1 + 2 * margin)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return (max(0, round(cx - side / 2)), max(0, round(cy - side / 2)),
            min(size[0], round(cx + side / 2)), min(size[1], round(cy + side / 2)))


def crop_face(image: Image.Image, face: Face, margin: float = 0.25) -> Image.Image:
    """A square crop around `face`, enlarged by `margin` of its size on each side, clipped."""
    return image.crop(crop_box(image.size, face, margin))


@lru_cache(maxsize=4)
def _cascade(name: str):
    import cv2

    path = cv2.data.haarcascades + name
    cascade = cv2.CascadeClassifier(path)
    if cascade.empty():
        raise ConfigError(f"OpenCV cascade {path} could not be loaded; install "
                          "opencv-python-headless<5 (OpenCV 5 ships no cascades)")
    return cascade


def _scale_box(box, s: float, size: tuple[int, int]) -> tuple[int, int, int, int]:
    x0, y0, x1, y1 = (round(v * s) for v in box)
    return (max(0, x0), max(0, y0), min(size[0], x1), min(size[1], y1))


def _area(face: Face) -> int:
    x0, y0, x1, y1 = face.box
    return (x1 - x0) * (y1 - y0)
