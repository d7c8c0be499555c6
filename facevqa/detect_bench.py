"""Face-found rates of the face-detector candidates on crops, full photos and non-faces.

Run: facevqa -v bench detect [--n 500] [--seed 0] [--exclude-seed S] [--only haar,default]
Face crops come from the local dataset cache (~/.cache/facevqa/data, only the images listed in
its *.kept.txt files); sets whose files are missing are skipped. `--seed 1 --exclude-seed 0`
draws crops disjoint from those of `--seed 0` (same --n): the check slice for numbers not tuned
on. Shipped images (LFW subset, scikit-image, scikit-learn and matplotlib photos, the example
photos) need no cache. Results: docs/detection.md.
"""

from __future__ import annotations

import argparse
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image

from facevqa.answer import Face

log = logging.getLogger(__name__)

DATA = Path.home() / ".cache" / "facevqa" / "data"
CROP_SETS = {  # name: (kept list, folder its paths are relative to)
    "utkface 200x200": ("utkface.kept.txt", "utkface/data/UTKFace/unlabeled"),
    "fer2013 48x48 grey": ("fer2013.kept.txt", "fer2013/data"),
    "celeba 89x109": ("celeba.kept.txt", "celeba/celebA"),
}
FACELESS_PHOTOS = ("brick", "chelsea", "cell", "checkerboard", "clock", "coffee", "coins",
                   "colorwheel", "grass", "gravel", "horse", "hubble_deep_field",
                   "immunohistochemistry", "logo", "microaneurysms", "moon", "page", "retina",
                   "rocket", "text", "stereo_motorcycle")
"""scikit-image photos without a human face (camera and astronaut show people)."""
UNSEEN_PHOTOS = (("sklearn", "datasets/images/china.jpg"),
                 ("sklearn", "datasets/images/flower.jpg"),
                 ("matplotlib", "mpl-data/sample_data/Minduka_Present_Blue_Pack.png"))
"""Faceless photos of other packages, not used when the O-Net thresholds were chosen."""


def candidates() -> dict[str, Callable[[], object]]:
    """Detector candidates by name (factories, so a missing model fails only its own row)."""
    from facevqa.blazeface import BlazeFaceDetector
    from facevqa.faces import (
        FirstFound,
        HaarDetector,
        PaddedDetector,
        detector_chain,
        get_detector,
    )

    def pad(inner, fill: str = "constant"):
        return lambda: PaddedDetector(inner(), fill=fill)

    unverified = {"min_face_prob": None, "whole_face_prob": None}

    return {
        "haar": HaarDetector,
        "haar+pad": pad(HaarDetector),
        "haar+pad edge": pad(HaarDetector, "edge"),
        "haar+pad reflect": pad(HaarDetector, "reflect"),
        "blazeface": BlazeFaceDetector,
        "blazeface+pad": pad(BlazeFaceDetector),
        "blazeface+pad edge": pad(BlazeFaceDetector, "edge"),
        "haar|blazeface": lambda: FirstFound((HaarDetector(), BlazeFaceDetector())),
        "haar|blazeface|both+pad": lambda: FirstFound((
            HaarDetector(), BlazeFaceDetector(), PaddedDetector(HaarDetector(), fill="constant"),
            PaddedDetector(BlazeFaceDetector(), fill="constant"))),
        "padded-haar": lambda: get_detector("padded-haar"),
        "old default": lambda: detector_chain(**unverified, thumbnails=True),
        "old chain no-thumbnail": lambda: detector_chain(**unverified, thumbnails=False),
        "old chain 0.85 no-thumbnail": lambda: detector_chain(0.85, **unverified,
                                                              thumbnails=False),
        "verified no-whole-crop": lambda: detector_chain(whole_face_prob=None),
        "verified whole-crop 0.8": lambda: detector_chain(whole_face_prob=0.8),
        "verified 0.3": lambda: detector_chain(min_face_prob=0.3),
        "verified + thumbnails": lambda: detector_chain(thumbnails=True),
        "default": get_detector,
    }


SHOWN = ("haar", "blazeface", "padded-haar", "old default", "old chain no-thumbnail",
         "verified no-whole-crop", "default")
"""Candidates measured when --only is not given."""


def crop_set(kept: str, folder: str, n: int, seed: int, prefix: str = "",
             exclude_seed: int | None = None) -> list[Image.Image]:
    """`n` random images of a cached dataset, drawn only from its kept (tuning) list; with
    `exclude_seed`, none of the `n` images that seed draws."""
    names = [s for s in (DATA / kept).read_text().split() if s.startswith(prefix)]
    if exclude_seed is not None:
        taken = set(_draw(names, n, exclude_seed))
        names = [s for s in names if s not in taken]
    return [Image.open(DATA / folder / s).convert("RGB") for s in _draw(names, n, seed)]


def _draw(names: list[str], n: int, seed: int) -> list[str]:
    pick = np.random.default_rng(seed).choice(len(names), size=min(n, len(names)), replace=False)
    return [names[i] for i in sorted(pick)]


