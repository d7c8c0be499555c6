"""Real labelled face photos for the embedded default, cropped as generate() crops them.

`--data ROOT` names a folder holding the public copies as fetched (docs/real_data.md) and the
hold-out filter's lists beside them:

    ROOT/utkface/data/UTKFace/unlabeled/   ROOT/utkface.kept.txt
    ROOT/fer2013/data/{train,test}/        ROOT/fer2013.kept.txt
    ROOT/celeba/celebA/ + ROOT/celeba_attr/list_attr_celeba.txt   ROOT/celeba.kept.txt

Each pool is read by its `facevqa.data.sources` adapter and kept to its list (a pool whose folder
is missing is skipped with a warning). Every photo goes through the default face detector and
`crop_face`, the crop the model sees at inference (the whole photo where no face is found,
counted, not attacked); a stable `spoof_rate` share also yields a print, replay or mask
attack rendered on that same crop by `facevqa.data.synthetic.spoof`, labels kept, explanation naming
the cues drawn. Crops are
cached at CROP px in shards under ROOT/crops/ (a killed build resumes at the next shard).
Photos too blurred to show an expression (sharpness < MIN_SHARPNESS) are left out, counted.
Splits, stable per id: FER2013's own test folder and 10% of the other pools are "test" (never
trained on), 5% "validation", the rest "train".
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

CROP = 64
SHARD = 1000
MIN_SHARPNESS = 3.0


@dataclass(frozen=True)
class Pool:
    """One labelled photo collection inside the data root."""

    name: str
    source: str
    """facevqa.data.sources adapter."""
    root: str
    images: str
    """Folder the kept list's paths are relative to."""

    def rows(self, data: Path) -> list[dict[str, Any]]:
        from facevqa.data.sources import get_source

        kept = set((data / f"{self.name}.kept.txt").read_text(encoding="utf-8").split())
        options = {"image_root": str(data / self.images)} if self.images != self.root else {}
        base = data / self.images
        rows = get_source(self.source)(data / self.root, **options)
        return [r for r in rows if Path(r["image"]).relative_to(base).as_posix() in kept]


PROVENANCE = (
    ("UTKFace aligned crops", "mattans/AgeProgression@2d937c615a3d10408db0ea795842e569bc9eedb0",
     "data/UTKFace/unlabeled/", "non-commercial research only"),
    ("FER2013", "darkbit404/FaceExp@91f4f6e6c1f45f2acc89f3d8dae486ea3f99c17c", "data/",
     "ICML 2013 challenge data (Kaggle), research use"),
    ("CelebA aligned, ids 1-10000", "karthikSingireddy/cs389-hw4@"
     "702f8f7bdf59386959872d52879faac800f20ab1", "celebA/", "non-commercial research only"),
    ("CelebA attributes", "zgjsxx/face-property-detection-pytorch@"
     "9baf27d6fdd8fcb36dcf197fdf203455d76acc5e", "list_attr_celeba.txt",
     "non-commercial research only"),
)
"""(data set, repo@commit, path, terms) of every real training source."""

RESEARCH_ONLY = (
    "Research use only: these weights were trained on UTKFace, FER2013 and CelebA, whose terms "
    "allow non-commercial research only; the weights inherit those terms.")


def sources_markdown() -> str:
    """The training sources as a markdown table (model card, NOTICE)."""
    lines = ["| data set | copy (repo@commit) | path | terms |", "| --- | --- | --- | --- |"]
    lines += [f"| {a} | {b} | `{c}` | {d} |" for a, b, c, d in PROVENANCE]
    return "\n".join(lines)


POOLS = (
    Pool("utkface", "utkface", "utkface/data/UTKFace/unlabeled", "utkface/data/UTKFace/unlabeled"),
    Pool("fer2013", "affectnet", "fer2013/data", "fer2013/data"),
    Pool("celeba", "celeba", "celeba_attr", "celeba/celebA"),
)


def split_of(row: dict[str, Any]) -> str:
    """test / validation / train, stable per row id (FER2013 keeps its own test folder)."""
    bucket = zlib.crc32(str(row["id"]).encode()) % 20
    if row["source"] == "affectnet":  # FER2013 keeps its own test folder
        return "test" if row.get("split") == "test" else "validation" if bucket == 2 else "train"
    return "test" if bucket < 2 else "validation" if bucket == 2 else "train"


