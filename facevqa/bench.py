"""`facevqa bench`: speed and memory ratios measured side by side in one run.

Run: facevqa bench [--only generate,scoring,...] [--json bench.json]
Every row is a ratio of two measurements taken in the same process, so machines compare.
`facevqa bench detect` (facevqa.detect_bench) measures the face detectors instead.
"""

from __future__ import annotations

import argparse
import json
import logging
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BenchRow:
    """One measured ratio, its goal, and whether it holds."""

    name: str
    value: float
    goal: str = ""
    holds: bool | None = None
    detail: str = ""


def timed(fn: Callable[[], object], repeat: int = 3) -> float:
    """Best wall time of `repeat` runs after one warm-up."""
    fn()
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def _faces(n: int, size: int = 224):
    from facevqa.data.synthetic import draw_sample

    return [draw_sample(10_000 + i, size=size)["image"] for i in range(n)]


def bench_generate(ctx: dict) -> list[BenchRow]:
    """generate() at batch 1/8/32 vs a per-image loop, and vs a bare forward (batch 32)."""
    vqa, images = ctx["vqa"], _faces(32)
    q = "what emotion is shown?"
    loop = timed(lambda: [vqa.generate([im], q, faces="none") for im in images], 1)
    rows = []
    for bs in (1, 8, 32):
        t = timed(lambda bs=bs: vqa.generate(images, q, batch_size=bs, faces="none"), 2)
        rows.append(BenchRow(f"generate batch {bs} vs per-image loop (x)", loop / t,
                             ">= 6" if bs == 32 else "", (loop / t >= 6) if bs == 32 else None,
                             f"{len(images) / t:.1f} img/s vs {len(images) / loop:.1f} img/s"))
    from facevqa.scoring import score_choices

    bb = vqa.backbone
    route = _route(q, bb.prompt_style)
    batch = bb.encode(images, [route.prompt] * len(images))
    forward = timed(lambda: _forward(bb, batch), 3)
    model_work = timed(lambda: score_choices(bb, batch, list(route.choices)), 3)
    pipe = timed(lambda: vqa.generate(images, q, batch_size=32, faces="none"), 2)
    rows.append(BenchRow("pipeline vs its own model calls, batch 32 (x img/s)", model_work / pipe,
                         ">= 0.85", model_work / pipe >= 0.85,
                         f"generate() {32 / pipe:.1f} img/s; the same prefix + cached-choice "
                         f"forwards on the preprocessed batch {32 / model_work:.1f} img/s"))
    overhead = (pipe - model_work) / len(images) * 1000
    rows.append(BenchRow("overhead per image outside model calls, batch 32 (ms)", overhead,
                         "<= 1.0", overhead <= 1.0,
                         "routing, image resize and normalisation, tokenising, answer "
                         "assembly (224 px inputs, resized to the model's size)"))
    rows.append(BenchRow("pipeline vs one bare prefix forward, batch 32 (x img/s)",
                         forward / pipe, detail=f"bare prefix forward {32 / forward:.1f} img/s "
                         "(scoring 8 emotion labels needs a second, cached forward)"))
    return rows


def _route(question: str, family: str):
    from facevqa.router import route

    return route(question, family=family)


def _forward(bb, batch):
    import torch

    with torch.inference_mode():
        return bb.model(**batch, position_ids=bb.positions(batch)).logits


def bench_scoring(ctx: dict) -> list[BenchRow]:
    """KV-cache label scoring vs K full forwards (K = 2, 8, 40) and vs generate-then-parse."""
    from facevqa.scoring import score_choices, score_choices_bruteforce, trie_levels

    bb = ctx["vqa"].backbone
    images = _faces(8)
    batch = bb.encode(images, [_route("how old is this person?", bb.prompt_style).prompt] * 8)
    rows = []
    for k in (2, 8, 40):
        choices = [str(n) for n in range(20, 20 + k)]
        fast = timed(lambda c=choices: score_choices(bb, batch, c), 2)
        slow = timed(lambda c=choices: score_choices_bruteforce(bb, batch, c), 1)
        rows.append(BenchRow(f"label scoring vs {k} forwards (x)", slow / fast,
                             ">= 3" if k == 8 else "", (slow / fast >= 3) if k == 8 else None))
    gen = timed(lambda: bb.generate(batch, 4, min_new_tokens=2), 2)
    for task, question in (("emotion", "what emotion is shown?"),
                           ("age", "how old is this person?")):
        r = _route(question, bb.prompt_style)
        fast = timed(lambda r=r: score_choices(bb, batch, list(r.choices)), 2)
        age = task == "age"
        rows.append(BenchRow(f"label scoring ({task}, {len(r.choices)} labels) vs "
                             "generate-then-parse (x)", gen / fast, ">= 1.0" if age else "",
                             gen / fast >= 1.0 if age else None,
                             "scoring returns the whole distribution; generation one "
                             "string (4 new tokens)"))
    r = _route("how old is this person?", bb.prompt_style)
    cand = bb.suffix_ids(list(r.choices), eos=True)
    trie = timed(lambda: score_choices(bb, batch, list(r.choices)), 2)
    each = timed(lambda: score_choices_bruteforce(bb, batch, list(r.choices)), 1)
    rows.append(BenchRow(f"age scoring ({len(cand)} labels): token trie vs a forward per label "
                         "(x)", each / trie, ">= 5", each / trie >= 5,
                         f"{sum(map(len, trie_levels(cand)))} trie rows per image for "
                         f"{sum(len(c) for c in cand)} label tokens"))
    return rows


