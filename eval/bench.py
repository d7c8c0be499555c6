"""Evaluation throughput with 1 vs 2 processes, for `facevqa bench` (entry point)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

N_IMAGES = 64


def bench_eval_processes(ctx: dict) -> list:
    """Wall time of the same `eval` run on one process and on two (accelerate, CPU)."""
    from facevqa.bench import BenchRow

    model = str(ctx.get("model_path") or "")
    args = ["--data", "synthetic", "--limit", str(N_IMAGES), "--dev-limit", "0", "--tasks",
            "emotion", "--batch-size", "16", "--no-plots", "--no-progress"]
    if model:
        args += ["--model", model]
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        one = _timed([sys.executable, "-m", "eval", *args, "--out", f"{tmp}/one"], env)
        two = _timed([sys.executable, "-m", "accelerate.commands.launch", "--cpu",
                      "--num_processes", "2", "--num_machines", "1", "--mixed_precision", "no",
                      "--dynamo_backend", "no", "-m", "eval", *args, "--out", f"{tmp}/two"], env)
        same = _lines(Path(tmp, "one")) == _lines(Path(tmp, "two"))
    return [BenchRow("eval throughput, 2 processes vs 1 (x)", one / two, "", None,
                     f"{N_IMAGES} images: {one:.0f}s vs {two:.0f}s wall (start-up included); "
                     f"same predictions: {same}")]


def _timed(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env, timeout=1800)
    return time.perf_counter() - start


def _lines(folder: Path) -> list[str]:
    import json

    rows = [json.loads(x) for x in (folder / "predictions.jsonl").read_text().splitlines() if x]
    return sorted(f"{r['id']}:{r.get('label_pred')}" for r in rows)
