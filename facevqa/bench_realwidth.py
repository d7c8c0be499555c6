"""Real-size numbers from real-width shallow checkpoints: per-layer time and memory measured on
a build with one layer per stack (published widths, real tokenizer), extrapolated to the
published depth. Run: facevqa bench --only realwidth (about 5 min on 2 cores).

The extrapolation assumes every layer of a stack costs what its first one does (true of these
homogeneous stacks) and that the rest (embeddings, projector, LM head, the pipeline around the
model) does not grow with depth. Printed as estimates; on a GPU, measure the real thing.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from facevqa.bench import BenchRow, _faces, _route

MODELS = {"paligemma2": ("PaliGemma2-3B", 8), "llava": ("LLaVA-1.5-7B", 2)}
"""families_build name -> (published model, batch measured on 2 CPU cores)."""


@dataclass
class LayerClock:
    """Wall time spent inside one module, summed over its calls (forward hooks)."""

    seconds: float = 0.0
    _start: float = 0.0

    def attach(self, module) -> None:
        module.register_forward_pre_hook(lambda *_: setattr(self, "_start", time.perf_counter()))
        module.register_forward_hook(lambda *_: self._stop())

    def _stop(self) -> None:
        self.seconds += time.perf_counter() - self._start


def stacks(model) -> dict[str, object]:
    """The text and the vision layer stacks (ModuleLists named `layers`) of a VLM."""
    import torch

    found: dict[str, object] = {}
    for name, module in model.named_modules():
        if isinstance(module, torch.nn.ModuleList) and name.endswith("layers") and len(module):
            found.setdefault("vision" if "vision" in name else "text", module)
    return found


def nbytes(module) -> int:
    """Bytes of a module's weights as stored (4-bit packed weights and their scales included)."""
    total = 0
    for p in module.parameters():
        total += p.numel() * p.element_size()
        state = getattr(p, "quant_state", None)
        if state is not None and getattr(state, "absmax", None) is not None:
            total += state.absmax.numel() * state.absmax.element_size()
    return total + sum(b.numel() * b.element_size() for b in module.buffers())


def memory_estimate(model, depth: dict[str, int]) -> float:
    """Weights in bytes at the published depth, from a one-layer-per-stack model."""
    layers = stacks(model)
    per_layer = {k: nbytes(s[0]) for k, s in layers.items()}
    rest = nbytes(model) - sum(nbytes(s) for s in layers.values())
    return rest + sum(depth[k] * per_layer[k] for k in layers)


def time_estimate(vqa, images, question: str, depth: dict[str, int]) -> dict[str, float]:
    """Seconds per image: the pipeline, its model calls, and both extrapolated to `depth`."""
    from facevqa.scoring import score_choices

    bb = vqa.backbone
    clocks = {k: LayerClock() for k in stacks(bb.model)}
    for k, s in stacks(bb.model).items():
        clocks[k].attach(s[0])
    route = _route(question, bb.prompt_style)
    batch = bb.encode(images, [route.prompt] * len(images))
    score_choices(bb, batch, list(route.choices))  # warm-up
    for c in clocks.values():
        c.seconds = 0.0
    t = time.perf_counter()
    score_choices(bb, batch, list(route.choices))
    model = time.perf_counter() - t
    layer = {k: c.seconds for k, c in clocks.items()}
    t = time.perf_counter()
    vqa.generate(images, question, batch_size=len(images), faces="none")
    pipe = time.perf_counter() - t
    grow = sum((depth[k] - 1) * layer[k] for k in layer)
    n = len(images)
    return {"pipeline": pipe / n, "model": model / n, "text_layer": layer.get("text", 0) / n,
            "vision_layer": layer.get("vision", 0) / n, "pipeline_full": (pipe + grow) / n,
            "model_full": (model + grow) / n}


def bench_real_width(ctx: dict, names: tuple[str, ...] = tuple(MODELS),
                     real: bool = True) -> list[BenchRow]:
    """Rows per published model: pipeline vs its model calls (shallow), and the estimates."""
    rows: list[BenchRow] = []
    for name in names:
        with tempfile.TemporaryDirectory() as tmp:
            rows += _one(name, Path(tmp) / name, real)
    return rows


def _one(name: str, folder: Path, real: bool) -> list[BenchRow]:
    import torch

    from facevqa.families_build import BUILDS, build
    from facevqa.loading import load_backbone
    from facevqa.model import FaceVQA

    title, n = MODELS[name]
    text_depth, vision_depth = BUILDS[name].depth
    depth = {"text": text_depth, "vision": vision_depth}
    build(name, folder, real=real)
    dtype = "bfloat16" if real else "float32"  # real widths: as published; tiny: as built
    vqa = FaceVQA.from_pretrained(str(folder), device="cpu", dtype=dtype)
    torch.manual_seed(0)
    t = time_estimate(vqa, _faces(n), "what emotion is shown?", depth)
    weights = memory_estimate(vqa.backbone.model, depth)
    del vqa
    try:
        q4 = memory_estimate(load_backbone(folder, device="cpu", dtype=dtype,
                                          load_in_4bit=True).model, depth)
    except (ImportError, RuntimeError) as e:
        q4 = float("nan")
        note = f" (4-bit load failed: {e})"
    else:
        note = ""
    label = f"{title} {'real-width' if real else 'tiny'} 1 layer/stack, batch {n}"
    ratio = t["model"] / t["pipeline"]
    est = f"ESTIMATE at {text_depth}+{vision_depth} layers"
    return [
        BenchRow(f"pipeline vs its own model calls, {label} (x)", ratio, ">= 0.85",
                 ratio >= 0.85, f"generate() {t['pipeline'] * 1e3:.0f} ms/img, model calls "
                 f"{t['model'] * 1e3:.0f} ms/img; per layer: text {t['text_layer'] * 1e3:.1f}, "
                 f"vision {t['vision_layer'] * 1e3:.1f} ms/img"),
        BenchRow(f"{title} generate() per image, CPU {dtype}, s ({est})", t["pipeline_full"],
                 detail=f"model calls {t['model_full']:.2f} s/img; from {label}"),
        BenchRow(f"{title} weights {dtype}, GiB ({est})", weights / 2**30),
        BenchRow(f"{title} weights 4-bit nf4, GiB ({est})", q4 / 2**30,
                 detail=f"{q4 / weights:.2f}x {dtype}{note}"),
    ]