def bench_memory(ctx: dict) -> list[BenchRow]:
    """Base-model memory in 4-bit nf4 vs fp32, on a base whose LM dominates (as in real VLMs)."""
    from facevqa.loading import load_backbone
    from facevqa.tiny import TinySpec, build_tiny

    with tempfile.TemporaryDirectory() as tmp:
        spec = TinySpec(text_hidden=512, text_layers=6, intermediate=2048, heads=8,
                        vision_hidden=64, vision_layers=2)
        folder = build_tiny("paligemma", Path(tmp) / "mid", spec)
        fp32 = load_backbone(folder, device="cpu").model.get_memory_footprint()
        try:
            q4 = load_backbone(folder, device="cpu", load_in_4bit=True).model.get_memory_footprint()
        except (ImportError, RuntimeError) as e:
            return [BenchRow("4-bit vs fp32 base memory", float("nan"), "<= 0.35", None, str(e))]
    r = q4 / fp32
    return [BenchRow("4-bit vs fp32 base memory (x)", r, "<= 0.35", r <= 0.35,
                     f"{q4 / 2**20:.1f} MiB vs {fp32 / 2**20:.1f} MiB")]


def bench_classical(ctx: dict) -> list[BenchRow]:
    """Classical heads (detection + 4 ONNX heads) vs the VLM answering one question, img/s."""
    from facevqa.classical.bench import bench_heads
    from facevqa.examples import available_examples

    photos = list(available_examples().values()) * 4
    heads = bench_heads(photos)
    vqa = ctx["vqa"]
    vlm = len(photos) / timed(lambda: vqa.generate(photos, "how old is this person?"), 1)
    return [BenchRow("classical heads (4 tasks) vs VLM (1 task), img/s (x)", heads / vlm,
                     detail=f"classical {heads:.1f} img/s, VLM {vlm:.1f} img/s, real photos")]


def bench_streaming(ctx: dict) -> list[BenchRow]:
    """Peak memory of streaming 1M vs 10k FaceCaption-style rows through the QA builder."""
    from facevqa.data.bench_stream import bench_stream

    r = bench_stream((10_000, 1_000_000))
    small, big = r.runs[0], r.runs[-1]
    return [BenchRow("streaming build peak memory, 1M vs 10k rows (x)", r.ratio,
                     f"<= {r.goal}", r.holds,
                     f"{big.peak_rss_mb:.0f} MB vs {small.peak_rss_mb:.0f} MB, "
                     f"{big.examples} examples in {big.seconds:.0f}s")]


BENCHMARKS: dict[str, Callable[[dict], list[BenchRow]]] = {
    "generate": bench_generate,
    "scoring": bench_scoring,
    "memory": bench_memory,
    "classical": bench_classical,
    "streaming": bench_streaming,
}


def all_benchmarks() -> dict[str, Callable[[dict], list[BenchRow]]]:
    """facevqa's benchmarks plus those its users register (entry points, loaded on use)."""
    from importlib.metadata import entry_points

    found = {ep.name: ep for ep in entry_points(group="facevqa.benchmarks")}
    return {**BENCHMARKS, **{n: (lambda ctx, ep=ep: ep.load()(ctx)) for n, ep in found.items()}}


def run_benchmarks(names: list[str], model: str | None = None) -> list[BenchRow]:
    """Run the named benchmarks on `model` (default: the embedded default)."""
    import torch

    from facevqa.model import FaceVQA

    torch.manual_seed(0)
    ctx = {"vqa": FaceVQA.from_pretrained(model, device="cpu"), "model_path": model}
    table = all_benchmarks()
    rows: list[BenchRow] = []
    for name in names:
        log.info("bench %s", name)
        rows += table[name](ctx)
    return rows


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("bench", help="speed/memory ratios measured side by side",
                       description=__doc__.splitlines()[0])
    p.add_argument("--only", default=None,
                   help="comma-separated subset (default: all; the list is in the error "
                        "message of an unknown name)")
    p.add_argument("--model", default=None, help="base/bundle (default: embedded default)")
    p.add_argument("--json", dest="json_path", help="also write the table as JSON here")
    p.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    from facevqa.errors import ConfigError

    table = all_benchmarks()
    names = [n.strip() for n in (args.only or ",".join(table)).split(",") if n.strip()]
    unknown = [n for n in names if n not in table]
    if unknown:
        raise ConfigError(f"unknown benchmark(s) {unknown}; valid: {', '.join(table)}")
    rows = run_benchmarks(names, args.model)
    width = max(len(r.name) for r in rows)
    for r in rows:
        mark = "" if r.holds is None else ("  ok" if r.holds else "  SHORT")
        print(f"{r.name.ljust(width)}  {r.value:8.2f}  {r.goal:>7}{mark}  {r.detail}")
    if args.json_path:
        Path(args.json_path).write_text(json.dumps([asdict(r) for r in rows], indent=2))
    return 0