def crop_geometry(size: int):
    """Where the face sits in a pipeline crop (face box = the middle 2/3), for the attacks."""
    from facevqa.data.synthetic.scene import Geometry

    lo, hi = size / 6, size * 5 / 6
    w = hi - lo
    cx, cy = size / 2, size / 2
    t = np.linspace(0, 2 * np.pi, 24, endpoint=False)
    outline = tuple((float(cx + 0.42 * w * np.cos(a)), float(cy + 0.5 * w * np.sin(a))) for a in t)
    eyes = ((lo + 0.3 * w, lo + 0.4 * w), (lo + 0.7 * w, lo + 0.4 * w))
    return Geometry(outline=outline, eyes=eyes, mouth=(cx, lo + 0.78 * w),
                    box=(round(lo), round(lo), round(hi), round(hi)))


def _attack(row_id: str, crop, spoof_rate: float):
    """The attack drawn for this row (None for most rows), rendered at 224 and re-cropped."""
    from PIL import Image

    from facevqa.answer import Face
    from facevqa.data.synthetic.spoof import ATTACKS, apply_spoof
    from facevqa.faces import crop_face

    rng = np.random.default_rng(zlib.crc32(row_id.encode()))
    if rng.random() >= spoof_rate:
        return None
    big = crop.resize((224, 224), Image.BICUBIC)
    res = apply_spoof(rng, big, crop_geometry(224), str(rng.choice(ATTACKS)))
    out = crop_face(res.image, Face(box=res.box, score=1.0)).resize((CROP, CROP), Image.BICUBIC)
    return out, res


def sharpness(pixels: np.ndarray) -> float:
    """Mean absolute Laplacian of the grey crop (0-255 scale): ~10-20 for a photo, < 3 for the
    low-passed copies some public mirrors carry (every FER2013 train image of one we tried)."""
    g = pixels.astype(np.float32).mean(axis=-1)
    lap = 4 * g[1:-1, 1:-1] - g[:-2, 1:-1] - g[2:, 1:-1] - g[1:-1, :-2] - g[1:-1, 2:]
    return float(np.abs(lap).mean())


def _crop_shard(args: tuple[list[str], list[str], float, Path]) -> Path:
    """Detect + crop one shard of photos (and their attacks) into an .npz; returns its path."""
    from facevqa.faces import crop_face, get_detector
    from facevqa.images import load_image

    paths, ids, spoof_rate, out = args
    detector = get_detector()
    xs, found, spoofs, attacks, sharp = [], [], [], [], []
    for path, row_id in zip(paths, ids):
        img = load_image(path)
        sharp.append(sharpness(np.asarray(img.convert("RGB").resize((CROP, CROP), 3))))
        faces = detector.detect(img) if sharp[-1] >= MIN_SHARPNESS else []
        crop = img
        if faces:
            face = max(faces, key=lambda f: (f.box[2] - f.box[0]) * (f.box[3] - f.box[1]))
            crop = crop_face(img, face)
        xs.append(np.asarray(crop.convert("RGB").resize((CROP, CROP), 3)))
        found.append(bool(faces))
        spoof = _attack(row_id, crop.convert("RGB"), spoof_rate) if faces else None
        spoofs.append(np.asarray(spoof[0]) if spoof else np.zeros_like(xs[-1]))
        attacks.append(f"{spoof[1].attack}|{'|'.join(spoof[1].cues)}" if spoof else "")
    tmp = out.with_suffix(".tmp.npz")
    np.savez(tmp, x=np.stack(xs), found=np.array(found), spoof_x=np.stack(spoofs),
             attack=np.array(attacks), sharp=np.array(sharp))
    tmp.rename(out)
    return out


