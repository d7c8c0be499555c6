"""Pseudo-labels: a teacher (the packaged classical heads) labels unlabelled face photos, and the
labelled rows become a QA data set of the kind `facevqa data build` writes, soft labels kept.

Labels go to `out/shards/*.jsonl` (one file per `shard_size` images, written atomically) before
the data set is assembled, so a killed run resumes without relabelling finished shards and
new thresholds only reassemble. Labels are the teacher's guesses and inherit its biases.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import time
import uuid
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from facevqa.data.qa import QAConfig, build_examples, example_features
from facevqa.data.rows import make_row
from facevqa.errors import ConfigError, ImageError

log = logging.getLogger(__name__)

TASKS = ("age", "gender", "emotion")
"""Tasks a teacher labels."""
FACE_MODES = {"detect": "largest", "crop": "none"}
"""--faces value -> ClassicalHeads face mode (crop: every input is already a face crop)."""
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".bmp", ".webp", ".gif", ".tif", ".tiff")
SUMMARY_FILE = "pseudo_label.json"
SHARDS = "shards"
SOFT_COLUMNS = tuple(f"soft_{t}" for t in TASKS)
"""Example columns holding the teacher's probabilities as JSON ({label: p}); None if dropped."""


@dataclass(frozen=True)
class PseudoLabelConfig:
    """How a teacher labels a folder of photos and which guesses are kept."""

    teacher: str = "classical"
    """Teacher name (see TEACHERS)."""
    faces: str = "detect"
    """detect: find the largest face with the default detector; crop: inputs are face crops."""
    tasks: tuple[str, ...] = TASKS
    min_age: float | None = None
    """Keep an age label when P(its age group) reaches this; None: the age task's threshold."""
    min_gender: float | None = None
    """Keep a gender label when its probability reaches this; None: the task's threshold."""
    min_emotion: float | None = None
    """Keep an emotion label when its probability reaches this; None: the task's threshold."""
    shard_size: int = 256
    """Images per shard file (the unit of resumption)."""
    batch_size: int = 16
    qa: QAConfig = field(default_factory=QAConfig)
    """How labelled rows become QA examples."""
    image_format: str = "jpeg"
    """Encoding of detected face crops (crop inputs keep their file bytes)."""

    def __post_init__(self) -> None:
        if self.teacher not in TEACHERS:
            raise ConfigError(f"unknown teacher {self.teacher!r}; valid: {', '.join(TEACHERS)}")
        if self.faces not in FACE_MODES:
            raise ConfigError(f"faces={self.faces!r}; valid: {', '.join(FACE_MODES)}")
        if not self.tasks or set(self.tasks) - set(TASKS):
            raise ConfigError(f"tasks {list(self.tasks)}: choose from {', '.join(TASKS)}")
        for task in TASKS:
            v = getattr(self, f"min_{task}")
            if v is not None and not 0.0 <= v <= 1.0:
                raise ConfigError(f"min_{task}={v}: a probability threshold is in [0, 1]")
        if self.shard_size < 1 or self.batch_size < 1:
            raise ConfigError("shard_size and batch_size must be >= 1")

    def thresholds(self) -> dict[str, float]:
        """Task -> minimum confidence of a kept label (None resolved to the task threshold)."""
        from facevqa.tasks import get_task

        out = {}
        for task in self.tasks:
            v = getattr(self, f"min_{task}")
            out[task] = get_task(task).threshold if v is None else float(v)
        return out


@dataclass(frozen=True)
class PseudoLabelSummary:
    """What one pseudo-labelling run read, labelled, kept and dropped."""

    out: str
    teacher: str
    heads: dict[str, str]
    """Task -> the teacher's model for it."""
    faces: str
    thresholds: dict[str, float]
    images: int
    """Images listed."""
    errors: int
    """Images that could not be read (missing, corrupt); a few in error_examples."""
    no_face: int
    """Readable images where the detector found no face."""
    labelled: int
    """Images with a face the teacher read."""
    kept: dict[str, int]
    """Labels kept per task."""
    dropped: dict[str, int]
    """Labels under the task's threshold per task."""
    failed: dict[str, int]
    """Labels the teacher could not give per task (head error)."""
    rows: int
    """Images with at least one kept label."""
    examples: int
    shards: int
    shards_reused: int
    """Shards found finished on disk and not relabelled."""
    error_examples: list[str]
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return asdict(self)


