"""Face-found rates of face detectors on scikit-image's LFW subset (100 faces, 100 non-faces).

The 25x25 gray crops are too small and too tight for any detector as they are, so each is
upscaled 4x (bicubic) and padded by a quarter of its size with replicated edges, which gives
the detectors the context around a face they were trained with and adds no artificial borders.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PIL import Image

from facevqa.answer import Face


@dataclass(frozen=True)
class DetectorRates:
    """Share of LFW faces where a face was found, and share of non-faces where one was."""

    face_rate: float
    nonface_rate: float


@dataclass(frozen=True)
class LBPDetector:
    """scikit-image's LBP frontal-face cascade (skimage/data/lbpcascade_frontalface_opencv.xml)."""

    scale_factor: float = 1.1
    min_size_fraction: float = 0.4
    """Smallest face searched, as a fraction of the shorter side (LFW faces fill 2/3)."""

    def detect(self, image: Image.Image) -> list[Face]:
        """Faces in `image`, largest first."""
        gray = np.asarray(image.convert("L"), dtype=np.float64) / 255.0
        side = min(gray.shape)
        low = max(24, int(side * self.min_size_fraction))
        found = _lbp_cascade().detect_multi_scale(
            gray, scale_factor=self.scale_factor, step_ratio=1, min_size=(low, low),
            max_size=(side, side))
        faces = [Face(box=(d["c"], d["r"], d["c"] + d["width"], d["r"] + d["height"]))
                 for d in found]
        return sorted(faces, key=lambda f: (f.box[2] - f.box[0]) * (f.box[3] - f.box[1]),
                      reverse=True)


@lru_cache(maxsize=1)
def _lbp_cascade():
    from pathlib import Path

    import skimage
    from skimage.feature import Cascade

    xml = Path(skimage.__file__).parent / "data" / "lbpcascade_frontalface_opencv.xml"
    return Cascade(str(xml))


def lfw_images(upscale: int = 4, pad: float = 0.25) -> tuple[list[Image.Image], np.ndarray]:
    """The 200 LFW-subset crops prepared for detectors, and their labels (True = face)."""
    from skimage.data import lfw_subset

    crops = lfw_subset()
    images = []
    for crop in crops:
        img = Image.fromarray(np.round(crop * 255).astype(np.uint8))
        side = crop.shape[0] * upscale
        big = np.asarray(img.resize((side, side), Image.Resampling.BICUBIC))
        p = int(round(side * pad))
        images.append(Image.fromarray(np.pad(big, p, mode="edge")).convert("RGB"))
    labels = np.arange(len(crops)) < len(crops) // 2  # the first 100 are faces
    return images, labels


def face_found_rates(detectors: dict[str, object], *, upscale: int = 4,
                     pad: float = 0.25) -> dict[str, DetectorRates]:
    """Face-found rate on the faces and on the non-faces, per detector."""
    images, is_face = lfw_images(upscale, pad)
    out = {}
    for name, detector in detectors.items():
        found = np.array([len(detector.detect(img)) > 0 for img in images])
        out[name] = DetectorRates(float(found[is_face].mean()), float(found[~is_face].mean()))
    return out
