"""Streaming memory benchmark: peak RSS of streaming N FaceCaption-style parquet rows through the
source adapter and the QA builder (datasets.IterableDataset), 10,000 vs 1,000,000 rows.

Run: facevqa data stream-bench [--sizes 10000,1000000] [--workdir DIR]
Each size is streamed in a fresh subprocess and its ru_maxrss read at the end; the goal is a
peak ratio (largest / smallest) of at most 1.2. No images are needed: paths are not checked.
"""

from __future__ import annotations

import json
import logging
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

log = logging.getLogger(__name__)

GOAL_RATIO = 1.2
_WORDS = ("smiling", "young", "woman", "man", "with", "long", "short", "blond", "brown", "black",
          "hair", "wearing", "glasses", "earrings", "hat", "beard", "looks", "happy", "serious")


@dataclass(frozen=True)
class StreamRun:
    """One streaming pass in its own process."""

    rows: int
    examples: int
    peak_rss_mb: float
    seconds: float


@dataclass(frozen=True)
class StreamBench:
    """Runs at each size and the peak-memory ratio of the largest to the smallest."""

    runs: tuple[StreamRun, ...]
    ratio: float
    goal: float = GOAL_RATIO

    @property
    def holds(self) -> bool:
        """Peak memory ratio within the goal."""
        return self.ratio <= self.goal


def write_facecaption_parquet(path: str | Path, n_rows: int, *, chunk: int = 100_000,
                              row_group: int = 10_000, seed: int = 0) -> Path:
    """A FaceCaption-15M-shaped parquet (url, face_bbox, face_caption, laion_caption), written
    `chunk` rows at a time in row groups of `row_group` rows (the same for every size, so the
    reader buffers the same amount whatever the file length)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([("url", pa.string()), ("face_bbox", pa.list_(pa.float32())),
                        ("face_caption", pa.list_(pa.string())), ("laion_caption", pa.string())])
    rng = np.random.default_rng(seed)
    words = np.array(_WORDS)
    path = Path(path)
    with pq.ParquetWriter(path, schema) as writer:
        for start in range(0, n_rows, chunk):
            n = min(chunk, n_rows - start)
            ids = np.arange(start, start + n)
            picks = words[rng.integers(0, len(words), size=(n, 12))]
            captions = [" ".join(p).capitalize() + "." for p in picks]
            boxes = rng.uniform(0, 400, size=(n, 4)).astype(np.float32)
            writer.write_table(pa.table({
                "url": [f"https://example.org/img/{i:09d}.jpg" for i in ids],
                "face_bbox": list(boxes), "face_caption": [[c] for c in captions],
                "laion_caption": captions}, schema=schema), row_group_size=row_group)
    return path


def stream_once(parquet: str | Path) -> StreamRun:
    """Stream every row of `parquet` through read_facecaption + to_iterable_dataset."""
    from facevqa.data.qa import to_iterable_dataset
    from facevqa.data.sources.facecaption import read_facecaption

    start = time.time()
    rows = {"n": 0}

    def row_iter():
        for row in read_facecaption(parquet, require_images=False):
            rows["n"] += 1
            yield row

    examples = sum(1 for _ in to_iterable_dataset(row_iter, decode=False))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return StreamRun(rows["n"], examples, round(peak, 1), round(time.time() - start, 1))


def _run_worker(parquet: Path) -> StreamRun:
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(root), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
    code = "import sys; from facevqa.data.bench_stream import _worker; _worker(sys.argv[1])"
    out = subprocess.run([sys.executable, "-c", code, str(parquet)], check=True,
                         capture_output=True, text=True, env=env)
    return StreamRun(**json.loads(out.stdout.strip().splitlines()[-1]))


def bench_stream(sizes: tuple[int, ...] = (10_000, 1_000_000),
                 workdir: str | Path | None = None) -> StreamBench:
    """Write one parquet per size, stream each in a fresh process, compare peak memory."""
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        runs = []
        for n in sizes:
            path = write_facecaption_parquet(Path(tmp) / f"facecaption_{n}.parquet", n)
            runs.append(_run_worker(path))
            log.info("%d rows: %d examples, peak %.1f MB, %.1fs", n, runs[-1].examples,
                     runs[-1].peak_rss_mb, runs[-1].seconds)
    ratio = runs[-1].peak_rss_mb / runs[0].peak_rss_mb
    return StreamBench(tuple(runs), round(ratio, 3))


def _worker(parquet: str) -> None:
    """The measured run, in the fresh child process: its StreamRun as JSON on stdout."""
    print(json.dumps(asdict(stream_once(parquet))))