class ClassicalTeacher:
    """The packaged classical heads as a teacher; detects each image's face once for all tasks."""

    name = "classical"

    def __init__(self, faces: str = "detect", batch_size: int = 16, heads: Any = None):
        """heads: a ClassicalHeads to use (default: the packaged heads, detecting once)."""
        from facevqa.classical.heads import ClassicalHeads
        from facevqa.faces import get_detector

        self.mode = FACE_MODES[faces]
        self.batch_size = batch_size
        self._memo = _DetectOnce(get_detector("default"))
        self.heads = heads if heads is not None else ClassicalHeads(detector=self._memo)

    def models(self) -> dict[str, str]:
        """Task -> head name."""
        return {t: n for t, n in self.heads.heads.items() if t in TASKS}

    def label(self, images: list[Any], tasks: Sequence[str]) -> list[dict[str, Any]]:
        """One {task: Answer} per image (Answers of facevqa.classical.heads)."""
        out: list[dict[str, Any]] = [{} for _ in images]
        try:
            for task in tasks:
                answers = self.heads.generate(images, "", task=task, faces=self.mode,
                                              batch_size=self.batch_size)
                for got, answer in zip(out, answers):
                    got[task] = answer
        finally:
            self._memo.seen.clear()
        return out


@dataclass
class _DetectOnce:
    """A detector that remembers its faces per image content (one detection for all tasks)."""

    detector: Any
    seen: dict[str, Any] = field(default_factory=dict)

    def detect(self, image: Any) -> Any:
        key = hashlib.sha1(image.tobytes()).hexdigest() + repr(image.size)
        if key not in self.seen:
            self.seen[key] = self.detector.detect(image)
        return self.seen[key]


TEACHERS = {"classical": ClassicalTeacher}
"""Teacher name -> factory(faces=, batch_size=)."""


def list_images(root: str | Path, list_file: str | Path | None = None) -> list[str]:
    """Relative paths of the images to label: every image file under `root` (sorted), or the
    lines of `list_file` (one path relative to `root` a line; blank lines and # comments skipped).
    """
    root = Path(root)
    if not root.is_dir():
        raise ConfigError(f"--images {root} is not a folder")
    if list_file is not None:
        lines = Path(list_file).read_text(encoding="utf-8").splitlines()
        paths = [ln.strip() for ln in lines if ln.strip() and not ln.strip().startswith("#")]
        return list(dict.fromkeys(paths))
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*")
                  if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file())


def _record(path: str, answers: dict[str, Any]) -> dict[str, Any]:
    """One image's shard record: face box and, per task, the teacher's label and probabilities."""
    first = next(iter(answers.values()))
    if first.status == "no_face":
        return {"path": path, "status": "no_face", "error": first.error}
    labels = {t: {"status": a.status, "label": a.label, "probs": a.probs,
                  "confidence": a.confidence, "value": a.value, "error": a.error}
              for t, a in answers.items()}
    box = list(first.face.box) if first.face is not None else None
    return {"path": path, "status": "ok", "face_box": box, "labels": labels}


def label_shard(root: Path, paths: Sequence[str], teacher: Any,
                tasks: Sequence[str]) -> list[dict[str, Any]]:
    """Shard records of `paths`: unreadable images become error records, the rest are labelled."""
    from facevqa.images import load_image

    records: dict[int, dict[str, Any]] = {}
    loaded: list[tuple[int, Any]] = []
    for i, path in enumerate(paths):
        try:
            loaded.append((i, load_image(root / path)))
        except ImageError as e:
            records[i] = {"path": path, "status": "error", "error": str(e)}
    if loaded:
        answers = teacher.label([img for _, img in loaded], tasks)
        for (i, _), got in zip(loaded, answers):
            records[i] = _record(paths[i], got)
    return [records[i] for i in range(len(paths))]


def _manifest(root: Path, paths: Sequence[str], cfg: PseudoLabelConfig,
              models: dict[str, str]) -> dict[str, Any]:
    digest = hashlib.sha1("\n".join(paths).encode()).hexdigest()
    return {"images": str(root.resolve()), "paths_sha1": digest, "n": len(paths),
            "teacher": cfg.teacher, "heads": models, "faces": cfg.faces,
            "tasks": sorted(cfg.tasks), "shard_size": cfg.shard_size}


def _check_manifest(folder: Path, manifest: dict[str, Any]) -> None:
    """Shards on disk must come from the same inputs and teacher; else say how to start over."""
    path = folder / "manifest.json"
    if path.exists():
        old = json.loads(path.read_text())
        if old != manifest:
            diff = sorted(k for k in manifest if old.get(k) != manifest[k])
            raise ConfigError(f"{folder} holds labels of another run (differs in {diff}); "
                              f"delete {folder} to relabel, or choose another --out")
    else:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(manifest, indent=2))