def lfw(upscale: int = 4) -> tuple[list[Image.Image], list[Image.Image]]:
    """scikit-image's LFW subset as tight crops (no padding), upscaled: (faces, non-faces)."""
    images, is_face = lfw_images(upscale=upscale, pad=0.0)
    return ([im for im, f in zip(images, is_face) if f],
            [im for im, f in zip(images, is_face) if not f])


def faceless_photos() -> list[Image.Image]:
    """The scikit-image photos without a face, as RGB."""
    import skimage.data

    out = []
    for name in FACELESS_PHOTOS:
        a = getattr(skimage.data, name)()
        a = np.asarray(a[0] if isinstance(a, tuple) else a)  # stereo pairs: the left view
        if a.dtype == bool:
            a = a.astype(np.uint8) * 255
        out.append(Image.fromarray(a[..., :3] if a.ndim == 3 else a).convert("RGB"))
    return out


def unseen_photos() -> list[Image.Image]:
    """UNSEEN_PHOTOS as RGB (those whose package is not installed are skipped)."""
    import importlib.util

    out = []
    for package, path in UNSEEN_PHOTOS:
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            continue
        file = Path(next(iter(spec.submodule_search_locations))) / path
        if file.is_file():
            out.append(Image.open(file).convert("RGB"))
    return out


