"""`facevqa bench` rows for annotate: Ray (2 workers) vs one process on 2,000 synthetic images,
and the driver's peak memory at 100k vs 10k images (tiny model, synthetic face crops in a
FaceCaption-style parquet). Each run is a fresh process, start-up included.

Run: facevqa bench --only annotate_ray,annotate_memory
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

QUESTION = "What emotion is shown?"
MEMORY_GOAL = 1.2


def write_parquet(path: Path, n: int, distinct: int = 500, size: int = 64) -> Path:
    """n rows (id, image {bytes, path}) cycling through `distinct` synthetic face crops,
    written a row group at a time."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from facevqa.data.synthetic import draw_sample

    crops = []
    for i in range(min(n, distinct)):
        buf = io.BytesIO()
        draw_sample(20_000 + i, size=size)["image"].save(buf, format="PNG")
        crops.append(buf.getvalue())
    schema = pa.schema([("id", pa.string()), ("image", pa.struct(
        [("bytes", pa.binary()), ("path", pa.string())]))])
    with pq.ParquetWriter(path, schema) as writer:
        for lo in range(0, n, 1000):
            ids = range(lo, min(lo + 1000, n))
            writer.write_table(pa.table({"id": [f"img{i:07d}" for i in ids], "image": [
                {"bytes": crops[i % len(crops)], "path": None} for i in ids]}, schema=schema))
    return path


def measure(inputs: Path, out: Path, model: Path, ray_workers: int | None = None,
            shard_size: int = 1024) -> dict[str, Any]:
    """Annotate in a fresh process: {seconds, peak_rss_mb (the driver), rows}."""
    args = {"inputs": str(inputs), "out": str(out), "model": str(model),
            "ray_workers": ray_workers, "shard_size": shard_size}
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    start = time.perf_counter()
    code = ("import json, sys; from facevqa.annotate_bench import _child; "
            "print(json.dumps(_child(json.loads(sys.argv[1]))))")
    done = subprocess.run([sys.executable, "-c", code, json.dumps(args)], check=True,
                          capture_output=True, text=True, env=env, timeout=3600)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return {**result, "seconds": time.perf_counter() - start}


def _child(args: dict[str, Any]) -> dict[str, Any]:
    """The measured run (in the child process)."""
    import resource

    from facevqa.annotate import AnnotateConfig, annotate

    cfg = AnnotateConfig(inputs=args["inputs"], questions=(QUESTION,), out=args["out"],
                         model=args["model"], device="cpu", id_column="id", faces="none",
                         batch_size=64, shard_size=args["shard_size"])
    ray = None
    if args["ray_workers"]:
        from facevqa.annotate_ray import RayConfig

        ray = RayConfig(workers=args["ray_workers"])
    summary = annotate(cfg, ray=ray)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"rows": summary.rows, "peak_rss_mb": peak}


def _labels(out: Path) -> list:
    import pyarrow.parquet as pq

    files = sorted(out.glob("part-*.parquet"))
    return [r for f in files for r in pq.read_table(f, columns=["image_id", "label"])
            .to_pylist()]


def bench_annotate_ray(ctx: dict) -> list:
    """Wall time of annotating 2,000 images: one process vs Ray with 2 workers."""
    from facevqa.bench import BenchRow
    from facevqa.tiny import build_tiny

    n = 2000
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        model = build_tiny("paligemma", tmp / "tiny")
        inputs = write_parquet(tmp / "faces.parquet", n)
        one = measure(inputs, tmp / "one", model, shard_size=250)
        two = measure(inputs, tmp / "ray", model, ray_workers=2, shard_size=250)
        same = _labels(tmp / "one") == _labels(tmp / "ray")
    return [BenchRow("annotate 2,000 images: Ray 2 workers vs one process (x)",
                     one["seconds"] / two["seconds"], "", None,
                     f"{one['seconds']:.0f}s vs {two['seconds']:.0f}s wall, start-up included "
                     f"(local cluster, {os.cpu_count()} CPUs; tiny model); same labels: {same}")]


def bench_annotate_memory(ctx: dict) -> list:
    """Peak driver memory (RSS) annotating 100k vs 10k images: in one process (the driver does
    everything) and on Ray with 2 workers (the driver only streams shard descriptors)."""
    from facevqa.bench import BenchRow
    from facevqa.tiny import build_tiny

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        model = build_tiny("paligemma", tmp / "tiny")
        inputs = {n: write_parquet(tmp / f"faces{n}.parquet", n) for n in (10_000, 100_000)}
        for mode, workers in (("one process", None), ("Ray 2 workers", 2)):
            runs = {n: measure(path, tmp / f"out{n}-{workers}", model, ray_workers=workers)
                    for n, path in inputs.items()}
            small, big = runs[10_000], runs[100_000]
            if (small["rows"], big["rows"]) != (10_000, 100_000):
                raise RuntimeError(f"annotate wrote {small['rows']} and {big['rows']} rows")
            ratio = big["peak_rss_mb"] / small["peak_rss_mb"]
            rows.append(BenchRow(
                f"annotate peak driver memory, 100k vs 10k images, {mode} (x)", ratio,
                f"<= {MEMORY_GOAL}", ratio <= MEMORY_GOAL,
                f"{big['peak_rss_mb']:.0f} MB vs {small['peak_rss_mb']:.0f} MB; "
                f"{big['seconds']:.0f}s vs {small['seconds']:.0f}s (tiny model, parquet input, "
                "1024-image shards)"))
    return rows
