"""`facevqa annotate`: images x questions -> a parquet data set of answers (one row a pair).

Rows are written a shard at a time, so a killed run resumes without redoing finished shards.

  facevqa annotate photos/ -q "How old is this person?" -q "What emotion is shown?" --out ann/
  facevqa annotate faces.parquet --image-column image -q "..." --out ann/ --ray [ADDRESS]

One process by default; `--ray` answers the same shards, in the same batches, on Ray actors
(facevqa.annotate_ray), so the rows are the same. Read the result with
`datasets.load_dataset("parquet", data_files="ann/part-*.parquet")` or pandas.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import time
import uuid
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from facevqa.answer import Answer
from facevqa.errors import ConfigError

log = logging.getLogger(__name__)

MANIFEST = "_manifest.json"
SUMMARY = "_annotate.json"
"""Both start with "_" so parquet readers given the folder skip them."""
COLUMNS = ("image_id", "question", "status", "task", "attribute", "label", "probs",
           "confidence", "value", "text", "explanation", "attack", "prompt", "face_box",
           "face_score", "error", "source", "faces", "model", "adapters", "model_version")
"""Output columns: the image and question, the Answer's fields (probs and faces as JSON text),
and which model answered (its name, adapters, and a hash of its full info())."""


@dataclass(frozen=True)
class AnnotateConfig:
    """One annotation run (the CLI's options)."""

    inputs: str
    """Folder of images, list file, parquet file(s) or saved data set."""
    questions: tuple[str, ...]
    out: str
    model: str | None = None
    """Base or bundle, "classical", or None for the embedded default."""
    adapters: dict[str, str] = field(default_factory=dict)
    device: str = "auto"
    load_in_4bit: bool = False
    image_column: str = "image"
    id_column: str | None = None
    task: str | None = None
    """Force a task for every question (bypassing the router)."""
    faces: str = "largest"
    batch_size: int = 16
    shard_size: int = 1024
    """Images per output shard: the unit of resumption."""
    max_new_tokens: int = 48

    def __post_init__(self) -> None:
        if not self.questions:
            raise ConfigError("annotate needs at least one question (-q)")
        if self.batch_size < 1 or self.shard_size < 1:
            raise ConfigError("batch_size and shard_size must be >= 1")
        if self.faces not in ("largest", "all", "none"):
            raise ConfigError(f"faces={self.faces!r}; valid: largest, all, none")

    def identity(self) -> dict[str, Any]:
        """Settings that change the rows: a rerun into the same folder must match them."""
        return {"questions": list(self.questions), "model": self.model,
                "adapters": dict(self.adapters), "load_in_4bit": self.load_in_4bit,
                "task": self.task, "faces": self.faces, "shard_size": self.shard_size,
                "max_new_tokens": self.max_new_tokens}


@dataclass(frozen=True)
class AnnotateSummary:
    """What one run wrote."""

    out: str
    images: int
    questions: int
    rows: int
    shards: int
    shards_reused: int
    """Shards found finished on disk and not redone."""
    statuses: dict[str, int]
    seconds: float
    model: dict[str, Any]


def load_answerer(cfg: AnnotateConfig) -> Any:
    """The model the config names (FaceVQA, or ClassicalHeads for "classical")."""
    from facevqa.model import FaceVQA

    return FaceVQA.from_pretrained(cfg.model, adapters=dict(cfg.adapters), device=cfg.device,
                                   load_in_4bit=cfg.load_in_4bit)


def model_columns(answerer: Any) -> dict[str, str]:
    """model, adapters and model_version columns of every row an answerer writes."""
    info = answerer.info()
    name = info.get("base") or info.get("source") or type(answerer).__name__
    adapters = {n: m.get("tasks", []) for n, m in (info.get("adapters") or {}).items()}
    digest = hashlib.sha1(json.dumps(info, sort_keys=True, default=str).encode()).hexdigest()
    return {"model": str(name), "adapters": json.dumps(adapters, sort_keys=True),
            "model_version": digest[:12]}


def answer_row(image_id: str, question: str, a: Answer, model: dict[str, str]) -> dict:
    """One output row: JSON-safe Answer fields (probs, faces as JSON text)."""
    return {"image_id": image_id, "question": question, "status": a.status, "task": a.task,
            "attribute": a.attribute, "label": a.label,
            "probs": json.dumps(a.probs, sort_keys=True), "confidence": a.confidence,
            "value": a.value, "text": a.text, "explanation": a.explanation, "attack": a.attack,
            "prompt": a.prompt, "face_box": list(a.face.box) if a.face else None,
            "face_score": a.face.score if a.face else None, "error": a.error, "source": a.source,
            "faces": json.dumps([f.to_dict() for f in a.faces]), **model}


def answer_refs(answerer: Any, refs: Sequence[Any], cfg: AnnotateConfig,
                model: dict[str, str]) -> list[dict]:
    """Rows of `refs` x the questions, in batches of cfg.batch_size images; a bad image or one
    without a face fails in its own rows (status error / no_face, with the reason)."""
    kw: dict[str, Any] = {"task": cfg.task, "faces": cfg.faces, "batch_size": cfg.batch_size}
    if hasattr(answerer, "backbone"):
        kw["max_new_tokens"] = cfg.max_new_tokens
    rows: list[dict] = []
    for lo in range(0, len(refs), cfg.batch_size):
        chunk = refs[lo:lo + cfg.batch_size]
        pairs = [(r, q) for r in chunk for q in cfg.questions]
        answers = answerer.generate([r.image for r, _ in pairs], [q for _, q in pairs], **kw)
        rows += [answer_row(r.id, q, a, model) for (r, q), a in zip(pairs, answers)]
    return rows


def schema():
    """The output's arrow schema (fixed, so every shard and the data set agree)."""
    import pyarrow as pa

    s, f = pa.string(), pa.float64()
    types = {"probs": s, "confidence": f, "value": f, "face_box": pa.list_(pa.int64()),
             "face_score": f}
    return pa.schema([(c, types.get(c, s)) for c in COLUMNS])


def shard_path(out: Path, k: int) -> Path:
    return out / f"part-{k:05d}.parquet"


def write_shard(rows: list[dict], path: Path) -> None:
    """Write one shard atomically: it is on disk whole or not at all."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    tmp = path.with_name(f".{path.name}.tmp-{uuid.uuid4().hex[:8]}")
    pq.write_table(pa.Table.from_pylist(rows, schema=schema()), tmp)
    tmp.rename(path)


def annotate_shard(answerer: Any, inputs: Any, k: int, cfg: AnnotateConfig,
                   model: dict[str, str]) -> dict[str, Any]:
    """Answer shard k and write it; {shard, images, statuses} (what progress needs)."""
    lo = k * cfg.shard_size
    refs = inputs.refs(lo, min(lo + cfg.shard_size, len(inputs)))
    rows = answer_refs(answerer, refs, cfg, model)
    write_shard(rows, shard_path(Path(cfg.out), k))
    log.info("shard %d: %d images, %d rows", k, len(refs), len(rows))
    return {"shard": k, "images": len(refs), "statuses": dict(Counter(r["status"] for r in rows))}


def check_manifest(out: Path, manifest: dict[str, Any]) -> None:
    """Shards on disk must come from the same inputs, questions and model; else say so."""
    path = out / MANIFEST
    if path.exists():
        old = json.loads(path.read_text())
        if old != manifest:
            diff = sorted(k for k in set(old) | set(manifest) if old.get(k) != manifest.get(k))
            raise ConfigError(f"{out} holds answers of another run (differs in {diff}); "
                              "delete it to start over, or choose another --out")
        return
    out.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{MANIFEST}.tmp")
    tmp.write_text(json.dumps(manifest, indent=2))
    tmp.replace(path)


def plan(cfg: AnnotateConfig, inputs: Any) -> tuple[list[int], list[int]]:
    """(every shard index, the ones still to do); stray temp files of a kill are removed."""
    out = Path(cfg.out)
    for tmp in out.glob(".part-*.tmp-*"):
        tmp.unlink(missing_ok=True)
    shards = list(range(-(-len(inputs) // cfg.shard_size)))
    return shards, [k for k in shards if not shard_path(out, k).exists()]


def annotate(cfg: AnnotateConfig, *, answerer: Any = None, ray: Any = None,
             progress: bool = False) -> AnnotateSummary:
    """Annotate cfg.inputs into cfg.out (parquet shards, manifest, summary); resumes.

    ray: a facevqa.annotate_ray.RayConfig to answer the shards on a Ray cluster instead of
    here. answerer replaces the model the config names (single process only).
    """
    from facevqa.annotate_inputs import open_inputs

    start = time.time()
    inputs = open_inputs(cfg.inputs, cfg.image_column, cfg.id_column)
    out = Path(cfg.out)
    check_manifest(out, {"inputs": inputs.describe(), **cfg.identity()})
    shards, todo = plan(cfg, inputs)
    if ray is not None:
        from facevqa.annotate_ray import ray_map

        work = partial(_ray_worker, cfg, inputs)
        done, model = ray_map([{"shard": k} for k in todo], work, ray), {}
    else:
        answerer = answerer if answerer is not None else load_answerer(cfg)
        model = answerer.info()
        cols = model_columns(answerer)
        done = (annotate_shard(answerer, inputs, k, cfg, cols) for k in todo)
    total = sum(min(cfg.shard_size, len(inputs) - k * cfg.shard_size) for k in todo)
    model = _follow(done, total, progress) or model
    statuses = _statuses(out, shards)
    summary = AnnotateSummary(str(out), len(inputs), len(cfg.questions), sum(statuses.values()),
                              len(shards), len(shards) - len(todo), statuses,
                              round(time.time() - start, 2), model)
    (out / SUMMARY).write_text(json.dumps(asdict(summary), indent=2, default=str))
    return summary


def _ray_worker(cfg: AnnotateConfig, inputs: Any) -> Any:
    """A Ray actor's work function: its own model, then one shard per item (the output folder
    must be one every node can write: a shared file system)."""
    answerer = load_answerer(cfg)
    cols, info = model_columns(answerer), answerer.info()
    return lambda item: {**annotate_shard(answerer, inputs, item["shard"], cfg, cols),
                         "model": info}


def _follow(done: Iterator[dict[str, Any]], total: int, progress: bool) -> dict[str, Any]:
    """Drain finished-shard reports, showing images done; the model info they carry (Ray)."""
    from tqdm.auto import tqdm

    model: dict[str, Any] = {}
    with tqdm(total=total, desc="annotating", unit="image", disable=not progress) as bar:
        for report in done:
            bar.update(report["images"])
            model = report.get("model", model)
    return model


def _statuses(out: Path, shards: Sequence[int]) -> dict[str, int]:
    import pyarrow.parquet as pq

    seen: Counter = Counter()
    for k in shards:
        seen.update(pq.read_table(shard_path(out, k), columns=["status"])
                    .column("status").to_pylist())
    return dict(sorted(seen.items()))


def add_parser(sub) -> argparse.ArgumentParser:
    from facevqa.ask import add_model_args

    p = sub.add_parser("annotate", help="answer questions about many images into a data set",
                       description=__doc__.splitlines()[0],
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="\n".join(__doc__.splitlines()[1:]))
    p.add_argument("inputs", help="folder of images, list file, parquet file(s) or saved "
                                  "data set")
    p.add_argument("-q", "--question", action="append", required=True, dest="questions",
                   help="a question (repeat for several)")
    p.add_argument("--out", required=True, help="output folder (part-*.parquet)")
    add_model_args(p)
    p.add_argument("--image-column", default="image")
    p.add_argument("--id-column", default=None, help="column naming each row (default: index)")
    p.add_argument("--task", help="force a task, bypassing the router")
    p.add_argument("--faces", default="largest", choices=["largest", "all", "none"])
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--shard-size", type=int, default=1024, help="images per output shard")
    add_ray_args(p)
    p.add_argument("--no-progress", action="store_true")
    p.set_defaults(run=run)
    return p


def add_ray_args(p: argparse.ArgumentParser) -> None:
    """--ray [ADDRESS] and --ray-workers: shared by every command that can run on Ray."""
    p.add_argument("--ray", nargs="?", const="local", default=None, metavar="ADDRESS",
                   help="run on Ray Data: no value starts a local cluster; 'auto' or "
                        "ray://HOST:10001 attaches to one (needs pip install 'facevqa[ray]')")
    p.add_argument("--ray-workers", type=int, default=None,
                   help="Ray model actors (default: one per GPU, else one per CPU)")


def ray_config(args: argparse.Namespace) -> Any:
    """The RayConfig --ray / --workers describe, or None (one process)."""
    if args.ray is None:
        return None
    from facevqa.annotate_ray import RayConfig

    return RayConfig(address=None if args.ray == "local" else args.ray, workers=args.ray_workers)


def run(args: argparse.Namespace) -> int:
    from facevqa.ask import parse_adapters

    cfg = AnnotateConfig(
        inputs=args.inputs, questions=tuple(args.questions), out=args.out,
        model="classical" if args.heads == "classical" else args.model,
        adapters=parse_adapters(args.adapters), device=args.device,
        load_in_4bit=args.load_in_4bit, image_column=args.image_column,
        id_column=args.id_column, task=args.task, faces=args.faces, batch_size=args.batch_size,
        shard_size=args.shard_size)
    s = annotate(cfg, ray=ray_config(args), progress=not args.no_progress)
    print(f"{s.rows} rows ({s.images} images x {s.questions} questions) in {s.out}: "
          + ", ".join(f"{k} {v}" for k, v in s.statuses.items())
          + f"; {s.shards_reused}/{s.shards} shards reused, {s.seconds:.1f}s")
    return 0 if s.statuses.get("error", 0) < s.rows or not s.rows else 1