def real_rows(data: str | Path, spoof_rate: float = 0.25, workers: int = 2,
              progress: bool = True) -> Iterator[dict[str, Any]]:
    """Contract rows (PIL face crops, labels, split) of every pool under `data`, spoofs added."""
    from PIL import Image
    from tqdm.auto import tqdm

    from facevqa.data.captions import caption_for
    from facevqa.data.synthetic.spoof import explain

    data = Path(data)
    for pool in POOLS:
        if not (data / pool.root).exists():
            log.warning("real data: %s missing under %s, skipped", pool.name, data)
            continue
        rows = pool.rows(data)
        folder = data / "crops" / f"{pool.name}-{CROP}-{spoof_rate}"
        folder.mkdir(parents=True, exist_ok=True)
        jobs = [([r["image"] for r in rows[i:i + SHARD]], [r["id"] for r in rows[i:i + SHARD]],
                 spoof_rate, folder / f"{i // SHARD:05d}.npz") for i in range(0, len(rows), SHARD)]
        todo = [j for j in jobs if not j[3].exists()]
        if todo:
            with ProcessPoolExecutor(workers) as ex:
                done = ex.map(_crop_shard, todo)
                for _ in tqdm(done, total=len(todo), desc=f"crop {pool.name}",
                              disable=not progress):
                    pass
        found = blurred = 0
        for (_, _, _, shard), lo in zip(jobs, range(0, len(rows), SHARD)):
            z = dict(np.load(shard))  # read each array once, not per row
            found += int(z["found"].sum())
            for k, row in enumerate(rows[lo:lo + SHARD]):
                if z["sharp"][k] < MIN_SHARPNESS:
                    blurred += 1
                    continue
                row = {**row, "image": Image.fromarray(z["x"][k]), "spoof": "real", "cues": [],
                       "split": split_of(row)}
                row["caption"] = caption_for(row)
                yield row
                if z["attack"][k]:
                    attack, *cues = str(z["attack"][k]).split("|")
                    yield {**row, "id": f"{row['id']}-{attack}",
                           "image": Image.fromarray(z["spoof_x"][k]), "spoof": attack,
                           "cues": cues, "explanation": explain(attack, tuple(cues))}
        log.info("real data: %s %d photos, face found in %d, %d too blurred to use", pool.name,
                 len(rows), found, blurred)


REPORT_ATTRIBUTES = ("smiling", "eyeglasses", "beard", "wearing_hat", "mouth_slightly_open",
                     "blond_hair")
"""The CelebA attributes the real-photo report scores (issue 18's six)."""


def write_eval_sets(data: str | Path, out: str | Path, n_train: int = 1000) -> dict[str, int]:
    """Each pool's held-out photos as a saved QA set at out/<pool>/ for `facevqa eval --data
    disk:out/<pool>`: its "test" photos (scored), "validation" photos (the evaluation's dev
    split: thresholds, temperature) and n_train "train" photos (the prior baseline). Photos
    stay whole: the evaluation runs the full generate() path, detection included. Canonical
    questions; attributes: REPORT_ATTRIBUTES. Returns the test photo count per pool."""
    from facevqa.data.build import write_examples
    from facevqa.data.qa import QAConfig

    data, out = Path(data), Path(out)
    counts = {}
    for pool in POOLS:
        if not (data / pool.root).exists():
            continue
        rows = [{**r, "split": split_of(r), "attributes": {
            k: v for k, v in r["attributes"].items() if k in REPORT_ATTRIBUTES}}
            for r in pool.rows(data)]
        rows.sort(key=lambda r: zlib.crc32(str(r["id"]).encode()))  # --limit takes a random
        train = [r for r in rows if r["split"] == "train"][:n_train]  # sample, not the first
        held = [r for r in rows if r["split"] != "train"]  # ages or emotions in name order
        write_examples(held + train, out / pool.name, source=pool.source,
                       config=QAConfig(canonical=True, max_attributes=None))
        counts[pool.name] = sum(r["split"] == "test" for r in rows)
    return counts


def add_parser(sub: Any) -> Any:
    """`facevqa build real-faces` (registered by finetune in pyproject's facevqa.commands)."""
    p = sub.add_parser("real-faces", help="held-out sets of real face photos for facevqa eval",
                       description="real face photos: held-out sets for facevqa eval")
    p.add_argument("--data", required=True, help="folder of the real photo pools")
    p.add_argument("--eval-sets", required=True, metavar="OUT", help="where to write them")
    p.add_argument("--spoof-folders", default=None, metavar="DIR",
                   help="also an anti-spoofing set in class folders, all of it test (never "
                        "trained or tuned on), written to OUT/spoof")
    p.set_defaults(run=run)
    return p


def run(args: Any) -> int:
    import json

    counts = write_eval_sets(Path(args.data).expanduser(), args.eval_sets)
    if args.spoof_folders:
        from facevqa.data.build import write_examples
        from facevqa.data.qa import QAConfig
        from facevqa.data.sources import get_source

        rows = ({**r, "split": "test"} for r in get_source("spoof_folders")(args.spoof_folders))
        summary = write_examples(rows, Path(args.eval_sets) / "spoof", source="spoof_folders",
                                 config=QAConfig(tasks=("spoof",), canonical=True))
        counts["spoof"] = summary.rows_used
    print(json.dumps(counts))
    return 0