def nonface_crops(photos: list[Image.Image], n: int, seed: int, size: int = 200,
                  grey: bool = False) -> list[Image.Image]:
    """Random square crops of faceless photos, resized to `size`."""
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        photo = photos[rng.integers(len(photos))]
        side = int(rng.integers(min(photo.size) // 6, min(photo.size)))
        x, y = (int(rng.integers(0, s - side + 1)) for s in photo.size)
        crop = photo.crop((x, y, x + side, y + side)).resize((size, size))
        out.append(crop.convert("L") if grey else crop)
    return out


def plain_images(seed: int) -> list[Image.Image]:
    """Blank, noise, gradient and synthetic non-face renders (landscapes, objects, patterns)."""
    from facevqa.data.synthetic.nonface import NONFACE_KINDS, draw_nonface_image

    rng = np.random.default_rng(seed)
    out = [Image.new("RGB", (s, s), (v, v, v)) for s in (48, 200, 640) for v in (0, 128, 255)]
    out += [Image.fromarray(rng.integers(0, 255, (s, s, 3), np.uint8)) for s in (48, 200, 640)]
    ramp = np.linspace(0, 255, 200).astype(np.uint8)
    out += [Image.fromarray(np.tile(ramp, (200, 1))), Image.fromarray(np.tile(ramp[:, None], 200))]
    out += [draw_nonface_image(rng, 224, NONFACE_KINDS[i % len(NONFACE_KINDS)])[0]
            for i in range(60)]
    return out


def composed_frames(crops: list[Image.Image], photos: list[Image.Image], seed: int
                    ) -> list[Image.Image]:
    """Full frames: each face crop pasted at a random place and scale (20-60% of the shorter
    side) into a 640x480 or 480x640 faceless photo."""
    rng = np.random.default_rng(seed)
    out = []
    for crop in crops:
        w, h = (640, 480) if rng.random() < 0.7 else (480, 640)
        frame = photos[rng.integers(len(photos))].resize((w, h))
        scale = rng.uniform(0.2, 0.6) * min(w, h) / max(crop.size)
        face = crop.resize((max(1, round(crop.width * scale)), max(1, round(crop.height * scale))))
        frame.paste(face, (int(rng.integers(0, w - face.width + 1)),
                           int(rng.integers(0, h - face.height + 1))))
        out.append(frame)
    return out


def example_photos() -> list[Image.Image]:
    """The real full photos shipped in installed packages (astronaut, Grace Hopper, Kafka)."""
    from facevqa.examples import available_examples
    from facevqa.images import load_image

    return [load_image(p) for p in available_examples().values()]


def load_sets(n: int, seed: int, exclude_seed: int | None = None
              ) -> tuple[dict[str, list], dict[str, list]]:
    """(face sets, non-face sets) by name."""
    faces: dict[str, list] = {}
    for name, (kept, folder) in CROP_SETS.items():
        if (DATA / kept).is_file():
            faces[name] = crop_set(kept, folder, n, seed, exclude_seed=exclude_seed)
        else:
            log.warning("skipping %s: %s not found", name, DATA / kept)
    lfw_faces, lfw_nonfaces = lfw()
    faces["lfw faces 100x100 grey"] = lfw_faces
    photos = faceless_photos()
    faces["example photos (3)"] = example_photos()
    pasted = [im for key in ("utkface 200x200", "celeba 89x109") for im in faces.get(key, [])]
    if pasted:
        rng = np.random.default_rng(seed + 1)
        pick = rng.choice(len(pasted), size=min(n // 2, len(pasted)), replace=False)
        faces["composed full frames"] = composed_frames([pasted[i] for i in pick], photos, seed)
    nonfaces = {"lfw non-faces 100x100": lfw_nonfaces, "faceless photos": photos,
                "faceless photo crops 200x200": nonface_crops(photos, n // 2, seed),
                "faceless photo crops 48x48 grey": nonface_crops(photos, n // 2, seed + 1, 48,
                                                                 grey=True),
                "plain + synthetic non-faces": plain_images(seed)}
    unseen = unseen_photos()
    if unseen:
        nonfaces["unseen photos + crops"] = (
            unseen + nonface_crops(unseen, n // 4, seed + 2)
            + nonface_crops(unseen, n // 4, seed + 3, 48, grey=True))
    return faces, nonfaces


def found_rate(detector, images: list[Image.Image]) -> float:
    """Share of `images` in which `detector` finds at least one face."""
    return float(np.mean([len(detector.detect(im)) > 0 for im in images]))


def measure(names: list[str], n: int, seed: int, exclude_seed: int | None = None
            ) -> dict[str, dict[str, float]]:
    """{candidate: {set: face-found rate}} for every face and non-face set."""
    faces, nonfaces = load_sets(n, seed, exclude_seed)
    table: dict[str, dict[str, float]] = {}
    for name in names:
        detector, row = candidates()[name](), {}
        start = time.perf_counter()
        for set_name, images in {**faces, **nonfaces}.items():
            row[set_name] = found_rate(detector, images)
        count = sum(map(len, faces.values())) + sum(map(len, nonfaces.values()))
        row["ms per image"] = 1000 * (time.perf_counter() - start) / count
        table[name] = row
        log.info("%s done", name)
    return table


def whole_crop_curve(n: int, left_out: int, thresholds: tuple[float, ...] = (
        0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)) -> dict[str, dict[str, float]]:
    """Face-found rate of the default chain per whole-crop threshold (`WholeCropRule.min_prob`):
    `n` FER2013 crops that neither the tuning sample nor the check slice (`left_out` crops
    each, seeds 0 and 1) draws, against faceless 48 and 200 px crops of seeds no table uses."""
    from facevqa.faces import WholeCropRule, detector_chain
    from facevqa.mtcnn import ONet

    kept, folder = CROP_SETS["fer2013 48x48 grey"]
    names = (DATA / kept).read_text().split()
    taken = set(_draw(names, left_out, 0))
    taken |= set(_draw([s for s in names if s not in taken], left_out, 1))
    pool = [s for s in names if s not in taken]
    photos, unseen = faceless_photos(), unseen_photos()
    sets = {"fer2013 48x48 grey (not in either slice)":
            [Image.open(DATA / folder / s).convert("RGB") for s in _draw(pool, n, 7)],
            "faceless photo crops 48x48 grey": nonface_crops(photos, n * 3 // 5, 11, 48, grey=True),
            "faceless photo crops 200x200": nonface_crops(photos, n * 3 // 10, 12),
            "unseen photo crops 48x48 grey": nonface_crops(unseen, n * 3 // 10, 13, 48, grey=True),
            "unseen photo crops 200x200": nonface_crops(unseen, n * 3 // 20, 14)}
    inner = detector_chain(whole_face_prob=None)
    rule = WholeCropRule(inner, ONet())

    def score(image: Image.Image) -> float:  # 2: found by the chain; -1: shape not looked at
        if inner.detect(image):
            return 2.0
        prob = rule.whole_prob(image)
        return -1.0 if prob is None else prob

    scores = {name: np.array([score(im) for im in images]) for name, images in sets.items()}
    return {f"whole crop >= {t}": {name: float(np.mean(v >= t)) for name, v in scores.items()}
            for t in thresholds}


def markdown(table: dict[str, dict[str, float]]) -> str:
    """The table with candidates as columns and sets as rows."""
    names = list(table)
    sets = list(next(iter(table.values())))
    lines = ["| set | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    for s in sets:
        fmt = "{:.1f}" if s == "ms per image" else "{:.3f}"
        lines.append(f"| {s} | " + " | ".join(fmt.format(table[c][s]) for c in names) + " |")
    return "\n".join(lines)


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


def add_parser(sub) -> argparse.ArgumentParser:
    """`facevqa bench detect`."""
    p = sub.add_parser("detect", help="face-found rates of the face-detector candidates",
                       description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=500, help="images per cached crop set")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--exclude-seed", type=int, default=None,
                   help="leave out the crops that this seed draws (a disjoint check slice)")
    p.add_argument("--only", default="", help="comma-separated candidates (default: "
                   f"{','.join(SHOWN)})")
    p.add_argument("--whole-crop-curve", action="store_true",
                   help="instead: FER2013 crops outside both slices vs faceless crops, per "
                        "whole-crop threshold (--n FER2013 crops)")
    p.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    from facevqa.errors import ConfigError

    if args.whole_crop_curve:
        print("face-found rate per whole-crop threshold (both --n 150 slices left out)")
        print(markdown(whole_crop_curve(args.n, 150)))
        return 0
    names = [s for s in args.only.split(",") if s] or list(SHOWN)
    unknown = set(names) - set(candidates())
    if unknown:
        raise ConfigError(f"unknown candidates {sorted(unknown)}; valid: "
                          f"{', '.join(candidates())}")
    print("face-found rate per set (faces: higher is better; non-faces: lower is better)")
    print(markdown(measure(names, args.n, args.seed, args.exclude_seed)))
    return 0