def write_shards(root: Path, paths: Sequence[str], folder: Path, cfg: PseudoLabelConfig,
                 teacher: Any, progress: bool = False, ray: Any = None) -> tuple[list[Path], int]:
    """Label every shard not yet on disk; (shard files in order, number reused).

    ray: a facevqa.annotate_ray.RayConfig to label the shards on Ray actors (each loads the
    config's teacher) instead of with `teacher` here; the shard files are the same.
    """
    starts = range(0, len(paths), cfg.shard_size)
    files = [folder / f"{k:05d}.jsonl" for k in range(len(starts))]
    from tqdm.auto import tqdm

    done = {f for f in files if f.exists()}
    todo = [(k, list(paths[s:s + cfg.shard_size])) for k, (s, f) in enumerate(zip(starts, files))
            if f not in done]
    if ray is None:
        reports = (label_shard_file(root, chunk, files[k], teacher, cfg.tasks)
                   for k, chunk in todo)
    else:
        from facevqa.annotate_ray import ray_map

        items = [{"file": str(files[k]), "paths": chunk} for k, chunk in todo]
        reports = ray_map(items, partial(_ray_labeller, str(root), cfg), ray)
    with tqdm(total=sum(len(c) for _, c in todo), desc="pseudo-labelling", unit="image",
              disable=not progress) as bar:
        for report in reports:
            bar.update(report["images"])
    return files, len(done)


def label_shard_file(root: Path, chunk: Sequence[str], file: Path, teacher: Any,
                     tasks: Sequence[str]) -> dict[str, Any]:
    """Label one shard and write its file atomically; {images: n}."""
    records = label_shard(root, chunk, teacher, tasks)
    tmp = file.with_name(f".{file.name}.tmp-{uuid.uuid4().hex[:8]}")
    tmp.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    tmp.rename(file)  # a shard is on disk whole or not at all
    log.info("labelled %s (%d images)", file.name, len(chunk))
    return {"images": len(chunk)}


def _ray_labeller(root: str, cfg: PseudoLabelConfig) -> Any:
    """A Ray actor's work function: its own teacher, labelling shard items."""
    teacher = TEACHERS[cfg.teacher](faces=cfg.faces, batch_size=cfg.batch_size)
    return lambda item: label_shard_file(Path(root), item["paths"], Path(item["file"]), teacher,
                                         cfg.tasks)


def read_records(files: Sequence[Path]) -> Iterator[dict[str, Any]]:
    """The records of finished shard files, in order."""
    for file in files:
        with file.open(encoding="utf-8") as f:
            yield from (json.loads(line) for line in f if line.strip())


def _verdicts(record: dict[str, Any], thresholds: dict[str, float]) -> dict[str, str]:
    """Task -> kept, dropped (under its threshold) or failed (the teacher gave no label)."""
    out = {}
    for task, threshold in thresholds.items():
        got = record["labels"].get(task)
        if got is None or got["status"] not in ("ok", "abstain") or got["label"] is None:
            out[task] = "failed"
        else:
            out[task] = "dropped" if (got["confidence"] or 0.0) < threshold else "kept"
    return out


def _row(root: Path, record: dict[str, Any], kept: dict[str, dict[str, Any]],
         cfg: PseudoLabelConfig, teacher: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """A contract row of one labelled image (its face crop in detect mode), and the columns its
    examples add: soft labels and the unrounded age."""
    from facevqa.answer import Face
    from facevqa.faces import crop_face
    from facevqa.images import load_image

    path = root / record["path"]
    if cfg.faces == "crop" or not record.get("face_box"):
        image: Any = {"bytes": path.read_bytes(), "path": path.name}
    else:
        image = crop_face(load_image(path), Face(tuple(record["face_box"])))
    age = kept.get("age")
    row = make_row(id=record["path"], image=image, source=f"pseudo-label:{teacher}",
                   age=None if age is None else int(round(age["value"])),
                   age_group=None if age is None else age["label"],
                   gender=kept.get("gender", {}).get("label"),
                   emotion=kept.get("emotion", {}).get("label"),
                   face_box=record.get("face_box"))
    soft = {f"soft_{t}": json.dumps(kept[t]["probs"]) if t in kept else None for t in TASKS}
    return row, {**soft, "age_value": None if age is None else float(age["value"])}


def _examples(rows: Iterator[tuple[dict[str, Any], dict[str, Any]]],
              cfg: PseudoLabelConfig) -> Iterator[dict]:
    """QA examples of the rows, each carrying its row's soft labels (age value unrounded)."""
    for row, extra in rows:
        age_value = extra.pop("age_value")
        for ex in build_examples([row], cfg.qa, image_format=cfg.image_format):
            ex.update(extra)
            if ex["task"] == "age":
                ex["value"] = age_value
            yield ex


def _save(examples: Iterator[dict[str, Any]], out: Path) -> int:
    """Save the examples as the data set in `out` (beside shards/ and the summary)."""
    from datasets import Dataset, Features, Value

    tmp = out / f".tmp-{uuid.uuid4().hex[:8]}"
    features = Features({**example_features(), **{c: Value("string") for c in SOFT_COLUMNS}})
    seen = Counter()

    def generate() -> Iterator[dict[str, Any]]:
        for ex in examples:
            seen["examples"] += 1
            yield ex

    try:
        try:
            ds = Dataset.from_generator(generate, features=features, cache_dir=str(tmp / "cache"),
                                        fingerprint=uuid.uuid4().hex)
        except ValueError:
            if seen["examples"]:
                raise
            log.warning("no label was kept; writing an empty data set")
            ds = Dataset.from_dict({name: [] for name in features}, features=features)
        ds.save_to_disk(str(tmp / "data"), num_shards=None if len(ds) else 1)
        n = len(ds)
        del ds
        for old in [*out.glob("data-*.arrow"), out / "state.json", out / "dataset_info.json"]:
            old.unlink(missing_ok=True)
        for new in (tmp / "data").iterdir():
            new.rename(out / new.name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return n


@dataclass
class _Tally:
    """Counts while assembling: image statuses and kept/dropped/failed labels per task."""

    status: Counter = field(default_factory=Counter)
    labels: Counter = field(default_factory=Counter)
    """(verdict, task) -> count."""
    errors: list[str] = field(default_factory=list)
    rows: int = 0

    def error(self, path: str, reason: str) -> None:
        self.status["error"] += 1
        if len(self.errors) < 5:
            self.errors.append(f"{path}: {reason}")


def _rows(root: Path, files: Sequence[Path], cfg: PseudoLabelConfig, teacher: str,
          tally: _Tally) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """Rows of the labelled images that keep at least one label (images re-read from disk)."""
    thresholds = cfg.thresholds()
    for record in read_records(files):
        if record["status"] != "ok":
            if record["status"] == "error":
                tally.error(record["path"], record["error"])
            else:
                tally.status[record["status"]] += 1
            continue
        verdicts = _verdicts(record, thresholds)
        kept = {t: record["labels"][t] for t, v in verdicts.items() if v == "kept"}
        try:
            row = _row(root, record, kept, cfg, teacher) if kept else None
        except (ImageError, OSError) as e:  # changed on disk since it was labelled
            tally.error(record["path"], str(e))
            continue
        tally.status["ok"] += 1
        tally.labels.update((v, t) for t, v in verdicts.items())
        if row is not None:
            tally.rows += 1
            yield row


def pseudo_label(images: str | Path, out: str | Path, config: PseudoLabelConfig | None = None,
                 *, list_file: str | Path | None = None, teacher: Any = None,
                 progress: bool = False, ray: Any = None) -> PseudoLabelSummary:
    """Label the photos in `images` with the config's teacher and save a QA data set at `out`
    (`datasets.load_from_disk(out)`), with `out/shards/` (labels) and `out/pseudo_label.json`.

    Unreadable images and images without a face are counted, never fatal. Rerunning resumes:
    finished shards are not relabelled. `teacher` replaces the one the config names (tests).
    ray: a facevqa.annotate_ray.RayConfig to label on a Ray cluster (same shards, same data set).
    """
    start = time.time()
    cfg = config or PseudoLabelConfig()
    root, out = Path(images), Path(out)
    paths = list_images(root, list_file)
    teacher = teacher or TEACHERS[cfg.teacher](faces=cfg.faces, batch_size=cfg.batch_size)
    folder = out / SHARDS
    _check_manifest(folder, _manifest(root, paths, cfg, teacher.models()))
    files, reused = write_shards(root, paths, folder, cfg, teacher, progress, ray)
    tally = _Tally()
    n_examples = _save(_examples(_rows(root, files, cfg, teacher.name, tally), cfg), out)
    per_task = ({t: tally.labels[(v, t)] for t in cfg.tasks} for v in ("kept", "dropped", "failed"))
    summary = PseudoLabelSummary(
        str(out), teacher.name, teacher.models(), cfg.faces, cfg.thresholds(), len(paths),
        tally.status["error"], tally.status["no_face"], tally.status["ok"], *per_task,
        tally.rows, n_examples, len(files), reused, tally.errors, round(time.time() - start, 2))
    (out / SUMMARY_FILE).write_text(json.dumps(summary.to_dict(), indent=2))
    log.info("%d images: %d unreadable, %d without a face, %d rows, %d examples in %s",
             summary.images, summary.errors, summary.no_face, summary.rows, summary.examples, out)
    return summary
